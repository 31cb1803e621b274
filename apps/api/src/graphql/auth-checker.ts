import { GraphQLError } from "graphql";
import type { StaffPermission } from "@portal/schema";
import type { AuthChecker } from "type-graphql";
import type { Context } from "./context";

/** Roles used with @Authorized: staff permissions, or PORTAL for a signed-in portal account. */
export const PORTAL_ROLE = "PORTAL";

export function unauthenticated(): GraphQLError {
  return new GraphQLError("You must sign in.", { extensions: { code: "UNAUTHENTICATED" } });
}

export function forbidden(message = "You do not have permission to do this."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/**
 * @Authorized() alone: any signed-in staff user. @Authorized(P1, P2): a staff user holding at least one
 * of the listed permissions (rule 12), or an API key holding a scope that stands in for one of them —
 * a write scope on the root fields of a mutation, a read scope elsewhere. @Authorized(PORTAL_ROLE): a
 * signed-in portal account. Responses keep HTTP 200 with a typed error (extensions.code), as
 * GraphQL-over-HTTP expects.
 */
export const authChecker: AuthChecker<Context> = ({ context, info }, roles) => {
  if (roles.includes(PORTAL_ROLE)) {
    if (!context.portal) throw unauthenticated();
    return true;
  }
  if (context.apiKey) {
    // @Authorized() alone means "any staff user": staff-only, never a key.
    const mode = info.parentType === info.schema.getMutationType() ? "write" : "read";
    if (!roles.some((role) => context.can(role as StaffPermission, mode))) throw forbidden("This API key lacks the scope for this field.");
    return true;
  }
  if (!context.staff) throw unauthenticated();
  if (roles.length > 0 && !roles.some((role) => context.can(role as StaffPermission))) throw forbidden();
  return true;
};
