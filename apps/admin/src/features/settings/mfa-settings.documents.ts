import { graphql } from "../../gql";

export const MfaOrganizationSettingsDocument = graphql(`
  query MfaOrganizationSettings {
    viewer {
      organization {
        id
        requireStaffMfa
        requireProxyMfa
      }
    }
  }
`);

export const UpdateMfaRequirementDocument = graphql(`
  mutation UpdateMfaRequirement($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      organization {
        id
        requireStaffMfa
        requireProxyMfa
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ResetStaffMfaDocument = graphql(`
  mutation ResetStaffMfa($input: ResetStaffMfaInput!) {
    resetStaffMfa(input: $input) {
      staffUser {
        id
        mfaEnabled
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
