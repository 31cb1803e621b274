import { insertRows } from "../../db/insert-rows";
import type { OrgScope } from "../../db/org-scope";
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
      patientId: e.patientId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      ip: actor.ip,
      requestId: actor.requestId,
    })),
  );
}
