import { graphql } from "../../gql";

export const OverviewDocument = graphql(`
  query Overview($weeks: Int!) {
    patients(first: 0) {
      totalCount
      statusCounts {
        status
        count
      }
    }
    onboardingStats(weeks: $weeks) {
      weeks {
        weekStart
        sent
        accepted
        failed
      }
      invitedAccounts
      acceptedAccounts
      acceptRate
    }
  }
`);
