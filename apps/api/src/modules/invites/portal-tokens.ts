import crypto from "node:crypto";
import { type DataSource, In, IsNull } from "typeorm";
import { ACROSS_ORGANIZATIONS, type OrgScope, SystemScope, systemScope } from "../../db/org-scope";
import { randomToken, sha256 } from "../../auth/tokens";
import { PortalToken, type PortalTokenKind, type PortalTokenMethod } from "./portal-token.entity";

/** Failed date-of-birth attempts after which an invite is locked until staff send a new one (rule 8). */
export const MAX_DOB_ATTEMPTS = 5;
/** Lifetime of a password-reset link (rule 9). */
export const RESET_TTL_HOURS = 24;

/** Lifetime of the link that confirms a new login email (rule 18). */
export const EMAIL_CONFIRM_TTL_HOURS = 24;

/** The portal's sign-in page (apps/portal/src/App.tsx); email-links.int.test.ts checks every emailed link against those routes. */
export const signInPath = "/portal/sign-in";
export const invitePath = (token: string) => `/portal/invite/${token}`;
export const resetPath = (token: string) => `/portal/reset/${token}`;
export const confirmEmailPath = (token: string) => `/portal/confirm-email/${token}`;

/**
 * Issues a token row and returns the raw token, which exists only in the caller's memory and the
 * sealed outbox secrets; the table keeps its SHA-256.
 */
export async function issueToken(
  tx: OrgScope,
  values: { accountId: number; patientId: number | null; kind: PortalTokenKind; method?: PortalTokenMethod; expiresAt: Date; token?: string },
): Promise<{ token: string; row: PortalToken }> {
  const token = values.token ?? randomToken(32);
  const row = await tx.create(PortalToken, {
    accountId: values.accountId,
    patientId: values.patientId,
    kind: values.kind,
    method: values.method ?? "LINK",
    tokenHash: sha256(token),
    expiresAt: values.expiresAt,
    createdByStaffId: tx.actor.staffId,
  });
  return { token, row };
}

/** Voids the account's pending tokens (of one kind, or all): a newer invite or a login email change replaces them. */
export async function voidPendingTokens(tx: OrgScope, accountId: number | number[], kind?: PortalTokenKind): Promise<number> {
  return tx.update(PortalToken, { accountId: Array.isArray(accountId) ? In(accountId) : accountId, usedAt: IsNull(), voidedAt: IsNull(), ...(kind ? { kind } : {}) }, { voidedAt: new Date() });
}

/** Finds a token by its raw value, in any organization (the token itself says which). */
export function findTokenByRaw(from: DataSource | SystemScope, raw: string): Promise<PortalToken | null> {
  // A token is 43 base64url characters; anything else cannot match and costs no query.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return Promise.resolve(null);
  const system = from instanceof SystemScope ? from : systemScope(from, ACROSS_ORGANIZATIONS, "token lookup");
  return system.findOneAcrossOrganizations(PortalToken, { tokenHash: sha256(raw) });
}

// No 0/O, 1/l/I: read aloud over the phone or typed from a printed email without confusion.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password of 16 random characters (about 79 bits) in four groups. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
