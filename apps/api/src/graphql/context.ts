import type { DataSource } from "typeorm";
import { ActorType } from "@portal/schema";
import { decide, type Caller } from "../auth/enforce-policy";
import { OPERATIONS } from "../auth/policy";
import type { ApiKeyPrincipal, PortalPrincipal, StaffPrincipal } from "../auth/principal";
import { OrgScope, type Actor } from "../db/org-scope";
import type { Services } from "../services";
import { audit, type AuditEntry } from "../modules/audit/audit.service";
import { createLoaders, type Loaders } from "./loaders";
import { unauthenticated } from "./auth-checker";

/** What every resolver receives: who is calling, their organization's scope, per-request loaders. */
export interface Context {
  requestId: string;
  ip: string | null;
  staff: StaffPrincipal | null;
  portal: PortalPrincipal | null;
  /** A partner app calling with an API key (staff and portal are then null). */
  apiKey: ApiKeyPrincipal | null;
  /** The principals the access policy decides on (auth/policy.ts). */
  caller: Caller;
  services: Services;
  /** The organization scope of a staff user or API key; throws UNAUTHENTICATED for anyone else. */
  scope(): OrgScope;
  /**
   * Whether the access policy lets this caller use an operation ("Mutation.changePortalLoginEmail"):
   * for a resolver whose answer depends on what else the caller may do, decided by the policy alone.
   */
  allows(operation: string): boolean;
  /** Sets or clears the portal session cookie on the response (portal sign-in through GraphQL). */
  portalCookie: PortalCookieSetter;
  /** The signed-in portal account's organization scope, acting as that account. */
  portalScope(): OrgScope;
  loaders(): Loaders;
  /**
   * Audits a read of patient data (rule 17): once per request and target, however many fields or
   * aliases asked for it. Staff and API keys only (portal accounts read their own profiles).
   */
  auditRead(entry: AuditEntry): Promise<void>;
}

export interface PortalCookieSetter {
  set(token: string): void;
  clear(): void;
}

const noCookies: PortalCookieSetter = { set() {}, clear() {} };

export function createContext(args: {
  requestId: string;
  ip: string | null;
  staff: StaffPrincipal | null;
  portal: PortalPrincipal | null;
  apiKey?: ApiKeyPrincipal | null;
  services: Services;
  portalCookie?: PortalCookieSetter;
}): Context {
  const { dataSource }: { dataSource: DataSource } = args.services;
  const apiKey = args.apiKey ?? null;
  let scope: OrgScope | undefined;
  let loaders: Loaders | undefined;
  let portalScope: OrgScope | undefined;
  const auditedReads = new Set<string>();
  const caller: Caller = {
    staff: args.staff ? args.staff.permissions : null,
    keyScopes: apiKey ? apiKey.scopes : null,
    portal: args.portal !== null,
  };
  const ctx: Context = {
    ...args,
    apiKey,
    caller,
    // Signing in through a mutation (accept an invite, complete a reset) makes the rest of the same
    // request that portal account's, so its payload shows the account it just signed in to. The
    // caller object is changed in place: Apollo hands resolvers a shallow copy of this context.
    portalCookie: {
      set(token) {
        (args.portalCookie ?? noCookies).set(token);
        caller.portal = true;
      },
      clear() {
        (args.portalCookie ?? noCookies).clear();
        caller.portal = false;
      },
    },
    portalScope() {
      if (!args.portal) throw unauthenticated();
      const { account } = args.portal;
      const actor: Actor = { type: ActorType.PORTAL_ACCOUNT, id: String(account.id), label: account.email, staffId: null, ip: args.ip, requestId: args.requestId };
      portalScope ??= new OrgScope(dataSource, dataSource.manager, args.portal.organizationId, actor);
      return portalScope;
    },
    scope() {
      if (scope) return scope;
      let actor: Actor;
      let organizationId: number;
      if (args.staff) {
        organizationId = args.staff.organizationId;
        actor = { type: ActorType.STAFF, id: String(args.staff.user.id), label: args.staff.user.email, staffId: args.staff.user.id, ip: args.ip, requestId: args.requestId };
      } else if (apiKey) {
        organizationId = apiKey.organizationId;
        // The audit log names the key, so staff can tell which partner app did what.
        actor = { type: ActorType.API_KEY, id: String(apiKey.key.id), label: apiKey.key.name, staffId: null, ip: args.ip, requestId: args.requestId };
      } else {
        throw unauthenticated();
      }
      scope = new OrgScope(dataSource, dataSource.manager, organizationId, actor);
      return scope;
    },
    loaders() {
      loaders ??= createLoaders(ctx.scope());
      return loaders;
    },
    allows(operation) {
      const rule = OPERATIONS[operation];
      return rule !== undefined && decide(rule, caller) === "allow";
    },
    async auditRead(entry) {
      const key = `${entry.action}:${entry.targetType}:${entry.targetId}`;
      if (auditedReads.has(key)) return;
      auditedReads.add(key);
      await audit(ctx.scope(), entry);
    },
  };
  return ctx;
}
