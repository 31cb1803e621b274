import { graphql } from "../gql";

export const PortalViewerQuery = graphql(`
  query PortalViewer {
    portalViewer {
      account {
        id
        email
        mustChangePassword
      }
      profiles {
        id
        accessType
        roleName
        permissions
        patient {
          id
          firstName
          lastName
          dateOfBirth
          email
          phone
        }
      }
    }
  }
`);
