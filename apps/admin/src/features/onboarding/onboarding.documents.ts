import { graphql } from "../../gql";

export const OnboardingPatientsDocument = graphql(`
  query OnboardingPatients($filter: PatientFilterInput, $orderBy: PatientOrderInput, $first: Int!, $after: String, $canManage: Boolean!) {
    patients(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      statusCounts @include(if: $canManage) {
        status
        count
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          firstName
          lastName
          email
          dateOfBirth
          active
          lastInviteSentAt @include(if: $canManage)
          lastSignInAt @include(if: $canManage)
          portalStatus @include(if: $canManage)
          inviteDeliveryFailedAt @include(if: $canManage)
          upcomingAccessChange @include(if: $canManage) {
            kind
            on
            reason
          }
          inviteProblem @include(if: $canManage)
          inviteAction @include(if: $canManage) {
            allowed
            reason
            availableAt
            resend
          }
          portalAccess @include(if: $canManage) {
            id
            account {
              id
              email
              signedUp
              disabled
              lockedUntil
              lastInviteSentAt
              resendAvailableAt
            }
          }
        }
      }
    }
  }
`);
