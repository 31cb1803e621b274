import { GraphQLError } from "graphql";
import type { AuthChecker } from "type-graphql";
import type { Context } from "./context";

/** Roles used with @Authorized: staff permissions, or PORTAL for a signed-in portal account. */
export const PORTAL_ROLE = "PORTAL";

export function unauthenticated(): GraphQLError {
  return new GraphQLError("You must sign in.", { extensions: { code: "UNAUTHENTICATED" } });
}

export function forbidden(): GraphQLError {
  return new GraphQLError("You do not have permission to do this.", { extensions: { code: "FORBIDDEN" } });
}

/**
 * @Authorized() alone: any signed-in staff user. @Authorized(P1, P2): a staff user holding at least one
 * of the listed permissions (rule 12). @Authorized(PORTAL_ROLE): a signed-in portal account.
 * Responses keep HTTP 200 with a typed error (extensions.code), as GraphQL-over-HTTP expects.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (roles.includes(PORTAL_ROLE)) {
    if (!context.portal) throw unauthenticated();
    return true;
  }
  if (!context.staff) throw unauthenticated();
  if (roles.length > 0 && !roles.some((role) => context.staff!.permissions.has(role as never))) throw forbidden();
  return true;
};
