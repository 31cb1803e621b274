import { In, MoreThan } from "typeorm";
import { AccessType, BulkJobKind, BulkJobOutcome, BulkJobState, UserErrorCode } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { isRetryableTransactionError } from "../../db/transaction";
import { decodeCursor, encodeCursor } from "../../graphql/connection";
import { UserFacingError, fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { InviteService } from "../invites/invite.service";
import { matchingIdsSql } from "../patients/patient-grid";
import { Patient } from "../patients/patient.entity";
import type { PortalAccessService } from "../portal-access/portal-access.service";
import { BulkJob, BulkJobItem, type BulkJobRequest } from "./bulk-job.entity";

/** At most this many ids in one request; larger selections use the grid's filter ("all N matching"). */
export const MAX_BULK_IDS = 10_000;


export interface RowOutcome {
  outcome: BulkJobOutcome;
  reason: UserErrorCode | null;
  message: string | null;
}

/**
 * Bulk onboarding (seed 002): a job snapshots the selected patients as PENDING rows, and a runner
 * decides each row with the very methods the single-patient mutations call
 * (PortalAccessService.enablePortalAccess, InviteService.sendInvite). A rule therefore lives in one
 * place, and a skipped row carries the same UserErrorCode the single action would have returned.
 */
export class BulkJobService {
  /** Called after a job is created, so the runner starts without waiting for its next poll. */
  onJobCreated: () => void = () => undefined;

  constructor(
    private readonly access: PortalAccessService,
    private readonly invites: InviteService,
  ) {}

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
      const job = await tx.create(BulkJob, { kind, request, requestedByStaffId: tx.actor.staffId, state: BulkJobState.QUEUED });
      let total: number;
      if (request.patientIds) {
        // Ids of another organization are kept as rows: the runner skips them as NOT_FOUND, like the
        // single action. Sorted, so that concurrent jobs lock shared rows in the same order.
        const ids = [...new Set(request.patientIds)].sort((a, b) => a - b);
        for (let i = 0; i < ids.length; i += 1000) {
          const chunk = ids.slice(i, i + 1000);
          await tx.manager.query(
            `INSERT INTO bulk_job_items (organizationId, jobId, patientId, outcome) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
            chunk.flatMap((id) => [tx.organizationId, job.id, id, BulkJobOutcome.PENDING]),
          );
        }
        total = ids.length;
      } else {
        const ids = matchingIdsSql(tx, request.filter!);
        await tx.manager.query(`INSERT INTO bulk_job_items (organizationId, jobId, patientId, outcome) SELECT ?, ?, s.id, ? FROM (${ids.sql}) s ORDER BY s.id`, [
          tx.organizationId,
          job.id,
          BulkJobOutcome.PENDING,
          ...ids.params,
        ]);
        total = await tx.manager.countBy(BulkJobItem, { jobId: job.id });
      }
      job.total = total;
      await tx.manager.update(BulkJob, { id: job.id }, { total });
      await audit(tx, { action: "bulk_job.created", targetType: "BulkJob", targetId: job.id, after: { kind, total, byFilter: Boolean(request.filter), sendInvite: Boolean(request.sendInvite) } });
      return job;
    });
    this.onJobCreated();
    return { job };
  }

  get(scope: OrgScope, id: number): Promise<BulkJob | null> {
    return scope.findOneBy(BulkJob, { id });
  }

  /** A page of a job's rows in processing order, optionally of one outcome. */
  async items(scope: OrgScope, jobId: number, first: number, after: string | null, outcome: BulkJobOutcome | null) {
    const afterId = after ? (decodeCursor(after, 1)[0] as number) : 0;
    const rows = await scope.find(BulkJobItem, {
      where: { jobId, id: MoreThan(Number(afterId) || 0), ...(outcome ? { outcome } : {}) },
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
   * Decides one row with the single-patient methods, inside a savepoint of the chunk's transaction:
   * a skipped or failed row leaves nothing behind, and the others of the chunk are kept.
   */
  async processRow(tx: OrgScope, job: BulkJob, patientId: number, onUnexpected: (err: unknown) => void): Promise<RowOutcome> {
    try {
      await tx.manager.transaction(async (inner) => {
        const rowScope = new OrgScope(tx.dataSource, inner, tx.organizationId, tx.actor);
        if (job.kind === BulkJobKind.ENABLE_PORTAL_ACCESS) {
          const { grant, account } = await this.access.enablePortalAccess(rowScope, { patientId, portalRoleId: job.request.portalRoleId ?? null });
          // A re-enabled patient may reuse an account invited before: its last invite time keys this one.
          if (job.request.sendInvite) await this.sendInvite(rowScope, { grantId: grant.id }, patientId, account.lastInviteSentAt);
        } else {
          const patient = (await rowScope.findOneBy(Patient, { id: patientId })) ?? fail(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
          // While the SELF grant is active, the patient's lastInviteSentAt is its account's.
          await this.sendInvite(rowScope, { patientId }, patientId, patient.lastInviteSentAt);
        }
      });
      return { outcome: BulkJobOutcome.SUCCEEDED, reason: null, message: null };
    } catch (err) {
      if (err instanceof UserFacingError) return { outcome: BulkJobOutcome.SKIPPED, reason: err.code, message: err.message.slice(0, 500) };
      // A deadlock rolled the whole chunk back (savepoints included): the chunk is redone.
      if (isRetryableTransactionError(err)) throw err;
      onUnexpected(err);
      return { outcome: BulkJobOutcome.FAILED, reason: null, message: "Unexpected error; nothing was changed for this patient." };
    }
  }

  /**
   * The dedupe key names one invite "generation" of a patient (its last invite time before this
   * one): two jobs racing on the same row compute the same key, and the outbox's unique index lets
   * only one email through, even where the cooldown check alone would not (SQLite has no row locks).
   */
  private async sendInvite(scope: OrgScope, target: { grantId: number } | { patientId: number }, patientId: number, lastInviteSentAt: Date | null) {
    const result = await this.invites.sendInvite(scope, target, { dedupeKey: `bulk-invite:${patientId}:${lastInviteSentAt?.getTime() ?? 0}` });
    if (!result.queued) fail(UserErrorCode.COOLDOWN, "An invite for this patient was just queued by another bulk action.", "patientId");
  }

  /** Writes a chunk's outcomes and the job's counters, in the chunk's transaction. */
  async recordChunk(tx: OrgScope, job: BulkJob, results: { itemId: number; result: RowOutcome }[], runnerId: string): Promise<void> {
    const now = new Date();
    const byOutcome = { succeeded: 0, skipped: 0, failed: 0 };
    for (const { itemId, result } of results) {
      if (result.outcome === BulkJobOutcome.SUCCEEDED) byOutcome.succeeded++;
      else if (result.outcome === BulkJobOutcome.SKIPPED) byOutcome.skipped++;
      else byOutcome.failed++;
      await tx.manager.update(BulkJobItem, { id: itemId, jobId: job.id }, { outcome: result.outcome, reason: result.reason, message: result.message, processedAt: now });
    }
    await tx.manager
      .createQueryBuilder()
      .update(BulkJob)
      .set({
        processed: () => `processed + ${results.length}`,
        succeeded: () => `succeeded + ${byOutcome.succeeded}`,
        skipped: () => `skipped + ${byOutcome.skipped}`,
        failed: () => `failed + ${byOutcome.failed}`,
        heartbeatAt: now,
      })
      .where("id = :id AND runnerId = :runnerId", { id: job.id, runnerId })
      .execute();
  }
}
