import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

/** One client per page load. Same-origin session cookie; the API serves the admin and /graphql. */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: new InMemoryCache({
      typePolicies: {
        Viewer: { keyFields: [] },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
