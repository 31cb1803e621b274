import { registerEnumType } from "type-graphql";
import {
  AccessType,
  ActorType,
  ApiKeyScope,
  WebhookEventType,
  ContactRelationship,
  InviteMethod,
  Language,
  PortalPermission,
  PortalStatus,
  StaffPermission,
  UserErrorCode,
  PatientSortField,
  SortDirection,
  BulkJobKind,
  BulkJobState,
  BulkJobOutcome,
} from "@portal/schema";

// The enums live in @portal/schema so the admin and the API share one definition.
registerEnumType(PortalStatus, {
  name: "PortalStatus",
  description: "Portal status colour of a patient.",
  valuesConfig: {
    NO_ACCESS: { description: "Red: no active SELF grant (the default)." },
    ENABLED: { description: "Gray: a SELF grant exists, no invite sent yet." },
    INVITED: { description: "Orange: invite sent, the account has never signed in." },
    ACTIVE: { description: "Green: the account has signed in at least once." },
  },
});
registerEnumType(AccessType, {
  name: "AccessType",
  description: "Whose account a grant belongs to.",
  valuesConfig: { SELF: { description: "The patient's own account." }, PROXY: { description: "A contact's account (family, guardian, physician, authorized representative)." } },
});
registerEnumType(StaffPermission, {
  name: "StaffPermission",
  description: "A staff permission (ACL entry).",
  valuesConfig: {
    MANAGE_PORTAL_ACCESS: { description: "See and change patients' portal access." },
    VIEW_PATIENTS: { description: "See patients and contacts." },
    EDIT_PATIENTS: { description: "Create and edit patients and contacts." },
    CONFIGURE_PORTAL_ROLES: { description: "Create and edit portal roles." },
    CONFIGURE_EMAIL_TEMPLATES: { description: "Edit email templates." },
    MANAGE_STAFF: { description: "Create staff users and staff roles." },
    VIEW_AUDIT_LOG: { description: "Read the audit log." },
    MANAGE_API_KEYS: { description: "Create and revoke API keys." },
    MANAGE_SETTINGS: { description: "Change organization settings." },
    VIEW_DEV_MAILBOX: { description: "Read the dev mailbox, which holds working links (development only)." },
  },
});
registerEnumType(PortalPermission, {
  name: "PortalPermission",
  description: "What a portal role lets its holder see or do.",
  valuesConfig: {
    VIEW_DEMOGRAPHICS: { description: "See name, date of birth and contact details." },
    VIEW_APPOINTMENTS: { description: "See appointments." },
    REQUEST_APPOINTMENTS: { description: "Request new appointments." },
    VIEW_DOCUMENTS: { description: "See shared documents." },
    SUBMIT_FORMS: { description: "Fill in and submit forms." },
    VIEW_BILLING: { description: "See statements and balances." },
  },
});
registerEnumType(ContactRelationship, { name: "ContactRelationship", description: "A contact's relationship to the patient.", valuesConfig: Object.fromEntries(Object.keys(ContactRelationship).map((k) => [k, { description: k.toLowerCase().replace(/_/g, " ") }])) });
registerEnumType(InviteMethod, {
  name: "InviteMethod",
  description: "How invites are sent.",
  valuesConfig: { LINK: { description: "An email with a link; the link sets the password." }, TEMPORARY_PASSWORD: { description: "An email with a temporary password that must be changed at first sign-in." } },
});
registerEnumType(Language, { name: "Language", description: "A language the product speaks.", valuesConfig: { EN: { description: "English." }, FR: { description: "French." } } });
registerEnumType(ActorType, {
  name: "ActorType",
  description: "Kind of actor in the audit log.",
  valuesConfig: { STAFF: { description: "A staff user." }, PORTAL_ACCOUNT: { description: "A patient or proxy." }, API_KEY: { description: "A partner app." }, SYSTEM: { description: "The system itself." } },
});
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Why a mutation did nothing.",
  valuesConfig: Object.fromEntries(Object.keys(UserErrorCode).map((k) => [k, { description: k.toLowerCase().replace(/_/g, " ") }])),
});
registerEnumType(ApiKeyScope, {
  name: "ApiKeyScope",
  description: "What an API key may do (docs/partner-api.md lists the operations of each).",
  valuesConfig: {
    PATIENTS_READ: { description: "patients:read — list and read patients and contacts." },
    PATIENTS_WRITE: { description: "patients:write — create and edit patients and contacts (includes patients:read)." },
    PORTAL_ACCESS_READ: { description: "portal_access:read — read portal status, grants, accounts and portal roles (includes listing patients)." },
    PORTAL_ACCESS_WRITE: { description: "portal_access:write — enable, invite, change and revoke portal access (includes portal_access:read)." },
    AUDIT_READ: { description: "audit:read — read the audit log." },
  },
});
registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "An event a webhook subscription can receive (the delivery's `type` is the lower-case dotted value).",
  valuesConfig: {
    PORTAL_ACCESS_ENABLED: { description: "portal_access.enabled — a patient's own or a contact's proxy access was granted." },
    PORTAL_ACCESS_REVOKED: { description: "portal_access.revoked — a grant was removed." },
    PORTAL_ACCOUNT_DISABLED: { description: "portal_account.disabled — a portal account was disabled." },
    PORTAL_INVITE_SENT: { description: "portal_invite.sent — an invite or resend was queued." },
    PORTAL_INVITE_ACCEPTED: { description: "portal_invite.accepted — the invitee signed up." },
    PORTAL_INVITE_DELIVERY_FAILED: { description: "portal_invite.delivery_failed — the invite email could not be delivered." },
    PORTAL_INVITE_REMINDED: { description: "portal_invite.reminded — an invited account that has not signed in was emailed a reminder with a fresh link (rule 23)." },
    PORTAL_ACCESS_LIMITED: { description: "portal_access.limited — the organization's age rules switched a parent's proxy to the narrower portal role (rule 20); data carries portalRoleId and previousPortalRoleId." },
    PATIENT_DEACTIVATED: { description: "patient.deactivated — the patient was made inactive (discharged, deceased, merged); every grant to the patient is suspended and accounts left with nothing to open are signed out." },
    PATIENT_REACTIVATED: { description: "patient.reactivated — the patient was made active again; suspended grants stay suspended until staff enable access again." },
    PATIENT_CREATED: { description: "patient.created — a patient was created by an import or upsertPatients; data carries patientId and externalId." },
    PATIENT_UPDATED: { description: "patient.updated — a patient's details or contacts were changed by an import or upsertPatients; data carries patientId, externalId and the changed fields." },
    TEST: { description: "webhook.test — sent by sendTestWebhookEvent only; cannot be subscribed to." },
  },
});
registerEnumType(PatientSortField, {
  name: "PatientSortField",
  description: "What the patient grid is sorted by.",
  valuesConfig: {
    NAME: { description: "Last name, then first name." },
    STATUS: { description: "Portal status colour (red, gray, orange, green), then name." },
    LAST_INVITE_SENT: { description: "When the last invite was sent." },
    LAST_SIGN_IN: { description: "Last sign-in of the patient's own account." },
  },
});
registerEnumType(SortDirection, { name: "SortDirection", description: "Sort direction.", valuesConfig: { ASC: { description: "Ascending." }, DESC: { description: "Descending." } } });
registerEnumType(BulkJobKind, {
  name: "BulkJobKind",
  description: "What a bulk job does to each selected patient.",
  valuesConfig: { ENABLE_PORTAL_ACCESS: { description: "Enable portal access (and optionally send the invite)." }, SEND_PORTAL_INVITES: { description: "Send (or resend) the portal invite." }, SEND_INVITE_REMINDERS: { description: "Email an invite reminder with a fresh link to accounts that have not signed in (rule 23)." } },
});
registerEnumType(BulkJobState, {
  name: "BulkJobState",
  description: "Life of a bulk job.",
  valuesConfig: {
    QUEUED: { description: "Waiting for the runner." },
    RUNNING: { description: "Rows are being processed." },
    DONE: { description: "Every row has an outcome." },
    FAILED: { description: "Stopped by an unexpected error; finished rows are kept." },
    INTERRUPTED: { description: "The server stopped while it ran and it could not be resumed; finished rows are kept." },
  },
});
registerEnumType(BulkJobOutcome, {
  name: "BulkJobOutcome",
  description: "Result of one row of a bulk job.",
  valuesConfig: {
    PENDING: { description: "Not processed yet." },
    SUCCEEDED: { description: "Done." },
    SKIPPED: { description: "Not done, for the reason given (the same rule as the single-patient action)." },
    FAILED: { description: "An unexpected error; nothing was changed for this row." },
  },
});
