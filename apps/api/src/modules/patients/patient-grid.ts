import { In } from "typeorm";
import { foldSearchText, parseTypedDate, PatientSortField, PORTAL_STATUS_ORDER, type PortalStatus, SortDirection } from "@portal/schema";
import { forceIndex, likePrefix } from "../../db/dialect";
import type { OrgScope } from "../../db/org-scope";
import { decodeCursor, encodeCursor, type CursorPart } from "../../graphql/connection";
import { type InviteProblem, inviteProblemCondition } from "./invite-problem";
import { countersByStatus } from "./patient-counters";
import { Patient } from "./patient.entity";

/** The onboarding grid's filter: a search plus facets. Every facet narrows (AND). */
export interface PatientGridFilter {
  search?: string | null;
  portalStatus?: PortalStatus[] | null;
  hasEmail?: boolean | null;
  hasDateOfBirth?: boolean | null;
  inviteFailed?: boolean | null;
  inviteProblem?: InviteProblem[] | null;
  /** Invited patients whose own account was emailed a reminder (rule 23). */
  reminded?: boolean | null;
}

export interface PatientGridOrder {
  field: PatientSortField;
  direction: SortDirection;
}

export const DEFAULT_ORDER: PatientGridOrder = { field: PatientSortField.NAME, direction: SortDirection.ASC };

interface SqlPart {
  sql: string;
  params: unknown[];
}

/** A sort key column as it appears in a branch's SELECT list and in the keyset condition. */
interface KeyColumn {
  alias: string;
  expr: string;
  nullable: boolean;
}

const RANK_CASE = `CASE p.portalStatus ${PORTAL_STATUS_ORDER.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;

/**
 * The index that serves each access path without a search. MariaDB's optimizer, left alone, reads
 * "status = X ORDER BY name LIMIT n" through the status-only prefix and sorts (166 ms at 1M rows
 * instead of 2 ms): the hint makes it walk the index in order and stop after n rows. See
 * docs/scaling.md.
 */
function indexFor(field: PatientSortField, byStatus: boolean): string {
  switch (field) {
    case PatientSortField.NAME:
      return byStatus ? "ix_patients_org_status_name" : "ix_patients_org_name";
    case PatientSortField.STATUS:
      return "ix_patients_org_status_name";
    case PatientSortField.LAST_INVITE_SENT:
      return byStatus ? "ix_patients_org_status_invite" : "ix_patients_org_invite";
    case PatientSortField.LAST_SIGN_IN:
      return byStatus ? "ix_patients_org_status_signin" : "ix_patients_org_signin";
  }
}

function keyColumns(field: PatientSortField, rankExpr: string): KeyColumn[] {
  const name: KeyColumn[] = [
    { alias: "lastName", expr: "p.lastName", nullable: false },
    { alias: "firstName", expr: "p.firstName", nullable: false },
  ];
  const id: KeyColumn = { alias: "id", expr: "p.id", nullable: false };
  switch (field) {
    case PatientSortField.NAME:
      return [...name, id];
    case PatientSortField.STATUS:
      return [{ alias: "r", expr: rankExpr, nullable: false }, ...name, id];
    case PatientSortField.LAST_INVITE_SENT:
      return [{ alias: "lastInviteSentAt", expr: "p.lastInviteSentAt", nullable: true }, id];
    case PatientSortField.LAST_SIGN_IN:
      return [{ alias: "lastSignInAt", expr: "p.lastSignInAt", nullable: true }, id];
  }
}

/**
 * "Rows after the cursor" for ORDER BY cols (all in one direction), expanded into ORs of index
 * prefixes so the range optimizer of both databases turns it into index ranges. NULL sorts first
 * ascending and last descending on MySQL and SQLite alike.
 */
export function keysetCondition(cols: KeyColumn[], values: unknown[], direction: SortDirection): SqlPart {
  const asc = direction === SortDirection.ASC;
  const ors: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < cols.length; i++) {
    const parts: string[] = [];
    const partParams: unknown[] = [];
    for (let j = 0; j < i; j++) {
      if (values[j] === null) parts.push(`${cols[j].expr} IS NULL`);
      else {
        parts.push(`${cols[j].expr} = ?`);
        partParams.push(values[j]);
      }
    }
    const { expr, nullable } = cols[i];
    if (values[i] === null) {
      // Ascending, every non-null value comes after NULL; descending, nothing does.
      if (!asc) continue;
      parts.push(`${expr} IS NOT NULL`);
    } else if (asc) {
      parts.push(`${expr} > ?`);
      partParams.push(values[i]);
    } else {
      parts.push(nullable ? `(${expr} < ? OR ${expr} IS NULL)` : `${expr} < ?`);
      partParams.push(values[i]);
    }
    ors.push(parts.join(" AND "));
    params.push(...partParams);
  }
  return { sql: ors.length ? `(${ors.map((o) => `(${o})`).join(" OR ")})` : "1 = 0", params };
}

/**
 * The ids matching a search, as a UNION of index lookups (folded family-name prefix, folded
 * given-name prefix, email prefix, exact MRN, "first last" in either order, or a date of birth typed
 * in any of the ways parseTypedDate reads). Names are compared folded (foldSearchText: no accents,
 * no case), so "cote" finds "Côté" on SQLite as on MariaDB. An OR of these in one WHERE would defeat
 * every index; each branch of the union is a range scan of its own index, leading with the
 * organization.
 */
export function searchIdsSql(organizationId: number, search: string): SqlPart {
  const term = search.trim();
  const branch = (where: string, ...values: unknown[]): SqlPart => ({
    sql: `SELECT id FROM patients WHERE organizationId = ? AND ${where}`,
    params: [organizationId, ...values],
  });
  const branches: SqlPart[] = [];
  // Slashes read both ways when both are real dates: the search does not know the staff's region.
  const dates = parseTypedDate(term);
  if (dates.length) {
    branches.push(branch(`dateOfBirth IN (${dates.map(() => "?").join(", ")})`, ...dates));
  } else {
    const folded = foldSearchText(term);
    const prefix = likePrefix(folded);
    branches.push(
      branch("lastNameFolded LIKE ? ESCAPE '!'", prefix),
      branch("firstNameFolded LIKE ? ESCAPE '!'", prefix),
      branch("emailNormalized LIKE ? ESCAPE '!'", likePrefix(term.toLowerCase())),
      branch("mrn = ?", term),
    );
    const [a, ...rest] = folded.split(/[\s,]+/).filter(Boolean);
    if (rest.length) {
      const pa = likePrefix(a);
      const pb = likePrefix(rest.join(" "));
      branches.push(
        branch("lastNameFolded LIKE ? ESCAPE '!' AND firstNameFolded LIKE ? ESCAPE '!'", pa, pb),
        branch("lastNameFolded LIKE ? ESCAPE '!' AND firstNameFolded LIKE ? ESCAPE '!'", pb, pa),
      );
    }
  }
  return { sql: branches.map((b) => b.sql).join(" UNION "), params: branches.flatMap((b) => b.params) };
}

/**
 * The "expired or locked invite" facet: its condition and the clock it compares with, written the
 * way the driver stores dates (as cursors are), placed right after the organization's parameter.
 */
function inviteProblemFacet(scope: OrgScope, filter: PatientGridFilter, now = new Date()): { sql: string; params: unknown[] } | null {
  const sql = inviteProblemCondition(filter.inviteProblem ?? []);
  if (!sql) return null;
  return { sql, params: [scope.toDatabaseValue(Patient, "inviteUsableUntil", now)] };
}

/** Conditions of the facets other than status. */
function facetConditions(filter: PatientGridFilter): string[] {
  const out: string[] = [];
  if (filter.hasEmail != null) out.push(filter.hasEmail ? "p.email IS NOT NULL" : "p.email IS NULL");
  if (filter.hasDateOfBirth != null) out.push(filter.hasDateOfBirth ? "p.dateOfBirth IS NOT NULL" : "p.dateOfBirth IS NULL");
  if (filter.inviteFailed != null) out.push(filter.inviteFailed ? "p.inviteDeliveryFailedAt IS NOT NULL" : "p.inviteDeliveryFailedAt IS NULL");
  // Only an invited patient counts as reminded: once the account signs in, reminders are history.
  if (filter.reminded != null) out.push(filter.reminded ? "(p.portalStatus = 'INVITED' AND p.lastReminderAt IS NOT NULL)" : "(p.portalStatus <> 'INVITED' OR p.lastReminderAt IS NULL)");
  return out;
}

function wantedStatuses(filter: PatientGridFilter): PortalStatus[] | null {
  if (!filter.portalStatus?.length) return null;
  const wanted = new Set(filter.portalStatus);
  return PORTAL_STATUS_ORDER.filter((s) => wanted.has(s));
}

/** FROM clause: the patients, joined to the search's ids when there is a search. */
function fromClause(scope: OrgScope, filter: PatientGridFilter, index: string | null): SqlPart {
  const term = filter.search?.trim();
  if (term) {
    const ids = searchIdsSql(scope.organizationId, term);
    return { sql: `(${ids.sql}) m INNER JOIN patients p ON p.id = m.id`, params: ids.params };
  }
  return { sql: `patients p${forceIndex(scope.dataSource, index)}`, params: [] };
}

export interface GridPage {
  rows: Patient[];
  hasNextPage: boolean;
  cursorOf(row: Patient): string;
}

/** Cursor values stored as JSON: dates as ISO strings, status as its rank. */
function cursorKey(field: PatientSortField, p: Patient): unknown[] {
  switch (field) {
    case PatientSortField.NAME:
      return [p.lastName, p.firstName, p.id];
    case PatientSortField.STATUS:
      return [PORTAL_STATUS_ORDER.indexOf(p.portalStatus), p.lastName, p.firstName, p.id];
    case PatientSortField.LAST_INVITE_SENT:
      return [p.lastInviteSentAt?.toISOString() ?? null, p.id];
    case PatientSortField.LAST_SIGN_IN:
      return [p.lastSignInAt?.toISOString() ?? null, p.id];
  }
}

function parseCursor(scope: OrgScope, field: PatientSortField, cursor: string): unknown[] {
  const cols = keyColumns(field, "");
  // The shape is checked by decodeCursor (one place for every connection); dates are then written in
  // the driver's own representation (a UTC string on SQLite), so comparisons match storage.
  const shape = cols.map((col): CursorPart => (col.alias === "id" ? "id" : col.alias === "r" ? "rank" : col.nullable ? "date?" : "string"));
  const values = decodeCursor(cursor, shape);
  return values.map((v, i) => {
    if (!(v instanceof Date)) return v;
    return scope.toDatabaseValue(Patient, cols[i].alias as keyof Patient & string, v);
  });
}

/**
 * One page of the grid, by keyset. Without a search, each status asked for (or each status, when
 * sorting by status) is read by its own branch, an in-order walk of the matching index that stops
 * after `first + 1` rows; the branches' rows are merged by the database (UNION ALL, ORDER BY, LIMIT),
 * so the collation deciding the order is the one that wrote the index. With a search the matching
 * ids are few enough to sort. Two statements in all: the keys of the page, then its rows.
 */
export async function gridPage(scope: OrgScope, filter: PatientGridFilter, order: PatientGridOrder, first: number, after: string | null): Promise<GridPage> {
  const { field, direction } = order;
  const cursor = after ? parseCursor(scope, field, after) : null;
  const statuses = wantedStatuses(filter);
  const searching = Boolean(filter.search?.trim());
  const facets = facetConditions(filter);
  const problem = inviteProblemFacet(scope, filter);
  const dir = direction === SortDirection.ASC ? "ASC" : "DESC";
  const limit = first + 1;

  const branch = (status: PortalStatus | null, statusIn: PortalStatus[] | null): SqlPart | null => {
    const rank = status ? String(PORTAL_STATUS_ORDER.indexOf(status)) : RANK_CASE;
    const cols = keyColumns(field, rank);
    const where = ["p.organizationId = ?", ...(problem ? [problem.sql] : []), ...facets];
    const params: unknown[] = [scope.organizationId, ...(problem?.params ?? [])];
    if (status) {
      where.push("p.portalStatus = ?");
      params.push(status);
    } else if (statusIn) {
      where.push(`p.portalStatus IN (${statusIn.map(() => "?").join(", ")})`);
      params.push(...statusIn);
    }
    if (cursor) {
      let keyCols = cols;
      let keyValues = cursor;
      if (field === PatientSortField.STATUS && status) {
        // The branch of one status: before the cursor's status it is exhausted, after it it starts over.
        const cursorRank = cursor[0] as number;
        const myRank = Number(rank);
        const behind = direction === SortDirection.ASC ? myRank < cursorRank : myRank > cursorRank;
        if (behind) return null;
        keyCols = myRank === cursorRank ? cols.slice(1) : [];
        keyValues = cursor.slice(1);
      }
      if (keyCols.length) {
        const ks = keysetCondition(keyCols, keyValues, direction);
        where.push(ks.sql);
        params.push(...ks.params);
      }
    }
    // Problem invites are few: their range of ix_patients_org_status_usable, then sorted, beats walking the whole sort index.
    const from = fromClause(scope, filter, searching ? null : problem ? "ix_patients_org_status_usable" : indexFor(field, Boolean(status)));
    const select = cols.map((c) => `${c.expr} AS ${c.alias}`).join(", ");
    // A constant rank (one status per branch) is left out: a bare number in ORDER BY means a column position.
    const orderBy = cols
      .filter((c) => !/^\d+$/.test(c.expr))
      .map((c) => `${c.expr} ${dir}`)
      .join(", ");
    return {
      sql: `SELECT ${select} FROM ${from.sql} WHERE ${where.join(" AND ")} ORDER BY ${orderBy} LIMIT ${limit}`,
      params: [...from.params, ...params],
    };
  };

  let branches: (SqlPart | null)[];
  if (searching) branches = [branch(null, statuses)];
  else if (field === PatientSortField.STATUS || (statuses && statuses.length > 1)) branches = (statuses ?? PORTAL_STATUS_ORDER).map((s) => branch(s, null));
  else branches = [branch(statuses?.[0] ?? null, null)];
  const live = branches.filter((b): b is SqlPart => b !== null);

  let ids: number[] = [];
  if (live.length === 1) {
    ids = (await scope.query<{ id: number }>(live[0].sql, live[0].params)).map((r) => Number(r.id));
  } else if (live.length > 1) {
    const outerOrder = keyColumns(field, "r")
      .map((c) => `u.${c.alias} ${dir}`)
      .join(", ");
    const sql = `SELECT u.id FROM (${live.map((b, i) => `SELECT * FROM (${b.sql}) b${i}`).join(" UNION ALL ")}) u ORDER BY ${outerOrder} LIMIT ${limit}`;
    ids = (await scope.query<{ id: number }>(sql, live.flatMap((b) => b.params))).map((r) => Number(r.id));
  }
  const hasNextPage = ids.length > first;
  if (hasNextPage) ids = ids.slice(0, first);
  const found = ids.length ? await scope.find(Patient, { where: { id: In(ids) } }) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows = ids.map((id) => byId.get(id)).filter((p): p is Patient => Boolean(p));
  return { rows, hasNextPage, cursorOf: (p) => encodeCursor(cursorKey(field, p)) };
}

async function countRows(scope: OrgScope, filter: PatientGridFilter): Promise<Map<PortalStatus, number>> {
  const from = fromClause(scope, filter, null);
  const problem = inviteProblemFacet(scope, filter);
  const where = ["p.organizationId = ?", ...(problem ? [problem.sql] : []), ...facetConditions(filter)];
  const rows = await scope.query<{ status: PortalStatus; n: string | number }>(`SELECT p.portalStatus AS status, COUNT(*) AS n FROM ${from.sql} WHERE ${where.join(" AND ")} GROUP BY p.portalStatus`, [
    ...from.params,
    scope.organizationId,
    ...(problem?.params ?? []),
  ]);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Patients per status for the search and facets (not the status filter). Without a search the
 * counters answer in one indexed read of at most 16 rows; "invite failed" rows are few and counted
 * through their index (and subtracted from the counters for "not failed"); with a search, the
 * narrowed rows are counted.
 */
export async function gridStatusCounts(scope: OrgScope, filter: PatientGridFilter): Promise<Map<PortalStatus, number>> {
  if (filter.search?.trim() || filter.inviteProblem?.length || filter.reminded != null) return countRows(scope, filter);
  if (filter.inviteFailed == null) return countersByStatus(scope, filter);
  const failed = await countRows(scope, { ...filter, inviteFailed: true });
  if (filter.inviteFailed) return failed;
  const all = await countersByStatus(scope, filter);
  return new Map(PORTAL_STATUS_ORDER.map((s) => [s, (all.get(s) ?? 0) - (failed.get(s) ?? 0)]));
}

/** SQL selecting the ids of every patient matching a grid filter (bulk jobs on "all N matching"). */
export function matchingIdsSql(scope: OrgScope, filter: PatientGridFilter): SqlPart {
  const from = fromClause(scope, filter, null);
  const problem = inviteProblemFacet(scope, filter);
  const where = ["p.organizationId = ?", ...(problem ? [problem.sql] : []), ...facetConditions(filter)];
  const params: unknown[] = [...from.params, scope.organizationId, ...(problem?.params ?? [])];
  const statuses = wantedStatuses(filter);
  if (statuses) {
    where.push(`p.portalStatus IN (${statuses.map(() => "?").join(", ")})`);
    params.push(...statuses);
  }
  return { sql: `SELECT p.id FROM ${from.sql} WHERE ${where.join(" AND ")}`, params };
}
