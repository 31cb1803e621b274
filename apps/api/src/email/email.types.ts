import type { Language } from "@portal/schema";

/** Every kind of email the product sends; each has a template per organization and language. */
export enum EmailKind {
  INVITE_LINK = "INVITE_LINK",
  INVITE_TEMPORARY_PASSWORD = "INVITE_TEMPORARY_PASSWORD",
  STAFF_PASSWORD_RESET = "STAFF_PASSWORD_RESET",
  SELF_SERVICE_RESET = "SELF_SERVICE_RESET",
  ACCESS_REVOKED = "ACCESS_REVOKED",
  LOGIN_EMAIL_CHANGED = "LOGIN_EMAIL_CHANGED",
  LOGIN_EMAIL_CONFIRM = "LOGIN_EMAIL_CONFIRM",
  MFA_CODE = "MFA_CODE",
  STAFF_INVITE = "STAFF_INVITE",
  INVITE_REMINDER = "INVITE_REMINDER",
  ACCESS_CHANGE_NOTICE = "ACCESS_CHANGE_NOTICE",
  PROXY_END_REMINDER = "PROXY_END_REMINDER",
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

/**
 * The placeholders a template of each kind may use (`{{name}}`). Values come from the queued
 * email's `variables` and `secrets`; the worker fills `organizationName`, `portalUrl`, `signInUrl`,
 * `expiresInDays` and `expiresInHours` itself when the caller leaves them out.
 */
export const COMMON_PLACEHOLDERS = ["recipientName", "organizationName", "portalUrl", "signInUrl"] as const;

export const EMAIL_PLACEHOLDERS: Record<EmailKind, { variables: readonly string[]; secrets: readonly string[] }> = {
  /** secrets.link = PUBLIC_URL/portal/invite/<token>; patientName = whose profile the account will see. */
  [EmailKind.INVITE_LINK]: { variables: [...COMMON_PLACEHOLDERS, "patientName", "expiresInDays"], secrets: ["link"] },
  /** secrets.temporaryPassword; signInUrl is where to sign in. */
  [EmailKind.INVITE_TEMPORARY_PASSWORD]: { variables: [...COMMON_PLACEHOLDERS, "patientName"], secrets: ["temporaryPassword"] },
  /** secrets.link = PUBLIC_URL/portal/reset/<token>, valid expiresInHours (24). */
  [EmailKind.STAFF_PASSWORD_RESET]: { variables: [...COMMON_PLACEHOLDERS, "expiresInHours"], secrets: ["link"] },
  [EmailKind.SELF_SERVICE_RESET]: { variables: [...COMMON_PLACEHOLDERS, "expiresInHours"], secrets: ["link"] },
  /** patientName = whose profile the account can no longer see. */
  [EmailKind.ACCESS_REVOKED]: { variables: [...COMMON_PLACEHOLDERS, "patientName"], secrets: [] },
  /** Sent to the old address when a change is requested (rule 14); deliberately names neither address. */
  [EmailKind.LOGIN_EMAIL_CHANGED]: { variables: [...COMMON_PLACEHOLDERS], secrets: [] },
  /** Sent to the new address; secrets.link = PUBLIC_URL/portal/confirm-email/<token>, valid expiresInHours (24). */
  [EmailKind.LOGIN_EMAIL_CONFIRM]: { variables: [...COMMON_PLACEHOLDERS, "expiresInHours"], secrets: ["link"] },
  /** secrets.code = the 6-digit sign-in code (two-factor sign-in by email), valid expiresInMinutes (10), once. */
  [EmailKind.MFA_CODE]: { variables: [...COMMON_PLACEHOLDERS, "expiresInMinutes"], secrets: ["code"] },
  /** To a new staff member; secrets.link = PUBLIC_URL/admin/accept-invite/<token>, valid expiresInHours (72), once. */
  [EmailKind.STAFF_INVITE]: { variables: [...COMMON_PLACEHOLDERS, "expiresInHours"], secrets: ["link"] },
  /** Rule 23: secrets.link = a fresh PUBLIC_URL/portal/invite/<token> (the earlier link stops working). */
  [EmailKind.INVITE_REMINDER]: { variables: [...COMMON_PLACEHOLDERS, "patientName", "expiresInDays"], secrets: ["link"] },
  /** Rule 20: to a parent holding proxy access and to the patient, before the age rules limit or end it; changeDescription is written in the email's language. */
  [EmailKind.ACCESS_CHANGE_NOTICE]: { variables: [...COMMON_PLACEHOLDERS, "patientName", "proxyName", "changeDate", "changeDescription"], secrets: [] },
  /** Rule 21: to staff, before a proxy grant's end date; patientUrl opens the patient's Portal tab in the admin. */
  [EmailKind.PROXY_END_REMINDER]: { variables: [...COMMON_PLACEHOLDERS, "patientName", "proxyName", "changeDate", "patientUrl"], secrets: [] },
};

/** Every placeholder a template of this kind may contain. */
export function placeholdersOf(kind: EmailKind): string[] {
  const p = EMAIL_PLACEHOLDERS[kind];
  return [...p.variables, ...p.secrets];
}

/** Invite kinds: their permanent failure is shown on the account and patient so staff can fix the email. */
export const INVITE_KINDS: readonly string[] = [EmailKind.INVITE_LINK, EmailKind.INVITE_TEMPORARY_PASSWORD, EmailKind.INVITE_REMINDER];
