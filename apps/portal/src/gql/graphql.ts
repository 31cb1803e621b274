/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Accept a portal invite: the link's token, the date of birth on file, and a new password. */
export type AcceptPortalInviteInput = {
  /** Date of birth, YYYY-MM-DD: the invited patient's own, or for a proxy the patient they will see. */
  dateOfBirth: string;
  /** The new password: 12 to 128 characters, used in full. */
  password: string;
  /** The token from the invite link (PUBLIC_URL/portal/invite/<token>). */
  token: string;
};

/** Whose account a grant belongs to. */
export type AccessType =
  /** A contact's account (family, guardian, physician, authorized representative). */
  | 'PROXY'
  /** The patient's own account. */
  | 'SELF';

/** Set up a portal account with a front-desk activation code. */
export type ActivatePortalAccountInput = {
  /** The 8-character code from the sheet (case, spaces and dashes do not matter). */
  code: string;
  /** Date of birth, YYYY-MM-DD: the patient's own, or for a proxy the patient they will see. */
  dateOfBirth: string;
  /** The new password: 12 to 128 characters, used in full. */
  password: string;
};

/** Change the signed-in account's password. */
export type ChangePortalPasswordInput = {
  /** The current (or temporary) password. */
  currentPassword: string;
  /** Date of birth, YYYY-MM-DD; required when the account has not signed up yet (temporary-password invites). */
  dateOfBirth?: string | null | undefined;
  /** The new password: 12 to 128 characters, used in full. */
  newPassword: string;
};

/** Set a new password with a reset link's token. */
export type CompletePortalPasswordResetInput = {
  /** The new password: 12 to 128 characters, used in full. */
  password: string;
  /** The token from the reset link (PUBLIC_URL/portal/reset/<token>). */
  token: string;
};

/** Confirm a new login email with the link sent to that address. */
export type ConfirmPortalLoginEmailInput = {
  /** The token from the link (PUBLIC_URL/portal/confirm-email/<token>). */
  token: string;
};

/** A code from the authenticator app the account is enrolling. */
export type ConfirmPortalTotpInput = {
  /** The 6 digits the authenticator app shows now. */
  code: string;
};

/** Turn off the account's own second factor: an authenticator code (or recovery code) for TOTP, the password for EMAIL. */
export type DisablePortalMfaInput = {
  /** A current authenticator code or a recovery code (TOTP). */
  code?: string | null | undefined;
  /** The account's password (EMAIL). */
  password?: string | null | undefined;
};

/** A language the product speaks. */
export type Language =
  /** English. */
  | 'EN'
  /** French. */
  | 'FR';

/** How a portal account finishes signing in after its password. */
export type PortalMfaMethod =
  /** A 6-digit code sent by email (10 minutes, once). */
  | 'EMAIL'
  /** A code from an authenticator app. */
  | 'TOTP';

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

/** Ask for a fresh invite (rule 22): the expired or locked link's token, or the login email, and the date of birth on file. */
export type RequestNewPortalInviteInput = {
  /** Date of birth on file, YYYY-MM-DD (for a proxy, the patient they will see). */
  dateOfBirth: string;
  /** The login email of an account that never signed up. Give this or token. */
  email?: string | null | undefined;
  /** Only this organization's account, when the email belongs to several clinics. */
  organizationId?: string | number | null | undefined;
  /** The token of the invite link that no longer works. Give this or email. */
  token?: string | null | undefined;
};

/** Ask for a password-reset email. */
export type RequestPortalPasswordResetInput = {
  /** The login email. The answer is the same whether or not it has an account. */
  email: string;
  /** The language the person is reading the portal in: the email is written in it. Without it, the account's own language. */
  language?: Language | null | undefined;
  /** Only this organization's account, when the email signs in to several clinics. */
  organizationId?: string | number | null | undefined;
};

/** The signed-in account's language, for its emails and the portal. */
export type UpdatePortalAccountLanguageInput = {
  /** EN or FR. */
  language: Language;
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

export type PortalMfaStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalMfaStatusQuery = { portalViewer: { account: { id: string, email: string, language: Language, mfaMethod: PortalMfaMethod | null, mfaRequired: boolean, mfaChosen: boolean } } };

export type StartPortalTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPortalTotpEnrollmentMutation = { startPortalTotpEnrollment: { secret: string | null, qrCodeSvg: string | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ConfirmPortalTotpEnrollmentMutationVariables = Exact<{
  input: ConfirmPortalTotpInput;
}>;


export type ConfirmPortalTotpEnrollmentMutation = { confirmPortalTotpEnrollment: { recoveryCodes: Array<string> | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type EnablePortalEmailMfaMutationVariables = Exact<{ [key: string]: never; }>;


export type EnablePortalEmailMfaMutation = { enablePortalEmailMfa: { account: { id: string, mfaMethod: PortalMfaMethod | null, mfaChosen: boolean } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type DisablePortalMfaMutationVariables = Exact<{
  input: DisablePortalMfaInput;
}>;


export type DisablePortalMfaMutation = { disablePortalMfa: { account: { id: string, mfaMethod: PortalMfaMethod | null, mfaChosen: boolean } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type UpdatePortalAccountLanguageMutationVariables = Exact<{
  input: UpdatePortalAccountLanguageInput;
}>;


export type UpdatePortalAccountLanguageMutation = { updatePortalAccountLanguage: { account: { id: string, language: Language } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ActivatePortalAccountMutationVariables = Exact<{
  input: ActivatePortalAccountInput;
}>;


export type ActivatePortalAccountMutation = { activatePortalAccount: { account: { id: string, email: string } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type RequestNewPortalInviteMutationVariables = Exact<{
  input: RequestNewPortalInviteInput;
}>;


export type RequestNewPortalInviteMutation = { requestNewPortalInvite: { accepted: boolean | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ConfirmPortalLoginEmailMutationVariables = Exact<{
  input: ConfirmPortalLoginEmailInput;
}>;


export type ConfirmPortalLoginEmailMutation = { confirmPortalLoginEmail: { loginEmail: string | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type AcceptPortalInviteMutationVariables = Exact<{
  input: AcceptPortalInviteInput;
}>;


export type AcceptPortalInviteMutation = { acceptPortalInvite: { account: { id: string, email: string } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type CheckPortalInviteQueryVariables = Exact<{
  token: string;
}>;


export type CheckPortalInviteQuery = { checkPortalInvite: { usable: boolean | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type RequestPortalPasswordResetMutationVariables = Exact<{
  input: RequestPortalPasswordResetInput;
}>;


export type RequestPortalPasswordResetMutation = { requestPortalPasswordReset: { accepted: boolean | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type CompletePortalPasswordResetMutationVariables = Exact<{
  input: CompletePortalPasswordResetInput;
}>;


export type CompletePortalPasswordResetMutation = { completePortalPasswordReset: { account: { id: string, mustChangePassword: boolean } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type ChangePortalPasswordMutationVariables = Exact<{
  input: ChangePortalPasswordInput;
}>;


export type ChangePortalPasswordMutation = { changePortalPassword: { account: { id: string, mustChangePassword: boolean } | null, userErrors: Array<{ code: UserErrorCode, field: string | null, message: string }> } };

export type PortalViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalViewerQuery = { portalViewer: { organizationName: string, account: { id: string, email: string, language: Language, mustChangePassword: boolean, needsDateOfBirth: boolean }, profiles: Array<{ id: string, accessType: AccessType, isAccountHolder: boolean, patient: { id: string, firstName: string, lastName: string }, role: { name: string, permissions: Array<PortalPermission> }, demographics: { dateOfBirth: string | null, email: string | null } | null, appointments: Array<{ id: string, startsAt: string }> | null, documents: Array<{ id: string, title: string }> | null, statements: Array<{ id: string, issuedOn: string }> | null }> } };


export const PortalMfaStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalMfaStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"mfaMethod"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"mfaChosen"}}]}}]}}]}}]} as unknown as DocumentNode<PortalMfaStatusQuery, PortalMfaStatusQueryVariables>;
export const StartPortalTotpEnrollmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPortalTotpEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPortalTotpEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeSvg"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartPortalTotpEnrollmentMutation, StartPortalTotpEnrollmentMutationVariables>;
export const ConfirmPortalTotpEnrollmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmPortalTotpEnrollment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmPortalTotpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPortalTotpEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmPortalTotpEnrollmentMutation, ConfirmPortalTotpEnrollmentMutationVariables>;
export const EnablePortalEmailMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnablePortalEmailMfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enablePortalEmailMfa"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mfaMethod"}},{"kind":"Field","name":{"kind":"Name","value":"mfaChosen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnablePortalEmailMfaMutation, EnablePortalEmailMfaMutationVariables>;
export const DisablePortalMfaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisablePortalMfa"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisablePortalMfaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disablePortalMfa"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mfaMethod"}},{"kind":"Field","name":{"kind":"Name","value":"mfaChosen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisablePortalMfaMutation, DisablePortalMfaMutationVariables>;
export const UpdatePortalAccountLanguageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePortalAccountLanguage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePortalAccountLanguageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePortalAccountLanguage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdatePortalAccountLanguageMutation, UpdatePortalAccountLanguageMutationVariables>;
export const ActivatePortalAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActivatePortalAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivatePortalAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activatePortalAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ActivatePortalAccountMutation, ActivatePortalAccountMutationVariables>;
export const RequestNewPortalInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestNewPortalInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestNewPortalInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestNewPortalInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestNewPortalInviteMutation, RequestNewPortalInviteMutationVariables>;
export const ConfirmPortalLoginEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmPortalLoginEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmPortalLoginEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPortalLoginEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loginEmail"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmPortalLoginEmailMutation, ConfirmPortalLoginEmailMutationVariables>;
export const AcceptPortalInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptPortalInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptPortalInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPortalInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptPortalInviteMutation, AcceptPortalInviteMutationVariables>;
export const CheckPortalInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckPortalInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkPortalInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usable"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckPortalInviteQuery, CheckPortalInviteQueryVariables>;
export const RequestPortalPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPortalPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPortalPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPortalPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestPortalPasswordResetMutation, RequestPortalPasswordResetMutationVariables>;
export const CompletePortalPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompletePortalPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompletePortalPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completePortalPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CompletePortalPasswordResetMutation, CompletePortalPasswordResetMutationVariables>;
export const ChangePortalPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePortalPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePortalPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePortalPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePortalPasswordMutation, ChangePortalPasswordMutationVariables>;
export const PortalViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"needsDateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessType"}},{"kind":"Field","name":{"kind":"Name","value":"isAccountHolder"}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"demographics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalViewerQuery, PortalViewerQueryVariables>;