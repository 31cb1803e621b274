/** The four portal colours of a patient (seed 002). Derived from grants and accounts; stored on the patient so the grid can filter on it. */
export enum PortalStatus {
  NO_ACCESS = "NO_ACCESS",
  ENABLED = "ENABLED",
  INVITED = "INVITED",
  ACTIVE = "ACTIVE",
}

/** SELF: the patient's own account. PROXY: a contact (family, guardian, physician, authorized representative). */
export enum AccessType {
  SELF = "SELF",
  PROXY = "PROXY",
}

/** What a staff role may do. */
export enum StaffPermission {
  MANAGE_PORTAL_ACCESS = "MANAGE_PORTAL_ACCESS",
  VIEW_PATIENTS = "VIEW_PATIENTS",
  EDIT_PATIENTS = "EDIT_PATIENTS",
  CONFIGURE_PORTAL_ROLES = "CONFIGURE_PORTAL_ROLES",
  CONFIGURE_EMAIL_TEMPLATES = "CONFIGURE_EMAIL_TEMPLATES",
  MANAGE_STAFF = "MANAGE_STAFF",
  VIEW_AUDIT_LOG = "VIEW_AUDIT_LOG",
  MANAGE_API_KEYS = "MANAGE_API_KEYS",
  MANAGE_SETTINGS = "MANAGE_SETTINGS",
  /** Read the dev mailbox, which holds working links: a development tool, given only to the demo administrator. */
  VIEW_DEV_MAILBOX = "VIEW_DEV_MAILBOX",
}

/** What a portal role lets the holder of a grant see or do on the patient's profile. */
export enum PortalPermission {
  VIEW_DEMOGRAPHICS = "VIEW_DEMOGRAPHICS",
  VIEW_APPOINTMENTS = "VIEW_APPOINTMENTS",
  REQUEST_APPOINTMENTS = "REQUEST_APPOINTMENTS",
  VIEW_DOCUMENTS = "VIEW_DOCUMENTS",
  SUBMIT_FORMS = "SUBMIT_FORMS",
  VIEW_BILLING = "VIEW_BILLING",
}

/** A contact's relationship to the patient. */
export enum ContactRelationship {
  MOTHER = "MOTHER",
  FATHER = "FATHER",
  GUARDIAN = "GUARDIAN",
  SPOUSE = "SPOUSE",
  CHILD = "CHILD",
  SIBLING = "SIBLING",
  PHYSICIAN = "PHYSICIAN",
  AUTHORIZED_REPRESENTATIVE = "AUTHORIZED_REPRESENTATIVE",
  OTHER = "OTHER",
}

/** How an organization invites portal users (rule 6). */
export enum InviteMethod {
  LINK = "LINK",
  TEMPORARY_PASSWORD = "TEMPORARY_PASSWORD",
}

/** Languages the product speaks (emails, admin, portal). */
export enum Language {
  EN = "en",
  FR = "fr",
}

/** Who performed an audited action. */
export enum ActorType {
  STAFF = "STAFF",
  PORTAL_ACCOUNT = "PORTAL_ACCOUNT",
  API_KEY = "API_KEY",
  SYSTEM = "SYSTEM",
}

/** What the onboarding grid can be sorted by. STATUS sorts by colour (red, gray, orange, green), then by name. */
export enum PatientSortField {
  NAME = "NAME",
  STATUS = "STATUS",
  LAST_INVITE_SENT = "LAST_INVITE_SENT",
  LAST_SIGN_IN = "LAST_SIGN_IN",
}

/** Sort direction. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

/** The colour order of seed 002 (red, gray, orange, green): how STATUS sorts. */
export const PORTAL_STATUS_ORDER: readonly PortalStatus[] = [PortalStatus.NO_ACCESS, PortalStatus.ENABLED, PortalStatus.INVITED, PortalStatus.ACTIVE];

/** What a bulk job does to each selected patient. */
export enum BulkJobKind {
  ENABLE_PORTAL_ACCESS = "ENABLE_PORTAL_ACCESS",
  SEND_PORTAL_INVITES = "SEND_PORTAL_INVITES",
  /** Email an invite reminder (a fresh link) to invited accounts that have not signed in (rule 23). */
  SEND_INVITE_REMINDERS = "SEND_INVITE_REMINDERS",
}

/** Life of a bulk job. INTERRUPTED: the process stopped while it ran; finished rows are kept. */
export enum BulkJobState {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
  INTERRUPTED = "INTERRUPTED",
}

/** Result of one row of a bulk job. */
export enum BulkJobOutcome {
  PENDING = "PENDING",
  SUCCEEDED = "SUCCEEDED",
  SKIPPED = "SKIPPED",
  FAILED = "FAILED",
}
