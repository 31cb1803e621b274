import { graphql } from "../../gql";

// Bulk onboarding: start a job on the grid's selection, follow it, then read its per-row report.

export const BulkEnablePortalAccessDocument = graphql(`
  mutation BulkEnablePortalAccess($input: BulkEnablePortalAccessInput!) {
    bulkEnablePortalAccess(input: $input) {
      job {
        ...BulkJobProgress
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const BulkSendPortalInvitesDocument = graphql(`
  mutation BulkSendPortalInvites($input: BulkSendPortalInvitesInput!) {
    bulkSendPortalInvites(input: $input) {
      job {
        ...BulkJobProgress
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const BulkSendPortalInviteRemindersDocument = graphql(`
  mutation BulkSendPortalInviteReminders($input: BulkSendPortalInviteRemindersInput!) {
    bulkSendPortalInviteReminders(input: $input) {
      job {
        ...BulkJobProgress
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const BulkJobProgressFragment = graphql(`
  fragment BulkJobProgress on BulkJob {
    id
    kind
    state
    total
    processed
    succeeded
    invited
    skipped
    failed
    resultsCsvUrl
  }
`);

export const BulkJobDocument = graphql(`
  query BulkJob($id: ID!) {
    bulkJob(id: $id) {
      ...BulkJobProgress
    }
  }
`);

export const BulkJobItemsDocument = graphql(`
  query BulkJobItems($id: ID!, $outcome: BulkJobOutcome, $first: Int!, $after: String) {
    bulkJob(id: $id) {
      id
      items(outcome: $outcome, first: $first, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          node {
            id
            patientId
            outcome
            action
            reason
            message
            patient {
              id
              firstName
              lastName
            }
          }
        }
      }
    }
  }
`);

export const RecentBulkJobsDocument = graphql(`
  query RecentBulkJobs($first: Int!) {
    bulkJobs(first: $first) {
      edges {
        node {
          ...BulkJobProgress
          createdAt
          requestedByName
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);
