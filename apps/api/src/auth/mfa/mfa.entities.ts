import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";
import type { SessionKind } from "../session.entity";

/** How a second factor is proven: a code from an authenticator app, or (portal only) a code sent by email. */
export type MfaMethod = "TOTP" | "EMAIL";

/**
 * One person's second factor (a staff member or a portal account: `principalKind` + `principalId`).
 * A TOTP factor exists unconfirmed from the start of enrollment until the first code proves the
 * authenticator holds the secret; only a confirmed factor is asked for at sign-in.
 */
@Entity("mfa_factors")
@Index("uq_mfa_factors_principal", ["principalKind", "principalId"], { unique: true })
export class MfaFactor {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "varchar", length: 8 })
  principalKind: SessionKind;

  @Column({ type: "int" })
  principalId: number;

  @Column({ type: "varchar", length: 8 })
  method: MfaMethod;

  // The TOTP secret, sealed with AES-256-GCM (SecretBox): the authenticator needs it back, so it
  // cannot be hashed; a database leak alone does not yield codes.
  @Column({ type: "text", nullable: true })
  secretSealed: string | null;

  @TimestampColumn({ nullable: true })
  confirmedAt: Date | null;

  // The last TOTP time step accepted: a code of that step or an earlier one is refused (no replay).
  @Column({ type: "int", nullable: true })
  lastUsedStep: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/** A single-use recovery code of a staff member's TOTP factor; only its SHA-256 is kept. */
@Entity("mfa_recovery_codes")
@Index("ix_mfa_recovery_codes_principal", ["principalKind", "principalId"])
@Index("uq_mfa_recovery_codes_hash", ["codeHash"], { unique: true })
export class MfaRecoveryCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "varchar", length: 8 })
  principalKind: SessionKind;

  @Column({ type: "int" })
  principalId: number;

  // SHA-256 of the normalized code (80 random bits: high entropy, so a fast hash is enough).
  @Column({ type: "varchar", length: 64 })
  codeHash: string;

  @TimestampColumn({ nullable: true })
  usedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

/**
 * The state between a correct password and the second step: not a session. Its cookie opens nothing
 * but the second-step routes, for a few minutes; the table keeps the HMAC of the cookie value.
 * `purpose` ENROLL: the organization requires MFA and the person has none yet, so the only thing the
 * pending cookie allows is to enroll.
 */
@Entity("mfa_challenges")
@Index("ix_mfa_challenges_expires", ["expiresAt"])
export class MfaChallenge {
  @PrimaryColumn({ type: "varchar", length: 64 })
  idHash: string;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "varchar", length: 8 })
  principalKind: SessionKind;

  @Column({ type: "int" })
  principalId: number;

  @Column({ type: "varchar", length: 8 })
  purpose: "VERIFY" | "ENROLL";

  // argon2id of the 6-digit code emailed to a portal account (low entropy, so a slow hash).
  @Column({ type: "varchar", length: 255, nullable: true })
  emailCodeHash: string | null;

  @TimestampColumn({ nullable: true })
  emailCodeExpiresAt: Date | null;

  @TimestampColumn({ nullable: true })
  emailCodeSentAt: Date | null;

  // Wrong codes against this challenge, counted before each check (5 allowed).
  @Column({ type: "int", default: 0 })
  attempts: number;

  @TimestampColumn()
  expiresAt: Date;

  @CreatedAtColumn()
  createdAt: Date;
}
