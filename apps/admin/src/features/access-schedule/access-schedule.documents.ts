import { graphql } from "../../gql";

export const AccessScheduleSettingsDocument = graphql(`
  query AccessScheduleSettings {
    accessScheduleSettings {
      ageRulePreset
      matchesPreset
      selfAccessMinAge
      proxyLimitedAtAge
      proxyLimitedRoleId
      proxyEndsAtAge
      ageNoticeDays
      proxyEndReminderDays
      proxyEndReminderEmail
    }
  }
`);

export const UpdateAccessScheduleSettingsDocument = graphql(`
  mutation UpdateAccessScheduleSettings($input: UpdateAccessScheduleSettingsInput!) {
    updateAccessScheduleSettings(input: $input) {
      settings {
        ageRulePreset
        matchesPreset
        selfAccessMinAge
        proxyLimitedAtAge
        proxyLimitedRoleId
        proxyEndsAtAge
        ageNoticeDays
        proxyEndReminderDays
        proxyEndReminderEmail
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RenewProxyAccessDocument = graphql(`
  mutation RenewProxyAccess($input: RenewProxyAccessInput!) {
    renewProxyAccess(input: $input) {
      grant {
        id
        endsOn
        basisVerifiedAt
        basisVerifiedByName
        scheduledChange {
          kind
          on
          reason
          portalRoleId
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
