import { In, LessThan, MoreThan } from "typeorm";
import { AccessType, BulkJobKind, BulkJobOutcome, BulkJobState, UserErrorCode } from "@portal/schema";
import { type OrgScope } from "../../db/org-scope";
import { decodeCursor, encodeCursor } from "../../graphql/connection";
import { UserFacingError, fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { matchingIdsSql } from "../patients/patient-grid";
import { Patient } from "../patients/patient.entity";
import type { PortalAccessService } from "../portal-access/portal-access.service";
import { RowFailed, type AccessChanges, type DedupeKeyOf, type RowResult } from "../../core/access-change";
import { BulkJob, BulkJobItem, BulkJobRowAction, type BulkJobRequest } from "./bulk-job.entity";

/** At most this many ids in one request; larger selections use the grid's filter ("all N matching"). */
export const MAX_BULK_IDS = 10_000;


/**
 * The dedupe key names one invite "generation" of a patient (its account's last invite time before
 * this one): two jobs racing on the same row compute the same key, and the outbox's unique index
 * lets only one email through, even where the cooldown check alone would not (SQLite has no row
 * locks). A key used already skips the row as COOLDOWN.
 */
const dedupeKeyOf: DedupeKeyOf = (patientId, lastInviteSentAt) => `bulk-invite:${patientId}:${lastInviteSentAt?.getTime() ?? 0}`;

/** A row's outcome in the job's report, from the access core's result for it. */
function outcomeOf(result: RowResult, job: BulkJob, onUnexpected: (err: unknown) => void): RowOutcome {
  if (result instanceof UserFacingError) return { outcome: BulkJobOutcome.SKIPPED, reason: result.code, message: result.message.slice(0, 500) };
  if (result instanceof RowFailed) {
    onUnexpected(result.error);
    return { outcome: BulkJobOutcome.FAILED, reason: null, message: "Unexpected error; nothing was changed for this patient." };
  }
  if (result.invite && !result.invite.queued) {
    return { outcome: BulkJobOutcome.SKIPPED, reason: UserErrorCode.COOLDOWN, message: "An invite for this patient was just queued by another bulk action." };
  }
  const action =
    job.kind === BulkJobKind.ENABLE_PORTAL_ACCESS
      ? job.request.sendInvite
        ? BulkJobRowAction.ENABLED_AND_INVITED
        : BulkJobRowAction.ENABLED
      : result.invite?.resent
        ? BulkJobRowAction.INVITE_RESENT
        : BulkJobRowAction.INVITED;
  return { outcome: BulkJobOutcome.SUCCEEDED, reason: null, message: null, action };
}

export interface RowOutcome {
  outcome: BulkJobOutcome;
  reason: UserErrorCode | null;
  message: string | null;
  /** For a row done: what was done to it (the report tells enabled only from enabled and invited). */
  action?: BulkJobRowAction | null;
}

/** An invite counts as sent for these actions (the job's `invited` counter). */
const INVITING: ReadonlySet<BulkJobRowAction | null | undefined> = new Set([BulkJobRowAction.ENABLED_AND_INVITED, BulkJobRowAction.INVITED, BulkJobRowAction.INVITE_RESENT, BulkJobRowAction.REMINDED]);

/**
 * A kind of bulk job whose rows another module decides (invite reminders): given a chunk's patients,
 * the error that skips each, or the action done. Claiming, transactions and the report stay here.
 */
export type BulkKindHandler = (tx: OrgScope, patientIds: number[]) => Promise<Map<number, UserFacingError | BulkJobRowAction>>;

/**
 * Bulk onboarding (seed 002): a job snapshots the selected patients as PENDING rows, and a runner
 * hands them over a chunk at a time (in its transaction) to processChunk, which runs them through
 * the access core like the single-patient mutations (one patient is the chunk of one). A rule
 * therefore lives in one place, and a skipped row carries the same UserErrorCode the single action
 * would have returned.
 */
export class BulkJobService {
  /** Called after a job is created, so the runner starts without waiting for its next poll. */
  onJobCreated: () => void = () => undefined;

  private readonly handlers = new Map<BulkJobKind, BulkKindHandler>();

  /** Lets a module decide the rows of its own kind of job (see BulkKindHandler). */
  registerKind(kind: BulkJobKind, handler: BulkKindHandler): void {
    this.handlers.set(kind, handler);
  }

  private readonly changes: AccessChanges;

  constructor(private readonly access: PortalAccessService) {
    this.changes = access.changes;
  }

  private validate(request: BulkJobRequest) {
    const hasIds = Array.isArray(request.patientIds);
    if (hasIds === Boolean(request.filter)) fail(UserErrorCode.INVALID_INPUT, "Give either patient ids or a filter, not both.", "patientIds");
    if (hasIds && request.patientIds!.length === 0) fail(UserErrorCode.INVALID_INPUT, "Select at least one patient.", "patientIds");
    if (hasIds && request.patientIds!.length > MAX_BULK_IDS) {
      fail(UserErrorCode.INVALID_INPUT, `At most ${MAX_BULK_IDS} patients by id; use the filter to act on all matching patients.`, "patientIds");
    }
  }

  /** Creates a job and its PENDING rows in one transaction; the runner does the rest. */
  async create(scope: OrgScope, kind: BulkJobKind, request: BulkJobRequest): Promise<{ job: BulkJob }> {
    this.validate(request);
    const job = await scope.transaction(async (tx) => {
      // Rule 5, checked once up front: a wrong role would otherwise skip every row.
      if (kind === BulkJobKind.ENABLE_PORTAL_ACCESS) {
        const role = await this.access.requireRole(tx, request.portalRoleId ?? null, AccessType.SELF);
        request = { ...request, portalRoleId: role.id };
      }
      // The selected ids live in the job's rows, not in its request (10,000 ids would not fit a column).
      const { patientIds: _ids, ...stored } = request;
      const job = await tx.create(BulkJob, { kind, request: stored, requestedByStaffId: tx.actor.staffId, state: BulkJobState.QUEUED });
      let total: number;
      if (request.patientIds) {
        // Ids of another organization are kept as rows: the runner skips them as NOT_FOUND, like the
        // single action. Sorted, so that concurrent jobs lock shared rows in the same order.
        const ids = [...new Set(request.patientIds)].sort((a, b) => a - b);
        for (let i = 0; i < ids.length; i += 1000) {
          const chunk = ids.slice(i, i + 1000);
          await tx.query(
            `INSERT INTO bulk_job_items (organizationId, jobId, patientId, outcome) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
            chunk.flatMap((id) => [tx.organizationId, job.id, id, BulkJobOutcome.PENDING]),
          );
        }
        total = ids.length;
      } else {
        const ids = matchingIdsSql(tx, request.filter!);
        await tx.query(`INSERT INTO bulk_job_items (organizationId, jobId, patientId, outcome) SELECT ?, ?, s.id, ? FROM (${ids.sql}) s ORDER BY s.id`, [
          tx.organizationId,
          job.id,
          BulkJobOutcome.PENDING,
          ...ids.params,
        ]);
        total = await tx.count(BulkJobItem, { jobId: job.id });
      }
      job.total = total;
      await tx.update(BulkJob, { id: job.id }, { total });
      await audit(tx, { action: "bulk_job.created", targetType: "BulkJob", targetId: job.id, after: { kind, total, byFilter: Boolean(request.filter), sendInvite: Boolean(request.sendInvite) } });
      return job;
    });
    this.onJobCreated();
    return { job };
  }

  get(scope: OrgScope, id: number): Promise<BulkJob | null> {
    return scope.findOneBy(BulkJob, { id });
  }

  /** A page of the organization's jobs, newest first (`first + 1` rows, for toConnection). */
  list(scope: OrgScope, first: number, after: string | null): Promise<BulkJob[]> {
    if (first === 0) return Promise.resolve([]);
    const beforeId = after ? decodeCursor(after, ["id"])[0] : 0;
    return scope.find(BulkJob, { where: beforeId ? { id: LessThan(beforeId) } : {}, order: { id: "DESC" }, take: first + 1 });
  }

  /** A page of a job's rows in processing order, optionally of one outcome. */
  async items(scope: OrgScope, jobId: number, first: number, after: string | null, outcome: BulkJobOutcome | null) {
    const afterId = after ? decodeCursor(after, ["id"])[0] : 0;
    const rows = await scope.find(BulkJobItem, {
      where: { jobId, id: MoreThan(afterId), ...(outcome ? { outcome } : {}) },
      order: { id: "ASC" },
      take: first + 1,
    });
    const hasNextPage = rows.length > first;
    const nodes = hasNextPage ? rows.slice(0, first) : rows;
    return { nodes, hasNextPage, cursorOf: (item: BulkJobItem) => encodeCursor([item.id]) };
  }

  /** Rows of a job with the patient's identifying fields, in pages, for the CSV report. */
  async *reportRows(scope: OrgScope, jobId: number, pageSize = 1000): AsyncGenerator<{ item: BulkJobItem; patient: Patient | null }[]> {
    let afterId = 0;
    for (;;) {
      const items = await scope.find(BulkJobItem, { where: { jobId, id: MoreThan(afterId) }, order: { id: "ASC" }, take: pageSize });
      if (items.length === 0) return;
      const patients = await scope.find(Patient, { where: { id: In(items.map((i) => i.patientId)) } });
      const byId = new Map(patients.map((p) => [p.id, p]));
      yield items.map((item) => ({ item, patient: byId.get(item.patientId) ?? null }));
      afterId = items[items.length - 1].id;
    }
  }

  /**
   * Decides and writes a chunk of rows through the access core (core/access-change.ts), the very
   * path the single-patient mutations take: a rule lives in one place, and a skipped row carries
   * the same UserErrorCode the single action would have returned. The facts of the chunk are read
   * in a fixed number of statements and its writes are set-based; a row whose write fails for an
   * unexpected reason is FAILED with nothing changed for it, and the others are done. A transient
   * database error is thrown: the runner redoes the chunk's transaction.
   */
  async processChunk(tx: OrgScope, job: BulkJob, items: { id: number; patientId: number }[], onUnexpected: (err: unknown) => void = () => undefined): Promise<{ itemId: number; result: RowOutcome }[]> {
    const patientIds = items.map((i) => i.patientId);
    const handler = this.handlers.get(job.kind);
    if (handler) {
      const decided = await handler(tx, patientIds);
      return items.map((item) => {
        const r = decided.get(item.patientId);
        return {
          itemId: item.id,
          result:
            r instanceof UserFacingError || r === undefined
              ? { outcome: BulkJobOutcome.SKIPPED, reason: r?.code ?? UserErrorCode.NOT_FOUND, message: (r?.message ?? "Patient not found.").slice(0, 500) }
              : { outcome: BulkJobOutcome.SUCCEEDED, reason: null, message: null, action: r },
        };
      });
    }
    const results =
      job.kind === BulkJobKind.ENABLE_PORTAL_ACCESS
        ? await this.changes.enable(tx, patientIds.map((patientId) => ({ patientId })), { portalRoleId: job.request.portalRoleId ?? null, invite: Boolean(job.request.sendInvite), dedupeKeyOf })
        : await this.changes.invite(tx, patientIds.map((patientId) => ({ target: { patientId } })), { dedupeKeyOf });
    return items.map((item, i) => ({ itemId: item.id, result: outcomeOf(results[i], job, onUnexpected) }));
  }

  /** Writes a chunk's outcomes (one statement per distinct outcome) and the job's counters, in the chunk's transaction. */
  async recordChunk(tx: OrgScope, job: BulkJob, results: { itemId: number; result: RowOutcome }[], runnerId: string): Promise<void> {
    const now = new Date();
    const byOutcome = { succeeded: 0, skipped: 0, failed: 0, invited: 0 };
    const groups = new Map<string, { result: RowOutcome; itemIds: number[] }>();
    for (const { itemId, result } of results) {
      if (result.outcome === BulkJobOutcome.SUCCEEDED) {
        byOutcome.succeeded++;
        if (INVITING.has(result.action)) byOutcome.invited++;
      }
      else if (result.outcome === BulkJobOutcome.SKIPPED) byOutcome.skipped++;
      else byOutcome.failed++;
      const key = JSON.stringify([result.outcome, result.reason, result.message, result.action ?? null]);
      if (!groups.has(key)) groups.set(key, { result, itemIds: [] });
      groups.get(key)!.itemIds.push(itemId);
    }
    for (const { result, itemIds } of groups.values()) {
      await tx.update(BulkJobItem, { id: In(itemIds), jobId: job.id }, { outcome: result.outcome, action: result.action ?? null, reason: result.reason, message: result.message, processedAt: now });
    }
    // Only while this runner holds the job: a runner that lost its lease records nothing.
    await tx.update(BulkJob, { id: job.id, runnerId }, {
      processed: () => `processed + ${results.length}`,
      succeeded: () => `succeeded + ${byOutcome.succeeded}`,
      skipped: () => `skipped + ${byOutcome.skipped}`,
      failed: () => `failed + ${byOutcome.failed}`,
      invited: () => `invited + ${byOutcome.invited}`,
      heartbeatAt: now,
    } as never);
  }
}
