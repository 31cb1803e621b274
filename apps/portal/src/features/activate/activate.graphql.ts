import { graphql } from "../../gql";

export const ActivatePortalAccountMutation = graphql(`
  mutation ActivatePortalAccount($input: ActivatePortalAccountInput!) {
    activatePortalAccount(input: $input) {
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

export const RequestNewPortalInviteMutation = graphql(`
  mutation RequestNewPortalInvite($input: RequestNewPortalInviteInput!) {
    requestNewPortalInvite(input: $input) {
      accepted
      userErrors {
        code
        field
        message
      }
    }
  }
`);
