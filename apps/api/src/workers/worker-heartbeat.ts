import crypto from "node:crypto";
import os from "node:os";
import { LessThan, type DataSource } from "typeorm";
import type { Logger } from "../logger";
import { WorkerHeartbeatRow } from "./worker-heartbeat.entity";

export interface WorkerHeartbeatOptions {
  /** How often the row is refreshed. */
  beatMs?: number;
  /**
   * A process whose last beat is older than this is gone, and its claims are taken over. Several
   * beats long, so that one slow statement (a busy database, a long GC pause) is not taken for a
   * death; all processes compare against their own clock, so hosts must keep time (NTP) well within it.
   */
  deadAfterMs?: number;
  id?: string;
}

export const DEFAULT_BEAT_MS = 1_000;
export const DEFAULT_DEAD_AFTER_MS = 5_000;

/**
 * The process's liveness in the database. `start()` inserts the row and beats in the background;
 * `stop()` marks the row stopped (its remaining claims, if any, are then free at once). A process
 * killed without warning simply stops beating: `deadAfterMs` later, the others take over its work.
 */
export class WorkerHeartbeat {
  readonly id: string;
  readonly beatMs: number;
  readonly deadAfterMs: number;
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    options: WorkerHeartbeatOptions = {},
  ) {
    this.beatMs = options.beatMs ?? DEFAULT_BEAT_MS;
    this.deadAfterMs = options.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
    this.id = options.id ?? `${os.hostname().slice(0, 40)}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  }

  get running(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (this.started) return;
    const now = new Date();
    await this.dataSource.getRepository(WorkerHeartbeatRow).insert({ id: this.id, hostname: os.hostname().slice(0, 255), pid: process.pid, startedAt: now, beatAt: now, stoppedAt: null });
    this.started = true;
    this.schedule();
    // Rows of processes gone for a day are of no use to anyone (their claims were taken over long ago).
    await this.dataSource
      .getRepository(WorkerHeartbeatRow)
      .delete({ beatAt: LessThan(new Date(Date.now() - 24 * 3600_000)) })
      .catch((err) => this.logger.warn({ err }, "old worker heartbeats not purged"));
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.beating = this.beat().finally(() => {
        this.beating = null;
        if (this.started) this.schedule();
      });
    }, this.beatMs);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    try {
      await this.dataSource.getRepository(WorkerHeartbeatRow).update({ id: this.id }, { beatAt: new Date() });
    } catch (err) {
      // A missed beat or two is harmless; only `deadAfterMs` of silence counts as death.
      this.logger.warn({ err }, "worker heartbeat failed");
    }
  }

  /** Stops beating and marks the process stopped. Call after the workers handed back their claims. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    await this.beating;
    await this.dataSource.getRepository(WorkerHeartbeatRow).update({ id: this.id }, { stoppedAt: new Date(), beatAt: new Date(0) });
  }

  /** The oldest beat of a live process: claimants that beat before this (or stopped) are gone. */
  deadline(now = Date.now()): Date {
    return new Date(now - this.deadAfterMs);
  }
}

/**
 * SQL condition "the claimant named by `column` is known to be gone": its heartbeat row exists and
 * is stale (a row marked stopped has `beatAt` at the epoch). A claimant without any row (a test's
 * worker, a process older than heartbeats) is not known to be gone; its claim waits for its lease.
 */
export function claimantGoneSql(column: string, deadlineParam = "deadline"): string {
  return `${column} IN (SELECT h.id FROM worker_heartbeats h WHERE h.beatAt < :${deadlineParam})`;
}
