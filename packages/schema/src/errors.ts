/**
 * Expected failures a user can act on. They travel as data (`userErrors { code field message }`),
 * never as exceptions; the admin and partner apps switch on the code, not on the message.
 */
export enum UserErrorCode {
  NOT_FOUND = "NOT_FOUND",
  INVALID_INPUT = "INVALID_INPUT",
  MISSING_EMAIL = "MISSING_EMAIL",
  MISSING_DATE_OF_BIRTH = "MISSING_DATE_OF_BIRTH",
  INVALID_EMAIL = "INVALID_EMAIL",
  EMAIL_IN_USE = "EMAIL_IN_USE",
  EMAIL_LOCKED_TO_ACCOUNT = "EMAIL_LOCKED_TO_ACCOUNT",
  ALREADY_HAS_ACCESS = "ALREADY_HAS_ACCESS",
  ALREADY_ACTIVE = "ALREADY_ACTIVE",
  NO_ACCESS = "NO_ACCESS",
  ROLE_NOT_APPLICABLE = "ROLE_NOT_APPLICABLE",
  ROLE_IN_USE = "ROLE_IN_USE",
  NAME_TAKEN = "NAME_TAKEN",
  CONTACT_INACTIVE = "CONTACT_INACTIVE",
  PATIENT_INACTIVE = "PATIENT_INACTIVE",
  NOT_LINKABLE = "NOT_LINKABLE",
  ACCOUNT_DISABLED = "ACCOUNT_DISABLED",
  NOT_SIGNED_UP = "NOT_SIGNED_UP",
  COOLDOWN = "COOLDOWN",
  INVITE_INVALID = "INVITE_INVALID",
  INVITE_EXPIRED = "INVITE_EXPIRED",
  INVITE_LOCKED = "INVITE_LOCKED",
  DATE_OF_BIRTH_MISMATCH = "DATE_OF_BIRTH_MISMATCH",
  WEAK_PASSWORD = "WEAK_PASSWORD",
  WRONG_PASSWORD = "WRONG_PASSWORD",
  TOKEN_INVALID = "TOKEN_INVALID",
  TOKEN_EXPIRED = "TOKEN_EXPIRED",
  RATE_LIMITED = "RATE_LIMITED",
  TRANSPORT_UNAVAILABLE = "TRANSPORT_UNAVAILABLE",
  ALREADY_REVOKED = "ALREADY_REVOKED",
  UNKNOWN_PLACEHOLDER = "UNKNOWN_PLACEHOLDER",
  MISSING_PLACEHOLDER = "MISSING_PLACEHOLDER",
  WEBHOOK_URL_REFUSED = "WEBHOOK_URL_REFUSED",
  /** A role, member or API key would receive a permission or scope the acting member does not hold (rule 16). */
  PERMISSION_NOT_HELD = "PERMISSION_NOT_HELD",
  /** Members cannot change their own role, nor the permissions of the role they hold. */
  OWN_ROLE = "OWN_ROLE",
  /** Members cannot disable their own account. */
  OWN_ACCOUNT = "OWN_ACCOUNT",
  /** The change would leave no active member able to manage staff. */
  LAST_STAFF_MANAGER = "LAST_STAFF_MANAGER",
  /** Two-factor sign-in is already on (disable or reset it before enrolling again). */
  MFA_ALREADY_ENABLED = "MFA_ALREADY_ENABLED",
  /** Two-factor sign-in is not on for this person (or enrollment was not started). */
  MFA_NOT_ENABLED = "MFA_NOT_ENABLED",
  /** The authenticator code, emailed code or recovery code is wrong, expired or already used. */
  MFA_CODE_INVALID = "MFA_CODE_INVALID",
  /** The organization requires two-factor sign-in, so it cannot be turned off. */
  MFA_REQUIRED = "MFA_REQUIRED",
  /** An import file is larger than the import size limit (nothing was read into the organization). */
  IMPORT_FILE_TOO_LARGE = "IMPORT_FILE_TOO_LARGE",
  /** An import file has more rows than one import may hold; split it. */
  IMPORT_TOO_MANY_ROWS = "IMPORT_TOO_MANY_ROWS",
  /** An import file is not text in a known encoding (binary, a spreadsheet saved as .xlsx, broken characters) or not CSV/FHIR. */
  IMPORT_UNREADABLE_FILE = "IMPORT_UNREADABLE_FILE",
  /** A column the import needs (first name, last name, and MRN or external id) is neither recognised nor mapped. */
  IMPORT_MISSING_COLUMN = "IMPORT_MISSING_COLUMN",
  /** Dates like 03/04/2010 could be day/month or month/day: say which once for the file. */
  IMPORT_DATE_ORDER_NEEDED = "IMPORT_DATE_ORDER_NEEDED",
  /** The same patient, or the same email, appears on more than one row of the file. */
  DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE",
  /** A cell starts like a spreadsheet formula (=, +, -, @): refused rather than stored. */
  FORMULA_NOT_ALLOWED = "FORMULA_NOT_ALLOWED",
  /** The MRN belongs to a patient known under another external id. */
  EXTERNAL_ID_CONFLICT = "EXTERNAL_ID_CONFLICT",
  /** Another import of the organization is waiting or running; it must finish first. */
  IMPORT_ALREADY_RUNNING = "IMPORT_ALREADY_RUNNING",
  /** The import was already confirmed, or its dry run is not ready. */
  IMPORT_NOT_CONFIRMABLE = "IMPORT_NOT_CONFIRMABLE",
  /** The patient is younger than the organization's minimum age for an own (SELF) account (rule 20). */
  BELOW_SELF_ACCESS_AGE = "BELOW_SELF_ACCESS_AGE",
}

/** Codes of GraphQL errors (the thrown tier) that clients may see in `errors[].extensions.code`. */
export const GraphQLErrorCodes = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** devMailbox asked for while emails go through Mailgun (there is no dev mailbox then). */
  DEV_MAILBOX_DISABLED: "DEV_MAILBOX_DISABLED",
} as const;
