import type { Language } from "@portal/schema";

/** Every kind of email the product sends; each has a template per organization and language. */
export enum EmailKind {
  INVITE_LINK = "INVITE_LINK",
  INVITE_TEMPORARY_PASSWORD = "INVITE_TEMPORARY_PASSWORD",
  STAFF_PASSWORD_RESET = "STAFF_PASSWORD_RESET",
  SELF_SERVICE_RESET = "SELF_SERVICE_RESET",
  ACCESS_REVOKED = "ACCESS_REVOKED",
  LOGIN_EMAIL_CHANGED = "LOGIN_EMAIL_CHANGED",
}

/** One email to send, as written to the outbox in the transaction of the change that causes it. */
export interface QueuedEmail {
  kind: EmailKind;
  to: string;
  language: Language;
  accountId?: number | null;
  patientId?: number | null;
  /** Values shown in the email (names, organization). Never clinical data. */
  variables: Record<string, string>;
  /**
   * Secret values (links carrying tokens, temporary passwords). Sealed with AES-256-GCM in the
   * outbox, so the database never holds them in plain text, and wiped once delivered.
   */
  secrets?: Record<string, string>;
  /** The same key is never queued twice in an organization (bulk re-runs, double clicks). */
  dedupeKey?: string | null;
}
