import { graphql } from "../../gql";

export const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys(first: 200, includeInactive: true) {
      edges {
        node {
          id
          name
          prefix
          scopes
          active
          createdAt
          lastUsedAt
          expiresAt
          revokedAt
        }
      }
    }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        active
        revokedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
