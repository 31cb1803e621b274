import crypto from "node:crypto";
import { In, MoreThanOrEqual, type DataSource } from "typeorm";
import { DevMailboxMessage } from "./dev-mailbox-message.entity";
import type { CallInDoubt, MailBatch, Mailer, SendResult } from "./mailer";
import { substituteRecipientVariables } from "./render";
import type { SecretBox } from "./secret-box";

/** Shown instead of an email that can no longer be opened (sealed under another SESSION_SECRET). */
const UNREADABLE = "(this email was sealed with another SESSION_SECRET and can no longer be read)";

/**
 * The transport when EMAIL_TRANSPORT is the dev mailbox: each email is rendered exactly as Mailgun
 * would (same batch substitution) and kept in `dev_mailbox_messages`, readable with the devMailbox
 * query. Subject and bodies are sealed before they are written: the table never holds a raw link.
 */
export class DevMailboxTransport implements Mailer {
  readonly name = "dev-mailbox" as const;
  readonly maxRecipientsPerCall = 500;
  // One INSERT: once committed it is visible, and a process that died before the commit sent nothing.
  readonly settleMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

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
        contentSealed: this.box.seal({ subject: sub(batch.content.subject), text: sub(batch.content.text), html: sub(batch.content.html) }),
      };
    });
    await this.dataSource.getRepository(DevMailboxMessage).insert(rows);
    return { providerMessageId: `dev-mailbox.${crypto.randomUUID()}` };
  }

  async acceptedRecipients(call: CallInDoubt): Promise<Map<string, string>> {
    const kept = await this.dataSource.getRepository(DevMailboxMessage).find({
      select: { outboxId: true, toAddress: true },
      // A second of slack: createdAt is the database's clock, startedAt the worker's.
      where: { outboxId: In(call.recipients.map((r) => r.outboxId)), createdAt: MoreThanOrEqual(new Date(call.startedAt.getTime() - 1000)) },
    });
    return new Map(kept.map((k) => [k.toAddress.trim().toLowerCase(), `dev-mailbox.${call.batchId}`]));
  }
}

/** Opens the kept emails for the staff member reading them (the devMailbox query), in place. */
export function openDevMailboxMessages(box: SecretBox, messages: DevMailboxMessage[]): DevMailboxMessage[] {
  for (const message of messages) {
    let content: Record<string, string>;
    try {
      content = box.open(message.contentSealed);
    } catch {
      content = { subject: UNREADABLE, text: UNREADABLE, html: UNREADABLE };
    }
    Object.assign(message, { subject: content.subject ?? "", text: content.text ?? "", html: content.html ?? "" });
  }
  return messages;
}
