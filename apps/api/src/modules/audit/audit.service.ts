import { insertRows } from "../../db/insert-rows";
import type { OrgScope } from "../../db/org-scope";
import { In } from "typeorm";
import { AccessType } from "@portal/schema";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { AuditEvent } from "./audit-event.entity";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: number | string | null;
  patientId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends to the audit log inside the caller's transaction, so an audited change and its audit row
 * commit or roll back together. Entries describe access, never clinical data or secrets.
 */
export async function audit(scope: OrgScope, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  const accountPatients = await patientsOfAccounts(scope, entries);
  const { actor } = scope;
  await insertRows(
    scope.manager,
    AuditEvent,
    entries.map((e) => ({
      organizationId: scope.organizationId,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId === null ? null : String(e.targetId),
      patientId: e.patientId ?? (e.targetType === "PortalAccount" ? (accountPatients.get(String(e.targetId)) ?? null) : null),
      before: e.before ?? null,
      after: e.after ?? null,
      ip: actor.ip,
      requestId: actor.requestId,
    })),
  );
}

/**
 * The patient an event about a portal account belongs under, when its writer did not say: the
 * patient whose own login it is, else the one patient its grants open. A proxy's account opening
 * several records has no single patient; the audit log's per-patient filter finds those events
 * through the grants. One query, only when such events are written.
 */
async function patientsOfAccounts(scope: OrgScope, entries: AuditEntry[]): Promise<Map<string, number>> {
  const ids = [...new Set(entries.filter((e) => e.targetType === "PortalAccount" && e.patientId == null && e.targetId !== null).map((e) => Number(e.targetId)))].filter(
    (n) => Number.isSafeInteger(n) && n > 0,
  );
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const grants = await scope.find(PortalGrant, { where: { accountId: In(ids) }, order: { id: "DESC" } });
  for (const id of ids) {
    const mine = grants.filter((g) => g.accountId === id);
    const own = mine.find((g) => g.accessType === AccessType.SELF);
    const patients = new Set(mine.map((g) => g.patientId));
    const patientId = own?.patientId ?? (patients.size === 1 ? mine[0].patientId : undefined);
    if (patientId !== undefined) out.set(String(id), patientId);
  }
  return out;
}
