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
  /** Names this call at the provider (Mailgun: the custom variable `v:batch-id`), for `acceptedRecipients`. */
  batchId?: string;
}

/** A call whose outcome is unknown (its process died in it, or no answer came back). */
export interface CallInDoubt {
  batchId: string;
  /** When the call started: nothing it caused is older. */
  startedAt: Date;
  recipients: { to: string; outboxId: number }[];
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
    /**
     * No answer came back although the request may have reached the provider (timeout, reset
     * connection): the call may have been accepted, so its rows are in doubt, not simply failed.
     */
    readonly inDoubt = false,
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
  /**
   * Asks the provider which recipients of a call in doubt it accepted: address (lower case) → the
   * provider's message id. Throws a MailerError when the provider cannot answer now. An empty answer
   * is conclusive only once the call is older than `settleMs`.
   */
  acceptedRecipients(call: CallInDoubt): Promise<Map<string, string>>;
  /** How long after a call the provider may still be recording it (Mailgun: its events' delay). */
  readonly settleMs: number;
}

/** Error text safe to store and log: no addresses, bounded length. */
export function redactError(text: string, max = 500): string {
  return text.replace(/[^\s@<>"',;:()]+@[^\s@<>"',;:()]+/g, "<address>").slice(0, max);
}
