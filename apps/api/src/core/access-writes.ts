import { In } from "typeorm";
import { AccessType, type InviteMethod, normalizeEmail } from "@portal/schema";
import { sha256 } from "../auth/tokens";
import type { OrgScope } from "../db/org-scope";
import type { EmailQueue } from "../email/email-queue";
import type { QueuedEmail } from "../email/email.types";
import { PortalToken } from "../modules/invites/portal-token.entity";
import { voidPendingTokens } from "../modules/invites/portal-tokens";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";

/**
 * The writes of an access change, set-based: each function writes every row given in a fixed
 * number of multi-row statements. They only write what the decisions settled; the status refresh
 * (portal-status.ts) then derives the copies on `patients`, and the events record the change.
 */

/** A SELF grant to create or resume for a patient, on an existing account or a new one. */
export interface EnableWrite {
  patientId: number;
  email: string;
  language: PortalAccount["language"];
  /** The account kept from an earlier grant (rule 1); null: a new account is created. */
  accountId: number | null;
  /** The suspended grant that resumes instead of a new grant. */
  suspendedGrantId: number | null;
}

/** Creates the accounts and SELF grants; returns, by patient id, the grant and its account. */
export async function writeEnables(tx: OrgScope, rows: EnableWrite[], portalRoleId: number): Promise<Map<number, { grant: PortalGrant; account: PortalAccount }>> {
  const fresh = rows.filter((r) => r.accountId === null);
  const accountIdOf = new Map(rows.flatMap((r) => (r.accountId === null ? [] : [[r.patientId, r.accountId] as const])));
  if (fresh.length) {
    await tx.insertMany(PortalAccount, fresh.map((r) => ({ email: r.email, emailNormalized: normalizeEmail(r.email), language: r.language })));
    const created = await tx.find(PortalAccount, { where: { emailNormalized: In(fresh.map((r) => normalizeEmail(r.email))) }, select: { id: true, emailNormalized: true } });
    const byEmail = new Map(created.map((a) => [a.emailNormalized, a.id]));
    for (const r of fresh) accountIdOf.set(r.patientId, byEmail.get(normalizeEmail(r.email))!);
  }
  const resumed = rows.filter((r) => r.suspendedGrantId !== null);
  if (resumed.length) {
    // Staff enable again after a patient's return: the suspended grant resumes with the chosen role.
    await tx.update(PortalGrant, { id: In(resumed.map((r) => r.suspendedGrantId!)) }, { suspendedAt: null, suspendedReason: null, portalRoleId });
  }
  const inserted = rows.filter((r) => r.suspendedGrantId === null);
  await tx.insertMany(
    PortalGrant,
    inserted.map((r) => {
      const accountId = accountIdOf.get(r.patientId)!;
      return {
        accountId,
        patientId: r.patientId,
        accessType: AccessType.SELF,
        portalRoleId,
        grantedByStaffId: tx.actor.staffId,
        activeKey: PortalGrant.activeKeyOf(accountId, r.patientId),
        selfKey: r.patientId,
      };
    }),
  );
  const patientIds = rows.map((r) => r.patientId);
  const grants = await tx.find(PortalGrant, { where: { patientId: In(patientIds), accessType: AccessType.SELF, ...PortalGrant.USABLE } });
  const accounts = await tx.find(PortalAccount, { where: { id: In([...new Set(accountIdOf.values())]) } });
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  return new Map(grants.map((g) => [g.patientId, { grant: g, account: accountById.get(g.accountId)! }]));
}

/** A write found an invite's dedupe key used: the row's invite was queued by another change. */
export class DedupeKeyTaken extends Error {
  constructor() {
    super("invite dedupe key already used");
  }
}

/** One invite to send: its email, its token, and the temporary password's hash when the organization sends those. */
export interface InviteWrite {
  accountId: number;
  patientId: number;
  email: QueuedEmail;
  token: string;
  temporaryPasswordHash: string | null;
}

/**
 * Queues the invite emails (the outbox, in this transaction), voids the accounts' earlier invites,
 * stores the new tokens hashed, and stamps the accounts. An earlier temporary password stops
 * working once a link replaces it (none of these accounts has signed in).
 */
export async function writeInvites(tx: OrgScope, emailQueue: EmailQueue, rows: InviteWrite[], { now, method, expiresAt }: { now: Date; method: InviteMethod; expiresAt: Date }): Promise<void> {
  if (!rows.length) return;
  const queued = await emailQueue.queueMany(tx, rows.map((r) => r.email));
  // A dedupe key taken since the facts were read (a concurrent bulk job queued the same invite).
  if (queued.some((q) => !q)) throw new DedupeKeyTaken();
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  await voidPendingTokens(tx, accountIds, "INVITE");
  await tx.insertMany(
    PortalToken,
    rows.map((r) => ({ accountId: r.accountId, patientId: r.patientId, kind: "INVITE" as const, method, tokenHash: sha256(r.token), expiresAt, createdByStaffId: tx.actor.staffId })),
  );
  const byLink = rows.filter((r) => r.temporaryPasswordHash === null);
  if (byLink.length) {
    await tx.update(PortalAccount, { id: In([...new Set(byLink.map((r) => r.accountId))]) }, { lastInviteSentAt: now, passwordHash: null, version: () => "version + 1" } as never);
  }
  // Each temporary password has its own hash: one statement per account (an organization's choice, rarely bulk).
  for (const r of rows.filter((x) => x.temporaryPasswordHash !== null)) {
    await tx.update(PortalAccount, { id: r.accountId }, { lastInviteSentAt: now, passwordHash: r.temporaryPasswordHash, mustChangePassword: true, version: () => "version + 1" } as never);
  }
}
