import type { DataSource } from "typeorm";
import { ActorType } from "@portal/schema";
import type { PortalPrincipal, StaffPrincipal } from "../auth/principal";
import { OrgScope, type Actor } from "../db/org-scope";
import type { Services } from "../services";
import { createLoaders, type Loaders } from "./loaders";
import { unauthenticated } from "./auth-checker";

/** What every resolver receives: who is calling, their organization's scope, per-request loaders. */
export interface Context {
  requestId: string;
  ip: string | null;
  staff: StaffPrincipal | null;
  portal: PortalPrincipal | null;
  services: Services;
  /** The staff caller's organization scope; throws UNAUTHENTICATED for anonymous callers. */
  scope(): OrgScope;
  loaders(): Loaders;
}

export function createContext(args: {
  requestId: string;
  ip: string | null;
  staff: StaffPrincipal | null;
  portal: PortalPrincipal | null;
  services: Services;
}): Context {
  const { dataSource }: { dataSource: DataSource } = args.services;
  let scope: OrgScope | undefined;
  let loaders: Loaders | undefined;
  const ctx: Context = {
    ...args,
    scope() {
      if (!args.staff) throw unauthenticated();
      const actor: Actor = {
        type: ActorType.STAFF,
        id: String(args.staff.user.id),
        label: args.staff.user.email,
        staffId: args.staff.user.id,
        ip: args.ip,
        requestId: args.requestId,
      };
      scope ??= new OrgScope(dataSource, dataSource.manager, args.staff.organizationId, actor);
      return scope;
    },
    loaders() {
      loaders ??= createLoaders(ctx.scope());
      return loaders;
    },
  };
  return ctx;
}
