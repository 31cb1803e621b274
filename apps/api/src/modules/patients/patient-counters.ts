import type { EntityManager } from "typeorm";
import { PortalStatus } from "@portal/schema";
import { onConflictAdd } from "../../db/dialect";
import { OrgScope } from "../../db/org-scope";

/** The facts of one patient that decide which counter row it is counted in. */
export interface CountedFacts {
  portalStatus: PortalStatus;
  email: string | null;
  dateOfBirth: string | null;
}

type CounterKey = `${PortalStatus}|${0 | 1}|${0 | 1}`;

const keyOf = (p: CountedFacts): CounterKey => `${p.portalStatus}|${p.email ? 1 : 0}|${p.dateOfBirth ? 1 : 0}`;

/** Accumulates +1/-1 moves between counter rows, then writes them in one statement. */
export class CounterDeltas {
  private readonly deltas = new Map<CounterKey, number>();

  add(facts: CountedFacts, n = 1): this {
    const key = keyOf(facts);
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + n);
    return this;
  }

  /** Records a change of one patient's facts (nothing when its counter row is the same). */
  move(before: CountedFacts, after: CountedFacts): this {
    if (keyOf(before) === keyOf(after)) return this;
    return this.add(before, -1).add(after, 1);
  }

  /**
   * Upserts every non-zero delta in one statement, in key order, so that two transactions touching
   * the same counters lock them in the same order (no deadlock between them).
   */
  async apply(scope: OrgScope): Promise<void>;
  /** @deprecated pass the OrgScope: the scope decides the organization. */
  async apply(manager: EntityManager, organizationId: number): Promise<void>;
  async apply(target: OrgScope | EntityManager, orgId?: number): Promise<void> {
    const organizationId = target instanceof OrgScope ? target.organizationId : orgId!;
    const run = (sql: string, params: unknown[]) => (target instanceof OrgScope ? target.query(sql, params) : target.query(sql, params));
    const rows = [...this.deltas.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    this.deltas.clear();
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const values = rows.map(([key, n]) => {
      const [status, hasEmail, hasDob] = key.split("|");
      params.push(organizationId, status, Number(hasEmail), Number(hasDob), n);
      return "(?, ?, ?, ?, ?)";
    });
    const insert = "INSERT INTO patient_status_counts (organizationId, portalStatus, hasEmail, hasDateOfBirth, count) VALUES " + values.join(", ");
    const upsert = onConflictAdd(target instanceof OrgScope ? target.dataSource : target, ["organizationId", "portalStatus", "hasEmail", "hasDateOfBirth"], ["count"]);
    await run(`${insert} ${upsert}`, params);
  }
}

/**
 * Recomputes an organization's counters from its patients: after a bulk load that bypassed the
 * services (demo data, the benchmark's seeding), or to repair drift. One grouped scan.
 */
export async function recountPatientStatuses(manager: EntityManager, organizationId: number): Promise<void> {
  await manager.query("DELETE FROM patient_status_counts WHERE organizationId = ?", [organizationId]);
  await manager.query(
    `INSERT INTO patient_status_counts (organizationId, portalStatus, hasEmail, hasDateOfBirth, count)
     SELECT organizationId, portalStatus, CASE WHEN email IS NULL THEN 0 ELSE 1 END, CASE WHEN dateOfBirth IS NULL THEN 0 ELSE 1 END, COUNT(*)
     FROM patients WHERE organizationId = ?
     GROUP BY organizationId, portalStatus, CASE WHEN email IS NULL THEN 0 ELSE 1 END, CASE WHEN dateOfBirth IS NULL THEN 0 ELSE 1 END`,
    [organizationId],
  );
}

/** Counts per status from the counters, optionally only patients with (or without) email / DOB. */
export async function countersByStatus(
  scope: OrgScope,
  filter: { hasEmail?: boolean | null; hasDateOfBirth?: boolean | null },
): Promise<Map<PortalStatus, number>> {
  let sql = "SELECT portalStatus AS status, SUM(count) AS n FROM patient_status_counts WHERE organizationId = ?";
  const params: unknown[] = [scope.organizationId];
  if (filter.hasEmail != null) {
    sql += " AND hasEmail = ?";
    params.push(filter.hasEmail ? 1 : 0);
  }
  if (filter.hasDateOfBirth != null) {
    sql += " AND hasDateOfBirth = ?";
    params.push(filter.hasDateOfBirth ? 1 : 0);
  }
  const rows = await scope.query<{ status: PortalStatus; n: string | number }>(sql + " GROUP BY portalStatus", params);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export const ALL_STATUSES = Object.values(PortalStatus);
