import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../db/columns";

/**
 * PENDING: waiting for its time. CLAIMED: a worker took it and has not called the provider yet
 * (nothing left the process: safe to hand to another worker). SENDING: its batch's call has started,
 * so the provider may have it: after a crash only these rows are in doubt, and are resolved by asking
 * the provider (see OutboxWorker). SENT / FAILED: done.
 */
export type OutboxStatus = "PENDING" | "CLAIMED" | "SENDING" | "SENT" | "FAILED";

/**
 * The durable outbox: a row is written in the same transaction as the change that causes the
 * email, and delivered by the worker after commit. The row, not the provider, is the source of truth.
 */
@Entity("outbox_messages")
@Index("ix_outbox_due", ["status", "nextAttemptAt"])
@Index("ix_outbox_org_account", ["organizationId", "accountId"])
@Index("uq_outbox_dedupe", ["dedupeKey"], { unique: true })
// Webhooks correlate a provider event with its row by message id (and recipient, for batches).
@Index("ix_outbox_provider_message", ["providerMessageId"])
// Claims of a process known to be gone are found by claimant.
@Index("ix_outbox_claimant", ["claimedBy", "status"])
@Index("ix_outbox_batch", ["batchId"])
export class OutboxMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "varchar", length: 16, default: "EMAIL" })
  channel: string;

  @Column({ type: "varchar", length: 40 })
  kind: string;

  @Column({ type: "varchar", length: 254 })
  toAddress: string;

  @Column({ type: "varchar", length: 8 })
  language: string;

  @Column({ type: "int", nullable: true })
  accountId: number | null;

  @Column({ type: "int", nullable: true })
  patientId: number | null;

  @JsonColumn()
  variables: Record<string, string>;

  // AES-GCM sealed secrets (see SecretBox); null once delivered.
  @Column({ type: "text", nullable: true })
  secretsSealed: string | null;

  // `<organizationId>:<key>`; unique so a re-run never queues the same email twice.
  @Column({ type: "varchar", length: 191, nullable: true })
  dedupeKey: string | null;

  @Column({ type: "varchar", length: 16, default: "PENDING" })
  status: OutboxStatus;

  @Column({ type: "int", default: 0 })
  attempts: number;

  @TimestampColumn()
  nextAttemptAt: Date;

  @Column({ type: "varchar", length: 64, nullable: true })
  claimedBy: string | null;

  @TimestampColumn({ nullable: true })
  claimedUntil: Date | null;

  /**
   * The provider call this row went out in (or may have): sent to Mailgun as the custom variable
   * `v:batch-id`, echoed in its events, so a worker can ask which recipients it accepted.
   */
  @Column({ type: "varchar", length: 40, nullable: true })
  batchId: string | null;

  /** When that call started: the events to look for are not older. */
  @TimestampColumn({ nullable: true })
  batchStartedAt: Date | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: "varchar", length: 255, nullable: true })
  providerMessageId: string | null;

  // What the provider later reported (delivered, failed, complained), from its webhooks.
  @Column({ type: "varchar", length: 16, nullable: true })
  deliveryStatus: string | null;

  @TimestampColumn({ nullable: true })
  deliveryUpdatedAt: Date | null;

  // The provider's reason for a failure (e.g. "bounce: 550 5.1.1"), without addresses.
  @Column({ type: "varchar", length: 255, nullable: true })
  deliveryReason: string | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
