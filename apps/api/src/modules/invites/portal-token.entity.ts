import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

// EMAIL: confirms a pending change of the login email, sent to the new address (rule 18).
export type PortalTokenKind = "INVITE" | "RESET" | "EMAIL";
// CODE: a front-desk activation code (rule 23), typed at /portal/activate; kept as an HMAC, since 8 characters are not a 256-bit token.
export type PortalTokenMethod = "LINK" | "TEMPORARY_PASSWORD" | "CODE";

/**
 * A single-use invite, password-reset or login-email confirmation token. Only the SHA-256 of the 256-bit random token is kept:
 * the raw token lives in the email link alone, so a database leak opens no account.
 */
@Entity("portal_tokens")
@Index("uq_portal_tokens_hash", ["tokenHash"], { unique: true })
@Index("ix_portal_tokens_org_account", ["organizationId", "accountId", "kind"])
export class PortalToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "int" })
  accountId: number;

  // The patient whose date of birth the invite checks: the account holder's own record for a SELF
  // grant, the patient they will see for a PROXY grant (rule 8). Null for password resets.
  @Column({ type: "int", nullable: true })
  patientId: number | null;

  @Column({ type: "varchar", length: 8 })
  kind: PortalTokenKind;

  // How the invite was delivered; a temporary-password invite is completed by the forced change.
  @Column({ type: "varchar", length: 24, default: "LINK" })
  method: PortalTokenMethod;

  @Column({ type: "varchar", length: 64 })
  tokenHash: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  usedAt: Date | null;

  @Column({ type: "int", default: 0 })
  failedDobAttempts: number;

  // Locked after too many wrong dates of birth: only a new invite from staff helps.
  @TimestampColumn({ nullable: true })
  lockedAt: Date | null;

  // Replaced by a newer invite, or invalidated by a login email change (rule 14).
  @TimestampColumn({ nullable: true })
  voidedAt: Date | null;

  @Column({ type: "int", nullable: true })
  createdByStaffId: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
