/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Grid filter: search and portal status. */
export type PatientFilterInput = {
  /** Only patients in one of these statuses. */
  portalStatus?: Array<PortalStatus> | null | undefined;
  /** Name prefix ("Doe", "Jane Doe"), email prefix, exact MRN, or exact date of birth (YYYY-MM-DD). */
  search?: string | null | undefined;
};

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

/** Remove one grant. */
export type RevokePortalAccessInput = {
  /** The grant. */
  grantId: string | number;
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
  /** contact inactive */
  | 'CONTACT_INACTIVE'
  /** cooldown */
  | 'COOLDOWN'
  /** date of birth mismatch */
  | 'DATE_OF_BIRTH_MISMATCH'
  /** email in use */
  | 'EMAIL_IN_USE'
  /** email locked to account */
  | 'EMAIL_LOCKED_TO_ACCOUNT'
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
  /** missing date of birth */
  | 'MISSING_DATE_OF_BIRTH'
  /** missing email */
  | 'MISSING_EMAIL'
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
  /** patient inactive */
  | 'PATIENT_INACTIVE'
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
  /** weak password */
  | 'WEAK_PASSWORD'
  /** webhook url refused */
  | 'WEBHOOK_URL_REFUSED'
  /** wrong password */
  | 'WRONG_PASSWORD';

export type OnboardingPatientsQueryVariables = Exact<{
  filter?: PatientFilterInput | null | undefined;
  first: number;
  after?: string | null | undefined;
  canManage: boolean;
}>;


export type OnboardingPatientsQuery = { __typename: 'Query', patients: { __typename: 'PatientConnection', totalCount: number, statusCounts?: Array<{ __typename: 'StatusCount', status: PortalStatus, count: number }>, pageInfo: { __typename: 'PageInfo', endCursor: string | null, hasNextPage: boolean }, edges: Array<{ __typename: 'PatientEdge', node: { __typename: 'Patient', id: string, firstName: string, lastName: string, email: string | null, dateOfBirth: string | null, lastInviteSentAt: string | null, lastSignInAt: string | null, portalStatus: PortalStatus, active: boolean, portalAccess?: { __typename: 'PortalGrant', id: string, account: { __typename: 'PortalAccount', id: string, email: string, signedUp: boolean, disabled: boolean, lockedUntil: string | null, lastInviteSentAt: string | null } } | null } }> } };

export type EnablePortalAccessMutationVariables = Exact<{
  input: EnablePortalAccessInput;
}>;


export type EnablePortalAccessMutation = { __typename: 'Mutation', enablePortalAccess: { __typename: 'EnablePortalAccessPayload', grant: { __typename: 'PortalGrant', id: string } | null, patient: { __typename: 'Patient', id: string, portalStatus: PortalStatus } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };

export type RevokePortalAccessMutationVariables = Exact<{
  input: RevokePortalAccessInput;
}>;


export type RevokePortalAccessMutation = { __typename: 'Mutation', revokePortalAccess: { __typename: 'RevokePortalAccessPayload', grant: { __typename: 'PortalGrant', id: string, active: boolean } | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, field: string | null, message: string }> } };


export const OnboardingPatientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnboardingPatients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PatientFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"portalAccess"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"signedUp"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"lastInviteSentAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OnboardingPatientsQuery, OnboardingPatientsQueryVariables>;
export const EnablePortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnablePortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnablePortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enablePortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"patient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portalStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnablePortalAccessMutation, EnablePortalAccessMutationVariables>;
export const RevokePortalAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePortalAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokePortalAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokePortalAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokePortalAccessMutation, RevokePortalAccessMutationVariables>;