/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Choose the first password of an invited staff member. */
export type AcceptStaffInviteInput = {
  /** New password (12 to 128 characters). */
  password: string;
  /** The token of the emailed link. */
  token: string;
};

/** Whose account a grant belongs to. */
export type AccessType =
  /** A contact's account (family, guardian, physician, authorized representative). */
  | 'PROXY'
  /** The patient's own account. */
  | 'SELF';

/** Kind of actor in the audit log. */
export type ActorType =
  /** A partner app. */
  | 'API_KEY'
  /** A patient or proxy. */
  | 'PORTAL_ACCOUNT'
  /** A staff user. */
  | 'STAFF'
  /** The system itself. */
  | 'SYSTEM';

/** Where an organization's age rules for minors started from (rule 20). */
export type AgeRulePreset =
  /** Ages typed by the organization. */
  | 'CUSTOM'
  /** No age rules. */
  | 'NONE'
  /** Quebec: own account from 14, a parent's proxy ends at 14 (Civil Code of Québec art. 14; Act respecting health services and social services s. 21). */
  | 'QUEBEC'
  /** Common US health-system practice (e.g. Epic MyChart): own account and limited proxy at 12, proxy ends at 18. */
  | 'US_COMMON';

/** What an API key may do (docs/partner-api.md lists the operations of each). */
export type ApiKeyScope =
  /** audit:read — read the audit log. */
  | 'AUDIT_READ'
  /** patients:read — list and read patients and contacts. */
  | 'PATIENTS_READ'
  /** patients:write — create and edit patients and contacts (includes patients:read). */
  | 'PATIENTS_WRITE'
  /** portal_access:read — read portal status, grants, accounts and portal roles (includes listing patients). */
  | 'PORTAL_ACCESS_READ'
  /** portal_access:write — enable, invite, change and revoke portal access (includes portal_access:read). */
  | 'PORTAL_ACCESS_WRITE';

/** Audit log filter. */
export type AuditEventFilter = {
  /** Only this action, or actions starting with it followed by a dot (e.g. portal_access). */
  action?: string | null | undefined;
  /** Only events by this actor id. */
  actorId?: string | null | undefined;
  /** Only events by this kind of actor (with actorId: one staff member, portal account or API key). */
  actorType?: ActorType | null | undefined;
  /** Only events at or after this time. */
  from?: string | null | undefined;
  /** Only events of this kind (a group of actions). */
  kind?: AuditKind | null | undefined;
  /** Only events about this patient: those naming it, and those about a portal account that holds or held access to it (sign-ins, login email changes, disabling…). */
  patientId?: string | number | null | undefined;
  /** Only events before this time. */
  to?: string | null | undefined;
};

/** A group of audit actions staff look for together. */
export type AuditKind =
  /** Portal access granted, removed, suspended or changed; accounts disabled, enabled or unlocked; portal roles. */
  | 'ACCESS_CHANGES'
  /** Login email changes asked, confirmed or cancelled. */
  | 'EMAIL_CHANGES'
  /** Emails that could not be sent or delivered. */
  | 'EMAIL_DELIVERY'
  /** Portal and staff invites sent, accepted or locked. */
  | 'INVITES'
  /** Password changes and resets. */
  | 'PASSWORDS'
  /** Patients and contacts created, changed or viewed. */
  | 'PATIENT_RECORDS'
  /** Organization settings, email templates, API keys, webhooks, bulk jobs. */
  | 'SETTINGS'
  /** Sign-ins, sign-outs, failures, locks and two-step codes. */
  | 'SIGN_INS'
  /** Staff members and staff roles. */
  | 'STAFF';

/** Enable portal access for many patients: the selected ids, or every patient matching the grid's filter. */
export type BulkEnablePortalAccessInput = {
  /** All patients matching this grid filter ("all N matching"). Give this or patientIds. */
  filter?: PatientFilterInput | null | undefined;
  /** The selected patients (at most 10,000). Give this or filter. */
  patientIds?: Array<string | number> | null | undefined;
  /** A portal role applicable to SELF; defaults to the organization's default role. */
  portalRoleId?: string | number | null | undefined;
  /** Also send each enabled patient the invite, in the same step (both or neither per row). */
  sendInvite?: boolean | null | undefined;
};

/** What a bulk job does to each selected patient. */
export type BulkJobKind =
  /** Enable portal access (and optionally send the invite). */
  | 'ENABLE_PORTAL_ACCESS'
  /** Email an invite reminder with a fresh link to accounts that have not signed in (rule 23). */
  | 'SEND_INVITE_REMINDERS'
  /** Send (or resend) the portal invite. */
  | 'SEND_PORTAL_INVITES';

/** Result of one row of a bulk job. */
export type BulkJobOutcome =
  /** An unexpected error; nothing was changed for this row. */
  | 'FAILED'
  /** Not processed yet. */
  | 'PENDING'
  /** Not done, for the reason given (the same rule as the single-patient action). */
  | 'SKIPPED'
  /** Done. */
  | 'SUCCEEDED';

/** What a bulk job did to a row it completed. */
export type BulkJobRowAction =
  /** Portal access enabled; no invite sent (the patient turns gray). */
  | 'ENABLED'
  /** Portal access enabled and the first invite sent (the patient turns orange). */
  | 'ENABLED_AND_INVITED'
  /** The first invite sent to an account that had none. */
  | 'INVITED'
  /** A new invite sent to an account invited before (the earlier link stops working). */
  | 'INVITE_RESENT'
  /** An invite reminder with a fresh link sent to an account that has not signed in (rule 23). */
  | 'REMINDED';

/** Life of a bulk job. */
export type BulkJobState =
  /** Every row has an outcome. */
  | 'DONE'
  /** Stopped by an unexpected error; finished rows are kept. */
  | 'FAILED'
  /** The server stopped while it ran and it could not be resumed; finished rows are kept. */
  | 'INTERRUPTED'
  /** Waiting for the runner. */
  | 'QUEUED'
  /** Rows are being processed. */
  | 'RUNNING';

/** Email an invite reminder to many invited patients: the selected ids, or every patient matching the grid's filter. */
export type BulkSendPortalInviteRemindersInput = {
  /** All patients matching this grid filter ("remind all N matching"). Give this or patientIds. */
  filter?: PatientFilterInput | null | undefined;
  /** The selected patients (at most 10,000). Give this or filter. */
  patientIds?: Array<string | number> | null | undefined;
};

/** Send (or resend) portal invites to many patients: the selected ids, or every patient matching the grid's filter. */
export type BulkSendPortalInvitesInput = {
  /** All patients matching this grid filter. Give this or patientIds. */
  filter?: PatientFilterInput | null | undefined;
  /** The selected patients (at most 10,000). Give this or filter. */
  patientIds?: Array<string | number> | null | undefined;
};

/** Ask to change a portal account's login email (security-sensitive, rules 14 and 18): the new address must confirm it. */
export type ChangePortalLoginEmailInput = {
  /** The portal account. */
  accountId: string | number;
  /** The new login email, unique in the organization; the account's current address cancels a pending change. */
  email: string;
};

/** Change the portal role of one grant. */
export type ChangePortalRoleInput = {
  /** The grant. */
  grantId: string | number;
  /** The new role, applicable to the grant's access type. */
  portalRoleId: string | number;
};

/** Confirm an import's dry run: the rows it found are written in the background. */
export type ConfirmPatientImportInput = {
  /** Enable portal access for the patients the import creates (a bulk onboarding job; needs the permission to manage portal access). */
  enablePortalAccess?: boolean | null | undefined;
  /** The import (from POST /imports/patients?dryRun=true). */
  id: string | number;
  /** With enablePortalAccess: also send each created patient an invite. */
  sendInvite?: boolean | null | undefined;
};

/** What an edit of a contact's email did to the portal login of a contact holding access (rules 14 and 18). */
export type ContactLoginEmailChange =
  /** The email was set back to the login: the change awaiting confirmation was withdrawn. */
  | 'CANCELLED'
  /** The caller may not manage portal access: the email on file changed, the login stays as it is. */
  | 'KEPT'
  /** The new address was sent a confirmation link and the login's owner was told; the login changes once it is confirmed. */
  | 'REQUESTED';

/** A contact's relationship to the patient. */
export type ContactRelationship =
  /** authorized representative */
  | 'AUTHORIZED_REPRESENTATIVE'
  /** child */
  | 'CHILD'
  /** father */
  | 'FATHER'
  /** guardian */
  | 'GUARDIAN'
  /** mother */
  | 'MOTHER'
  /** other */
  | 'OTHER'
  /** physician */
  | 'PHYSICIAN'
  /** sibling */
  | 'SIBLING'
  /** spouse */
  | 'SPOUSE';

/** A new API key for a partner app. */
export type CreateApiKeyInput = {
  /** When the key stops working; must be in the future. Null: never expires. */
  expiresAt?: string | null | undefined;
  /** A name staff will recognise (e.g. the partner's product); 1–100 characters. */
  name: string;
  /** What the key may do; at least one scope. */
  scopes: Array<ApiKeyScope>;
};

/** A new contact on a patient's record. */
export type CreateContactInput = {
  /** The contact's date of birth, YYYY-MM-DD. */
  dateOfBirth?: string | null | undefined;
  /** Email address on file. */
  email?: string | null | undefined;
  /** Given name. */
  firstName: string;
  /** Preferred language (default English). */
  language?: Language | null | undefined;
  /** Family name. */
  lastName: string;
  /** The patient whose record lists the contact. */
  patientId: string | number;
  /** Phone number: digits, spaces, +, -, parentheses and an optional extension. */
  phone?: string | null | undefined;
  /** Relationship to the patient. */
  relationship: ContactRelationship;
};

/** A new portal role. */
export type CreatePortalRoleInput = {
  /** Access types the role applies to. */
  accessTypes: Array<AccessType>;
  /** Name, unique in the organization. */
  name: string;
  /** What holders may see or do. */
  permissions: Array<PortalPermission>;
};

/** A new staff role. */
export type CreateStaffRoleInput = {
  /** Name, unique in the organization. */
  name: string;
  /** Permissions of the role. */
  permissions: Array<StaffPermission>;
};

/** A new webhook subscription. */
export type CreateWebhookSubscriptionInput = {
  /** A note for staff (at most 500 characters). */
  description?: string | null | undefined;
  /** Events to deliver; at least one. */
  events: Array<WebhookEventType>;
  /** The endpoint: an http(s) URL on a public address (at most 2000 characters). */
  url: string;
};

/** Delete a portal role that no active grant uses. */
export type DeletePortalRoleInput = {
  /** The role. */
  id: string | number;
};

/** Delete a staff role no user has. */
export type DeleteStaffRoleInput = {
  /** The role. */
  id: string | number;
};

/** A kind of email the product sends; each has a template per organization and language. */
export type EmailKind =
  /** Notice to a parent holding proxy access and to the patient, some days before the organization's age rules limit or end that access (rule 20). */
  | 'ACCESS_CHANGE_NOTICE'
  /** Notice that access to a patient's profile was removed. */
  | 'ACCESS_REVOKED'
  /** Portal invitation with a link that sets the password. */
  | 'INVITE_LINK'
  /** Reminder to an invited account that has not signed in yet, with a fresh invite link (rule 23). */
  | 'INVITE_REMINDER'
  /** Portal invitation with a temporary password to change at first sign-in. */
  | 'INVITE_TEMPORARY_PASSWORD'
  /** Notice to the old address that a change of the login email was requested. */
  | 'LOGIN_EMAIL_CHANGED'
  /** Link to the new address that confirms a change of the login email (valid 24 hours, once). */
  | 'LOGIN_EMAIL_CONFIRM'
  /** A 6-digit code that finishes a portal sign-in (two-factor sign-in by email; valid 10 minutes, once). */
  | 'MFA_CODE'
  /** Reminder to staff, some days before a proxy's end date, with a link to renew it (rule 21). */
  | 'PROXY_END_REMINDER'
  /** Password reset asked for by the portal user. */
  | 'SELF_SERVICE_RESET'
  /** Invitation of a new staff member, with a link to the admin that sets their password (valid 72 hours, once). */
  | 'STAFF_INVITE'
  /** Password reset started by staff. */
  | 'STAFF_PASSWORD_RESET';

/** Give a patient access to their own portal profile (SELF). */
export type EnablePortalAccessInput = {
  /** Login email; defaults to the email on file. Ignored (must match) when the patient already has an account. */
  email?: string | null | undefined;
  /** The patient. */
  patientId: string | number;
  /** A portal role applicable to SELF; defaults to the organization's default role. */
  portalRoleId?: string | number | null | undefined;
  /** Also send the portal invite now (one action: if the invite cannot be sent, access is not enabled either). */
  sendInvite?: boolean | null | undefined;
};

/** Require a new password at the account's next sign-in. */
export type ForcePortalPasswordChangeInput = {
  /** The portal account. */
  accountId: string | number;
};

/** Give a contact on a patient's record proxy access to that patient. */
export type GrantContactPortalAccessInput = {
  /** Why the proxy is authorized (basis, document reference, end date), recorded with the grant and its audit row; the caller is recorded as verifier (rule 21). */
  authorization?: ProxyAuthorizationInput | null | undefined;
  /** The contact (it must be on the patient's record and active). */
  contactId: string | number;
  /** Login email; defaults to the contact's email on file. */
  email?: string | null | undefined;
  /** Reuse the proxy account that already logs in with this email (a parent of several patients). Never a patient's own login. */
  linkExistingAccount?: boolean | null | undefined;
  /** A portal role applicable to PROXY. */
  portalRoleId: string | number;
  /** Also send the portal invite now (one action: if the invite cannot be sent, access is not granted either). */
  sendInvite?: boolean | null | undefined;
};

/** Life of a patient import. */
export type ImportJobState =
  /** Every row has its outcome. */
  | 'DONE'
  /** Stopped on an unexpected error; rows done so far are kept and reported. */
  | 'FAILED'
  /** The dry run is ready: nothing written yet; confirm to run it. */
  | 'PREVIEW'
  /** Confirmed; waiting for the organization's previous import or for a runner. */
  | 'QUEUED'
  /** Being written, chunk by chunk. */
  | 'RUNNING';

/** What the import did with a row. */
export type ImportRowOutcome =
  /** A patient was created. */
  | 'CREATED'
  /** An unexpected error; nothing was changed for this row. */
  | 'FAILED'
  /** Not processed yet. */
  | 'PENDING'
  /** Not imported; see its problems. */
  | 'REFUSED'
  /** Nothing to change. */
  | 'UNCHANGED'
  /** The patient (or its contacts) was changed. */
  | 'UPDATED';

/** What the dry run found for a row. */
export type ImportRowPlan =
  /** A new patient will be created. */
  | 'CREATE'
  /** The row will not be imported; see its problems. */
  | 'REFUSE'
  /** The patient is already as the row says. */
  | 'UNCHANGED'
  /** An existing patient (same external id or MRN) will be changed. */
  | 'UPDATE';

/** Where an import's rows came from. */
export type ImportSource =
  /** A CSV file (English or French headers, Excel encodings and separators). */
  | 'CSV'
  /** FHIR R4 Patient and RelatedPerson resources (NDJSON or a Bundle). */
  | 'FHIR';

/** How invites are sent. */
export type InviteMethod =
  /** An email with a link; the link sets the password. */
  | 'LINK'
  /** An email with a temporary password that must be changed at first sign-in. */
  | 'TEMPORARY_PASSWORD';

/** Why the latest invite of an invited patient can no longer be used; staff send a new one. */
export type InviteProblem =
  /** Not used within its lifetime. */
  | 'EXPIRED'
  /** Locked after 5 wrong dates of birth (rule 8). */
  | 'LOCKED';

/** Invite a new staff member by email: they choose their password from the link (valid 72 hours, once). */
export type InviteStaffUserInput = {
  /** Sign-in email, unique across the service; the invitation goes there. */
  email: string;
  /** Language of the invitation and the admin (English by default). */
  language?: Language | null | undefined;
  /** Full name. */
  name: string;
  /** Staff role; the inviting member must hold each of its permissions. */
  staffRoleId: string | number;
};

/** Where an invite stands. */
export type InviteState =
  /** Used: the account signed up. */
  | 'ACCEPTED'
  /** Not used in time; send a new invite. */
  | 'EXPIRED'
  /** Locked after too many wrong dates of birth; send a new invite. */
  | 'LOCKED'
  /** Sent and still usable. */
  | 'PENDING'
  /** Invalidated (for example by a login email change); send a new invite. */
  | 'VOIDED';

/** Issue an activation sheet for a grant, or for a patient's own access. */
export type IssuePortalActivationCodeInput = {
  /** The grant (a patient's own or a contact's proxy access). Give this or patientId. */
  grantId?: string | number | null | undefined;
  /** The patient whose own (SELF) access the sheet is for. Give this or grantId. */
  patientId?: string | number | null | undefined;
};

/** A language the product speaks. */
export type Language =
  /** English. */
  | 'EN'
  /** French. */
  | 'FR';

/** Link a patient to the existing account whose login email equals the patient's email on file (rule 4). */
export type LinkPatientToPortalAccountInput = {
  /** The patient. */
  patientId: string | number;
  /** A portal role applicable to SELF; defaults to the organization's default role. */
  portalRoleId?: string | number | null | undefined;
};

/** A current code from the authenticator app (or a recovery code). */
export type MfaCodeInput = {
  /** The 6 digits the authenticator app shows now (a recovery code also works where noted). */
  code: string;
};

/** Grid filter: search and portal status. */
export type PatientFilterInput = {
  /** true: only patients with a date of birth on file; false: only those without. */
  hasDateOfBirth?: boolean | null | undefined;
  /** true: only patients with an email on file; false: only those without. */
  hasEmail?: boolean | null | undefined;
  /** true: only patients whose latest invite could not be delivered; false: only the others. */
  inviteFailed?: boolean | null | undefined;
  /** Only invited patients whose latest invite has one of these problems (expired, locked). */
  inviteProblem?: Array<InviteProblem> | null | undefined;
  /** Only patients in one of these statuses. */
  portalStatus?: Array<PortalStatus> | null | undefined;
  /** true: only invited patients whose own account was emailed a reminder (rule 23); false: only the others. */
  reminded?: boolean | null | undefined;
  /** Name prefix ("Doe", "Jane Doe"), email prefix, exact MRN, or exact date of birth (YYYY-MM-DD). */
  search?: string | null | undefined;
};

/** How to sort the patient grid. Every order paginates by keyset (the cursor holds the sort key and the id). */
export type PatientOrderInput = {
  /** ASC (default) or DESC. Patients never invited / never signed in come first ascending, last descending. */
  direction?: SortDirection | null | undefined;
  /** The sort key; ties are broken by name, then id (dates: by id). */
  field: PatientSortField;
};

/** What the patient grid is sorted by. */
export type PatientSortField =
  /** When the last invite was sent. */
  | 'LAST_INVITE_SENT'
  /** Last sign-in of the patient's own account. */
  | 'LAST_SIGN_IN'
  /** Last name, then first name. */
  | 'NAME'
  /** Portal status colour (red, gray, orange, green), then name. */
  | 'STATUS';

/** Which portal accounts to list. */
export type PortalAccountFilter = {
  /** Only disabled (true) or only enabled (false) accounts; both when omitted. */
  disabled?: boolean | null | undefined;
  /** Login email prefix. */
  search?: string | null | undefined;
};

/** What a portal role lets its holder see or do. */
export type PortalPermission =
  /** Request new appointments. */
  | 'REQUEST_APPOINTMENTS'
  /** Fill in and submit forms. */
  | 'SUBMIT_FORMS'
  /** See appointments. */
  | 'VIEW_APPOINTMENTS'
  /** See statements and balances. */
  | 'VIEW_BILLING'
  /** See name, date of birth and contact details. */
  | 'VIEW_DEMOGRAPHICS'
  /** See shared documents. */
  | 'VIEW_DOCUMENTS';

/** Portal status colour of a patient. */
export type PortalStatus =
  /** Green: the account has signed in at least once. */
  | 'ACTIVE'
  /** Gray: a SELF grant exists, no invite sent yet. */
  | 'ENABLED'
  /** Orange: invite sent, the account has never signed in. */
  | 'INVITED'
  /** Red: no active SELF grant (the default). */
  | 'NO_ACCESS';

/** A draft to preview; omitted parts come from the template in force. */
export type PreviewEmailTemplateInput = {
  /** Draft HTML version. */
  html?: string | null | undefined;
  /** Kind of email. */
  kind: EmailKind;
  /** Language. */
  language: Language;
  /** Draft subject. */
  subject?: string | null | undefined;
  /** Draft plain-text version. */
  text?: string | null | undefined;
};

/** Why a proxy is authorized, recorded with the grant (rule 21). The verifier is the staff member making the call, now. */
export type ProxyAuthorizationInput = {
  /** Parent, legal guardian, power of attorney or the patient's consent. */
  basis: ProxyBasis;
  /** Reference of the document seen (court order number, form id); never the document itself. */
  basisDocumentRef?: string | null | undefined;
  /** The day the proxy ends by itself (YYYY-MM-DD, after today); null: no end date. */
  endsOn?: string | null | undefined;
};

/** Why a proxy was authorized (rule 21). */
export type ProxyBasis =
  /** A guardian or tutor appointed by a court or by law. */
  | 'LEGAL_GUARDIAN'
  /** A parent of a minor; the organization's age rules apply. */
  | 'PARENT'
  /** The patient's own consent. */
  | 'PATIENT_CONSENT'
  /** A power of attorney or protection mandate signed by the patient. */
  | 'POWER_OF_ATTORNEY';

/** Renew a proxy grant in one click: its end date moves one year on (or to the day given), verified now by the caller. */
export type RenewProxyAccessInput = {
  /** Reference of the renewed document, if it changed. */
  basisDocumentRef?: string | null | undefined;
  /** New end date (YYYY-MM-DD, after today); default: one year after the current end date, or after today if it has passed. */
  endsOn?: string | null | undefined;
  /** The proxy grant. */
  grantId: string | number;
};

/** Send a new invitation to a member who has not chosen a password yet (the older links stop working). */
export type ResendStaffInviteInput = {
  /** The invited staff member. */
  staffUserId: string | number;
};

/** Restore the built-in wording of a template. */
export type ResetEmailTemplateInput = {
  /** Kind of email. */
  kind: EmailKind;
  /** Language. */
  language: Language;
};

/** Email a password-reset link to a portal account that has signed up. */
export type ResetPortalPasswordInput = {
  /** The portal account. */
  accountId: string | number;
};

/** Turn off a staff member's two-factor sign-in (they enroll again at their next sign-in if required). */
export type ResetStaffMfaInput = {
  /** Why (kept in the audit log), e.g. "lost phone, identity checked in person". */
  reason: string;
  /** The staff member. */
  staffUserId: string | number;
};

/** Remove every grant of an account. */
export type RevokeAllPortalAccessInput = {
  /** The portal account. */
  accountId: string | number;
};

/** Revoke an API key. */
export type RevokeApiKeyInput = {
  /** The key. */
  id: string | number;
};

/** Remove one grant. */
export type RevokePortalAccessInput = {
  /** The grant. */
  grantId: string | number;
};

/** What a scheduled change does to a proxy grant. */
export type ScheduledAccessChangeKind =
  /** The grant ends (age rules or its end date). */
  | 'ENDS'
  /** The grant is switched to the organization's narrower portal role (age rules). */
  | 'LIMITED';

/** Why a scheduled change happens. */
export type ScheduledAccessChangeReason =
  /** The organization's age rules for minors (rule 20). */
  | 'AGE_RULE'
  /** The end date recorded on the grant (rule 21). */
  | 'END_DATE';

/** Send, or resend, the portal invite of one grant. */
export type SendPortalInviteInput = {
  /** The grant whose holder is invited (a patient's own grant or a contact's proxy grant). */
  grantId: string | number;
};

/** Template to send to yourself with sample values. */
export type SendSampleEmailInput = {
  /** Kind of email. */
  kind: EmailKind;
  /** Language. */
  language: Language;
};

/** Disable or re-enable a portal account. */
export type SetPortalAccountDisabledInput = {
  /** The portal account. */
  accountId: string | number;
  /** True to disable (sign-in refused, sessions ended), false to enable again. */
  disabled: boolean;
};

/** Sort direction. */
export type SortDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** A staff permission (ACL entry). */
export type StaffPermission =
  /** Edit email templates. */
  | 'CONFIGURE_EMAIL_TEMPLATES'
  /** Create and edit portal roles. */
  | 'CONFIGURE_PORTAL_ROLES'
  /** Create and edit patients and contacts. */
  | 'EDIT_PATIENTS'
  /** Create and revoke API keys. */
  | 'MANAGE_API_KEYS'
  /** See and change patients' portal access. */
  | 'MANAGE_PORTAL_ACCESS'
  /** Change organization settings. */
  | 'MANAGE_SETTINGS'
  /** Create staff users and staff roles. */
  | 'MANAGE_STAFF'
  /** Read the audit log. */
  | 'VIEW_AUDIT_LOG'
  /** Read the dev mailbox, which holds working links (development only). */
  | 'VIEW_DEV_MAILBOX'
  /** See patients and contacts. */
  | 'VIEW_PATIENTS';

/** Lift a portal account's sign-in and password-change locks before they run out. */
export type UnlockPortalAccountInput = {
  /** The portal account. */
  portalAccountId: string | number;
  /** Why (1 to 500 characters); kept in the audit log. */
  reason: string;
};

/** Lift a staff user's sign-in lock before it runs out. */
export type UnlockStaffUserInput = {
  /** Why (1 to 500 characters); kept in the audit log. */
  reason: string;
  /** The staff user. */
  staffUserId: string | number;
};

/** Change the organization's access-over-time settings; every field is saved as given. */
export type UpdateAccessScheduleSettingsInput = {
  /** Days before an age-rule change that the proxy and the patient are told (0–365). */
  ageNoticeDays: number;
  /** The preset the ages started from (CUSTOM when typed). */
  ageRulePreset: AgeRulePreset;
  /** Days before a proxy's end date that staff are reminded (0–365). */
  proxyEndReminderDays: number;
  /** Address of the staff reminders; null: every active staff member who may manage portal access. */
  proxyEndReminderEmail?: string | null | undefined;
  /** Age at which a parent's proxy ends (1–25); null: never. */
  proxyEndsAtAge?: number | null | undefined;
  /** Age at which a parent's proxy is limited to proxyLimitedRoleId (1–25); null: never. */
  proxyLimitedAtAge?: number | null | undefined;
  /** The narrower role (applicable to PROXY); needed with proxyLimitedAtAge. */
  proxyLimitedRoleId?: string | number | null | undefined;
  /** Age from which a patient may hold an own account (1–25); null: no minimum. */
  selfAccessMinAge?: number | null | undefined;
};

/** Changes to a contact; omitted fields stay as they are. Setting active to false revokes its portal access. */
export type UpdateContactInput = {
  /** False disables the contact and revokes its portal access (rule 3). */
  active?: boolean | null | undefined;
  /** Date of birth; an empty string clears it. */
  dateOfBirth?: string | null | undefined;
  /** Email address on file; an empty string clears it. For a contact holding portal access the login does not move by itself: with Manage portal access the new address is asked to confirm it (rules 14 and 18; see UpdateContactPayload.loginEmailChange). */
  email?: string | null | undefined;
  /** Given name. */
  firstName?: string | null | undefined;
  /** The contact. */
  id: string | number;
  /** Preferred language. */
  language?: Language | null | undefined;
  /** Family name. */
  lastName?: string | null | undefined;
  /** Phone number; an empty string clears it. */
  phone?: string | null | undefined;
  /** Relationship to the patient. */
  relationship?: ContactRelationship | null | undefined;
};

/** New wording of a template; placeholders must be among the kind's `placeholders`. */
export type UpdateEmailTemplateInput = {
  /** HTML version (at most 16,000 characters). */
  html: string;
  /** Kind of email. */
  kind: EmailKind;
  /** Language. */
  language: Language;
  /** Subject line (one line, at most 255 characters). */
  subject: string;
  /** Plain-text version (at most 16,000 characters). */
  text: string;
};

/** Organization settings to change; omitted fields stay as they are. */
export type UpdateOrganizationSettingsInput = {
  /** Send the "Access removed" email when staff remove access (default on). */
  accessRemovedEmail?: boolean | null | undefined;
  /** Default language of emails. */
  defaultLanguage?: Language | null | undefined;
  /** Default role for patients' own access (must apply to SELF). */
  defaultPortalRoleId?: string | number | null | undefined;
  /** Invite link lifetime in hours (1 to 720). */
  inviteLinkTtlHours?: number | null | undefined;
  /** Invite by link or by temporary password. */
  inviteMethod?: InviteMethod | null | undefined;
  /** Days after an invite when a reminder is emailed to an account that has not signed in (increasing, 1 to 90, at most 5; empty: no reminders). */
  inviteReminderDays?: Array<number> | null | undefined;
  /** Display name. */
  name?: string | null | undefined;
  /** Require a second factor of portal accounts holding proxy access, from their next sign-in. */
  requireProxyMfa?: boolean | null | undefined;
  /** Require a second factor (TOTP) of every staff member, from their next sign-in. */
  requireStaffMfa?: boolean | null | undefined;
  /** Minutes between two invites to one account (0 to 1440). */
  resendCooldownMinutes?: number | null | undefined;
};

/** Changes to a patient record; omitted fields stay as they are. */
export type UpdatePatientInput = {
  /** Whether the record is active. */
  active?: boolean | null | undefined;
  /** Date of birth, YYYY-MM-DD; an empty string clears it. */
  dateOfBirth?: string | null | undefined;
  /** Email address on file; an empty string clears it. */
  email?: string | null | undefined;
  /** Given name. */
  firstName?: string | null | undefined;
  /** The patient. */
  id: string | number;
  /** Preferred language. */
  language?: Language | null | undefined;
  /** Family name. */
  lastName?: string | null | undefined;
  /** Medical record number. */
  mrn?: string | null | undefined;
};

/** Changes to a portal role; omitted fields stay as they are. */
export type UpdatePortalRoleInput = {
  /** New access types; one in use by active grants cannot be removed. */
  accessTypes?: Array<AccessType> | null | undefined;
  /** The role. */
  id: string | number;
  /** New name. */
  name?: string | null | undefined;
  /** New permissions. */
  permissions?: Array<PortalPermission> | null | undefined;
};

/** Changes to a staff role. */
export type UpdateStaffRoleInput = {
  /** The role. */
  id: string | number;
  /** New name. */
  name?: string | null | undefined;
  /** New permissions. */
  permissions?: Array<StaffPermission> | null | undefined;
};

/** Changes to a staff user: another role, disabled or enabled again. Nobody changes their own role or disables themselves, a member only receives permissions the manager holds, and the last active member able to manage staff stays so. */
export type UpdateStaffUserInput = {
  /** true: the user can no longer sign in (their sessions stop working at once); false: enabled again. */
  disabled?: boolean | null | undefined;
  /** The staff user. */
  id: string | number;
  /** Their new staff role. */
  staffRoleId?: string | number | null | undefined;
};

/** Why a mutation did nothing. */
export type UserErrorCode =
  /** account disabled */
  | 'ACCOUNT_DISABLED'
  /** already active */
  | 'ALREADY_ACTIVE'
  /** already has access */
  | 'ALREADY_HAS_ACCESS'
  /** already revoked */
  | 'ALREADY_REVOKED'
  /** below self access age */
  | 'BELOW_SELF_ACCESS_AGE'
  /** contact inactive */
  | 'CONTACT_INACTIVE'
  /** cooldown */
  | 'COOLDOWN'
  /** date of birth mismatch */
  | 'DATE_OF_BIRTH_MISMATCH'
  /** duplicate in file */
  | 'DUPLICATE_IN_FILE'
  /** email in use */
  | 'EMAIL_IN_USE'
  /** email locked to account */
  | 'EMAIL_LOCKED_TO_ACCOUNT'
  /** external id conflict */
  | 'EXTERNAL_ID_CONFLICT'
  /** formula not allowed */
  | 'FORMULA_NOT_ALLOWED'
  /** import already running */
  | 'IMPORT_ALREADY_RUNNING'
  /** import date order needed */
  | 'IMPORT_DATE_ORDER_NEEDED'
  /** import file too large */
  | 'IMPORT_FILE_TOO_LARGE'
  /** import missing column */
  | 'IMPORT_MISSING_COLUMN'
  /** import not confirmable */
  | 'IMPORT_NOT_CONFIRMABLE'
  /** import too many rows */
  | 'IMPORT_TOO_MANY_ROWS'
  /** import unreadable file */
  | 'IMPORT_UNREADABLE_FILE'
  /** invalid email */
  | 'INVALID_EMAIL'
  /** invalid input */
  | 'INVALID_INPUT'
  /** invite expired */
  | 'INVITE_EXPIRED'
  /** invite invalid */
  | 'INVITE_INVALID'
  /** invite locked */
  | 'INVITE_LOCKED'
  /** last staff manager */
  | 'LAST_STAFF_MANAGER'
  /** mfa already enabled */
  | 'MFA_ALREADY_ENABLED'
  /** mfa code invalid */
  | 'MFA_CODE_INVALID'
  /** mfa not enabled */
  | 'MFA_NOT_ENABLED'
  /** mfa required */
  | 'MFA_REQUIRED'
  /** missing date of birth */
  | 'MISSING_DATE_OF_BIRTH'
  /** missing email */
  | 'MISSING_EMAIL'
  /** missing placeholder */
  | 'MISSING_PLACEHOLDER'
  /** name taken */
  | 'NAME_TAKEN'
  /** not found */
  | 'NOT_FOUND'
  /** not linkable */
  | 'NOT_LINKABLE'
  /** not signed up */
  | 'NOT_SIGNED_UP'
  /** no access */
  | 'NO_ACCESS'
  /** own account */
  | 'OWN_ACCOUNT'
  /** own role */
  | 'OWN_ROLE'
  /** patient inactive */
  | 'PATIENT_INACTIVE'
  /** permission not held */
  | 'PERMISSION_NOT_HELD'
  /** rate limited */
  | 'RATE_LIMITED'
  /** role in use */
  | 'ROLE_IN_USE'
  /** role not applicable */
  | 'ROLE_NOT_APPLICABLE'
  /** token expired */
  | 'TOKEN_EXPIRED'
  /** token invalid */
  | 'TOKEN_INVALID'
  /** transport unavailable */
  | 'TRANSPORT_UNAVAILABLE'
  /** unknown placeholder */
  | 'UNKNOWN_PLACEHOLDER'
  /** weak password */
  | 'WEAK_PASSWORD'
  /** webhook url refused */
  | 'WEBHOOK_URL_REFUSED'
  /** wrong password */
  | 'WRONG_PASSWORD';

/** An event a webhook subscription can receive (the delivery's `type` is the lower-case dotted value). */
export type WebhookEventType =
  /** patient.created — a patient was created by an import or upsertPatients; data carries patientId and externalId. */
  | 'PATIENT_CREATED'
  /** patient.deactivated — the patient was made inactive (discharged, deceased, merged); every grant to the patient is suspended and accounts left with nothing to open are signed out. */
  | 'PATIENT_DEACTIVATED'
  /** patient.reactivated — the patient was made active again; suspended grants stay suspended until staff enable access again. */
  | 'PATIENT_REACTIVATED'
  /** patient.updated — a patient's details or contacts were changed by an import or upsertPatients; data carries patientId, externalId and the changed fields. */
  | 'PATIENT_UPDATED'
  /** portal_access.enabled — a patient's own or a contact's proxy access was granted. */
  | 'PORTAL_ACCESS_ENABLED'
  /** portal_access.limited — the organization's age rules switched a parent's proxy to the narrower portal role (rule 20); data carries portalRoleId and previousPortalRoleId. */
  | 'PORTAL_ACCESS_LIMITED'
  /** portal_access.revoked — a grant was removed. */
  | 'PORTAL_ACCESS_REVOKED'
  /** portal_account.disabled — a portal account was disabled. */
  | 'PORTAL_ACCOUNT_DISABLED'
  /** portal_invite.accepted — the invitee signed up. */
  | 'PORTAL_INVITE_ACCEPTED'
  /** portal_invite.delivery_failed — the invite email could not be delivered. */
  | 'PORTAL_INVITE_DELIVERY_FAILED'
  /** portal_invite.reminded — an invited account that has not signed in was emailed a reminder with a fresh link (rule 23). */
  | 'PORTAL_INVITE_REMINDED'
  /** portal_invite.sent — an invite or resend was queued. */
  | 'PORTAL_INVITE_SENT'
  /** webhook.test — sent by sendTestWebhookEvent only; cannot be subscribed to. */
  | 'TEST';

/** Identifies one webhook subscription. */
export type WebhookSubscriptionIdInput = {
  /** The subscription. */
  id: string | number;
};

export type AccessScheduleSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessScheduleSettingsQuery = { __typename: 'Query', accessScheduleSettings: { __typename: 'AccessScheduleSettings', ageRulePreset: AgeRulePreset, matchesPreset: boolean, selfAccessMinAge: number | null, proxyLimitedAtAge: number | null, proxyLimitedRoleId: string | null, proxyEndsAtAge: number | null, ageNoticeDays: number, proxyEndReminderDays: number, proxyEndReminderEmail: string | null } };

export type UpdateAccessScheduleSettingsMutationVariables = Exact<{
  input: UpdateAccessScheduleSettingsInput;
}>;


export type UpdateAccessScheduleSettingsMutation = { __typename: 'Mutation', updateAccessScheduleSettings: { __typename: 'UpdateAccessScheduleSettingsPayload', settings: { __typename: 'AccessScheduleSettings', ageRulePreset: AgeRulePreset, matchesPreset: boolean, selfAccessMinAge: number | null, proxyLimitedAtAge: number | null, proxyLimitedRoleId: string | null, proxyEndsAtAge: number | null, ageNoticeDays: number, proxyEndReminderDays: number, proxyEndReminderEmail: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RenewProxyAccessMutationVariables = Exact<{
  input: RenewProxyAccessInput;
}>;


export type RenewProxyAccessMutation = { __typename: 'Mutation', renewProxyAccess: { __typename: 'RenewProxyAccessPayload', grant: { __typename: 'PortalGrant', id: string, endsOn: string | null, basisVerifiedAt: string | null, basisVerifiedByName: string | null, scheduledChange: { __typename: 'ScheduledAccessChange', kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason, portalRoleId: string | null } | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type EnablePortalAccessMutationVariables = Exact<{
  input: EnablePortalAccessInput;
}>;


export type EnablePortalAccessMutation = { __typename: 'Mutation', enablePortalAccess: { __typename: 'EnablePortalAccessPayload', grant: { __typename: 'PortalGrant', id: string } | null, account: { __typename: 'PortalAccount', id: string, email: string } | null, patient: { __typename: 'Patient', id: string, portalStatus: PortalStatus } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type GrantContactPortalAccessMutationVariables = Exact<{
  input: GrantContactPortalAccessInput;
}>;


export type GrantContactPortalAccessMutation = { __typename: 'Mutation', grantContactPortalAccess: { __typename: 'GrantContactPortalAccessPayload', grant: { __typename: 'PortalGrant', id: string } | null, account: { __typename: 'PortalAccount', id: string, email: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RevokePortalAccessMutationVariables = Exact<{
  input: RevokePortalAccessInput;
}>;


export type RevokePortalAccessMutation = { __typename: 'Mutation', revokePortalAccess: { __typename: 'RevokePortalAccessPayload', grant: { __typename: 'PortalGrant', id: string, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RevokeAllPortalAccessMutationVariables = Exact<{
  input: RevokeAllPortalAccessInput;
}>;


export type RevokeAllPortalAccessMutation = { __typename: 'Mutation', revokeAllPortalAccess: { __typename: 'RevokeAllPortalAccessPayload', revokedCount: number | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type SendPortalInviteMutationVariables = Exact<{
  input: SendPortalInviteInput;
}>;


export type SendPortalInviteMutation = { __typename: 'Mutation', sendPortalInvite: { __typename: 'SendPortalInvitePayload', account: { __typename: 'PortalAccount', id: string, email: string, lastInviteSentAt: string | null } | null, patient: { __typename: 'Patient', id: string, portalStatus: PortalStatus, lastInviteSentAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ResetPortalPasswordMutationVariables = Exact<{
  input: ResetPortalPasswordInput;
}>;


export type ResetPortalPasswordMutation = { __typename: 'Mutation', resetPortalPassword: { __typename: 'ResetPortalPasswordPayload', resetExpiresAt: string | null, account: { __typename: 'PortalAccount', id: string, email: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ChangePortalRoleMutationVariables = Exact<{
  input: ChangePortalRoleInput;
}>;


export type ChangePortalRoleMutation = { __typename: 'Mutation', changePortalRole: { __typename: 'ChangePortalRolePayload', grant: { __typename: 'PortalGrant', id: string, portalRoleId: string, portalRole: { __typename: 'PortalRole', id: string, name: string } } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type LinkPatientToPortalAccountMutationVariables = Exact<{
  input: LinkPatientToPortalAccountInput;
}>;


export type LinkPatientToPortalAccountMutation = { __typename: 'Mutation', linkPatientToPortalAccount: { __typename: 'LinkPatientToPortalAccountPayload', account: { __typename: 'PortalAccount', id: string, email: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type SetPortalAccountDisabledMutationVariables = Exact<{
  input: SetPortalAccountDisabledInput;
}>;


export type SetPortalAccountDisabledMutation = { __typename: 'Mutation', setPortalAccountDisabled: { __typename: 'SetPortalAccountDisabledPayload', account: { __typename: 'PortalAccount', id: string, disabled: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ForcePortalPasswordChangeMutationVariables = Exact<{
  input: ForcePortalPasswordChangeInput;
}>;


export type ForcePortalPasswordChangeMutation = { __typename: 'Mutation', forcePortalPasswordChange: { __typename: 'ForcePortalPasswordChangePayload', account: { __typename: 'PortalAccount', id: string, mustChangePassword: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type PortalRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalRolesQuery = { __typename: 'Query', portalRoles: Array<{ __typename: 'PortalRole', id: string, name: string, accessTypes: Array<AccessType>, permissions: Array<PortalPermission> }> };

export type IssuePortalActivationCodeMutationVariables = Exact<{
  input: IssuePortalActivationCodeInput;
}>;


export type IssuePortalActivationCodeMutation = { __typename: 'Mutation', issuePortalActivationCode: { __typename: 'IssuePortalActivationCodePayload', sheet: { __typename: 'PortalActivationSheet', code: string, inviteUrl: string, activateUrl: string, qrCodeSvg: string, expiresAt: string, patientName: string, loginEmail: string, organizationName: string, accessType: AccessType } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { __typename: 'Query', auditEvents: { __typename: 'AuditEventConnection', pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename: 'AuditEventEdge', node: { __typename: 'AuditEvent', id: string, at: string, actorType: ActorType, actorId: string | null, actorLabel: string | null, actorName: string | null, action: string, kind: AuditKind | null, targetType: string, targetId: string | null, targetName: string | null, patientId: string | null, patientName: string | null, ip: string | null } }> } };

export type AuditPeopleQueryVariables = Exact<{
  staff: boolean;
  keys: boolean;
}>;


export type AuditPeopleQuery = { __typename: 'Query', staffUsers?: Array<{ __typename: 'StaffUser', id: string, name: string }>, apiKeys?: { __typename: 'ApiKeyConnection', edges: Array<{ __typename: 'ApiKeyEdge', node: { __typename: 'ApiKey', id: string, name: string } }> } };

export type MfaStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type MfaStatusQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', mfaEnabled: boolean, mfaRequired: boolean, recoveryCodesLeft: number | null, user: { __typename: 'StaffUser', id: string, email: string } } | null };

export type StartMfaEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StartMfaEnrollmentMutation = { __typename: 'Mutation', startMfaEnrollment: { __typename: 'StartMfaEnrollmentPayload', secret: string | null, otpauthUri: string | null, qrCodeSvg: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ConfirmMfaEnrollmentMutationVariables = Exact<{
  input: MfaCodeInput;
}>;


export type ConfirmMfaEnrollmentMutation = { __typename: 'Mutation', confirmMfaEnrollment: { __typename: 'ConfirmMfaEnrollmentPayload', recoveryCodes: Array<string> | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  input: MfaCodeInput;
}>;


export type RegenerateRecoveryCodesMutation = { __typename: 'Mutation', regenerateRecoveryCodes: { __typename: 'RegenerateRecoveryCodesPayload', recoveryCodes: Array<string> | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type DisableMfaMutationVariables = Exact<{
  input: MfaCodeInput;
}>;


export type DisableMfaMutation = { __typename: 'Mutation', disableMfa: { __typename: 'DisableMfaPayload', mfaEnabled: boolean | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
  plan?: ImportRowPlan | null | undefined;
}>;


export type ImportJobQuery = { __typename: 'Query', importJob: { __typename: 'ImportJob', id: string, state: ImportJobState, source: ImportSource, fileName: string | null, total: number, toCreate: number, toUpdate: number, toLeave: number, toRefuse: number, duplicates: number, missing: number, processed: number, created: number, updated: number, unchanged: number, refused: number, failed: number, bulkJobId: string | null, resultsCsvUrl: string, preview: Array<Array<string>>, columns: Array<{ __typename: 'ImportColumn', header: string, field: string | null }>, rows: { __typename: 'ImportJobRowConnection', edges: Array<{ __typename: 'ImportJobRowEdge', node: { __typename: 'ImportJobRow', id: string, rowNumber: number, externalId: string | null, mrn: string | null, firstName: string | null, lastName: string | null, plan: ImportRowPlan, outcome: ImportRowOutcome, problems: Array<{ __typename: 'ImportRowProblem', code: UserErrorCode, field: string | null, message: string }>, notes: Array<{ __typename: 'ImportRowProblem', code: UserErrorCode, field: string | null, message: string }> } }> } } | null };

export type ConfirmPatientImportMutationVariables = Exact<{
  input: ConfirmPatientImportInput;
}>;


export type ConfirmPatientImportMutation = { __typename: 'Mutation', confirmPatientImport: { __typename: 'ConfirmPatientImportPayload', job: { __typename: 'ImportJob', id: string, state: ImportJobState } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type DevMailboxQueryVariables = Exact<{
  to?: string | null | undefined;
}>;


export type DevMailboxQuery = { __typename: 'Query', devMailbox: { __typename: 'DevMailboxConnection', edges: Array<{ __typename: 'DevMailboxEdge', node: { __typename: 'DevMailboxMessage', id: string, createdAt: string, toAddress: string, subject: string, kind: string, text: string } }> } };

export type BulkEnablePortalAccessMutationVariables = Exact<{
  input: BulkEnablePortalAccessInput;
}>;


export type BulkEnablePortalAccessMutation = { __typename: 'Mutation', bulkEnablePortalAccess: { __typename: 'BulkEnablePortalAccessPayload', job: { __typename: 'BulkJob', id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type BulkSendPortalInvitesMutationVariables = Exact<{
  input: BulkSendPortalInvitesInput;
}>;


export type BulkSendPortalInvitesMutation = { __typename: 'Mutation', bulkSendPortalInvites: { __typename: 'BulkSendPortalInvitesPayload', job: { __typename: 'BulkJob', id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type BulkSendPortalInviteRemindersMutationVariables = Exact<{
  input: BulkSendPortalInviteRemindersInput;
}>;


export type BulkSendPortalInviteRemindersMutation = { __typename: 'Mutation', bulkSendPortalInviteReminders: { __typename: 'BulkSendPortalInviteRemindersPayload', job: { __typename: 'BulkJob', id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type BulkJobProgressFragment = { __typename: 'BulkJob', id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string };

export type BulkJobQueryVariables = Exact<{
  id: string | number;
}>;


export type BulkJobQuery = { __typename: 'Query', bulkJob: { __typename: 'BulkJob', id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string } | null };

export type BulkJobItemsQueryVariables = Exact<{
  id: string | number;
  outcome?: BulkJobOutcome | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type BulkJobItemsQuery = { __typename: 'Query', bulkJob: { __typename: 'BulkJob', id: string, items: { __typename: 'BulkJobItemConnection', pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename: 'BulkJobItemEdge', node: { __typename: 'BulkJobItem', id: string, patientId: string, outcome: BulkJobOutcome, action: BulkJobRowAction | null, reason: UserErrorCode | null, message: string | null, patient: { __typename: 'Patient', id: string, firstName: string, lastName: string } | null } }> } } | null };

export type RecentBulkJobsQueryVariables = Exact<{
  first: number;
}>;


export type RecentBulkJobsQuery = { __typename: 'Query', bulkJobs: { __typename: 'BulkJobConnection', edges: Array<{ __typename: 'BulkJobEdge', node: { __typename: 'BulkJob', createdAt: string, requestedByName: string | null, id: string, kind: BulkJobKind, state: BulkJobState, total: number, processed: number, succeeded: number, invited: number, skipped: number, failed: number, resultsCsvUrl: string } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean } } };

export type OnboardingPatientsQueryVariables = Exact<{
  filter?: PatientFilterInput | null | undefined;
  orderBy?: PatientOrderInput | null | undefined;
  first: number;
  after?: string | null | undefined;
  canManage: boolean;
}>;


export type OnboardingPatientsQuery = { __typename: 'Query', patients: { __typename: 'PatientConnection', totalCount: number, statusCounts?: Array<{ __typename: 'StatusCount', status: PortalStatus, count: number }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename: 'PatientEdge', node: { __typename: 'Patient', id: string, firstName: string, lastName: string, email: string | null, dateOfBirth: string | null, active: boolean, lastInviteSentAt?: string | null, lastSignInAt?: string | null, portalStatus?: PortalStatus, inviteDeliveryFailedAt?: string | null, inviteProblem?: InviteProblem | null, upcomingAccessChange?: { __typename: 'ScheduledAccessChange', kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason } | null, inviteAction?: { __typename: 'InviteAction', allowed: boolean, reason: UserErrorCode | null, availableAt: string | null, resend: boolean }, portalAccess?: { __typename: 'PortalGrant', id: string, account: { __typename: 'PortalAccount', id: string, email: string, signedUp: boolean, disabled: boolean, lockedUntil: string | null, lastInviteSentAt: string | null, resendAvailableAt: string | null } } | null } }> } };

export type OverviewQueryVariables = Exact<{
  weeks: number;
}>;


export type OverviewQuery = { __typename: 'Query', patients: { __typename: 'PatientConnection', totalCount: number, statusCounts: Array<{ __typename: 'StatusCount', status: PortalStatus, count: number }> }, onboardingStats: { __typename: 'OnboardingStats', invitedAccounts: number, acceptedAccounts: number, acceptRate: number | null, weeks: Array<{ __typename: 'InviteWeek', weekStart: string, sent: number, accepted: number, failed: number }> } };

export type CreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type CreateContactMutation = { __typename: 'Mutation', createContact: { __typename: 'CreateContactPayload', contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, relationship: ContactRelationship, email: string | null, phone: string | null, language: Language, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type EditContactMutationVariables = Exact<{
  input: UpdateContactInput;
}>;


export type EditContactMutation = { __typename: 'Mutation', updateContact: { __typename: 'UpdateContactPayload', loginEmailChange: ContactLoginEmailChange | null, contact: { __typename: 'Contact', id: string, firstName: string, lastName: string, relationship: ContactRelationship, email: string | null, phone: string | null, language: Language, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type GrantDetailsFragment = { __typename: 'PortalGrant', id: string, accessType: AccessType, grantedAt: string, suspendedAt: string | null, proxyBasis: ProxyBasis | null, basisDocumentRef: string | null, basisVerifiedAt: string | null, basisVerifiedByName: string | null, endsOn: string | null, portalRoleId: string, scheduledChange: { __typename: 'ScheduledAccessChange', kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason, portalRoleId: string | null } | null, inviteAction: { __typename: 'InviteAction', allowed: boolean, reason: UserErrorCode | null, availableAt: string | null, resend: boolean }, portalRole: { __typename: 'PortalRole', id: string, name: string }, account: { __typename: 'PortalAccount', id: string, email: string, pendingLoginEmail: string | null, pendingLoginEmailExpiresAt: string | null, signedUp: boolean, signedUpAt: string | null, lastSignInAt: string | null, lastInviteSentAt: string | null, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, failedSignInCount: number, inviteDeliveryFailedAt: string | null, inviteDeliveryFailureReason: string | null, resendAvailableAt: string | null, latestInvite: { __typename: 'PortalInvite', state: InviteState, expiresAt: string } | null }, otherProfiles: Array<{ __typename: 'PortalGrant', id: string, accessType: AccessType, patient: { __typename: 'Patient', id: string, firstName: string, lastName: string }, portalRole: { __typename: 'PortalRole', id: string, name: string } }> };

export type PatientPageQueryVariables = Exact<{
  id: string | number;
  canManage: boolean;
}>;


export type PatientPageQuery = { __typename: 'Query', patient: { __typename: 'Patient', id: string, firstName: string, lastName: string, mrn: string, email: string | null, dateOfBirth: string | null, language: Language, active: boolean, portalStatus?: PortalStatus, selfAccessAllowedFrom?: string | null, upcomingAccessChange?: { __typename: 'ScheduledAccessChange', grantId: string, kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason } | null, portalAccess?: { __typename: 'PortalGrant', id: string, accessType: AccessType, grantedAt: string, suspendedAt: string | null, proxyBasis: ProxyBasis | null, basisDocumentRef: string | null, basisVerifiedAt: string | null, basisVerifiedByName: string | null, endsOn: string | null, portalRoleId: string, scheduledChange: { __typename: 'ScheduledAccessChange', kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason, portalRoleId: string | null } | null, inviteAction: { __typename: 'InviteAction', allowed: boolean, reason: UserErrorCode | null, availableAt: string | null, resend: boolean }, portalRole: { __typename: 'PortalRole', id: string, name: string }, account: { __typename: 'PortalAccount', id: string, email: string, pendingLoginEmail: string | null, pendingLoginEmailExpiresAt: string | null, signedUp: boolean, signedUpAt: string | null, lastSignInAt: string | null, lastInviteSentAt: string | null, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, failedSignInCount: number, inviteDeliveryFailedAt: string | null, inviteDeliveryFailureReason: string | null, resendAvailableAt: string | null, latestInvite: { __typename: 'PortalInvite', state: InviteState, expiresAt: string } | null }, otherProfiles: Array<{ __typename: 'PortalGrant', id: string, accessType: AccessType, patient: { __typename: 'Patient', id: string, firstName: string, lastName: string }, portalRole: { __typename: 'PortalRole', id: string, name: string } }> } | null, linkableAccount?: { __typename: 'PortalAccount', id: string, email: string } | null, contacts: Array<{ __typename: 'Contact', id: string, firstName: string, lastName: string, relationship: ContactRelationship, email: string | null, phone: string | null, dateOfBirth: string | null, language: Language, active: boolean, portalGrant?: { __typename: 'PortalGrant', id: string, accessType: AccessType, grantedAt: string, suspendedAt: string | null, proxyBasis: ProxyBasis | null, basisDocumentRef: string | null, basisVerifiedAt: string | null, basisVerifiedByName: string | null, endsOn: string | null, portalRoleId: string, scheduledChange: { __typename: 'ScheduledAccessChange', kind: ScheduledAccessChangeKind, on: string, reason: ScheduledAccessChangeReason, portalRoleId: string | null } | null, inviteAction: { __typename: 'InviteAction', allowed: boolean, reason: UserErrorCode | null, availableAt: string | null, resend: boolean }, portalRole: { __typename: 'PortalRole', id: string, name: string }, account: { __typename: 'PortalAccount', id: string, email: string, pendingLoginEmail: string | null, pendingLoginEmailExpiresAt: string | null, signedUp: boolean, signedUpAt: string | null, lastSignInAt: string | null, lastInviteSentAt: string | null, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, failedSignInCount: number, inviteDeliveryFailedAt: string | null, inviteDeliveryFailureReason: string | null, resendAvailableAt: string | null, latestInvite: { __typename: 'PortalInvite', state: InviteState, expiresAt: string } | null }, otherProfiles: Array<{ __typename: 'PortalGrant', id: string, accessType: AccessType, patient: { __typename: 'Patient', id: string, firstName: string, lastName: string }, portalRole: { __typename: 'PortalRole', id: string, name: string } }> } | null }> } | null, portalRoles?: Array<{ __typename: 'PortalRole', id: string, name: string, accessTypes: Array<AccessType> }> };

export type UpdatePatientMutationVariables = Exact<{
  input: UpdatePatientInput;
}>;


export type UpdatePatientMutation = { __typename: 'Mutation', updatePatient: { __typename: 'UpdatePatientPayload', patient: { __typename: 'Patient', id: string, firstName: string, lastName: string, mrn: string, email: string | null, dateOfBirth: string | null, language: Language, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UpdateContactMutationVariables = Exact<{
  input: UpdateContactInput;
}>;


export type UpdateContactMutation = { __typename: 'Mutation', updateContact: { __typename: 'UpdateContactPayload', revokedGrantCount: number | null, contact: { __typename: 'Contact', id: string, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ChangePortalLoginEmailMutationVariables = Exact<{
  input: ChangePortalLoginEmailInput;
}>;


export type ChangePortalLoginEmailMutation = { __typename: 'Mutation', changePortalLoginEmail: { __typename: 'ChangePortalLoginEmailPayload', account: { __typename: 'PortalAccount', id: string, email: string, pendingLoginEmail: string | null, pendingLoginEmailExpiresAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type PortalAccountsQueryVariables = Exact<{
  filter?: PortalAccountFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type PortalAccountsQuery = { __typename: 'Query', portalAccounts: { __typename: 'PortalAccountConnection', pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename: 'PortalAccountEdge', node: { __typename: 'PortalAccount', id: string, email: string, disabled: boolean, signedUp: boolean, signedUpAt: string | null, lastSignInAt: string | null, mustChangePassword: boolean, lockedUntil: string | null, grants: Array<{ __typename: 'PortalGrant', id: string, accessType: AccessType, patient: { __typename: 'Patient', id: string, firstName: string, lastName: string }, portalRole: { __typename: 'PortalRole', id: string, name: string } }> } }> } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { __typename: 'Query', apiKeys: { __typename: 'ApiKeyConnection', edges: Array<{ __typename: 'ApiKeyEdge', node: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, active: boolean, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null } }> } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { __typename: 'Mutation', createApiKey: { __typename: 'CreateApiKeyPayload', secret: string | null, apiKey: { __typename: 'ApiKey', id: string, name: string, prefix: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { __typename: 'Mutation', revokeApiKey: { __typename: 'RevokeApiKeyPayload', apiKey: { __typename: 'ApiKey', id: string, active: boolean, revokedAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type EmailTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type EmailTemplatesQuery = { __typename: 'Query', emailTemplates: Array<{ __typename: 'EmailTemplate', kind: EmailKind, language: Language, subject: string, html: string, text: string, isCustomized: boolean, placeholders: Array<string>, updatedAt: string | null }> };

export type PreviewEmailTemplateQueryVariables = Exact<{
  input: PreviewEmailTemplateInput;
}>;


export type PreviewEmailTemplateQuery = { __typename: 'Query', previewEmailTemplate: { __typename: 'PreviewEmailTemplatePayload', subject: string | null, html: string | null, text: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UpdateEmailTemplateMutationVariables = Exact<{
  input: UpdateEmailTemplateInput;
}>;


export type UpdateEmailTemplateMutation = { __typename: 'Mutation', updateEmailTemplate: { __typename: 'UpdateEmailTemplatePayload', emailTemplate: { __typename: 'EmailTemplate', kind: EmailKind, language: Language, subject: string, html: string, text: string, isCustomized: boolean, placeholders: Array<string>, updatedAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ResetEmailTemplateMutationVariables = Exact<{
  input: ResetEmailTemplateInput;
}>;


export type ResetEmailTemplateMutation = { __typename: 'Mutation', resetEmailTemplate: { __typename: 'ResetEmailTemplatePayload', emailTemplate: { __typename: 'EmailTemplate', kind: EmailKind, language: Language, subject: string, html: string, text: string, isCustomized: boolean, placeholders: Array<string>, updatedAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type SendSampleEmailMutationVariables = Exact<{
  input: SendSampleEmailInput;
}>;


export type SendSampleEmailMutation = { __typename: 'Mutation', sendSampleEmail: { __typename: 'SendSampleEmailPayload', to: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type MfaOrganizationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MfaOrganizationSettingsQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', organization: { __typename: 'Organization', id: string, requireStaffMfa: boolean, requireProxyMfa: boolean } } | null };

export type UpdateMfaRequirementMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateMfaRequirementMutation = { __typename: 'Mutation', updateOrganizationSettings: { __typename: 'UpdateOrganizationSettingsPayload', organization: { __typename: 'Organization', id: string, requireStaffMfa: boolean, requireProxyMfa: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ResetStaffMfaMutationVariables = Exact<{
  input: ResetStaffMfaInput;
}>;


export type ResetStaffMfaMutation = { __typename: 'Mutation', resetStaffMfa: { __typename: 'ResetStaffMfaPayload', staffUser: { __typename: 'StaffUser', id: string, mfaEnabled: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type OrganizationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationSettingsQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', organization: { __typename: 'Organization', id: string, name: string, inviteMethod: InviteMethod, inviteLinkTtlHours: number, resendCooldownMinutes: number, defaultPortalRoleId: string | null, defaultLanguage: Language, accessRemovedEmail: boolean, inviteReminderDays: Array<number> } } | null };

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateOrganizationSettingsMutation = { __typename: 'Mutation', updateOrganizationSettings: { __typename: 'UpdateOrganizationSettingsPayload', organization: { __typename: 'Organization', id: string, name: string, inviteMethod: InviteMethod, inviteLinkTtlHours: number, resendCooldownMinutes: number, defaultPortalRoleId: string | null, defaultLanguage: Language, accessRemovedEmail: boolean, inviteReminderDays: Array<number> } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type StaffRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffRolesQuery = { __typename: 'Query', staffRoles: Array<{ __typename: 'StaffRole', id: string, name: string, permissions: Array<StaffPermission> }> };

export type CreatePortalRoleMutationVariables = Exact<{
  input: CreatePortalRoleInput;
}>;


export type CreatePortalRoleMutation = { __typename: 'Mutation', createPortalRole: { __typename: 'CreatePortalRolePayload', portalRole: { __typename: 'PortalRole', id: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UpdatePortalRoleMutationVariables = Exact<{
  input: UpdatePortalRoleInput;
}>;


export type UpdatePortalRoleMutation = { __typename: 'Mutation', updatePortalRole: { __typename: 'UpdatePortalRolePayload', portalRole: { __typename: 'PortalRole', id: string, name: string, accessTypes: Array<AccessType>, permissions: Array<PortalPermission> } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type DeletePortalRoleMutationVariables = Exact<{
  input: DeletePortalRoleInput;
}>;


export type DeletePortalRoleMutation = { __typename: 'Mutation', deletePortalRole: { __typename: 'DeletePortalRolePayload', deletedId: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type CreateStaffRoleMutationVariables = Exact<{
  input: CreateStaffRoleInput;
}>;


export type CreateStaffRoleMutation = { __typename: 'Mutation', createStaffRole: { __typename: 'CreateStaffRolePayload', staffRole: { __typename: 'StaffRole', id: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UpdateStaffRoleMutationVariables = Exact<{
  input: UpdateStaffRoleInput;
}>;


export type UpdateStaffRoleMutation = { __typename: 'Mutation', updateStaffRole: { __typename: 'UpdateStaffRolePayload', staffRole: { __typename: 'StaffRole', id: string, name: string, permissions: Array<StaffPermission> } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type DeleteStaffRoleMutationVariables = Exact<{
  input: DeleteStaffRoleInput;
}>;


export type DeleteStaffRoleMutation = { __typename: 'Mutation', deleteStaffRole: { __typename: 'DeleteStaffRolePayload', deletedId: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type StaffMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffMembersQuery = { __typename: 'Query', staffUsers: Array<{ __typename: 'StaffUser', id: string, name: string, email: string, language: Language, staffRoleId: string, disabled: boolean, lastSignInAt: string | null, lockedUntil: string | null, mfaEnabled: boolean, invitePending: boolean, inviteSentAt: string | null, inviteExpiresAt: string | null }>, staffRoles: Array<{ __typename: 'StaffRole', id: string, name: string, permissions: Array<StaffPermission> }> };

export type InviteStaffUserMutationVariables = Exact<{
  input: InviteStaffUserInput;
}>;


export type InviteStaffUserMutation = { __typename: 'Mutation', inviteStaffUser: { __typename: 'InviteStaffUserPayload', staffUser: { __typename: 'StaffUser', id: string, email: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type ResendStaffInviteMutationVariables = Exact<{
  input: ResendStaffInviteInput;
}>;


export type ResendStaffInviteMutation = { __typename: 'Mutation', resendStaffInvite: { __typename: 'ResendStaffInvitePayload', staffUser: { __typename: 'StaffUser', id: string, inviteSentAt: string | null, inviteExpiresAt: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UpdateStaffMemberMutationVariables = Exact<{
  input: UpdateStaffUserInput;
}>;


export type UpdateStaffMemberMutation = { __typename: 'Mutation', updateStaffUser: { __typename: 'UpdateStaffUserPayload', staffUser: { __typename: 'StaffUser', id: string, staffRoleId: string, disabled: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type WebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksQuery = { __typename: 'Query', webhookSubscriptions: Array<{ __typename: 'WebhookSubscription', id: string, url: string, description: string | null, events: Array<WebhookEventType>, active: boolean, createdAt: string }>, webhookDeliveries: { __typename: 'WebhookDeliveryConnection', edges: Array<{ __typename: 'WebhookDeliveryEdge', node: { __typename: 'WebhookDelivery', id: string, at: string, subscriptionId: string, eventType: string, attempt: number, success: boolean, statusCode: number | null, error: string | null } }> } };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { __typename: 'Mutation', createWebhookSubscription: { __typename: 'CreateWebhookSubscriptionPayload', signingSecret: string | null, subscription: { __typename: 'WebhookSubscription', id: string } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  input: WebhookSubscriptionIdInput;
}>;


export type DeleteWebhookSubscriptionMutation = { __typename: 'Mutation', deleteWebhookSubscription: { __typename: 'DeleteWebhookSubscriptionPayload', deletedId: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type SendTestWebhookEventMutationVariables = Exact<{
  input: WebhookSubscriptionIdInput;
}>;


export type SendTestWebhookEventMutation = { __typename: 'Mutation', sendTestWebhookEvent: { __typename: 'SendTestWebhookEventPayload', eventId: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UnlockStaffUserMutationVariables = Exact<{
  input: UnlockStaffUserInput;
}>;


export type UnlockStaffUserMutation = { __typename: 'Mutation', unlockStaffUser: { __typename: 'UnlockStaffUserPayload', staffUser: { __typename: 'StaffUser', id: string, lockedUntil: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type UnlockPortalAccountMutationVariables = Exact<{
  input: UnlockPortalAccountInput;
}>;


export type UnlockPortalAccountMutation = { __typename: 'Mutation', unlockPortalAccount: { __typename: 'UnlockPortalAccountPayload', portalAccount: { __typename: 'PortalAccount', id: string, lockedUntil: string | null } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type AcceptStaffInviteMutationVariables = Exact<{
  input: AcceptStaffInviteInput;
}>;


export type AcceptStaffInviteMutation = { __typename: 'Mutation', acceptStaffInvite: { __typename: 'AcceptStaffInvitePayload', email: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export const BulkJobProgressFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<BulkJobProgressFragment, unknown>;
export const GrantDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proxyBasis"}},{"kind":"Field","name":{"kind":"Name","value":"basisDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedByName"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"resend"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmail"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmailExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"signedUp"}},{"kind":"Field","name":{"kind":"Name","value":"signedUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"failedSignInCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteDeliveryFailedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviteDeliveryFailureReason"}},{"kind":"Field","name":{"kind":"Name","value":"resendAvailableAt"}},{"kind":"Field","name":{"kind":"Name","value":"latestInvite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GrantDetailsFragment, unknown>;
export const AccessScheduleSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessScheduleSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessScheduleSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageRulePreset"}},{"kind":"Field","name":{"kind":"Name","value":"matchesPreset"}},{"kind":"Field","name":{"kind":"Name","value":"selfAccessMinAge"}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitedAtAge"}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitedRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndsAtAge"}},{"kind":"Field","name":{"kind":"Name","value":"ageNoticeDays"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndReminderEmail"}}]}}]}}]} as unknown as DocumentNode<AccessScheduleSettingsQuery, AccessScheduleSettingsQueryVariables>;
export const UpdateAccessScheduleSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAccessScheduleSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAccessScheduleSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAccessScheduleSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageRulePreset"}},{"kind":"Field","name":{"kind":"Name","value":"matchesPreset"}},{"kind":"Field","name":{"kind":"Name","value":"selfAccessMinAge"}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitedAtAge"}},{"kind":"Field","name":{"kind":"Name","value":"proxyLimitedRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndsAtAge"}},{"kind":"Field","name":{"kind":"Name","value":"ageNoticeDays"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndReminderDays"}},{"kind":"Field","name":{"kind":"Name","value":"proxyEndReminderEmail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateAccessScheduleSettingsMutation, UpdateAccessScheduleSettingsMutationVariables>;
export const RenewProxyAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenewProxyAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenewProxyAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renewProxyAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedByName"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RenewProxyAccessMutation, RenewProxyAccessMutationVariables>;
export const EnablePortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnablePortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnablePortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enablePortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnablePortalAccessMutation, EnablePortalAccessMutationVariables>;
export const GrantContactPortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantContactPortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantContactPortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantContactPortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GrantContactPortalAccessMutation, GrantContactPortalAccessMutationVariables>;
export const RevokePortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokePortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokePortalAccessMutation, RevokePortalAccessMutationVariables>;
export const RevokeAllPortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAllPortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeAllPortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAllPortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokedCount"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeAllPortalAccessMutation, RevokeAllPortalAccessMutationVariables>;
export const SendPortalInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendPortalInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendPortalInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPortalInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendPortalInviteMutation, SendPortalInviteMutationVariables>;
export const ResetPortalPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPortalPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPortalPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPortalPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resetExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetPortalPasswordMutation, ResetPortalPasswordMutationVariables>;
export const ChangePortalRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePortalRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePortalRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePortalRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePortalRoleMutation, ChangePortalRoleMutationVariables>;
export const LinkPatientToPortalAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkPatientToPortalAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkPatientToPortalAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkPatientToPortalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LinkPatientToPortalAccountMutation, LinkPatientToPortalAccountMutationVariables>;
export const SetPortalAccountDisabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPortalAccountDisabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPortalAccountDisabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPortalAccountDisabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetPortalAccountDisabledMutation, SetPortalAccountDisabledMutationVariables>;
export const ForcePortalPasswordChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForcePortalPasswordChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ForcePortalPasswordChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forcePortalPasswordChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ForcePortalPasswordChangeMutation, ForcePortalPasswordChangeMutationVariables>;
export const PortalRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accessTypes"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<PortalRolesQuery, PortalRolesQueryVariables>;
export const IssuePortalActivationCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssuePortalActivationCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssuePortalActivationCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuePortalActivationCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sheet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inviteUrl"}},{"kind":"Field","name":{"kind":"Name","value":"activateUrl"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeSvg"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"loginEmail"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IssuePortalActivationCodeMutation, IssuePortalActivationCodeMutationVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"staff"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keys"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUsers"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"staff"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keys"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditPeopleQuery, AuditPeopleQueryVariables>;
export const MfaStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MfaStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<MfaStatusQuery, MfaStatusQueryVariables>;
export const StartMfaEnrollmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartMfaEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startMfaEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeSvg"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartMfaEnrollmentMutation, StartMfaEnrollmentMutationVariables>;
export const ConfirmMfaEnrollmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmMfaEnrollment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MfaCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmMfaEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmMfaEnrollmentMutation, ConfirmMfaEnrollmentMutationVariables>;
export const RegenerateRecoveryCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateRecoveryCodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MfaCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateRecoveryCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const DisableMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MfaCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisableMfaMutation, DisableMfaMutationVariables>;
export const ImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRowPlan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"toCreate"}},{"kind":"Field","name":{"kind":"Name","value":"toUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"toLeave"}},{"kind":"Field","name":{"kind":"Name","value":"toRefuse"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"bulkJobId"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"plan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportJobQuery, ImportJobQueryVariables>;
export const ConfirmPatientImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmPatientImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmPatientImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPatientImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmPatientImportMutation, ConfirmPatientImportMutationVariables>;
export const DevMailboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DevMailbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devMailbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"toAddress"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DevMailboxQuery, DevMailboxQueryVariables>;
export const BulkEnablePortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkEnablePortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkEnablePortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkEnablePortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobProgress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<BulkEnablePortalAccessMutation, BulkEnablePortalAccessMutationVariables>;
export const BulkSendPortalInvitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkSendPortalInvites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkSendPortalInvitesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkSendPortalInvites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobProgress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<BulkSendPortalInvitesMutation, BulkSendPortalInvitesMutationVariables>;
export const BulkSendPortalInviteRemindersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkSendPortalInviteReminders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkSendPortalInviteRemindersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkSendPortalInviteReminders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobProgress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<BulkSendPortalInviteRemindersMutation, BulkSendPortalInviteRemindersMutationVariables>;
export const BulkJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobProgress"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<BulkJobQuery, BulkJobQueryVariables>;
export const BulkJobItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BulkJobItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJobOutcome"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"patientId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BulkJobItemsQuery, BulkJobItemsQueryVariables>;
export const RecentBulkJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentBulkJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BulkJobProgress"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedByName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BulkJobProgress"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"resultsCsvUrl"}}]}}]} as unknown as DocumentNode<RecentBulkJobsQuery, RecentBulkJobsQueryVariables>;
export const OnboardingPatientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnboardingPatients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientOrderInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"inviteDeliveryFailedAt"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"upcomingAccessChange"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inviteProblem"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"inviteAction"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"resend"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalAccess"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"signedUp"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"resendAvailableAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OnboardingPatientsQuery, OnboardingPatientsQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weeks"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"onboardingStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"weeks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weeks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"sent"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitedAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"acceptRate"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const CreateContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateContactMutation, CreateContactMutationVariables>;
export const EditContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"loginEmailChange"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EditContactMutation, EditContactMutationVariables>;
export const PatientPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PatientPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"selfAccessAllowedFrom"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"upcomingAccessChange"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalAccess"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"linkableAccount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"portalGrant"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GrantDetails"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRoles"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accessTypes"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GrantDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortalGrant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedAt"}},{"kind":"Field","name":{"kind":"Name","value":"proxyBasis"}},{"kind":"Field","name":{"kind":"Name","value":"basisDocumentRef"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"basisVerifiedByName"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"resend"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmail"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmailExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"signedUp"}},{"kind":"Field","name":{"kind":"Name","value":"signedUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"failedSignInCount"}},{"kind":"Field","name":{"kind":"Name","value":"inviteDeliveryFailedAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviteDeliveryFailureReason"}},{"kind":"Field","name":{"kind":"Name","value":"resendAvailableAt"}},{"kind":"Field","name":{"kind":"Name","value":"latestInvite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"otherProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PatientPageQuery, PatientPageQueryVariables>;
export const UpdatePatientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePatient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePatientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePatient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"mrn"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePatientMutation, UpdatePatientMutationVariables>;
export const UpdateContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revokedGrantCount"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateContactMutation, UpdateContactMutationVariables>;
export const ChangePortalLoginEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePortalLoginEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePortalLoginEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePortalLoginEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmail"}},{"kind":"Field","name":{"kind":"Name","value":"pendingLoginEmailExpiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePortalLoginEmailMutation, ChangePortalLoginEmailMutationVariables>;
export const PortalAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAccounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PortalAccountFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"signedUp"}},{"kind":"Field","name":{"kind":"Name","value":"signedUpAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalAccountsQuery, PortalAccountsQueryVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const EmailTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmailTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailTemplates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"isCustomized"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<EmailTemplatesQuery, EmailTemplatesQueryVariables>;
export const PreviewEmailTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewEmailTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewEmailTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewEmailTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewEmailTemplateQuery, PreviewEmailTemplateQueryVariables>;
export const UpdateEmailTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEmailTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEmailTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEmailTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"isCustomized"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateEmailTemplateMutation, UpdateEmailTemplateMutationVariables>;
export const ResetEmailTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetEmailTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetEmailTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetEmailTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"isCustomized"}},{"kind":"Field","name":{"kind":"Name","value":"placeholders"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetEmailTemplateMutation, ResetEmailTemplateMutationVariables>;
export const SendSampleEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSampleEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendSampleEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSampleEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendSampleEmailMutation, SendSampleEmailMutationVariables>;
export const MfaOrganizationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MfaOrganizationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requireStaffMfa"}},{"kind":"Field","name":{"kind":"Name","value":"requireProxyMfa"}}]}}]}}]}}]} as unknown as DocumentNode<MfaOrganizationSettingsQuery, MfaOrganizationSettingsQueryVariables>;
export const UpdateMfaRequirementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMfaRequirement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requireStaffMfa"}},{"kind":"Field","name":{"kind":"Name","value":"requireProxyMfa"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMfaRequirementMutation, UpdateMfaRequirementMutationVariables>;
export const ResetStaffMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetStaffMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetStaffMfaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetStaffMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResetStaffMfaMutation, ResetStaffMfaMutationVariables>;
export const OrganizationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMethod"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLinkTtlHours"}},{"kind":"Field","name":{"kind":"Name","value":"resendCooldownMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPortalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"accessRemovedEmail"}},{"kind":"Field","name":{"kind":"Name","value":"inviteReminderDays"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationSettingsQuery, OrganizationSettingsQueryVariables>;
export const UpdateOrganizationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrganizationSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMethod"}},{"kind":"Field","name":{"kind":"Name","value":"inviteLinkTtlHours"}},{"kind":"Field","name":{"kind":"Name","value":"resendCooldownMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPortalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"defaultLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"accessRemovedEmail"}},{"kind":"Field","name":{"kind":"Name","value":"inviteReminderDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>;
export const StaffRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<StaffRolesQuery, StaffRolesQueryVariables>;
export const CreatePortalRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePortalRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePortalRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPortalRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePortalRoleMutation, CreatePortalRoleMutationVariables>;
export const UpdatePortalRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePortalRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePortalRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePortalRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"accessTypes"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePortalRoleMutation, UpdatePortalRoleMutationVariables>;
export const DeletePortalRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePortalRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletePortalRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePortalRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeletePortalRoleMutation, DeletePortalRoleMutationVariables>;
export const CreateStaffRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStaffRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaffRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateStaffRoleMutation, CreateStaffRoleMutationVariables>;
export const UpdateStaffRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStaffRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStaffRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStaffRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateStaffRoleMutation, UpdateStaffRoleMutationVariables>;
export const DeleteStaffRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteStaffRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteStaffRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteStaffRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteStaffRoleMutation, DeleteStaffRoleMutationVariables>;
export const StaffMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaffMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"staffRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"invitePending"}},{"kind":"Field","name":{"kind":"Name","value":"inviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staffRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<StaffMembersQuery, StaffMembersQueryVariables>;
export const InviteStaffUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteStaffUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteStaffUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteStaffUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<InviteStaffUserMutation, InviteStaffUserMutationVariables>;
export const ResendStaffInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendStaffInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendStaffInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendStaffInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"inviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"inviteExpiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ResendStaffInviteMutation, ResendStaffInviteMutationVariables>;
export const UpdateStaffMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStaffMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStaffUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStaffUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staffRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateStaffMemberMutation, UpdateStaffMemberMutationVariables>;
export const WebhooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Webhooks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const CreateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>;
export const DeleteWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>;
export const SendTestWebhookEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTestWebhookEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTestWebhookEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendTestWebhookEventMutation, SendTestWebhookEventMutationVariables>;
export const UnlockStaffUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlockStaffUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnlockStaffUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlockStaffUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UnlockStaffUserMutation, UnlockStaffUserMutationVariables>;
export const UnlockPortalAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlockPortalAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnlockPortalAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlockPortalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UnlockPortalAccountMutation, UnlockPortalAccountMutationVariables>;
export const AcceptStaffInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptStaffInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptStaffInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptStaffInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptStaffInviteMutation, AcceptStaffInviteMutationVariables>;