import { graphql } from "../../gql";

export const CreateContactDocument = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      contact {
        id
        firstName
        lastName
        relationship
        email
        phone
        language
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const EditContactDocument = graphql(`
  mutation EditContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact {
        id
        firstName
        lastName
        relationship
        email
        phone
        language
        active
      }
      loginEmailChange
      userErrors {
        code
        field
        message
      }
    }
  }
`);
