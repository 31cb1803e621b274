import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../db/columns";

export type OutboxStatus = "PENDING" | "SENDING" | "SENT" | "FAILED";

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
