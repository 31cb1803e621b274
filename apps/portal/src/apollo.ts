import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

/** Same origin in production (the API serves this app) and through the Vite proxy in development. */
export function createApolloClient(uri = "/graphql"): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: "same-origin" }),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
