import { graphql } from "../../gql";

// Portal access mutations shared by the onboarding grid, the patient page and portal users.

export const EnablePortalAccessDocument = graphql(`
  mutation EnablePortalAccess($input: EnablePortalAccessInput!) {
    enablePortalAccess(input: $input) {
      grant {
        id
      }
      account {
        id
        email
      }
      patient {
        id
        portalStatus
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const GrantContactPortalAccessDocument = graphql(`
  mutation GrantContactPortalAccess($input: GrantContactPortalAccessInput!) {
    grantContactPortalAccess(input: $input) {
      grant {
        id
      }
      account {
        id
        email
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RevokePortalAccessDocument = graphql(`
  mutation RevokePortalAccess($input: RevokePortalAccessInput!) {
    revokePortalAccess(input: $input) {
      grant {
        id
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

export const RevokeAllPortalAccessDocument = graphql(`
  mutation RevokeAllPortalAccess($input: RevokeAllPortalAccessInput!) {
    revokeAllPortalAccess(input: $input) {
      revokedCount
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const SendPortalInviteDocument = graphql(`
  mutation SendPortalInvite($input: SendPortalInviteInput!) {
    sendPortalInvite(input: $input) {
      account {
        id
        email
        lastInviteSentAt
      }
      patient {
        id
        portalStatus
        lastInviteSentAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ResetPortalPasswordDocument = graphql(`
  mutation ResetPortalPassword($input: ResetPortalPasswordInput!) {
    resetPortalPassword(input: $input) {
      account {
        id
        email
      }
      resetExpiresAt
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ChangePortalRoleDocument = graphql(`
  mutation ChangePortalRole($input: ChangePortalRoleInput!) {
    changePortalRole(input: $input) {
      grant {
        id
        portalRoleId
        portalRole {
          id
          name
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const LinkPatientToPortalAccountDocument = graphql(`
  mutation LinkPatientToPortalAccount($input: LinkPatientToPortalAccountInput!) {
    linkPatientToPortalAccount(input: $input) {
      account {
        id
        email
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const SetPortalAccountDisabledDocument = graphql(`
  mutation SetPortalAccountDisabled($input: SetPortalAccountDisabledInput!) {
    setPortalAccountDisabled(input: $input) {
      account {
        id
        disabled
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ForcePortalPasswordChangeDocument = graphql(`
  mutation ForcePortalPasswordChange($input: ForcePortalPasswordChangeInput!) {
    forcePortalPasswordChange(input: $input) {
      account {
        id
        mustChangePassword
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const PortalRolesDocument = graphql(`
  query PortalRoles {
    portalRoles {
      id
      name
      accessTypes
      permissions
    }
  }
`);
