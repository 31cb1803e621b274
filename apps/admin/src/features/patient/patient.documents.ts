import { graphql } from "../../gql";

export const GrantDetailsFragment = graphql(`
  fragment GrantDetails on PortalGrant {
    id
    accessType
    grantedAt
    suspendedAt
    proxyBasis
    basisDocumentRef
    basisVerifiedAt
    basisVerifiedByName
    endsOn
    scheduledChange {
      kind
      on
      reason
      portalRoleId
    }
    portalRoleId
    inviteAction {
      allowed
      reason
      availableAt
      resend
    }
    portalRole {
      id
      name
    }
    account {
      id
      email
      pendingLoginEmail
      pendingLoginEmailExpiresAt
      signedUp
      signedUpAt
      lastSignInAt
      lastInviteSentAt
      disabled
      lockedUntil
      mustChangePassword
      failedSignInCount
      inviteDeliveryFailedAt
      inviteDeliveryFailureReason
      resendAvailableAt
      latestInvite {
        state
        expiresAt
      }
    }
    otherProfiles {
      id
      accessType
      patient {
        id
        firstName
        lastName
      }
      portalRole {
        id
        name
      }
    }
  }
`);

export const PatientPageDocument = graphql(`
  query PatientPage($id: ID!, $canManage: Boolean!) {
    patient(id: $id) {
      id
      firstName
      lastName
      mrn
      email
      dateOfBirth
      language
      active
      portalStatus @include(if: $canManage)
      selfAccessAllowedFrom @include(if: $canManage)
      upcomingAccessChange @include(if: $canManage) {
        grantId
        kind
        on
        reason
      }
      portalAccess @include(if: $canManage) {
        ...GrantDetails
      }
      linkableAccount @include(if: $canManage) {
        id
        email
      }
      contacts {
        id
        firstName
        lastName
        relationship
        email
        phone
        dateOfBirth
        language
        active
        portalGrant @include(if: $canManage) {
          ...GrantDetails
        }
      }
    }
    portalRoles @include(if: $canManage) {
      id
      name
      accessTypes
    }
  }
`);

export const UpdatePatientDocument = graphql(`
  mutation UpdatePatient($input: UpdatePatientInput!) {
    updatePatient(input: $input) {
      patient {
        id
        firstName
        lastName
        mrn
        email
        dateOfBirth
        language
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdateContactDocument = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        id
        active
      }
      revokedGrantCount
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ChangePortalLoginEmailDocument = graphql(`
  mutation ChangePortalLoginEmail($input: ChangePortalLoginEmailInput!) {
    changePortalLoginEmail(input: $input) {
      account {
        id
        email
        pendingLoginEmail
        pendingLoginEmailExpiresAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
