import { graphql } from "../../gql";

export const UnlockStaffUserDocument = graphql(`
  mutation UnlockStaffUser($input: UnlockStaffUserInput!) {
    unlockStaffUser(input: $input) {
      staffUser {
        id
        lockedUntil
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UnlockPortalAccountDocument = graphql(`
  mutation UnlockPortalAccount($input: UnlockPortalAccountInput!) {
    unlockPortalAccount(input: $input) {
      portalAccount {
        id
        lockedUntil
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
