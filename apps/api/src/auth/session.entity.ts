import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../db/columns";

export type SessionKind = "STAFF" | "PORTAL";

/**
 * A signed-in session. Kept in the database so that several API processes share them, and so that
 * revoking or disabling a portal account ends its sessions at once (delete by principal).
 */
@Entity("sessions")
@Index("ix_sessions_principal", ["kind", "principalId"])
@Index("ix_sessions_expires", ["expiresAt"])
export class Session {
  // SHA-256 of the cookie value: a database leak yields no usable session.
  @PrimaryColumn({ type: "varchar", length: 64 })
  idHash: string;

  @Column({ type: "varchar", length: 8 })
  kind: SessionKind;

  @Column({ type: "int" })
  principalId: number;

  @Column({ type: "int" })
  organizationId: number;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn()
  expiresAt: Date;

  // The last request seen on this session, for the idle timeout. Written at most once a minute
  // (SessionService.touch), so a request rarely costs a write; null on sessions older than the column.
  @TimestampColumn({ nullable: true })
  lastSeenAt: Date | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  ip: string | null;

  // The second factor passed at sign-in (TOTP, RECOVERY_CODE, EMAIL), or null when none was asked.
  @Column({ type: "varchar", length: 16, nullable: true })
  secondFactor: string | null;
}
