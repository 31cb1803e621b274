import { graphql } from "../gql";

export const PortalViewerQuery = graphql(`
  query PortalViewer {
    portalViewer {
      organizationName
      account {
        id
        email
        language
        mustChangePassword
        needsDateOfBirth
      }
      profiles {
        id
        accessType
        isAccountHolder
        patient {
          id
          firstName
          lastName
        }
        role {
          name
          permissions
        }
        demographics {
          dateOfBirth
          email
        }
        appointments {
          id
          startsAt
        }
        documents {
          id
          title
        }
        statements {
          id
          issuedOn
        }
      }
    }
  }
`);
