import { graphql } from "../../gql";

export const MfaStatusDocument = graphql(`
  query MfaStatus {
    viewer {
      mfaEnabled
      mfaRequired
      recoveryCodesLeft
      user {
        id
        email
      }
    }
  }
`);

export const StartMfaEnrollmentDocument = graphql(`
  mutation StartMfaEnrollment {
    startMfaEnrollment {
      secret
      otpauthUri
      qrCodeSvg
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ConfirmMfaEnrollmentDocument = graphql(`
  mutation ConfirmMfaEnrollment($input: MfaCodeInput!) {
    confirmMfaEnrollment(input: $input) {
      recoveryCodes
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RegenerateRecoveryCodesDocument = graphql(`
  mutation RegenerateRecoveryCodes($input: MfaCodeInput!) {
    regenerateRecoveryCodes(input: $input) {
      recoveryCodes
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DisableMfaDocument = graphql(`
  mutation DisableMfa($input: MfaCodeInput!) {
    disableMfa(input: $input) {
      mfaEnabled
      userErrors {
        code
        field
        message
      }
    }
  }
`);
