import DataLoader from "dataloader";
import { In } from "typeorm";
import { ActorType } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { ApiKey } from "../api-keys/api-key.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import type { AuditEvent } from "./audit-event.entity";

/** A person's name as the admin writes it in lists: "Last, First". */
const personName = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;

const idOf = (value: string | number | null | undefined): number | null => {
  const n = typeof value === "number" ? value : /^\d{1,10}$/.test(value ?? "") ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** Loaders the shared per-request set lacks (API keys, grants), one query per batch, per request. */
const extraLoaders = new WeakMap<object, { apiKey: DataLoader<number, ApiKey | null>; grant: DataLoader<number, PortalGrant | null> }>();
function extras(ctx: Context) {
  let found = extraLoaders.get(ctx.loaders());
  if (!found) {
    const scope = ctx.scope();
    const byId = <T extends { id: number }>(load: (ids: number[]) => Promise<T[]>) =>
      new DataLoader<number, T | null>(async (ids) => {
        const rows = await load([...ids]);
        const map = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => map.get(id) ?? null);
      });
    found = {
      apiKey: byId((ids) => scope.find(ApiKey, { where: { id: In(ids) } })),
      grant: byId((ids) => scope.find(PortalGrant, { where: { id: In(ids) } })),
    };
    extraLoaders.set(ctx.loaders(), found);
  }
  return found;
}

/**
 * Names of the people and records an audit event mentions, read at display time (a renamed patient
 * shows under the current name) through DataLoaders: a page costs one query per kind of record,
 * whatever its length. Records of other organizations are never found (scoped loaders).
 */
export async function patientNameOf(ctx: Context, e: AuditEvent): Promise<string | null> {
  const id = idOf(e.patientId);
  if (!id) return null;
  const p = await ctx.loaders().patient.load(id);
  return p ? personName(p) : null;
}

export async function actorNameOf(ctx: Context, e: AuditEvent): Promise<string | null> {
  const id = idOf(e.actorId);
  if (id) {
    if (e.actorType === ActorType.STAFF) {
      const u = await ctx.loaders().staffUser.load(id);
      if (u) return u.name;
    } else if (e.actorType === ActorType.PORTAL_ACCOUNT) {
      const a = await ctx.loaders().portalAccount.load(id);
      if (a) return a.email;
    } else if (e.actorType === ActorType.API_KEY) {
      const k = await extras(ctx).apiKey.load(id);
      if (k) return k.name;
    }
  }
  return e.actorLabel;
}

export async function targetNameOf(ctx: Context, e: AuditEvent): Promise<string | null> {
  const id = idOf(e.targetId);
  if (!id) return null;
  const loaders = ctx.loaders();
  switch (e.targetType) {
    case "Patient": {
      const p = await loaders.patient.load(id);
      return p ? personName(p) : null;
    }
    case "Contact": {
      const c = await loaders.contact.load(id);
      return c ? personName(c) : null;
    }
    case "PortalAccount": {
      const a = await loaders.portalAccount.load(id);
      return a?.email ?? null;
    }
    case "PortalGrant": {
      // A grant reads as the login that holds it.
      const g = await extras(ctx).grant.load(id);
      const a = g ? await loaders.portalAccount.load(g.accountId) : null;
      return a?.email ?? null;
    }
    case "StaffUser": {
      const u = await loaders.staffUser.load(id);
      return u?.name ?? null;
    }
    case "StaffRole": {
      const r = await loaders.staffRole.load(id);
      return r?.name ?? null;
    }
    case "PortalRole": {
      const r = await loaders.portalRole.load(id);
      return r?.name ?? null;
    }
    case "ApiKey": {
      const k = await extras(ctx).apiKey.load(id);
      return k?.name ?? null;
    }
    default:
      return null;
  }
}
