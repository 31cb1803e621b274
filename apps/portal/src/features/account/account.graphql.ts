import { graphql } from "../../gql";

export const PortalMfaStatusQuery = graphql(`
  query PortalMfaStatus {
    portalViewer {
      account {
        id
        email
        language
        mfaMethod
        mfaRequired
        mfaChosen
      }
    }
  }
`);

export const StartPortalTotpMutation = graphql(`
  mutation StartPortalTotpEnrollment {
    startPortalTotpEnrollment {
      secret
      qrCodeSvg
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ConfirmPortalTotpMutation = graphql(`
  mutation ConfirmPortalTotpEnrollment($input: ConfirmPortalTotpInput!) {
    confirmPortalTotpEnrollment(input: $input) {
      recoveryCodes
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const EnablePortalEmailMfaMutation = graphql(`
  mutation EnablePortalEmailMfa {
    enablePortalEmailMfa {
      account {
        id
        mfaMethod
        mfaChosen
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DisablePortalMfaMutation = graphql(`
  mutation DisablePortalMfa($input: DisablePortalMfaInput!) {
    disablePortalMfa(input: $input) {
      account {
        id
        mfaMethod
        mfaChosen
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdatePortalAccountLanguageMutation = graphql(`
  mutation UpdatePortalAccountLanguage($input: UpdatePortalAccountLanguageInput!) {
    updatePortalAccountLanguage(input: $input) {
      account {
        id
        language
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
