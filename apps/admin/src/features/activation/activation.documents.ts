import { graphql } from "../../gql";

// Front-desk activation sheet (rule 23): a fresh invite link as a QR code and an 8-character code.
export const IssuePortalActivationCodeDocument = graphql(`
  mutation IssuePortalActivationCode($input: IssuePortalActivationCodeInput!) {
    issuePortalActivationCode(input: $input) {
      sheet {
        code
        inviteUrl
        activateUrl
        qrCodeSvg
        expiresAt
        patientName
        loginEmail
        organizationName
        accessType
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
