import crypto from "node:crypto";
import { Brackets, type DataSource, type EntityManager } from "typeorm";
import { ActorType, BulkJobOutcome, BulkJobState } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { runInTransaction } from "../../db/transaction";
import { isTransientDatabaseError } from "../../core/transient-errors";
import type { Logger } from "../../logger";
import { BulkJob, BulkJobItem } from "./bulk-job.entity";
import type { BulkJobService } from "./bulk-job.service";
import { claimantGoneSql, type WorkerHeartbeat } from "../../workers/worker-heartbeat";

export interface BulkJobRunnerOptions {
  /** Rows per transaction: big enough to amortize the commit, small enough to keep locks short. */
  chunkSize?: number;
  /** A RUNNING job whose heartbeat is older than this belongs to a dead process and is resumed. */
  leaseMs?: number;
  /** How often to look for jobs created by other processes. */
  pollMs?: number;
  /** A job resumed this many times (its process keeps dying) is marked INTERRUPTED instead. */
  maxResumes?: number;
  /** Called after each committed chunk (progress hooks; tests stop a runner mid-job with it). */
  afterChunk?: (job: BulkJob) => void;
  /** A chunk that hits a transient database error (lost connection, deadlock) is redone up to this many times in a row. */
  maxTransientRetries?: number;
  /** The first pause before redoing such a chunk; it doubles each time, up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * The process's heartbeat: the runner claims jobs under its id, and takes over at once a RUNNING
   * job whose runner's process stopped beating (the lease above stays the fallback).
   */
  heartbeat?: WorkerHeartbeat;
}

/**
 * Works through bulk jobs in the background of the API process, one chunk per transaction: a
 * chunk's row changes, their outcomes and the job's counters commit together, so a crash never
 * leaves a row done but unreported (or reported but undone). On start-up, a RUNNING job whose
 * runner died is resumed from its PENDING rows.
 */
export class BulkJobRunner {
  readonly id: string;
  private readonly heartbeat: WorkerHeartbeat | null;
  private readonly chunkSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxResumes: number;
  private readonly afterChunk: (job: BulkJob) => void;
  private readonly maxTransientRetries: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly service: BulkJobService,
    private readonly logger: Logger,
    options: BulkJobRunnerOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.maxResumes = options.maxResumes ?? 3;
    this.afterChunk = options.afterChunk ?? (() => undefined);
    // About 15 s of pauses in all, well within the 30 s lease: a database back within that resumes the job.
    this.maxTransientRetries = options.maxTransientRetries ?? 8;
    this.retryBaseMs = options.retryBaseMs ?? 100;
    this.retryMaxMs = options.retryMaxMs ?? 5_000;
    this.heartbeat = options.heartbeat ?? null;
    this.id = options.heartbeat?.id ?? `runner-${crypto.randomUUID()}`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.service.onJobCreated = () => this.wake();
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Finishes the chunk in hand and releases the job, so the next start resumes it at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.wake();
    await this.loop;
    this.running = false;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (err) {
        this.logger.error({ err }, "bulk job runner error");
      }
      if (!worked && !this.stopping) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          this.timer = setTimeout(resolve, this.pollMs);
          this.timer.unref();
        });
        if (this.timer) clearTimeout(this.timer);
        this.wakeUp = null;
      }
    }
  }

  /** Claims one job (queued, or running under a stale lease) and processes it; false when there is none. */
  async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.process(job);
    return true;
  }

  private claim(): Promise<BulkJob | null> {
    return runInTransaction(this.dataSource, (manager) => this.claimIn(manager));
  }

  private async claimIn(manager: EntityManager): Promise<BulkJob | null> {
    const repo = manager.getRepository(BulkJob);
    const stale = new Date(Date.now() - this.leaseMs);
    const deadline = this.heartbeat ? this.heartbeat.deadline() : null;
    const candidates = await repo
      .createQueryBuilder("j")
      .where("j.state = :queued", { queued: BulkJobState.QUEUED })
      .orWhere(
        new Brackets((w) => {
          w.where("j.state = :running", { running: BulkJobState.RUNNING }).andWhere(
            new Brackets((r) => {
              r.where("j.heartbeatAt < :stale", { stale });
              // A runner whose process stopped beating is gone now, whatever its job's lease says.
              if (deadline) r.orWhere(claimantGoneSql("j.runnerId"), { deadline });
            }),
          );
        }),
      )
      .orderBy("j.id", "ASC")
      .take(5)
      .getMany();
    for (const candidate of candidates) {
      const resumed = candidate.state === BulkJobState.RUNNING;
      if (resumed && candidate.resumeCount >= this.maxResumes) {
        // Keeps its finished rows; the PENDING ones stay visible as not processed.
        await repo.update({ id: candidate.id, state: BulkJobState.RUNNING, runnerId: candidate.runnerId ?? undefined }, { state: BulkJobState.INTERRUPTED, finishedAt: new Date(), runnerId: null });
        this.logger.warn({ jobId: candidate.id }, "bulk job interrupted after repeated restarts");
        continue;
      }
      const now = new Date();
      // Compare-and-set on the state and the old claim: of two runners, one wins.
      const qb = repo
        .createQueryBuilder()
        .update(BulkJob)
        .set({ state: BulkJobState.RUNNING, runnerId: this.id, heartbeatAt: now, startedAt: candidate.startedAt ?? now, resumeCount: resumed ? candidate.resumeCount + 1 : candidate.resumeCount })
        .where("id = :id AND state = :state", { id: candidate.id, state: candidate.state });
      if (resumed) {
        qb.andWhere(
          new Brackets((r) => {
            r.where("heartbeatAt < :stale", { stale });
            if (deadline) r.orWhere(claimantGoneSql("runnerId"), { deadline });
          }),
        );
      }
      const { affected } = await qb.execute();
      if (affected === 1) {
        if (resumed) this.logger.info({ jobId: candidate.id, from: candidate.runnerId }, "bulk job resumed");
        return repo.findOneByOrFail({ id: candidate.id });
      }
    }
    return null;
  }

  private scopeFor(job: BulkJob): OrgScope {
    return OrgScope.open(this.dataSource, job.organizationId, {
      type: ActorType.STAFF,
      id: job.requestedByStaffId === null ? null : String(job.requestedByStaffId),
      label: `bulk job ${job.id}`,
      staffId: job.requestedByStaffId,
      ip: null,
      requestId: `bulk-job-${job.id}`,
    });
  }

  private async process(job: BulkJob): Promise<void> {
    const scope = this.scopeFor(job);
    // After a permanent error, the chunk's rows are taken one per transaction, so that only the row
    // at fault is FAILED (nothing changed for it) and the others are done.
    let oneByOne = 0;
    let transientFailures = 0;
    while (!this.stopping) {
      let finished: boolean;
      const size = oneByOne > 0 ? 1 : this.chunkSize;
      try {
        finished = await this.runChunk(job, scope, size, oneByOne > 0);
        transientFailures = 0;
        if (oneByOne > 0) oneByOne--;
      } catch (err) {
        if (isTransientDatabaseError(err) && transientFailures < this.maxTransientRetries) {
          // The connection was lost or killed, or a deadlock: the chunk's transaction is gone
          // whole, nothing of it was written; the same rows are taken again after a pause.
          transientFailures++;
          const waitMs = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** (transientFailures - 1));
          this.logger.warn({ err, jobId: job.id, attempt: transientFailures, waitMs }, "bulk job chunk hit a transient database error; retrying");
          await new Promise((resolve) => setTimeout(resolve, waitMs * (0.5 + Math.random() / 2)));
          continue;
        }
        if (!isTransientDatabaseError(err) && size > 1) {
          this.logger.error({ err, jobId: job.id }, "bulk job chunk failed; its rows are redone one by one");
          oneByOne = size;
          continue;
        }
        this.logger.error({ err, jobId: job.id }, "bulk job chunk failed");
        await runInTransaction(this.dataSource, (m) => m.update(BulkJob, { id: job.id, runnerId: this.id }, { state: BulkJobState.FAILED, finishedAt: new Date() })).catch((e: unknown) =>
          // The database is still away: the lease runs out and the next runner resumes the job.
          this.logger.error({ err: e, jobId: job.id }, "bulk job could not be marked failed"),
        );
        return;
      }
      if (finished) {
        this.logger.info({ jobId: job.id }, "bulk job done");
        return;
      }
      this.afterChunk(job);
    }
    // Stopping: release the lease so that the next runner resumes at once.
    await runInTransaction(this.dataSource, (m) => m.update(BulkJob, { id: job.id, runnerId: this.id, state: BulkJobState.RUNNING }, { heartbeatAt: new Date(0) }));
  }

  /**
   * One chunk in one transaction: reading the next PENDING rows, deciding and writing them through
   * the access core, and recording their outcomes commit together, so a crash never leaves a row
   * done but unreported (or reported but undone). With `lastResort`, a row whose chunk of one still
   * throws a permanent error is recorded FAILED in a transaction of its own. Returns true when the
   * job has no PENDING row left (and is marked DONE).
   */
  private async runChunk(job: BulkJob, scope: OrgScope, size: number, lastResort: boolean): Promise<boolean> {
    const started = performance.now();
    const onUnexpected = (err: unknown) => this.logger.error({ err, jobId: job.id }, "bulk job row failed");
    const work = (failRow: boolean) =>
      runInTransaction(this.dataSource, async (manager) => {
        const tx = new OrgScope(this.dataSource, manager, scope.organizationId, scope.actor);
        const pending = await tx.find(BulkJobItem, { where: { jobId: job.id, outcome: BulkJobOutcome.PENDING }, order: { id: "ASC" }, take: size, select: { id: true, patientId: true } });
        if (pending.length === 0) {
          await tx.update(BulkJob, { id: job.id, runnerId: this.id }, { state: BulkJobState.DONE, finishedAt: new Date(), heartbeatAt: new Date() });
          return true;
        }
        const results = failRow
          ? pending.map((item) => ({ itemId: item.id, result: { outcome: BulkJobOutcome.FAILED, reason: null, message: "Unexpected error; nothing was changed for this patient." } }))
          : await this.service.processChunk(tx, job, pending, onUnexpected);
        await this.service.recordChunk(tx, job, results, this.id);
        this.logger.debug({ jobId: job.id, rows: pending.length, ms: Math.round(performance.now() - started) }, "bulk job chunk done");
        return false;
      });
    try {
      return await work(false);
    } catch (err) {
      if (!lastResort || isTransientDatabaseError(err)) throw err;
      onUnexpected(err);
      return work(true);
    }
  }
}
