/**
 * What an API key may do. Values are the scope strings partner developers read in the docs
 * (`patients:read`); GraphQL shows the enum keys (PATIENTS_READ).
 */
export enum ApiKeyScope {
  PATIENTS_READ = "patients:read",
  PATIENTS_WRITE = "patients:write",
  PORTAL_ACCESS_READ = "portal_access:read",
  PORTAL_ACCESS_WRITE = "portal_access:write",
  AUDIT_READ = "audit:read",
}

/** Events a partner can subscribe to with a webhook. Values are the `type` field of each delivery. */
export enum WebhookEventType {
  PORTAL_ACCESS_ENABLED = "portal_access.enabled",
  PORTAL_ACCESS_REVOKED = "portal_access.revoked",
  PORTAL_ACCOUNT_DISABLED = "portal_account.disabled",
  PORTAL_INVITE_SENT = "portal_invite.sent",
  PORTAL_INVITE_ACCEPTED = "portal_invite.accepted",
  PORTAL_INVITE_DELIVERY_FAILED = "portal_invite.delivery_failed",
  /** An invited account that has not signed in was emailed a reminder with a fresh link (rule 23). */
  PORTAL_INVITE_REMINDED = "portal_invite.reminded",
  /** A parent's proxy was switched to the organization's narrower portal role by the age rules (rule 20). */
  PORTAL_ACCESS_LIMITED = "portal_access.limited",
  /** The patient was made inactive (discharged, deceased, merged): every grant to the patient is suspended. */
  PATIENT_DEACTIVATED = "patient.deactivated",
  /** The patient was made active again; suspended grants stay suspended until staff enable access again. */
  PATIENT_REACTIVATED = "patient.reactivated",
  /** A patient was created by an import or by upsertPatients. */
  PATIENT_CREATED = "patient.created",
  /** A patient's details (or contacts) were changed by an import or by upsertPatients. */
  PATIENT_UPDATED = "patient.updated",
  /** Sent only by sendTestWebhookEvent. */
  TEST = "webhook.test",
}

/** Every API key secret starts with this, so secret scanners and people recognise a leaked key. */
export const API_KEY_PREFIX = "pak_live_";
