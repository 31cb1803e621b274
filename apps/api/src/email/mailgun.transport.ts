import Mailgun from "mailgun.js";
import type { MailgunMessageData } from "mailgun.js/definitions";
import { MailerError, redactError, type MailBatch, type Mailer, type SendResult } from "./mailer";
import { substituteRecipientVariables } from "./render";

export interface MailgunSettings {
  apiKey: string;
  domain: string;
  url?: string;
  timeoutMs: number;
}

const NETWORK_ERROR = /^E[A-Z_]+$/;

/**
 * Sends through the Mailgun HTTP API with mailgun.js. A batch of several recipients is one call with
 * `recipient-variables`, so each recipient gets an individual copy with their own link.
 */
export class MailgunTransport implements Mailer {
  readonly name = "mailgun" as const;
  readonly maxRecipientsPerCall = 1000;
  private readonly client;

  constructor(private readonly settings: MailgunSettings) {
    // mailgun.js has no default timeout: without one a hung connection would hold a batch forever.
    this.client = new Mailgun(FormData).client({ username: "api", key: settings.apiKey, url: settings.url, timeout: settings.timeoutMs });
  }

  async send(batch: MailBatch): Promise<SendResult> {
    const base = {
      from: batch.from,
      // Click tracking would rewrite token links through the provider's domain; opens are not ours to track.
      "o:tracking": "no",
      "o:tracking-clicks": "no",
      "o:tracking-opens": "no",
      "o:tag": batch.tags.slice(0, 3),
    };
    let data: MailgunMessageData;
    if (batch.recipients.length === 1) {
      const [r] = batch.recipients;
      const sub = (s: string) => substituteRecipientVariables(s, r.to, r.variables);
      data = { ...base, to: [r.to], subject: sub(batch.content.subject), text: sub(batch.content.text), html: sub(batch.content.html), "v:outbox-id": String(r.meta.outboxId) } as MailgunMessageData;
    } else {
      const recipientVariables: Record<string, Record<string, string>> = {};
      for (const r of batch.recipients) recipientVariables[r.to] = { ...r.variables, outbox_id: String(r.meta.outboxId) };
      data = {
        ...base,
        to: batch.recipients.map((r) => r.to),
        subject: batch.content.subject,
        text: batch.content.text,
        html: batch.content.html,
        // Mailgun substitutes v: values per recipient, so each webhook event names its own outbox row.
        "v:outbox-id": "%recipient.outbox_id%",
        "recipient-variables": JSON.stringify(recipientVariables),
      } as MailgunMessageData;
    }
    try {
      const res = await this.client.messages.create(this.settings.domain, data);
      if (!res.id) throw new MailerError(`Mailgun answered ${res.status} without a message id`, true, res.status);
      return { providerMessageId: res.id.replace(/^<|>$/g, "") };
    } catch (err) {
      throw toMailerError(err);
    }
  }
}

/** Network errors, timeouts, 429 and 5xx are worth retrying; any other 4xx will fail again. */
export function toMailerError(err: unknown): MailerError {
  if (err instanceof MailerError) return err;
  const e = err as { type?: string; status?: number; message?: string; details?: string };
  if (e?.type === "MailgunAPIError") {
    const network = NETWORK_ERROR.test(e.message ?? "");
    const status = network ? null : (e.status ?? null);
    const retryable = network || status === 429 || (status !== null && status >= 500);
    let retryAfter: Date | null = null;
    const after = /try again after (.+)$/i.exec(e.details ?? "");
    if (after) {
      const t = Date.parse(after[1]);
      if (!Number.isNaN(t)) retryAfter = new Date(t);
    }
    const text = network ? `${e.message}: ${e.details ?? ""}` : `HTTP ${status}: ${e.details || e.message || ""}`;
    return new MailerError(redactError(text), retryable, status, retryAfter);
  }
  // Anything else is unexpected (a bug or an environment problem): retry, bounded by the attempt limit.
  return new MailerError(redactError(String((err as Error)?.message ?? err)), true);
}
