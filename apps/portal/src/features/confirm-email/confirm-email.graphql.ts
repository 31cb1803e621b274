import { graphql } from "../../gql";

export const ConfirmPortalLoginEmailMutation = graphql(`
  mutation ConfirmPortalLoginEmail($input: ConfirmPortalLoginEmailInput!) {
    confirmPortalLoginEmail(input: $input) {
      loginEmail
      userErrors {
        code
        field
        message
      }
    }
  }
`);
