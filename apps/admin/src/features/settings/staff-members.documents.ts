import { graphql } from "../../gql";

export const StaffMembersDocument = graphql(`
  query StaffMembers {
    staffUsers {
      id
      name
      email
      language
      staffRoleId
      disabled
      lastSignInAt
      lockedUntil
      mfaEnabled
      invitePending
      inviteSentAt
      inviteExpiresAt
    }
    staffRoles {
      id
      name
      permissions
    }
  }
`);

export const InviteStaffUserDocument = graphql(`
  mutation InviteStaffUser($input: InviteStaffUserInput!) {
    inviteStaffUser(input: $input) {
      staffUser {
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

export const ResendStaffInviteDocument = graphql(`
  mutation ResendStaffInvite($input: ResendStaffInviteInput!) {
    resendStaffInvite(input: $input) {
      staffUser {
        id
        inviteSentAt
        inviteExpiresAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdateStaffMemberDocument = graphql(`
  mutation UpdateStaffMember($input: UpdateStaffUserInput!) {
    updateStaffUser(input: $input) {
      staffUser {
        id
        staffRoleId
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
