import { In } from "typeorm";
import { AccessType, PortalStatus } from "@portal/schema";
import { isMysql } from "../../db/data-source";
import type { OrgScope } from "../../db/org-scope";
import { CounterDeltas } from "../patients/patient-counters";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";

const forUpdate = (scope: OrgScope) =>
  isMysql(scope.manager.connection) && scope.manager.queryRunner?.isTransactionActive ? { lock: { mode: "pessimistic_write" as const } } : {};

/** What a refresh wrote on a patient: callers holding the patient update it without reading it again. */
export type RefreshedFacts = Pick<Patient, "portalStatus" | "lastInviteSentAt" | "lastSignInAt">;

type AccountFacts = Pick<PortalAccount, "signedUpAt" | "lastSignInAt" | "lastInviteSentAt">;

/** The four colours of seed 002, from the patient's own (SELF) account, if any. */
export function derivePortalStatus(selfAccount: AccountFacts | null): PortalStatus {
  if (!selfAccount) return PortalStatus.NO_ACCESS;
  if (selfAccount.lastSignInAt || selfAccount.signedUpAt) return PortalStatus.ACTIVE;
  if (selfAccount.lastInviteSentAt) return PortalStatus.INVITED;
  return PortalStatus.ENABLED;
}

/**
 * Recomputes the stored status (and the grid's denormalized dates) of the given patients from their
 * active SELF grants. Called in the same transaction as every change that can move a colour.
 * Patients sharing an outcome are updated by one statement, so a bulk change stays cheap. The
 * per-status counters move by the difference between the old and the new statuses, in the same
 * transaction. Returns what was written, by patient id.
 */
export async function refreshPortalStatus(scope: OrgScope, patientIds: number[]): Promise<Map<number, RefreshedFacts>> {
  const ids = [...new Set(patientIds)];
  const deltas = new CounterDeltas();
  const refreshed = new Map<number, RefreshedFacts>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    // A locking read: a concurrent refresh of the same patient waits, then sees this one's result,
    // so the counters never move twice for one change.
    const before = await scope.find(Patient, { where: { id: In(chunk) }, select: { id: true, portalStatus: true, email: true, dateOfBirth: true }, ...forUpdate(scope) });
    const beforeById = new Map(before.map((p) => [p.id, p]));
    const grants = await scope.find(PortalGrant, {
      // A suspended SELF grant (inactive patient) opens nothing: the patient shows NO_ACCESS.
      where: { patientId: In(chunk), accessType: AccessType.SELF, ...PortalGrant.USABLE },
      select: { patientId: true, accountId: true },
    });
    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    const accounts = accountIds.length
      ? await scope.find(PortalAccount, { where: { id: In(accountIds) }, select: { id: true, signedUpAt: true, lastSignInAt: true, lastInviteSentAt: true } })
      : [];
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const accountOf = new Map(grants.map((g) => [g.patientId, accountById.get(g.accountId) ?? null]));
    const groups = new Map<string, { values: Partial<Patient>; ids: number[] }>();
    for (const id of chunk) {
      const old = beforeById.get(id);
      if (!old) continue;
      const account = accountOf.get(id) ?? null;
      const values = {
        portalStatus: derivePortalStatus(account),
        lastInviteSentAt: account?.lastInviteSentAt ?? null,
        lastSignInAt: account?.lastSignInAt ?? null,
      };
      deltas.move(old, { ...old, portalStatus: values.portalStatus });
      refreshed.set(id, values);
      const key = `${values.portalStatus}|${values.lastInviteSentAt?.getTime()}|${values.lastSignInAt?.getTime()}`;
      if (!groups.has(key)) groups.set(key, { values, ids: [] });
      groups.get(key)!.ids.push(id);
    }
    for (const { values, ids: groupIds } of groups.values()) {
      await scope.update(Patient, { id: In(groupIds) }, values);
    }
  }
  await deltas.apply(scope.manager, scope.organizationId);
  return refreshed;
}

/** The patients whose colour follows these accounts (their active SELF grants). */
export async function patientsFollowingAccount(scope: OrgScope, accountId: number | number[]): Promise<number[]> {
  const grants = await scope.find(PortalGrant, {
    where: { accountId: Array.isArray(accountId) ? In(accountId) : accountId, accessType: AccessType.SELF, ...PortalGrant.USABLE },
    select: { patientId: true },
  });
  return grants.map((g) => g.patientId);
}
