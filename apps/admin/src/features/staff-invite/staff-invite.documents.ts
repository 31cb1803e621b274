import { graphql } from "../../gql";

export const AcceptStaffInviteDocument = graphql(`
  mutation AcceptStaffInvite($input: AcceptStaffInviteInput!) {
    acceptStaffInvite(input: $input) {
      email
      userErrors {
        code
        field
        message
      }
    }
  }
`);
