/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OnboardingPatients($filter: PatientFilterInput, $first: Int!, $after: String, $canManage: Boolean!) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      statusCounts @include(if: $canManage) {\n        status\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          dateOfBirth\n          lastInviteSentAt\n          lastSignInAt\n          portalStatus\n          active\n          portalAccess @include(if: $canManage) {\n            id\n            account {\n              id\n              email\n              signedUp\n              disabled\n              lockedUntil\n              lastInviteSentAt\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OnboardingPatientsDocument,
    "\n  mutation EnablePortalAccess($input: EnablePortalAccessInput!) {\n    enablePortalAccess(input: $input) {\n      grant {\n        id\n      }\n      patient {\n        id\n        portalStatus\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.EnablePortalAccessDocument,
    "\n  mutation RevokePortalAccess($input: RevokePortalAccessInput!) {\n    revokePortalAccess(input: $input) {\n      grant {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RevokePortalAccessDocument,
};
const documents: Documents = {
    "\n  query OnboardingPatients($filter: PatientFilterInput, $first: Int!, $after: String, $canManage: Boolean!) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      statusCounts @include(if: $canManage) {\n        status\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          dateOfBirth\n          lastInviteSentAt\n          lastSignInAt\n          portalStatus\n          active\n          portalAccess @include(if: $canManage) {\n            id\n            account {\n              id\n              email\n              signedUp\n              disabled\n              lockedUntil\n              lastInviteSentAt\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OnboardingPatientsDocument,
    "\n  mutation EnablePortalAccess($input: EnablePortalAccessInput!) {\n    enablePortalAccess(input: $input) {\n      grant {\n        id\n      }\n      patient {\n        id\n        portalStatus\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.EnablePortalAccessDocument,
    "\n  mutation RevokePortalAccess($input: RevokePortalAccessInput!) {\n    revokePortalAccess(input: $input) {\n      grant {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RevokePortalAccessDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingPatients($filter: PatientFilterInput, $first: Int!, $after: String, $canManage: Boolean!) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      statusCounts @include(if: $canManage) {\n        status\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          dateOfBirth\n          lastInviteSentAt\n          lastSignInAt\n          portalStatus\n          active\n          portalAccess @include(if: $canManage) {\n            id\n            account {\n              id\n              email\n              signedUp\n              disabled\n              lockedUntil\n              lastInviteSentAt\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OnboardingPatients($filter: PatientFilterInput, $first: Int!, $after: String, $canManage: Boolean!) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      statusCounts @include(if: $canManage) {\n        status\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          dateOfBirth\n          lastInviteSentAt\n          lastSignInAt\n          portalStatus\n          active\n          portalAccess @include(if: $canManage) {\n            id\n            account {\n              id\n              email\n              signedUp\n              disabled\n              lockedUntil\n              lastInviteSentAt\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnablePortalAccess($input: EnablePortalAccessInput!) {\n    enablePortalAccess(input: $input) {\n      grant {\n        id\n      }\n      patient {\n        id\n        portalStatus\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EnablePortalAccess($input: EnablePortalAccessInput!) {\n    enablePortalAccess(input: $input) {\n      grant {\n        id\n      }\n      patient {\n        id\n        portalStatus\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePortalAccess($input: RevokePortalAccessInput!) {\n    revokePortalAccess(input: $input) {\n      grant {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokePortalAccess($input: RevokePortalAccessInput!) {\n    revokePortalAccess(input: $input) {\n      grant {\n        id\n        active\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;