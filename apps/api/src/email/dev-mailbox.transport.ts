import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import { DevMailboxMessage } from "./dev-mailbox-message.entity";
import type { MailBatch, Mailer, SendResult } from "./mailer";
import { substituteRecipientVariables } from "./render";

/**
 * The transport when no Mailgun key is configured: each email is rendered exactly as Mailgun would
 * (same batch substitution) and kept in `dev_mailbox_messages`, readable with the devMailbox query.
 */
export class DevMailboxTransport implements Mailer {
  readonly name = "dev-mailbox" as const;
  readonly maxRecipientsPerCall = 500;

  constructor(private readonly dataSource: DataSource) {}

  async send(batch: MailBatch): Promise<SendResult> {
    const rows = batch.recipients.map((r) => {
      const sub = (s: string) => substituteRecipientVariables(s, r.to, r.variables);
      return {
        organizationId: r.meta.organizationId,
        outboxId: r.meta.outboxId,
        toAddress: r.to,
        fromAddress: batch.from,
        kind: r.meta.kind,
        language: r.meta.language,
        subject: sub(batch.content.subject),
        text: sub(batch.content.text),
        html: sub(batch.content.html),
      };
    });
    await this.dataSource.getRepository(DevMailboxMessage).insert(rows);
    return { providerMessageId: `dev-mailbox.${crypto.randomUUID()}` };
  }
}
