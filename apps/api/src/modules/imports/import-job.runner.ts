import crypto from "node:crypto";
import { type DataSource, IsNull, LessThan } from "typeorm";
import { OrgScope } from "../../db/org-scope";
import { isRetryableTransactionError, runInTransaction } from "../../db/transaction";
import type { Logger } from "../../logger";
import { audit } from "../audit/audit.service";
import { ImportJob, ImportJobRow, ImportJobState, ImportRowOutcome } from "./import-job.entity";
import { IMPORT_CHUNK, type ImportService } from "./import.service";

export interface ImportJobRunnerOptions {
  chunkSize?: number;
  /** A RUNNING import whose heartbeat is older than this belongs to a dead process and is resumed. */
  leaseMs?: number;
  pollMs?: number;
  /** Called after each committed chunk (tests stop a runner mid-import with it). */
  afterChunk?: (job: ImportJob) => void;
}

/**
 * Writes confirmed imports in the background, one chunk per transaction: a chunk's patients, its
 * rows' outcomes and the job's counters commit together, so a crash never leaves a row written but
 * unreported. A RUNNING import whose runner died is resumed from its PENDING rows.
 */
export class ImportJobRunner {
  readonly id = `import-runner-${crypto.randomUUID()}`;
  private readonly chunkSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly afterChunk: (job: ImportJob) => void;
  private running = false;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly service: ImportService,
    private readonly logger: Logger,
    options: ImportJobRunnerOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? IMPORT_CHUNK;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.afterChunk = options.afterChunk ?? (() => undefined);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.service.onJobQueued = () => this.wakeUp?.();
    this.loop = this.run();
  }

  /** Finishes the chunk in hand and releases the import, so the next start resumes it at once. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    this.running = false;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (err) {
        this.logger.error({ err }, "import runner error");
      }
      if (!worked && !this.stopping) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          setTimeout(resolve, this.pollMs).unref();
        });
        this.wakeUp = null;
      }
    }
  }

  /** Claims one import (queued, or running under a stale lease) and writes it; false when there is none. */
  async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.process(job);
    return true;
  }

  private claim(): Promise<ImportJob | null> {
    return runInTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(ImportJob);
      const stale = new Date(Date.now() - this.leaseMs);
      const candidates = await repo.find({ where: [{ state: ImportJobState.QUEUED }, { state: ImportJobState.RUNNING, heartbeatAt: LessThan(stale) }, { state: ImportJobState.RUNNING, heartbeatAt: IsNull() }], order: { id: "ASC" }, take: 5 });
      for (const candidate of candidates) {
        const resumed = candidate.state === ImportJobState.RUNNING;
        const now = new Date();
        // Compare-and-set on the state and the old lease: of two runners, one wins.
        const qb = repo
          .createQueryBuilder()
          .update(ImportJob)
          .set({ state: ImportJobState.RUNNING, runnerId: this.id, heartbeatAt: now, startedAt: candidate.startedAt ?? now, resumeCount: resumed ? candidate.resumeCount + 1 : candidate.resumeCount })
          .where("id = :id AND state = :state", { id: candidate.id, state: candidate.state });
        if (resumed) qb.andWhere("(heartbeatAt IS NULL OR heartbeatAt < :stale)", { stale });
        const { affected } = await qb.execute();
        if (affected === 1) {
          if (resumed) this.logger.info({ importJobId: candidate.id }, "import resumed");
          return repo.findOneByOrFail({ id: candidate.id });
        }
      }
      return null;
    });
  }

  private async process(job: ImportJob): Promise<void> {
    const scope = this.service.scopeFor(this.dataSource, job);
    while (!this.stopping) {
      let finished: boolean;
      try {
        finished = await runInTransaction(this.dataSource, async (manager) => {
          const tx = new OrgScope(this.dataSource, manager, scope.organizationId, scope.actor);
          const pending = await tx.find(ImportJobRow, { where: { jobId: job.id, outcome: ImportRowOutcome.PENDING }, order: { id: "ASC" }, take: this.chunkSize });
          if (!pending.length) {
            await tx.update(ImportJob, { id: job.id, runnerId: this.id }, { state: ImportJobState.DONE, finishedAt: new Date(), heartbeatAt: new Date(), activeSlot: null } as never);
            const done = (await tx.findOneBy(ImportJob, { id: job.id }))!;
            await audit(tx, { action: "import.finished", targetType: "ImportJob", targetId: job.id, after: { created: done.created, updated: done.updated, unchanged: done.unchanged, refused: done.refused, failed: done.failed } });
            return true;
          }
          await this.chunkSafely(tx, job, pending);
          return false;
        });
      } catch (err) {
        if (isRetryableTransactionError(err)) continue;
        this.logger.error({ err, importJobId: job.id }, "import chunk failed");
        await runInTransaction(this.dataSource, (m) => m.update(ImportJob, { id: job.id, runnerId: this.id }, { state: ImportJobState.FAILED, finishedAt: new Date(), activeSlot: null } as never));
        return;
      }
      if (finished) {
        try {
          await this.service.finish(scope, job);
        } catch (err) {
          this.logger.error({ err, importJobId: job.id }, "import hand-off to bulk onboarding failed");
        }
        this.logger.info({ importJobId: job.id }, "import done");
        return;
      }
      this.afterChunk(job);
    }
    // Stopping: release the lease so that the next runner resumes at once.
    await runInTransaction(this.dataSource, (m) => m.update(ImportJob, { id: job.id, runnerId: this.id, state: ImportJobState.RUNNING }, { heartbeatAt: new Date(0) }));
  }

  /**
   * A chunk in a savepoint; should it fail unexpectedly, it is redone row by row so that only the row
   * at fault is marked FAILED, with nothing changed for it.
   */
  private async chunkSafely(tx: OrgScope, job: ImportJob, rows: ImportJobRow[]): Promise<void> {
    try {
      await tx.savepoint((sp) => this.service.processChunk(sp, job, rows, this.id));
      return;
    } catch (err) {
      if (isRetryableTransactionError(err)) throw err;
      if (rows.length > 1) {
        for (const row of rows) await this.chunkSafely(tx, job, [row]);
        return;
      }
      this.logger.error({ err, importJobId: job.id, rowNumber: rows[0].rowNumber }, "import row failed");
      await tx.update(ImportJobRow, { id: rows[0].id }, { outcome: ImportRowOutcome.FAILED, processedAt: new Date(), problems: [{ code: "INVALID_INPUT", field: null, message: "Unexpected error; nothing was changed for this row." }] } as never);
      await tx.query("UPDATE import_jobs SET failed = failed + 1, processed = processed + 1 WHERE id = ? AND organizationId = ?", [job.id, tx.organizationId]);
    }
  }
}
