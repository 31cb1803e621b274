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

export const CheckPortalInviteQuery = graphql(`
  query CheckPortalInvite($token: String!) {
    checkPortalInvite(token: $token) {
      usable
      userErrors {
        code
        field
        message
      }
    }
  }
`);
