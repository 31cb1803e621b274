import { ApiKeyScope, PortalPermission, StaffPermission } from "@portal/schema";

/**
 * THE access policy (SPEC rule 16): for every query, every mutation and every field that holds
 * personal or clinical data, who may use it. `enforce-policy.ts` wraps the schema's resolvers from
 * these tables alone, the matrix test (test/int/authz-matrix.int.test.ts) walks every operation ×
 * every kind of caller against them, and the partner docs' scope table and the admin's key dialog are
 * generated from them (`emit-schema`), so what a screen promises is what holds.
 *
 * A rule allows a caller when any line of it matches:
 *  - `anyone`: every caller, signed in or not (token-based or public operations);
 *  - `staff`: a signed-in staff member holding at least one of the permissions, or "any" staff member;
 *  - `keys`: a partner API key holding at least one of the scopes;
 *  - `portal`: a signed-in portal account; with `portalPermission`, only where the grant's portal role
 *    permits it (the object's permissions, see TYPES[...].grantPermissions).
 * A refused field answers FORBIDDEN (UNAUTHENTICATED for a caller of no kind the rule names), unless
 * the rule says `whenDenied: "null"` (the portal's profile sections, which read as "not shared").
 */
export interface AccessRule {
  anyone?: true;
  staff?: readonly StaffPermission[] | "any";
  keys?: readonly ApiKeyScope[];
  portal?: true;
  portalPermission?: PortalPermission;
  whenDenied?: "error" | "null";
  /** What the rule guards, in the words of the partner docs. */
  doc?: string;
}

const {
  MANAGE_PORTAL_ACCESS,
  VIEW_PATIENTS,
  EDIT_PATIENTS,
  CONFIGURE_PORTAL_ROLES,
  CONFIGURE_EMAIL_TEMPLATES,
  MANAGE_STAFF,
  VIEW_AUDIT_LOG,
  MANAGE_API_KEYS,
  MANAGE_SETTINGS,
  VIEW_DEV_MAILBOX,
} = StaffPermission;
const { PATIENTS_READ, PATIENTS_WRITE, PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE, AUDIT_READ } = ApiKeyScope;

// The few shapes most rows take. A write scope includes its read, so each read lists both.
/** A patient's or contact's record: names, MRN, date of birth, email on file, contacts. */
const PATIENT_RECORD: AccessRule = { staff: [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_READ, PATIENTS_WRITE] };
/** Portal access information: statuses, grants, accounts, invites, login emails. */
const PORTAL_INFO: AccessRule = { staff: [MANAGE_PORTAL_ACCESS], keys: [PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE] };
const PORTAL_CHANGE: AccessRule = { staff: [MANAGE_PORTAL_ACCESS], keys: [PORTAL_ACCESS_WRITE] };
const PATIENT_CHANGE: AccessRule = { staff: [EDIT_PATIENTS], keys: [PATIENTS_WRITE] };
const staffOnly = (...permissions: StaffPermission[]): AccessRule => ({ staff: permissions });
const PORTAL_ACCOUNT: AccessRule = { portal: true };
const ANYONE: AccessRule = { anyone: true };
/** Reachable by whoever reached the object holding it (ids, structure): no rule of its own. */
export const OPEN: AccessRule = ANYONE;

/** Every root field of the schema. A root field missing here is refused to everyone and fails the matrix test. */
export const OPERATIONS: Record<string, AccessRule> = {
  // Staff's own session and the patient record.
  "Query.viewer": { ...ANYONE, doc: "The signed-in staff member, or null (null for a key, a portal account or no one)." },
  "Query.patients": { staff: [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_READ, PATIENTS_WRITE, PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE], doc: "List patients; which fields and filters answer depends on the fields' rules." },
  "Query.patient": { staff: [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_READ, PATIENTS_WRITE, PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE], doc: "One patient (audited as patient.viewed)." },
  "Mutation.createPatient": { ...PATIENT_CHANGE, doc: "Create a patient." },
  "Mutation.updatePatient": { ...PATIENT_CHANGE, doc: "Edit a patient." },
  // Seed 000: a proxy must first be a contact, so whoever manages portal access adds and fixes contacts too.
  "Mutation.createContact": { staff: [EDIT_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_WRITE], doc: "Add a contact to a patient." },
  "Mutation.updateContact": { staff: [EDIT_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_WRITE], doc: "Edit or disable a contact; a new email of a contact holding access asks the new address to confirm the login (rules 14, 18) when the caller may manage portal access." },

  // Portal access, one patient or account at a time.
  "Query.portalAccounts": { ...PORTAL_INFO, doc: "List portal accounts." },
  "Query.portalRoles": { staff: [MANAGE_PORTAL_ACCESS, CONFIGURE_PORTAL_ROLES], keys: [PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE], doc: "The organization's portal roles." },
  "Query.onboardingStats": { ...staffOnly(MANAGE_PORTAL_ACCESS), doc: "Invites sent and accepted per week." },
  "Mutation.enablePortalAccess": { ...PORTAL_CHANGE, doc: "Enable a patient's own access." },
  "Mutation.grantContactPortalAccess": { ...PORTAL_CHANGE, doc: "Give a contact proxy access." },
  "Mutation.linkPatientToPortalAccount": { ...PORTAL_CHANGE, doc: "Link a patient to an existing account (rule 4)." },
  "Mutation.changePortalRole": { ...PORTAL_CHANGE, doc: "Change a grant's role." },
  "Mutation.revokePortalAccess": { ...PORTAL_CHANGE, doc: "Remove one grant." },
  "Mutation.revokeAllPortalAccess": { ...PORTAL_CHANGE, doc: "Remove every grant of an account." },
  "Mutation.setPortalAccountDisabled": { ...PORTAL_CHANGE, doc: "Disable or re-enable an account." },
  "Mutation.forcePortalPasswordChange": { ...PORTAL_CHANGE, doc: "Force a password change at next sign-in." },
  "Mutation.sendPortalInvite": { ...PORTAL_CHANGE, doc: "Send or resend an invite." },
  "Mutation.resetPortalPassword": { ...PORTAL_CHANGE, doc: "Email a password reset link to the login email on file." },
  // Moving a login to another address is an account takeover if misused: staff only, never a key,
  // and it takes effect only once the new address confirms (rule 18).
  "Mutation.changePortalLoginEmail": { ...staffOnly(MANAGE_PORTAL_ACCESS), doc: "Ask to change an account's login email (staff only)." },

  // Bulk onboarding.
  "Mutation.bulkEnablePortalAccess": { ...PORTAL_CHANGE, doc: "Enable access for many patients." },
  "Mutation.bulkSendPortalInvites": { ...PORTAL_CHANGE, doc: "Send invites to many patients." },
  "Query.bulkJob": { ...PORTAL_INFO, doc: "One bulk job and its report." },
  "Query.bulkJobs": { ...PORTAL_INFO, doc: "The organization's bulk jobs." },
  "Mutation.bulkSendPortalInviteReminders": { ...PORTAL_CHANGE, doc: "Email invite reminders to many invited patients (rule 23)." },
  // Rule 23's front-desk sheet holds a working invite link and code: as sending an invite, but staff
  // only, since a key would hold the secret itself instead of the patient's mailbox.
  "Mutation.issuePortalActivationCode": { ...staffOnly(MANAGE_PORTAL_ACCESS), doc: "Print or show an activation sheet (QR code of a fresh invite link and an 8-character code), staff only." },
  // Import and sync (rule 19).
  "Mutation.upsertPatients": { ...PATIENT_CHANGE, doc: "Create or update up to 1,000 patients and their contacts, keyed by external id or MRN." },
  "Query.patientByExternalId": { staff: [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS], keys: [PATIENTS_READ, PATIENTS_WRITE, PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE], doc: "One patient by your system's id (audited as patient.viewed)." },
  "Mutation.confirmPatientImport": { ...PATIENT_CHANGE, doc: "Run a patient import after its dry run (POST /imports/patients follows the same rule)." },
  "Query.importJob": { ...PATIENT_CHANGE, doc: "A patient import: dry run, progress and per-row report (GET /imports/<id>/results.csv follows the same rule)." },
  // Access over time (rules 20, 21): a proxy's basis and end date are part of its grant.
  "Mutation.updateProxyAuthorization": { ...PORTAL_CHANGE, doc: "Record a proxy grant's basis, document reference and end date (rule 21)." },
  "Mutation.renewProxyAccess": { ...PORTAL_CHANGE, doc: "Renew a proxy grant: its end date moves one year on (rule 21)." },

  // The portal itself: public token steps, then the signed-in account.
  "Mutation.acceptPortalInvite": { ...ANYONE, doc: "Accept an invite with its token and the date of birth on file." },
  "Mutation.requestPortalPasswordReset": { ...ANYONE, doc: "Ask for a reset email (never tells whether the address has an account)." },
  "Mutation.completePortalPasswordReset": { ...ANYONE, doc: "Set a new password with a reset token." },
  "Mutation.confirmPortalLoginEmail": { ...ANYONE, doc: "Confirm a requested login email with the token sent to the new address." },
  "Query.portalViewer": { ...PORTAL_ACCOUNT, doc: "The signed-in portal account and its profiles." },
  "Mutation.changePortalPassword": { ...PORTAL_ACCOUNT, doc: "Change the signed-in account's password." },
  "Mutation.updatePortalAccountLanguage": { ...PORTAL_ACCOUNT, doc: "Set the signed-in account's language (portal and emails)." },
  "Query.checkPortalInvite": { ...ANYONE, doc: "Whether an invite link can still be accepted (token-based, rate-limited, names no one)." },
  "Mutation.activatePortalAccount": { ...ANYONE, doc: "Set up an account with a front-desk activation code and the date of birth on file (rate-limited)." },
  "Mutation.requestNewPortalInvite": { ...ANYONE, doc: "Ask for a fresh invite after an expired or locked link, with the date of birth on file (same answer whether or not it matches; rate-limited)." },

  // Configuration: staff only, each with its own permission (rule 12).
  "Mutation.createPortalRole": { ...staffOnly(CONFIGURE_PORTAL_ROLES) },
  "Mutation.updatePortalRole": { ...staffOnly(CONFIGURE_PORTAL_ROLES) },
  "Mutation.deletePortalRole": { ...staffOnly(CONFIGURE_PORTAL_ROLES) },
  "Query.staffRoles": { ...staffOnly(MANAGE_STAFF) },
  "Query.staffUsers": { ...staffOnly(MANAGE_STAFF) },
  "Mutation.createStaffRole": { ...staffOnly(MANAGE_STAFF) },
  "Mutation.updateStaffRole": { ...staffOnly(MANAGE_STAFF) },
  "Mutation.deleteStaffRole": { ...staffOnly(MANAGE_STAFF) },
  "Mutation.createStaffUser": { ...staffOnly(MANAGE_STAFF) },
  "Mutation.inviteStaffUser": { ...staffOnly(MANAGE_STAFF), doc: "Add a staff member and email them a link to choose a password (the role's permissions must all be held)." },
  "Mutation.resendStaffInvite": { ...staffOnly(MANAGE_STAFF), doc: "Send a new invitation to a staff member who has not chosen a password yet." },
  "Mutation.acceptStaffInvite": { ...ANYONE, doc: "Choose an invited staff member's first password with the emailed token." },
  "Mutation.unlockStaffUser": { ...staffOnly(MANAGE_STAFF), doc: "Lift a staff user's sign-in lock (audited, with a reason)." },
  "Mutation.unlockPortalAccount": { ...staffOnly(MANAGE_STAFF), doc: "Lift a portal account's sign-in lock (audited, with a reason)." },
  "Mutation.updateStaffUser": { ...staffOnly(MANAGE_STAFF), doc: "Move a staff member to another role, disable or re-enable them." },
  "Mutation.updateOrganizationSettings": { ...staffOnly(MANAGE_SETTINGS) },
  // Whoever manages portal access needs to know the age rules they work under; settings change them.
  "Query.accessScheduleSettings": { ...staffOnly(MANAGE_SETTINGS, MANAGE_PORTAL_ACCESS), doc: "The organization's age rules for minors and proxy end-date reminders." },
  "Mutation.updateAccessScheduleSettings": { ...staffOnly(MANAGE_SETTINGS) },
  // Two-factor sign-in (rule 18): one's own factor for any staff member; another's reset needs MANAGE_STAFF.
  "Mutation.startMfaEnrollment": { staff: "any", doc: "Start enrolling an authenticator app (own account)." },
  "Mutation.confirmMfaEnrollment": { staff: "any", doc: "Confirm the enrollment with a first code (own account)." },
  "Mutation.regenerateRecoveryCodes": { staff: "any", doc: "Replace one's recovery codes." },
  "Mutation.disableMfa": { staff: "any", doc: "Turn off one's own two-factor sign-in." },
  "Mutation.startPortalTotpEnrollment": { ...PORTAL_ACCOUNT, doc: "Start adding an authenticator app to the signed-in portal account." },
  "Mutation.confirmPortalTotpEnrollment": { ...PORTAL_ACCOUNT, doc: "Confirm the portal account's authenticator app." },
  "Mutation.enablePortalEmailMfa": { ...PORTAL_ACCOUNT, doc: "Turn on sign-in codes by email for the portal account." },
  "Mutation.disablePortalMfa": { ...PORTAL_ACCOUNT, doc: "Turn off the portal account's own second step." },
  "Mutation.resetStaffMfa": { ...staffOnly(MANAGE_STAFF), doc: "Reset a staff member's second factor (audited, with a reason)." },
  "Query.emailTemplates": { ...staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  "Query.previewEmailTemplate": { ...staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  "Mutation.updateEmailTemplate": { ...staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  "Mutation.resetEmailTemplate": { ...staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  "Mutation.sendSampleEmail": { ...staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  "Query.apiKeys": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.createApiKey": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.revokeApiKey": { ...staffOnly(MANAGE_API_KEYS) },
  "Query.webhookSubscriptions": { ...staffOnly(MANAGE_API_KEYS) },
  "Query.webhookDeliveries": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.createWebhookSubscription": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.updateWebhookSubscription": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.deleteWebhookSubscription": { ...staffOnly(MANAGE_API_KEYS) },
  "Mutation.sendTestWebhookEvent": { ...staffOnly(MANAGE_API_KEYS) },

  "Query.auditEvents": { staff: [VIEW_AUDIT_LOG], keys: [AUDIT_READ], doc: "The audit log." },
  // Holds working links: a development tool, never for a key (rule 16).
  "Query.devMailbox": { ...staffOnly(VIEW_DEV_MAILBOX), doc: "Emails kept by the dev mailbox (development only)." },
};

export interface TypeRule {
  /** The rule of every field of the type not listed in `fields`. */
  default: AccessRule;
  fields?: Record<string, AccessRule>;
  /** For `portalPermission` rules: the portal permissions the object's grant holds. */
  grantPermissions?: (source: unknown) => readonly PortalPermission[];
}

const portalSection = (permission: PortalPermission): AccessRule => ({ portal: true, portalPermission: permission, whenDenied: "null" });
const profilePermissions = (source: unknown) => (source as { role: { permissions: PortalPermission[] } }).role.permissions;

/**
 * Every object type that holds personal or clinical data, or that only some callers may reach.
 * Types of no personal data are listed in NO_PERSONAL_DATA; payloads, connections and edges are
 * structure. The matrix test fails on an object type in none of the three.
 */
export const TYPES: Record<string, TypeRule> = {
  Patient: {
    default: PATIENT_RECORD,
    fields: {
      id: OPEN,
      portalStatus: PORTAL_INFO,
      lastInviteSentAt: PORTAL_INFO,
      lastSignInAt: PORTAL_INFO,
      inviteDeliveryFailedAt: PORTAL_INFO,
      inviteProblem: PORTAL_INFO,
      lastReminderAt: PORTAL_INFO,
      portalAccess: PORTAL_INFO,
      loginEmail: PORTAL_INFO,
      portalGrants: PORTAL_INFO,
      linkableAccount: PORTAL_INFO,
      inviteAction: PORTAL_INFO,
      upcomingAccessChange: PORTAL_INFO,
      selfAccessAllowedFrom: PORTAL_INFO,
    },
  },
  Contact: { default: PATIENT_RECORD, fields: { id: OPEN, patientId: OPEN, patient: OPEN, portalGrant: PORTAL_INFO } },
  PatientConnection: { default: OPEN, fields: { statusCounts: PORTAL_INFO } },
  PortalGrant: { default: PORTAL_INFO, fields: { id: OPEN } },
  PortalAccount: { default: PORTAL_INFO, fields: { id: OPEN, lockedUntil: { ...PORTAL_INFO, staff: [MANAGE_PORTAL_ACCESS, MANAGE_STAFF] } } },
  PortalInvite: { default: PORTAL_INFO },
  InviteDelivery: { default: PORTAL_INFO },
  InviteAction: { default: PORTAL_INFO },
  BulkJob: { default: PORTAL_INFO },
  BulkJobItem: { default: PORTAL_INFO },
  PortalActivationSheet: { default: staffOnly(MANAGE_PORTAL_ACCESS) },
  // An import's rows carry the file's names and identifiers: whoever may import may read them.
  ImportJob: { default: PATIENT_CHANGE },
  ImportJobRow: { default: PATIENT_CHANGE },
  ImportRowProblem: { default: PATIENT_CHANGE },
  UpsertPatientResult: { default: OPEN },
  // Dates derived from a patient's date of birth: portal information.
  ScheduledAccessChange: { default: PORTAL_INFO },
  AccessScheduleSettings: { default: staffOnly(MANAGE_SETTINGS, MANAGE_PORTAL_ACCESS) },
  AuditEvent: { default: { staff: [VIEW_AUDIT_LOG], keys: [AUDIT_READ] } },
  DevMailboxMessage: { default: staffOnly(VIEW_DEV_MAILBOX) },
  StaffUser: { default: { staff: "any" }, fields: { lockedUntil: staffOnly(MANAGE_STAFF) } },
  Viewer: { default: { staff: "any" } },
  Organization: { default: { staff: "any" } },
  ApiKey: { default: staffOnly(MANAGE_API_KEYS) },
  WebhookSubscription: { default: staffOnly(MANAGE_API_KEYS) },
  WebhookDelivery: { default: staffOnly(MANAGE_API_KEYS) },
  EmailTemplate: { default: staffOnly(CONFIGURE_EMAIL_TEMPLATES) },
  PortalViewer: { default: PORTAL_ACCOUNT },
  PortalSelf: { default: PORTAL_ACCOUNT },
  PortalProfilePatient: { default: PORTAL_ACCOUNT },
  PortalProfile: {
    default: PORTAL_ACCOUNT,
    grantPermissions: profilePermissions,
    fields: {
      demographics: portalSection(PortalPermission.VIEW_DEMOGRAPHICS),
      appointments: portalSection(PortalPermission.VIEW_APPOINTMENTS),
      documents: portalSection(PortalPermission.VIEW_DOCUMENTS),
      statements: portalSection(PortalPermission.VIEW_BILLING),
    },
  },
  PortalDemographics: { default: PORTAL_ACCOUNT },
  PortalAppointment: { default: PORTAL_ACCOUNT },
  PortalDocument: { default: PORTAL_ACCOUNT },
  PortalStatement: { default: PORTAL_ACCOUNT },
};

/** Object types that hold no personal data: reachable by whoever reached them. */
export const NO_PERSONAL_DATA = new Set(["PageInfo", "UserError", "StatusCount", "PortalRole", "PortalProfileRole", "StaffRole", "OnboardingStats", "InviteWeek", "ImportColumn"]);

/** Payloads, connections and edges only carry other types; their fields' types hold the rules. */
export function isStructural(typeName: string): boolean {
  return /(Payload|Connection|Edge)$/.test(typeName) && !(typeName in TYPES);
}

/**
 * Arguments that reveal a field: filtering or sorting on it tells as much as reading it (rule 16),
 * so each is refused to a caller who may not read the field. Keyed by input field (`Input.field`)
 * or enum value (`Enum.VALUE`), anywhere in any operation's arguments.
 */
export const REVEALS: Record<string, string> = {
  "PatientFilterInput.search": "Patient.lastName",
  "PatientFilterInput.hasEmail": "Patient.email",
  "PatientFilterInput.hasDateOfBirth": "Patient.dateOfBirth",
  "PatientFilterInput.portalStatus": "Patient.portalStatus",
  "PatientFilterInput.inviteFailed": "Patient.inviteDeliveryFailedAt",
  "PatientFilterInput.inviteProblem": "Patient.inviteProblem",
  "PatientFilterInput.reminded": "Patient.lastReminderAt",
  "PatientSortField.NAME": "Patient.lastName",
  "PatientSortField.STATUS": "Patient.portalStatus",
  "PatientSortField.LAST_INVITE_SENT": "Patient.lastInviteSentAt",
  "PatientSortField.LAST_SIGN_IN": "Patient.lastSignInAt",
};

/**
 * What each API key scope stands for as staff permissions: a staff member may give a key a scope
 * only when holding every permission it stands for (no one grants what they don't hold, rule 16).
 * A write scope includes its read, so patients:write stands for viewing patients too.
 */
export const SCOPE_REQUIRES: Record<ApiKeyScope, readonly StaffPermission[]> = {
  [PATIENTS_READ]: [VIEW_PATIENTS],
  [PATIENTS_WRITE]: [VIEW_PATIENTS, EDIT_PATIENTS],
  [PORTAL_ACCESS_READ]: [MANAGE_PORTAL_ACCESS],
  [PORTAL_ACCESS_WRITE]: [MANAGE_PORTAL_ACCESS],
  [AUDIT_READ]: [VIEW_AUDIT_LOG],
};

/** The rule of a field: its own row, its type's default, or OPEN for structure. Undefined: not in the policy. */
export function ruleOf(typeName: string, fieldName: string): AccessRule | undefined {
  if (typeName === "Query" || typeName === "Mutation") return OPERATIONS[`${typeName}.${fieldName}`];
  const type = TYPES[typeName];
  if (type) return type.fields?.[fieldName] ?? type.default;
  if (NO_PERSONAL_DATA.has(typeName) || isStructural(typeName)) return OPEN;
  return undefined;
}
