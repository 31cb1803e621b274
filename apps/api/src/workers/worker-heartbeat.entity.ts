import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "../db/columns";

/**
 * One row per running API process: it proves the process is alive by moving `beatAt` forward every
 * second. Outbox rows and bulk jobs name their claimant by this id, so a claim whose process stopped
 * beating is taken over at once instead of after a lease.
 */
@Entity("worker_heartbeats")
@Index("ix_worker_heartbeats_beat", ["beatAt"])
export class WorkerHeartbeatRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 255 })
  hostname: string;

  @Column({ type: "int" })
  pid: number;

  @TimestampColumn()
  startedAt: Date;

  @TimestampColumn()
  beatAt: Date;

  // Set by a graceful stop: the claims it could not finish were handed back, any left are free at once.
  @TimestampColumn({ nullable: true })
  stoppedAt: Date | null;
}
