import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

/** What a staff token opens: for now the emailed invite that sets a new member's first password. */
export type StaffTokenKind = "INVITE";

/**
 * A single-use staff invite token. Only the SHA-256 of the 256-bit random token is kept: the raw token
 * lives in the email link alone, so a database leak opens no staff account.
 */
@Entity("staff_tokens")
@Index("uq_staff_tokens_hash", ["tokenHash"], { unique: true })
@Index("ix_staff_tokens_org_user", ["organizationId", "staffUserId", "kind"])
export class StaffToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "int" })
  staffUserId: number;

  @Column({ type: "varchar", length: 8 })
  kind: StaffTokenKind;

  @Column({ type: "varchar", length: 64 })
  tokenHash: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  usedAt: Date | null;

  // Replaced by a newer invite (resend).
  @TimestampColumn({ nullable: true })
  voidedAt: Date | null;

  @Column({ type: "int", nullable: true })
  createdByStaffId: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
