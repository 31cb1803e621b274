import type { TemplateParts } from "./render";

/** What the worker knows about each recipient of a call, for transports that record it. */
export interface RecipientMeta {
  outboxId: number;
  organizationId: number;
  kind: string;
  language: string;
}

/**
 * One provider call: a template (with `%recipient.<key>%` placeholders when there are several
 * recipients) and, per recipient, its address and the values substituted into it. Every recipient
 * gets an individual copy with only their own address in To:.
 */
export interface MailBatch {
  from: string;
  content: TemplateParts;
  recipients: { to: string; variables: Record<string, string>; meta: RecipientMeta }[];
  tags: string[];
}

export interface SendResult {
  /** The provider's id for the call, without angle brackets; shared by every recipient of a batch. */
  providerMessageId: string;
}

/** A refused or failed call. `retryable` decides between a later attempt and giving up. */
export class MailerError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    /** When the provider said when to retry (Mailgun 429 "try again after <date>"). */
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
  }
}

/** A way to deliver email: Mailgun, or the dev mailbox when no Mailgun key is configured. */
export interface Mailer {
  readonly name: "mailgun" | "dev-mailbox";
  /** Recipients per call (Mailgun allows 1,000). */
  readonly maxRecipientsPerCall: number;
  send(batch: MailBatch): Promise<SendResult>;
}

/** Error text safe to store and log: no addresses, bounded length. */
export function redactError(text: string, max = 500): string {
  return text.replace(/[^\s@<>"',;:()]+@[^\s@<>"',;:()]+/g, "<address>").slice(0, max);
}
