import { In } from "typeorm";
import { AccessType, PortalStatus } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { PortalToken } from "../invites/portal-token.entity";
import { CounterDeltas } from "../patients/patient-counters";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";

/**
 * The facts copied onto `patients` from the patient's own (SELF) account and its latest invite, so
 * the onboarding grid filters, sorts and counts without joins. `refreshPortalStatus` is their only
 * writer: a change of a grant, an account or an invite calls it, and it derives every copy again.
 */
export type RefreshedFacts = Pick<Patient, "portalStatus" | "lastInviteSentAt" | "lastSignInAt" | "inviteDeliveryFailedAt" | "inviteUsableUntil" | "inviteLockedAt">;

type AccountFacts = Pick<PortalAccount, "signedUpAt" | "lastSignInAt" | "lastInviteSentAt">;

/** The four colours of seed 002, from the patient's own (SELF) account, if any. */
export function derivePortalStatus(selfAccount: AccountFacts | null): PortalStatus {
  if (!selfAccount) return PortalStatus.NO_ACCESS;
  if (selfAccount.lastSignInAt || selfAccount.signedUpAt) return PortalStatus.ACTIVE;
  if (selfAccount.lastInviteSentAt) return PortalStatus.INVITED;
  return PortalStatus.ENABLED;
}

/**
 * Every stored copy of one patient, from its usable SELF account (null: none) and that account's
 * latest invite. Pure. A patient without access copies nothing: no invite failure, no usable-until,
 * so the grid's "invite failed" and "expired or locked" filters only find patients with access.
 */
export function deriveStoredFacts(
  account: (AccountFacts & Pick<PortalAccount, "inviteDeliveryFailedAt">) | null,
  latestInvite: Pick<PortalToken, "expiresAt" | "lockedAt"> | null,
): RefreshedFacts {
  const invite = account ? latestInvite : null;
  return {
    portalStatus: derivePortalStatus(account),
    lastInviteSentAt: account?.lastInviteSentAt ?? null,
    lastSignInAt: account?.lastSignInAt ?? null,
    inviteDeliveryFailedAt: account?.inviteDeliveryFailedAt ?? null,
    // A locked invite stopped being usable when it locked (one index range finds expired or locked).
    inviteUsableUntil: invite ? (invite.lockedAt ?? invite.expiresAt) : null,
    inviteLockedAt: invite?.lockedAt ?? null,
  };
}

const time = (d: Date | null) => (d ? d.getTime() : "");

/**
 * Recomputes the stored copies of the given patients from their usable SELF grants. Called in the
 * same transaction as every change that can move one. Patients sharing an outcome are updated by
 * one statement, so a bulk change costs a few statements per thousand patients. The per-status
 * counters move by the difference between the old and the new statuses, in the same transaction.
 * Returns what was written, by patient id.
 */
export async function refreshPortalStatus(scope: OrgScope, patientIds: number[]): Promise<Map<number, RefreshedFacts>> {
  const ids = [...new Set(patientIds)];
  const deltas = new CounterDeltas();
  const refreshed = new Map<number, RefreshedFacts>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    // A locking read: a concurrent refresh of the same patient waits, then sees this one's result,
    // so the counters never move twice for one change.
    const before = await scope.findForUpdate(Patient, { id: In(chunk) });
    const grants = await scope.find(PortalGrant, {
      // A suspended SELF grant (inactive patient) opens nothing: the patient shows NO_ACCESS.
      where: { patientId: In(chunk), accessType: AccessType.SELF, ...PortalGrant.USABLE },
      select: { patientId: true, accountId: true },
    });
    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    const accounts = accountIds.length
      ? await scope.find(PortalAccount, { where: { id: In(accountIds) }, select: { id: true, signedUpAt: true, lastSignInAt: true, lastInviteSentAt: true, inviteDeliveryFailedAt: true } })
      : [];
    const invites = await latestInvites(scope, accountIds);
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const accountOf = new Map(grants.map((g) => [g.patientId, g.accountId]));
    const groups = new Map<string, { values: RefreshedFacts; ids: number[] }>();
    for (const old of before) {
      const accountId = accountOf.get(old.id);
      const values = deriveStoredFacts(accountId === undefined ? null : (accountById.get(accountId) ?? null), accountId === undefined ? null : (invites.get(accountId) ?? null));
      deltas.move(old, { ...old, portalStatus: values.portalStatus });
      refreshed.set(old.id, values);
      if (sameFacts(old, values)) continue;
      const key = [values.portalStatus, ...[values.lastInviteSentAt, values.lastSignInAt, values.inviteDeliveryFailedAt, values.inviteUsableUntil, values.inviteLockedAt].map(time)].join("|");
      if (!groups.has(key)) groups.set(key, { values, ids: [] });
      groups.get(key)!.ids.push(old.id);
    }
    for (const { values, ids: groupIds } of groups.values()) {
      await scope.update(Patient, { id: In(groupIds) }, values);
    }
  }
  await deltas.apply(scope);
  return refreshed;
}

function sameFacts(old: Patient, values: RefreshedFacts): boolean {
  return (
    old.portalStatus === values.portalStatus &&
    time(old.lastInviteSentAt) === time(values.lastInviteSentAt) &&
    time(old.lastSignInAt) === time(values.lastSignInAt) &&
    time(old.inviteDeliveryFailedAt) === time(values.inviteDeliveryFailedAt) &&
    time(old.inviteUsableUntil) === time(values.inviteUsableUntil) &&
    time(old.inviteLockedAt) === time(values.inviteLockedAt)
  );
}

/** The latest invite token of each account, in one statement. */
async function latestInvites(scope: OrgScope, accountIds: number[]): Promise<Map<number, PortalToken>> {
  if (!accountIds.length) return new Map();
  const latest = scope
    .qb(PortalToken, "l")
    .select("MAX(l.id)")
    .andWhere("l.kind = 'INVITE'")
    .andWhere("l.accountId IN (:...latestAccounts)", { latestAccounts: accountIds })
    .groupBy("l.accountId");
  const rows = await scope
    .qb(PortalToken, "t")
    .select(["t.id", "t.accountId", "t.expiresAt", "t.lockedAt"])
    .andWhere(`t.id IN (${latest.getQuery()})`)
    .setParameters(latest.getParameters())
    .getMany();
  return new Map(rows.map((t) => [t.accountId, t]));
}

/** The patients whose stored copies follow these accounts (their usable SELF grants). */
export async function patientsFollowingAccount(scope: OrgScope, accountId: number | number[]): Promise<number[]> {
  const grants = await scope.find(PortalGrant, {
    where: { accountId: Array.isArray(accountId) ? In(accountId) : accountId, accessType: AccessType.SELF, ...PortalGrant.USABLE },
    select: { patientId: true },
  });
  return grants.map((g) => g.patientId);
}

/** Refreshes the patients following these accounts: after a change of an account or its invite. */
export async function refreshAccounts(scope: OrgScope, accountIds: number[]): Promise<void> {
  if (accountIds.length) await refreshPortalStatus(scope, await patientsFollowingAccount(scope, accountIds));
}
