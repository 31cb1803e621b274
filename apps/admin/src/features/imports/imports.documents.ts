import { graphql } from "../../gql";

// A patient import (rule 19): its dry run, progress and refused rows; the file itself goes to POST /imports/patients.
export const ImportJobDocument = graphql(`
  query ImportJob($id: ID!, $plan: ImportRowPlan) {
    importJob(id: $id) {
      id
      state
      source
      fileName
      total
      toCreate
      toUpdate
      toLeave
      toRefuse
      duplicates
      missing
      processed
      created
      updated
      unchanged
      refused
      failed
      bulkJobId
      resultsCsvUrl
      columns {
        header
        field
      }
      preview
      rows(first: 50, plan: $plan) {
        edges {
          node {
            id
            rowNumber
            externalId
            mrn
            firstName
            lastName
            plan
            outcome
            problems {
              code
              field
              message
            }
            notes {
              code
              field
              message
            }
          }
        }
      }
    }
  }
`);

export const ConfirmPatientImportDocument = graphql(`
  mutation ConfirmPatientImport($input: ConfirmPatientImportInput!) {
    confirmPatientImport(input: $input) {
      job {
        id
        state
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
