import { GraphQLError } from "graphql";

// Who may call what is decided by the access policy (auth/policy.ts, enforced by
// auth/enforce-policy.ts); these are the errors a resolver throws for a caller it cannot serve.

export function unauthenticated(): GraphQLError {
  return new GraphQLError("You must sign in.", { extensions: { code: "UNAUTHENTICATED" } });
}

export function forbidden(message = "You do not have permission to do this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}
