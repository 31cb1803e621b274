import crypto from "node:crypto";
import { Brackets, type DataSource, type EntityManager } from "typeorm";
import { ActorType, BulkJobOutcome, BulkJobState } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { runInTransaction } from "../../db/transaction";
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
    return new OrgScope(this.dataSource, this.dataSource.manager, job.organizationId, {
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
    while (!this.stopping) {
      let finished: boolean;
      try {
        // Reading the next rows, deciding them, and recording their outcomes form one transaction
        // (on SQLite, whose single connection is shared, every write must go through the queue).
        const started = performance.now();
        finished = await runInTransaction(this.dataSource, async (manager) => {
          const pending = await manager.find(BulkJobItem, { where: { jobId: job.id, outcome: BulkJobOutcome.PENDING }, order: { id: "ASC" }, take: this.chunkSize, select: { id: true, patientId: true } });
          if (pending.length === 0) {
            await manager.update(BulkJob, { id: job.id, runnerId: this.id }, { state: BulkJobState.DONE, finishedAt: new Date(), heartbeatAt: new Date() });
            return true;
          }
          const tx = new OrgScope(this.dataSource, manager, scope.organizationId, scope.actor);
          const results = await this.service.processChunkSafely(tx, job, pending, (err) => this.logger.error({ err, jobId: job.id }, "bulk job row failed"));
          await this.service.recordChunk(tx, job, results, this.id);
          this.logger.debug({ jobId: job.id, rows: pending.length, decidedMs: Math.round(performance.now() - started) }, "bulk job chunk decided");
          return false;
        });
        if (!finished) this.logger.debug({ jobId: job.id, committedMs: Math.round(performance.now() - started) }, "bulk job chunk committed");
      } catch (err) {
        this.logger.error({ err, jobId: job.id }, "bulk job chunk failed");
        await runInTransaction(this.dataSource, (m) => m.update(BulkJob, { id: job.id, runnerId: this.id }, { state: BulkJobState.FAILED, finishedAt: new Date() }));
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
}
