import { IsNull, LessThan } from "typeorm";
import type { DataSource } from "typeorm";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimiterRes } from "rate-limiter-flexible";
import { UserErrorCode } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import type { SecretBox } from "../../email/secret-box";
import { fail } from "../../graphql/user-error";
import { audit } from "../../modules/audit/audit.service";
import { createRateLimiter } from "../../security/rate-limiter";
import { retryMessage } from "../rate-limits";
import type { SessionKind } from "../session.entity";
import { hmacSha256, randomToken } from "../tokens";
import { MfaChallenge, MfaFactor, MfaRecoveryCode, type MfaMethod } from "./mfa.entities";
import { matchTotp, newRecoveryCode, newTotpSecret, normalizeCode, qrCodeSvg, RECOVERY_CODE_COUNT, recoveryCodeHash, totpUri } from "./totp";

/** Second-step cookies: they open the second-step routes only, never the API. */
export const STAFF_MFA_COOKIE = "pa_staff_mfa";
export const PORTAL_MFA_COOKIE = "pa_portal_mfa";
/** How long the second step may take after a correct password (also an emailed code's lifetime). */
export const CHALLENGE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed on one pending sign-in, and per person per window across sign-ins. */
export const MFA_MAX_ATTEMPTS = 5;
const MFA_WINDOW_SECONDS = 15 * 60;

/** Who is proving a second factor: a staff member or a portal account. */
export interface MfaPrincipal {
  kind: SessionKind;
  id: number;
  organizationId: number;
  /** Shown in the authenticator app (the sign-in email). */
  label: string;
}

/** What a second step was passed with, as the session records it. */
export type SecondFactor = "TOTP" | "RECOVERY_CODE" | "EMAIL";

export interface StartedEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** Thrown when the per-person limit of wrong codes is spent (HTTP 429 / RATE_LIMITED). */
export class MfaRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(retryMessage(retryAfterSeconds));
  }
}

/**
 * Second factors (SPEC rule 18): TOTP enrollment with recovery codes for staff and portal
 * accounts, emailed codes for portal accounts, and the pending step between password and session.
 * Every guess is counted before it is checked, per person, on the shared limiter store.
 */
export class MfaService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly cookieSecret: string,
  ) {
    this.limiter = createRateLimiter(dataSource, { keyPrefix: "mfa", points: MFA_MAX_ATTEMPTS, durationSec: MFA_WINDOW_SECONDS });
  }

  private key(p: { kind: SessionKind; id: number }): string {
    return `${p.kind}:${p.id}`;
  }

  /** Spends one guess of this person before a code is checked; throws MfaRateLimited when none is left. */
  private async spendGuess(p: { kind: SessionKind; id: number }): Promise<void> {
    try {
      await this.limiter.consume(this.key(p));
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new MfaRateLimited(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      throw err;
    }
  }

  private async refundGuess(p: { kind: SessionKind; id: number }): Promise<void> {
    await this.limiter.reward(this.key(p), 1);
  }

  factorOf(kind: SessionKind, principalId: number): Promise<MfaFactor | null> {
    return this.dataSource.getRepository(MfaFactor).findOneBy({ principalKind: kind, principalId });
  }

  /** The confirmed factor's method, or null when two-factor sign-in is off. */
  async methodOf(kind: SessionKind, principalId: number): Promise<MfaMethod | null> {
    const factor = await this.factorOf(kind, principalId);
    return factor?.confirmedAt ? factor.method : null;
  }

  /** Which of these staff members have two-factor sign-in on (one statement for a list). */
  async enabledAmong(kind: SessionKind, principalIds: number[]): Promise<Set<number>> {
    if (principalIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(MfaFactor)
      .createQueryBuilder("f")
      .select("f.principalId", "principalId")
      .where("f.principalKind = :kind AND f.principalId IN (:...ids) AND f.confirmedAt IS NOT NULL", { kind, ids: principalIds })
      .getRawMany<{ principalId: number }>();
    return new Set(rows.map((r) => Number(r.principalId)));
  }

  async remainingRecoveryCodes(kind: SessionKind, principalId: number): Promise<number> {
    return this.dataSource.getRepository(MfaRecoveryCode).countBy({ principalKind: kind, principalId, usedAt: IsNull() });
  }

  // ---- TOTP enrollment -------------------------------------------------------------------------

  /** A new secret, kept unconfirmed until a first code proves the authenticator holds it. */
  async startEnrollment(p: MfaPrincipal): Promise<StartedEnrollment> {
    const repo = this.dataSource.getRepository(MfaFactor);
    const existing = await this.factorOf(p.kind, p.id);
    if (existing?.confirmedAt) fail(UserErrorCode.MFA_ALREADY_ENABLED, "Two-factor sign-in is already on. Turn it off first to use another authenticator.");
    const secret = newTotpSecret();
    const secretSealed = this.box.seal({ totp: secret });
    if (existing) await repo.update({ id: existing.id, confirmedAt: IsNull() }, { method: "TOTP", secretSealed, lastUsedStep: null });
    else await repo.insert({ organizationId: p.organizationId, principalKind: p.kind, principalId: p.id, method: "TOTP", secretSealed, confirmedAt: null, lastUsedStep: null });
    const otpauthUri = totpUri(secret, p.label);
    return { secret, otpauthUri, qrCodeSvg: await qrCodeSvg(otpauthUri) };
  }

  /**
   * Checks a TOTP code of this factor (counted first) and claims its time step in one conditional
   * UPDATE, so the same code is accepted once even by two simultaneous requests.
   */
  private async checkTotp(factor: MfaFactor, code: string): Promise<boolean> {
    if (!factor.secretSealed) return false;
    const step = await matchTotp(this.box.open(factor.secretSealed).totp, code.trim(), factor.lastUsedStep);
    if (step === null) return false;
    const claimed = await this.dataSource
      .getRepository(MfaFactor)
      .createQueryBuilder()
      .update(MfaFactor)
      .set({ lastUsedStep: step })
      .where("id = :id AND (lastUsedStep IS NULL OR lastUsedStep < :step)", { id: factor.id, step })
      .execute();
    return (claimed.affected ?? 0) === 1;
  }

  /** Uses one recovery code of this person, once (a conditional UPDATE claims it). */
  private async useRecoveryCode(p: { kind: SessionKind; id: number }, code: string): Promise<boolean> {
    if (normalizeCode(code).length !== 16) return false;
    const used = await this.dataSource
      .getRepository(MfaRecoveryCode)
      .createQueryBuilder()
      .update(MfaRecoveryCode)
      .set({ usedAt: new Date() })
      .where("codeHash = :hash AND principalKind = :kind AND principalId = :id AND usedAt IS NULL", { hash: recoveryCodeHash(code), kind: p.kind, id: p.id })
      .execute();
    return (used.affected ?? 0) === 1;
  }

  /** A guess of another secret in an MFA change (a password), limited like codes; RATE_LIMITED when spent. */
  guessWith(p: { kind: SessionKind; id: number }, check: () => Promise<boolean>): Promise<boolean> {
    return this.guessOrLimited(p, check);
  }

  /** A guess at a code, counted before it is checked and refunded when right. */
  private async guess(p: { kind: SessionKind; id: number }, check: () => Promise<boolean>): Promise<boolean> {
    await this.spendGuess(p);
    const ok = await check();
    if (ok) await this.refundGuess(p);
    return ok;
  }

  private async newRecoveryCodes(tx: OrgScope, p: MfaPrincipal): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.manager.delete(MfaRecoveryCode, { principalKind: p.kind, principalId: p.id });
    await tx.manager.insert(
      MfaRecoveryCode,
      codes.map((c) => ({ organizationId: p.organizationId, principalKind: p.kind, principalId: p.id, codeHash: recoveryCodeHash(c), usedAt: null })),
    );
    return codes;
  }

  private auditPrefix(kind: SessionKind): string {
    return kind === "STAFF" ? "staff" : "portal";
  }

  /** The first code turns the factor on; returns the ten recovery codes, shown this once. */
  async confirmEnrollment(scope: OrgScope, p: MfaPrincipal, code: string): Promise<{ recoveryCodes: string[] }> {
    const factor = await this.factorOf(p.kind, p.id);
    if (!factor || factor.method !== "TOTP") fail(UserErrorCode.MFA_NOT_ENABLED, "Start the enrollment first.", "code");
    if (factor!.confirmedAt) fail(UserErrorCode.MFA_ALREADY_ENABLED, "Two-factor sign-in is already on.", "code");
    if (!(await this.guessOrLimited(p, () => this.checkTotp(factor!, code)))) fail(UserErrorCode.MFA_CODE_INVALID, "That code is not right. Enter the 6 digits your authenticator app shows now.", "code");
    return scope.transaction(async (tx) => {
      await tx.manager.update(MfaFactor, { id: factor!.id }, { confirmedAt: new Date() });
      const recoveryCodes = await this.newRecoveryCodes(tx, p);
      await audit(tx, { action: `${this.auditPrefix(p.kind)}.mfa_enabled`, targetType: p.kind === "STAFF" ? "StaffUser" : "PortalAccount", targetId: p.id, after: { method: "TOTP" } });
      return { recoveryCodes };
    });
  }

  /** For GraphQL callers: a spent limit is a RATE_LIMITED user error. */
  private async guessOrLimited(p: { kind: SessionKind; id: number }, check: () => Promise<boolean>): Promise<boolean> {
    try {
      return await this.guess(p, check);
    } catch (err) {
      if (err instanceof MfaRateLimited) fail(UserErrorCode.RATE_LIMITED, err.message, "code");
      throw err;
    }
  }

  /** A current TOTP code (or, for a lost phone, a recovery code) of an enabled factor. */
  private async requireCurrentCode(p: MfaPrincipal, code: string): Promise<MfaFactor> {
    const factor = await this.factorOf(p.kind, p.id);
    if (!factor?.confirmedAt) fail(UserErrorCode.MFA_NOT_ENABLED, "Two-factor sign-in is not on.", "code");
    const ok = await this.guessOrLimited(p, async () => (factor!.method === "TOTP" && (await this.checkTotp(factor!, code))) || (await this.useRecoveryCode(p, code)));
    if (!ok) fail(UserErrorCode.MFA_CODE_INVALID, "That code is not right.", "code");
    return factor!;
  }

  async regenerateRecoveryCodes(scope: OrgScope, p: MfaPrincipal, code: string): Promise<{ recoveryCodes: string[] }> {
    await this.requireCurrentCode(p, code);
    return scope.transaction(async (tx) => {
      const recoveryCodes = await this.newRecoveryCodes(tx, p);
      await audit(tx, { action: `${this.auditPrefix(p.kind)}.mfa_recovery_codes_regenerated`, targetType: p.kind === "STAFF" ? "StaffUser" : "PortalAccount", targetId: p.id });
      return { recoveryCodes };
    });
  }

  /** Turns two-factor sign-in off with a current code, unless the organization requires it. */
  async disable(scope: OrgScope, p: MfaPrincipal, code: string, required: boolean): Promise<void> {
    if (required) fail(UserErrorCode.MFA_REQUIRED, "Your organization requires two-factor sign-in: it cannot be turned off.");
    const factor = await this.requireCurrentCode(p, code);
    await scope.transaction(async (tx) => {
      await this.remove(tx, p);
      await audit(tx, { action: `${this.auditPrefix(p.kind)}.mfa_disabled`, targetType: p.kind === "STAFF" ? "StaffUser" : "PortalAccount", targetId: p.id, before: { method: factor.method } });
    });
  }

  /** Removes a person's factor and recovery codes (in the caller's transaction). */
  async remove(tx: OrgScope, p: { kind: SessionKind; id: number }): Promise<boolean> {
    const removed = await tx.manager.delete(MfaFactor, { principalKind: p.kind, principalId: p.id });
    await tx.manager.delete(MfaRecoveryCode, { principalKind: p.kind, principalId: p.id });
    return (removed.affected ?? 0) > 0;
  }

  /** Turns the emailed-code method on (portal accounts): nothing to confirm, the login email is proven. */
  async enableEmail(scope: OrgScope, p: MfaPrincipal): Promise<void> {
    await scope.transaction(async (tx) => {
      const existing = await tx.manager.findOneBy(MfaFactor, { principalKind: p.kind, principalId: p.id });
      if (existing?.confirmedAt) fail(UserErrorCode.MFA_ALREADY_ENABLED, "Two-factor sign-in is already on. Turn it off first to change the method.");
      await this.remove(tx, p);
      await tx.manager.insert(MfaFactor, { organizationId: p.organizationId, principalKind: p.kind, principalId: p.id, method: "EMAIL", secretSealed: null, confirmedAt: new Date(), lastUsedStep: null });
      await audit(tx, { action: `${this.auditPrefix(p.kind)}.mfa_enabled`, targetType: "PortalAccount", targetId: p.id, after: { method: "EMAIL" } });
    });
  }

  // ---- The pending second step -----------------------------------------------------------------

  private challengeHash(token: string): string {
    return hmacSha256(this.cookieSecret, `mfa:${token}`);
  }

  /** Starts the second step after a correct password; the cookie value is returned once. */
  async createChallenge(p: { kind: SessionKind; id: number; organizationId: number }, purpose: "VERIFY" | "ENROLL"): Promise<{ token: string; challenge: MfaChallenge }> {
    const token = randomToken();
    const repo = this.dataSource.getRepository(MfaChallenge);
    // One pending sign-in per person: a new password step replaces the previous one.
    await repo.delete({ principalKind: p.kind, principalId: p.id });
    const challenge = repo.create({
      idHash: this.challengeHash(token),
      organizationId: p.organizationId,
      principalKind: p.kind,
      principalId: p.id,
      purpose,
      emailCodeHash: null,
      emailCodeExpiresAt: null,
      emailCodeSentAt: null,
      attempts: 0,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    await repo.insert(challenge);
    return { token, challenge };
  }

  async findChallenge(kind: SessionKind, token: string | undefined): Promise<MfaChallenge | null> {
    if (!token || token.length > 100) return null;
    const challenge = await this.dataSource.getRepository(MfaChallenge).findOneBy({ idHash: this.challengeHash(token), principalKind: kind });
    if (!challenge || challenge.expiresAt.getTime() <= Date.now()) return null;
    return challenge;
  }

  /** Counts one attempt on the challenge before the check (a conditional UPDATE: at most 5, even in a burst). */
  private async spendChallengeAttempt(challenge: MfaChallenge): Promise<boolean> {
    const spent = await this.dataSource
      .getRepository(MfaChallenge)
      .createQueryBuilder()
      .update(MfaChallenge)
      .set({ attempts: () => "attempts + 1" })
      .where("idHash = :idHash AND attempts < :max", { idHash: challenge.idHash, max: MFA_MAX_ATTEMPTS })
      .execute();
    return (spent.affected ?? 0) === 1;
  }

  /**
   * The second step: a TOTP code, a recovery code or an emailed code against a pending sign-in.
   * Returns what was passed, or null for a wrong code; throws MfaRateLimited once the guesses are spent.
   * The challenge is consumed on success (single use).
   */
  async verifyChallenge(challenge: MfaChallenge, input: { code?: string; recoveryCode?: string }, checkEmailCode?: (challenge: MfaChallenge, code: string) => Promise<boolean>): Promise<SecondFactor | null> {
    const p = { kind: challenge.principalKind, id: challenge.principalId };
    if (challenge.purpose !== "VERIFY") return null;
    if (!(await this.spendChallengeAttempt(challenge))) throw new MfaRateLimited(Math.max(1, Math.ceil((challenge.expiresAt.getTime() - Date.now()) / 1000)));
    const factor = await this.factorOf(p.kind, p.id);
    if (!factor?.confirmedAt) return null;
    let passed: SecondFactor | null = null;
    await this.guess(p, async () => {
      if (input.recoveryCode !== undefined) passed = (await this.useRecoveryCode(p, input.recoveryCode)) ? "RECOVERY_CODE" : null;
      else if (input.code !== undefined && factor.method === "TOTP") passed = (await this.checkTotp(factor, input.code)) ? "TOTP" : null;
      else if (input.code !== undefined && factor.method === "EMAIL" && checkEmailCode) passed = (await checkEmailCode(challenge, input.code)) ? "EMAIL" : null;
      return passed !== null;
    });
    if (passed) await this.endChallenge(challenge);
    return passed;
  }

  /** The organization's required emailed code, for an account with no factor of its own (no recovery codes then). */
  async verifyImplicitEmail(challenge: MfaChallenge, code: string | undefined, checkEmailCode: (challenge: MfaChallenge, code: string) => Promise<boolean>): Promise<SecondFactor | null> {
    const p = { kind: challenge.principalKind, id: challenge.principalId };
    if (!(await this.spendChallengeAttempt(challenge))) throw new MfaRateLimited(Math.max(1, Math.ceil((challenge.expiresAt.getTime() - Date.now()) / 1000)));
    if (code === undefined) return null;
    const ok = await this.guess(p, () => checkEmailCode(challenge, code));
    if (ok) await this.endChallenge(challenge);
    return ok ? "EMAIL" : null;
  }

  async endChallenge(challenge: MfaChallenge): Promise<void> {
    await this.dataSource.getRepository(MfaChallenge).delete({ idHash: challenge.idHash });
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.getRepository(MfaChallenge).delete({ expiresAt: LessThan(new Date()) });
  }
}
