import type { Request } from "express";
import type { DataSource } from "typeorm";
import { StaffPermission, type ApiKeyScope } from "@portal/schema";
import type { ApiKey } from "../modules/api-keys/api-key.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import type { StaffUser } from "../modules/staff/staff-user.entity";
import { PORTAL_COOKIE, STAFF_COOKIE, type SessionService } from "./session.service";

export interface StaffPrincipal {
  user: StaffUser;
  organizationId: number;
  permissions: ReadonlySet<StaffPermission>;
}

export interface PortalPrincipal {
  account: PortalAccount;
  organizationId: number;
}

/** A partner app calling with an API key: it acts for the key's organization, within the key's scopes. */
export interface ApiKeyPrincipal {
  key: ApiKey;
  organizationId: number;
  scopes: ReadonlySet<ApiKeyScope>;
}

export interface Principals {
  staff: StaffPrincipal | null;
  portal: PortalPrincipal | null;
  apiKey: ApiKeyPrincipal | null;
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * Who is calling: an API key already checked by the bearer strategy (cookies are then ignored, so a
 * partner request never mixes with a browser session), or the session cookies. A disabled user or
 * account has no principal.
 */
export async function loadPrincipals(req: Request, dataSource: DataSource, sessions: SessionService, apiKey?: ApiKey | null): Promise<Principals> {
  if (apiKey) return { staff: null, portal: null, apiKey: { key: apiKey, organizationId: apiKey.organizationId, scopes: new Set(apiKey.scopes) } };
  const [staffFound, portalSession] = await Promise.all([
    sessions.findStaff(readCookie(req, STAFF_COOKIE)),
    sessions.find("PORTAL", readCookie(req, PORTAL_COOKIE)),
  ]);
  let staff: StaffPrincipal | null = null;
  if (staffFound && !staffFound.user.disabled) {
    staff = { user: staffFound.user, organizationId: staffFound.user.organizationId, permissions: new Set(staffFound.permissions) };
  }
  let portal: PortalPrincipal | null = null;
  if (portalSession) {
    const account = await dataSource.getRepository(PortalAccount).findOneBy({ id: portalSession.principalId });
    if (account && !account.disabled) portal = { account, organizationId: account.organizationId };
  }
  return { staff, portal, apiKey: null };
}

export const ALL_STAFF_PERMISSIONS = Object.values(StaffPermission);
