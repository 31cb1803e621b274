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
    "\n  query PortalMfaStatus {\n    portalViewer {\n      account {\n        id\n        email\n        language\n        mfaMethod\n        mfaRequired\n        mfaChosen\n      }\n    }\n  }\n": typeof types.PortalMfaStatusDocument,
    "\n  mutation StartPortalTotpEnrollment {\n    startPortalTotpEnrollment {\n      secret\n      qrCodeSvg\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.StartPortalTotpEnrollmentDocument,
    "\n  mutation ConfirmPortalTotpEnrollment($input: ConfirmPortalTotpInput!) {\n    confirmPortalTotpEnrollment(input: $input) {\n      recoveryCodes\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ConfirmPortalTotpEnrollmentDocument,
    "\n  mutation EnablePortalEmailMfa {\n    enablePortalEmailMfa {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.EnablePortalEmailMfaDocument,
    "\n  mutation DisablePortalMfa($input: DisablePortalMfaInput!) {\n    disablePortalMfa(input: $input) {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.DisablePortalMfaDocument,
    "\n  mutation UpdatePortalAccountLanguage($input: UpdatePortalAccountLanguageInput!) {\n    updatePortalAccountLanguage(input: $input) {\n      account {\n        id\n        language\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdatePortalAccountLanguageDocument,
    "\n  mutation ActivatePortalAccount($input: ActivatePortalAccountInput!) {\n    activatePortalAccount(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ActivatePortalAccountDocument,
    "\n  mutation RequestNewPortalInvite($input: RequestNewPortalInviteInput!) {\n    requestNewPortalInvite(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RequestNewPortalInviteDocument,
    "\n  mutation ConfirmPortalLoginEmail($input: ConfirmPortalLoginEmailInput!) {\n    confirmPortalLoginEmail(input: $input) {\n      loginEmail\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ConfirmPortalLoginEmailDocument,
    "\n  mutation AcceptPortalInvite($input: AcceptPortalInviteInput!) {\n    acceptPortalInvite(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.AcceptPortalInviteDocument,
    "\n  query CheckPortalInvite($token: String!) {\n    checkPortalInvite(token: $token) {\n      usable\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CheckPortalInviteDocument,
    "\n  mutation RequestPortalPasswordReset($input: RequestPortalPasswordResetInput!) {\n    requestPortalPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RequestPortalPasswordResetDocument,
    "\n  mutation CompletePortalPasswordReset($input: CompletePortalPasswordResetInput!) {\n    completePortalPasswordReset(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CompletePortalPasswordResetDocument,
    "\n  mutation ChangePortalPassword($input: ChangePortalPasswordInput!) {\n    changePortalPassword(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ChangePortalPasswordDocument,
    "\n  query PortalViewer {\n    portalViewer {\n      organizationName\n      account {\n        id\n        email\n        language\n        mustChangePassword\n        needsDateOfBirth\n      }\n      profiles {\n        id\n        accessType\n        isAccountHolder\n        patient {\n          id\n          firstName\n          lastName\n        }\n        role {\n          name\n          permissions\n        }\n        demographics {\n          dateOfBirth\n          email\n        }\n        appointments {\n          id\n          startsAt\n        }\n        documents {\n          id\n          title\n        }\n        statements {\n          id\n          issuedOn\n        }\n      }\n    }\n  }\n": typeof types.PortalViewerDocument,
};
const documents: Documents = {
    "\n  query PortalMfaStatus {\n    portalViewer {\n      account {\n        id\n        email\n        language\n        mfaMethod\n        mfaRequired\n        mfaChosen\n      }\n    }\n  }\n": types.PortalMfaStatusDocument,
    "\n  mutation StartPortalTotpEnrollment {\n    startPortalTotpEnrollment {\n      secret\n      qrCodeSvg\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.StartPortalTotpEnrollmentDocument,
    "\n  mutation ConfirmPortalTotpEnrollment($input: ConfirmPortalTotpInput!) {\n    confirmPortalTotpEnrollment(input: $input) {\n      recoveryCodes\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ConfirmPortalTotpEnrollmentDocument,
    "\n  mutation EnablePortalEmailMfa {\n    enablePortalEmailMfa {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.EnablePortalEmailMfaDocument,
    "\n  mutation DisablePortalMfa($input: DisablePortalMfaInput!) {\n    disablePortalMfa(input: $input) {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.DisablePortalMfaDocument,
    "\n  mutation UpdatePortalAccountLanguage($input: UpdatePortalAccountLanguageInput!) {\n    updatePortalAccountLanguage(input: $input) {\n      account {\n        id\n        language\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdatePortalAccountLanguageDocument,
    "\n  mutation ActivatePortalAccount($input: ActivatePortalAccountInput!) {\n    activatePortalAccount(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ActivatePortalAccountDocument,
    "\n  mutation RequestNewPortalInvite($input: RequestNewPortalInviteInput!) {\n    requestNewPortalInvite(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RequestNewPortalInviteDocument,
    "\n  mutation ConfirmPortalLoginEmail($input: ConfirmPortalLoginEmailInput!) {\n    confirmPortalLoginEmail(input: $input) {\n      loginEmail\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ConfirmPortalLoginEmailDocument,
    "\n  mutation AcceptPortalInvite($input: AcceptPortalInviteInput!) {\n    acceptPortalInvite(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.AcceptPortalInviteDocument,
    "\n  query CheckPortalInvite($token: String!) {\n    checkPortalInvite(token: $token) {\n      usable\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CheckPortalInviteDocument,
    "\n  mutation RequestPortalPasswordReset($input: RequestPortalPasswordResetInput!) {\n    requestPortalPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RequestPortalPasswordResetDocument,
    "\n  mutation CompletePortalPasswordReset($input: CompletePortalPasswordResetInput!) {\n    completePortalPasswordReset(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CompletePortalPasswordResetDocument,
    "\n  mutation ChangePortalPassword($input: ChangePortalPasswordInput!) {\n    changePortalPassword(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ChangePortalPasswordDocument,
    "\n  query PortalViewer {\n    portalViewer {\n      organizationName\n      account {\n        id\n        email\n        language\n        mustChangePassword\n        needsDateOfBirth\n      }\n      profiles {\n        id\n        accessType\n        isAccountHolder\n        patient {\n          id\n          firstName\n          lastName\n        }\n        role {\n          name\n          permissions\n        }\n        demographics {\n          dateOfBirth\n          email\n        }\n        appointments {\n          id\n          startsAt\n        }\n        documents {\n          id\n          title\n        }\n        statements {\n          id\n          issuedOn\n        }\n      }\n    }\n  }\n": types.PortalViewerDocument,
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
export function graphql(source: "\n  query PortalMfaStatus {\n    portalViewer {\n      account {\n        id\n        email\n        language\n        mfaMethod\n        mfaRequired\n        mfaChosen\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMfaStatus {\n    portalViewer {\n      account {\n        id\n        email\n        language\n        mfaMethod\n        mfaRequired\n        mfaChosen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPortalTotpEnrollment {\n    startPortalTotpEnrollment {\n      secret\n      qrCodeSvg\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartPortalTotpEnrollment {\n    startPortalTotpEnrollment {\n      secret\n      qrCodeSvg\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPortalTotpEnrollment($input: ConfirmPortalTotpInput!) {\n    confirmPortalTotpEnrollment(input: $input) {\n      recoveryCodes\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPortalTotpEnrollment($input: ConfirmPortalTotpInput!) {\n    confirmPortalTotpEnrollment(input: $input) {\n      recoveryCodes\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnablePortalEmailMfa {\n    enablePortalEmailMfa {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EnablePortalEmailMfa {\n    enablePortalEmailMfa {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisablePortalMfa($input: DisablePortalMfaInput!) {\n    disablePortalMfa(input: $input) {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DisablePortalMfa($input: DisablePortalMfaInput!) {\n    disablePortalMfa(input: $input) {\n      account {\n        id\n        mfaMethod\n        mfaChosen\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePortalAccountLanguage($input: UpdatePortalAccountLanguageInput!) {\n    updatePortalAccountLanguage(input: $input) {\n      account {\n        id\n        language\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePortalAccountLanguage($input: UpdatePortalAccountLanguageInput!) {\n    updatePortalAccountLanguage(input: $input) {\n      account {\n        id\n        language\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivatePortalAccount($input: ActivatePortalAccountInput!) {\n    activatePortalAccount(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ActivatePortalAccount($input: ActivatePortalAccountInput!) {\n    activatePortalAccount(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestNewPortalInvite($input: RequestNewPortalInviteInput!) {\n    requestNewPortalInvite(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestNewPortalInvite($input: RequestNewPortalInviteInput!) {\n    requestNewPortalInvite(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmPortalLoginEmail($input: ConfirmPortalLoginEmailInput!) {\n    confirmPortalLoginEmail(input: $input) {\n      loginEmail\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmPortalLoginEmail($input: ConfirmPortalLoginEmailInput!) {\n    confirmPortalLoginEmail(input: $input) {\n      loginEmail\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptPortalInvite($input: AcceptPortalInviteInput!) {\n    acceptPortalInvite(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptPortalInvite($input: AcceptPortalInviteInput!) {\n    acceptPortalInvite(input: $input) {\n      account {\n        id\n        email\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckPortalInvite($token: String!) {\n    checkPortalInvite(token: $token) {\n      usable\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query CheckPortalInvite($token: String!) {\n    checkPortalInvite(token: $token) {\n      usable\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPortalPasswordReset($input: RequestPortalPasswordResetInput!) {\n    requestPortalPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPortalPasswordReset($input: RequestPortalPasswordResetInput!) {\n    requestPortalPasswordReset(input: $input) {\n      accepted\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompletePortalPasswordReset($input: CompletePortalPasswordResetInput!) {\n    completePortalPasswordReset(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompletePortalPasswordReset($input: CompletePortalPasswordResetInput!) {\n    completePortalPasswordReset(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePortalPassword($input: ChangePortalPasswordInput!) {\n    changePortalPassword(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePortalPassword($input: ChangePortalPasswordInput!) {\n    changePortalPassword(input: $input) {\n      account {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalViewer {\n    portalViewer {\n      organizationName\n      account {\n        id\n        email\n        language\n        mustChangePassword\n        needsDateOfBirth\n      }\n      profiles {\n        id\n        accessType\n        isAccountHolder\n        patient {\n          id\n          firstName\n          lastName\n        }\n        role {\n          name\n          permissions\n        }\n        demographics {\n          dateOfBirth\n          email\n        }\n        appointments {\n          id\n          startsAt\n        }\n        documents {\n          id\n          title\n        }\n        statements {\n          id\n          issuedOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalViewer {\n    portalViewer {\n      organizationName\n      account {\n        id\n        email\n        language\n        mustChangePassword\n        needsDateOfBirth\n      }\n      profiles {\n        id\n        accessType\n        isAccountHolder\n        patient {\n          id\n          firstName\n          lastName\n        }\n        role {\n          name\n          permissions\n        }\n        demographics {\n          dateOfBirth\n          email\n        }\n        appointments {\n          id\n          startsAt\n        }\n        documents {\n          id\n          title\n        }\n        statements {\n          id\n          issuedOn\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;