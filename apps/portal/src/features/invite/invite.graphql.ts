import { graphql } from "../../gql";

export const AcceptPortalInviteMutation = graphql(`
  mutation AcceptPortalInvite($input: AcceptPortalInviteInput!) {
    acceptPortalInvite(input: $input) {
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
