import { type DataSource, IsNull } from "typeorm";
import { randomToken, sha256 } from "../../auth/tokens";
import { ACROSS_ORGANIZATIONS, type OrgScope, systemScope } from "../../db/org-scope";
import { StaffToken, type StaffTokenKind } from "./staff-token.entity";

/** Lifetime of a staff invite link: three days, long enough over a weekend, short for a forwarded email. */
export const STAFF_INVITE_TTL_HOURS = 72;

/**
 * The admin's public page that sets an invited member's password (apps/admin/src/app/App.tsx);
 * email-links.int.test.ts checks the emailed link against that route, and the request logger
 * redacts the segment after "accept-invite".
 */
export const staffInvitePath = (token: string) => `/admin/accept-invite/${token}`;

/** Issues a token row and returns the raw token, which only the caller's memory and the sealed outbox hold. */
export async function issueStaffToken(
  tx: OrgScope,
  values: { staffUserId: number; kind: StaffTokenKind; expiresAt: Date },
): Promise<string> {
  const token = randomToken(32);
  await tx.create(StaffToken, { ...values, tokenHash: sha256(token), createdByStaffId: tx.actor.staffId });
  return token;
}

/** Voids the member's pending tokens of a kind: a newer invite replaces the older ones. */
export function voidStaffTokens(tx: OrgScope, staffUserId: number, kind: StaffTokenKind): Promise<number> {
  return tx.update(StaffToken, { staffUserId, kind, usedAt: IsNull(), voidedAt: IsNull() }, { voidedAt: new Date() });
}

/** Finds a token by its raw value, in any organization (the token itself says which). */
export function findStaffTokenByRaw(dataSource: DataSource, raw: string): Promise<StaffToken | null> {
  // A token is 43 base64url characters; anything else cannot match and costs no query.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return Promise.resolve(null);
  return systemScope(dataSource, ACROSS_ORGANIZATIONS, "token lookup").findOneAcrossOrganizations(StaffToken, { tokenHash: sha256(raw) });
}
