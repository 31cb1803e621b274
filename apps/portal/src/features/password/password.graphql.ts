import { graphql } from "../../gql";

export const RequestPortalPasswordResetMutation = graphql(`
  mutation RequestPortalPasswordReset($input: RequestPortalPasswordResetInput!) {
    requestPortalPasswordReset(input: $input) {
      accepted
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CompletePortalPasswordResetMutation = graphql(`
  mutation CompletePortalPasswordReset($input: CompletePortalPasswordResetInput!) {
    completePortalPasswordReset(input: $input) {
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

export const ChangePortalPasswordMutation = graphql(`
  mutation ChangePortalPassword($input: ChangePortalPasswordInput!) {
    changePortalPassword(input: $input) {
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
