/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** How invites are sent. */
export type InviteMethod =
  /** An email with a link; the link sets the password. */
  | 'LINK'
  /** An email with a temporary password that must be changed at first sign-in. */
  | 'TEMPORARY_PASSWORD';

/** A language the product speaks. */
export type Language =
  /** English. */
  | 'EN'
  /** French. */
  | 'FR';

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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', permissions: Array<StaffPermission>, grantablePermissions: Array<StaffPermission>, grantableApiKeyScopes: Array<ApiKeyScope>, user: { __typename: 'StaffUser', id: string, staffRoleId: string, name: string, email: string, language: Language }, organization: { __typename: 'Organization', id: string, name: string, defaultPortalRoleId: string | null, inviteMethod: InviteMethod, resendCooldownMinutes: number } } | null };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"grantablePermissions"}},{"kind":"Field","name":{"kind":"Name","value":"grantableApiKeyScopes"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staffRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"defaultPortalRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"inviteMethod"}},{"kind":"Field","name":{"kind":"Name","value":"resendCooldownMinutes"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;