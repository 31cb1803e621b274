import { In, IsNull, MoreThan } from "typeorm";
import type { DataSource } from "typeorm";
import { AccessType, ActorType, isIsoDate, type Language, isValidEmail, normalizeEmail, passwordProblem, type PortalPermission, UserErrorCode } from "@portal/schema";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { type LimitName, type LockAttempt, type RateLimits, retryMessage } from "../../auth/rate-limits";
import type { SessionService } from "../../auth/session.service";
import { OrgScope, type Actor } from "../../db/org-scope";
import { EmailKind } from "../../email/email.types";
import { UserFacingError, fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { InviteService } from "../invites/invite.service";
import { PortalToken } from "../invites/portal-token.entity";
import { findTokenByRaw, MAX_DOB_ATTEMPTS, voidPendingTokens } from "../invites/portal-tokens";
import { Organization } from "../organizations/organization.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { refreshAccounts } from "../portal-access/portal-status";
import { PortalRole } from "../portal-roles/portal-role.entity";


/** Where a public or portal request comes from, for limits and the audit log. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

// Self-service reset requests answer no faster than this, so timing does not tell which emails exist.
const RESET_REQUEST_MIN_MS = 300;
// A second self-service reset email to the same account within this window is not sent (mail bombing).
const RESET_REQUEST_COOLDOWN_MS = 2 * 60_000;

export type SignInOutcome =
  | { kind: "ok"; account: PortalAccount }
  | { kind: "invalid" }
  | { kind: "locked"; retryAfterSeconds: number }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "disabled" }
  | { kind: "no_access" }
  | { kind: "choose_organization"; organizations: { id: number; name: string }[] };

/** What a portal account sees of one grant: only what the grant's role permits. */
export interface PortalProfileView {
  grant: PortalGrant;
  patient: Patient;
  role: PortalRole;
  /** The account holder's own record, not a sibling linked to the same login (rule 4). */
  isAccountHolder: boolean;
}

/** A check that must be remembered even though the request fails (a wrong date of birth counts). */
class CommittedFailure {
  constructor(readonly error: UserFacingError) {}
}

/**
 * The portal account's side (SPEC rules 8 and 9): accepting an invite, signing in with lockout,
 * self-service resets, password changes and what a signed-in account may see.
 */
export class PortalAuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limits: RateLimits,
    private readonly invites: InviteService,
  ) {}

  /** A scope acting as a portal account (or an anonymous visitor holding a link) in one organization. */
  scopeFor(organizationId: number, account: PortalAccount | null, meta: RequestMeta): OrgScope {
    const actor: Actor = {
      type: ActorType.PORTAL_ACCOUNT,
      id: account ? String(account.id) : null,
      label: account?.email ?? null,
      staffId: null,
      ip: meta.ip,
      requestId: meta.requestId,
    };
    return OrgScope.open(this.dataSource, organizationId, actor);
  }

  /** Spends one attempt of a per-IP limit before any secret is checked (SPEC rule 18). */
  async limit(name: LimitName, meta: RequestMeta): Promise<void> {
    const wait = await this.limits.consume(name, meta.ip ?? "unknown");
    if (wait !== null) fail(UserErrorCode.RATE_LIMITED, retryMessage(wait));
  }

  /** Gives the attempt back once the secret proved right: the limits are there for wrong guesses. */
  async refundLimit(name: LimitName, meta: RequestMeta): Promise<void> {
    await this.limits.refund(name, meta.ip ?? "unknown");
  }

  /**
   * Runs `work` in a transaction whose changes commit even when it ends in a user error: a wrong
   * date of birth must be counted although the request fails.
   */
  async committing<T>(scope: OrgScope, work: (tx: OrgScope) => Promise<T>): Promise<T> {
    const outcome = await scope.transaction(async (tx) => {
      try {
        return { value: await work(tx) };
      } catch (err) {
        if (err instanceof CommittedFailure) return { failure: err.error };
        throw err;
      }
    });
    if ("failure" in outcome) throw outcome.failure;
    return outcome.value;
  }

  requirePassword(password: string, field: string) {
    const problem = passwordProblem(password);
    if (problem === "TOO_SHORT") fail(UserErrorCode.WEAK_PASSWORD, "Choose a password of at least 12 characters.", field);
    if (problem === "TOO_LONG") fail(UserErrorCode.WEAK_PASSWORD, "Choose a password of at most 128 characters.", field);
  }

  /**
   * Rule 8: the date of birth on file of the invite's patient must match exactly. Failures are
   * counted on the invite, which locks after five; the count survives the failed request.
   */
  async checkDateOfBirth(tx: OrgScope, token: PortalToken, dateOfBirth: string): Promise<void> {
    const patient = await tx.findOneBy(Patient, { id: token.patientId ?? 0 });
    if (!patient?.dateOfBirth) fail(UserErrorCode.INVITE_INVALID, "This invite can no longer be used; ask your clinic for a new one.", "token");
    if (patient!.dateOfBirth === dateOfBirth) return;
    token.failedDobAttempts += 1;
    const locked = token.failedDobAttempts >= MAX_DOB_ATTEMPTS;
    if (locked) token.lockedAt = new Date();
    await tx.save(PortalToken, token);
    // Mirrored on the patients whose colour follows the account, so the grid shows and filters it.
    if (locked) {
      await refreshAccounts(tx, [token.accountId]);
    }
    await audit(tx, {
      action: locked ? "portal_invite.locked" : "portal_invite.dob_mismatch",
      targetType: "PortalAccount",
      targetId: token.accountId,
      patientId: token.patientId,
      after: { failedDobAttempts: token.failedDobAttempts },
    });
    const left = MAX_DOB_ATTEMPTS - token.failedDobAttempts;
    throw new CommittedFailure(
      locked
        ? new UserFacingError(UserErrorCode.INVITE_LOCKED, "Too many wrong dates of birth: this invite is locked. Ask your clinic to send a new one.", "dateOfBirth")
        : new UserFacingError(UserErrorCode.DATE_OF_BIRTH_MISMATCH, `The date of birth does not match our records. ${left} attempt${left === 1 ? "" : "s"} left.`, "dateOfBirth"),
    );
  }

  /** An invite that is still usable, or the reason it is not. */
  private requireLiveInvite(token: PortalToken | null): PortalToken {
    if (!token || token.kind !== "INVITE" || token.usedAt || token.voidedAt) {
      fail(UserErrorCode.INVITE_INVALID, "This invite link is not valid (it may have been replaced by a newer one or used already).", "token");
    }
    if (token!.lockedAt) fail(UserErrorCode.INVITE_LOCKED, "This invite is locked after too many wrong dates of birth. Ask your clinic to send a new one.", "token");
    if (token!.expiresAt.getTime() <= Date.now()) fail(UserErrorCode.INVITE_EXPIRED, "This invite has expired. Ask your clinic to send a new one.", "token");
    return token!;
  }

  /** Marks the account signed up and signed in now; the patient turns green. */
  async completeSignUp(tx: OrgScope, account: PortalAccount, token: PortalToken, passwordHash: string): Promise<void> {
    const now = new Date();
    Object.assign(account, { passwordHash, signedUpAt: now, lastSignInAt: now, mustChangePassword: false, failedSignInCount: 0, lockedUntil: null });
    await tx.save(PortalAccount, account);
    token.usedAt = now;
    await tx.save(PortalToken, token);
    await voidPendingTokens(tx, account.id, "INVITE");
    await refreshAccounts(tx, [account.id]);
    await this.invites.events.publish(tx, [{ type: "InviteAccepted", accountId: account.id, patientId: token.patientId, method: token.method }]);
    await audit(tx, { action: "portal.signed_in", targetType: "PortalAccount", targetId: account.id, after: { firstSignIn: true } });
  }

  /** acceptPortalInvite: token + date of birth + new password → account signed up and signed in. */
  async acceptInvite(input: { token: string; dateOfBirth: string; password: string }, meta: RequestMeta): Promise<{ account: PortalAccount }> {
    await this.limit("token", meta);
    const found = this.requireLiveInvite(await findTokenByRaw(this.dataSource, input.token));
    if (found.method !== "LINK") fail(UserErrorCode.INVITE_INVALID, "This invite link is not valid.", "token");
    if (!isIsoDate(input.dateOfBirth)) fail(UserErrorCode.INVALID_INPUT, "Enter the date of birth as YYYY-MM-DD.", "dateOfBirth");
    this.requirePassword(input.password, "password");
    const passwordHash = await hashPassword(input.password);
    const scope = this.scopeFor(found.organizationId, null, meta);
    const accepted = await this.committing(scope, async (tx) => {
      const token = this.requireLiveInvite(await tx.findOneForUpdate(PortalToken, { id: found.id }));
      const account = (await tx.findOneForUpdate(PortalAccount, { id: token.accountId }))!;
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled. Contact your clinic.", "token");
      if (account.signedUpAt) fail(UserErrorCode.INVITE_INVALID, "This account is already set up: sign in instead.", "token");
      // A suspended grant (the patient was made inactive) opens nothing, so its invite cannot be accepted.
      const grant = await tx.findOneBy(PortalGrant, { accountId: account.id, patientId: token.patientId ?? 0, ...PortalGrant.USABLE });
      if (!grant) fail(UserErrorCode.INVITE_INVALID, "This invite is no longer valid: the access it was for has been removed.", "token");
      await this.checkDateOfBirth(tx, token, input.dateOfBirth);
      const actorScope = this.scopeFor(tx.organizationId, account, meta);
      await this.completeSignUp(tx.as(actorScope.actor), account, token, passwordHash);
      return { account };
    });
    await this.refundLimit("token", meta);
    return accepted;
  }

  /**
   * checkPortalInvite: whether a link can still be accepted, asked before the form is shown so a
   * used or expired link says so at once. Same checks and the same rate limit as accepting; the
   * answer names no one (tokens are 256-bit, so it teaches nothing about other links).
   */
  async checkInvite(rawToken: string, meta: RequestMeta): Promise<void> {
    await this.limit("token", meta);
    const token = this.requireLiveInvite(await findTokenByRaw(this.dataSource, rawToken));
    if (token.method !== "LINK") fail(UserErrorCode.INVITE_INVALID, "This invite link is not valid.", "token");
    const account = await this.dataSource.getRepository(PortalAccount).findOneBy({ id: token.accountId, organizationId: token.organizationId });
    if (!account || account.signedUpAt) fail(UserErrorCode.INVITE_INVALID, "This account is already set up: sign in instead.", "token");
    if (account!.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled. Contact your clinic.", "token");
    await this.refundLimit("token", meta);
  }

  /** The live temporary-password invite of an account that has not signed up yet, if any. */
  private async liveTemporaryInvite(scope: OrgScope, account: PortalAccount): Promise<PortalToken | null> {
    const [token] = await scope.find(PortalToken, {
      where: { accountId: account.id, kind: "INVITE", method: "TEMPORARY_PASSWORD", usedAt: IsNull(), voidedAt: IsNull(), lockedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { id: "DESC" },
      take: 1,
    });
    return token ?? null;
  }

  /**
   * POST /portal/auth/login. One email may be an account in several organizations: the request
   * names one, or the one account whose password matches is used. SPEC rule 18: the per-IP budget
   * and the lock of the email (5 failures, then waits doubling to an hour) are both spent before any
   * password is checked, and given back on success; an unknown email goes through the same counters,
   * lock, dummy password check and answers as a known one.
   */
  async signIn(input: { email: string; password: string; organizationId: number | null }, meta: RequestMeta): Promise<SignInOutcome> {
    const ipKey = meta.ip ?? "unknown";
    const ipWait = await this.limits.consume("portalSignIn", ipKey);
    if (ipWait !== null) return { kind: "rate_limited", retryAfterSeconds: ipWait };

    // Keyed by the email alone, whatever organizationId says: naming another organization must not
    // buy five more guesses.
    const emailNormalized = normalizeEmail(input.email);
    const candidates = isValidEmail(emailNormalized)
      ? await this.dataSource.getRepository(PortalAccount).find({
          where: { emailNormalized, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
          order: { id: "ASC" },
          take: 10,
        })
      : [];
    const lock = await this.limits.attempt("portalSignIn", emailNormalized);
    if (!lock.allowed) {
      await this.recordLocked(candidates, lock, meta);
      return { kind: "locked", retryAfterSeconds: lock.retryAfterSeconds };
    }
    if (candidates.length === 0) {
      await verifyPassword(null, input.password); // same time as a real check
      return { kind: "invalid" };
    }
    const matched: PortalAccount[] = [];
    for (const account of candidates) {
      let ok = await verifyPassword(account.passwordHash, input.password);
      // A temporary password only works while its invite does (expiry, newer invite, lock).
      if (ok && !account.signedUpAt && !(await this.liveTemporaryInvite(this.scopeFor(account.organizationId, account, meta), account))) ok = false;
      if (ok) matched.push(account);
    }
    if (matched.length === 0) {
      for (const account of candidates) await this.recordFailure(account, meta, "wrong_password", lock);
      return { kind: "invalid" };
    }
    // The password is proven: whatever comes next, the guessing counters start again.
    await Promise.all([this.limits.unlock("portalSignIn", emailNormalized), this.limits.refund("portalSignIn", ipKey)]);
    if (matched.length > 1) {
      const orgs = await this.dataSource.getRepository(Organization).findBy({ id: In(matched.map((a) => a.organizationId)) });
      return { kind: "choose_organization", organizations: orgs.map((o) => ({ id: o.id, name: o.name })) };
    }
    const account = matched[0];
    if (account.disabled) {
      await this.recordFailure(account, meta, "disabled");
      return { kind: "disabled" };
    }
    // Every grant revoked: nothing to open, so no session (revocation already ended the old ones).
    // Suspended grants (inactive patients) count as none: rule 18.
    if ((await this.dataSource.getRepository(PortalGrant).countBy({ accountId: account.id, ...PortalGrant.USABLE })) === 0) {
      await this.recordFailure(account, meta, "no_access");
      return { kind: "no_access" };
    }
    const scope = this.scopeFor(account.organizationId, account, meta);
    await scope.transaction(async (tx) => {
      const fresh = (await tx.findOneForUpdate(PortalAccount, { id: account.id }))!;
      fresh.failedSignInCount = 0;
      fresh.lockedUntil = null;
      // A temporary-password account signs up at its forced change (with the date of birth), so its
      // first sign-in does not turn the patient green yet.
      if (fresh.signedUpAt) fresh.lastSignInAt = new Date();
      await tx.save(PortalAccount, fresh);
      if (fresh.signedUpAt) await refreshAccounts(tx, [fresh.id]);
      await audit(tx, { action: "portal.signed_in", targetType: "PortalAccount", targetId: fresh.id, after: { mustChangePassword: fresh.mustChangePassword } });
      Object.assign(account, fresh);
    });
    return { kind: "ok", account };
  }

  /**
   * Audits a failed sign-in. With `lock` (a wrong password), the account also keeps the lock's
   * record for staff screens; the decision itself stays with the shared counter.
   */
  private async recordFailure(account: PortalAccount, meta: RequestMeta, reason: string, lock?: LockAttempt): Promise<void> {
    const scope = this.scopeFor(account.organizationId, null, meta);
    await scope.transaction(async (tx) => {
      if (lock) await tx.update(PortalAccount, { id: account.id }, { failedSignInCount: lock.failures, lockedUntil: lock.lockedUntil });
      await audit(tx, {
        action: "portal.sign_in_failed",
        targetType: "PortalAccount",
        targetId: account.id,
        after: { reason, failedSignInCount: lock?.failures ?? account.failedSignInCount, lockedUntil: lock?.lockedUntil?.toISOString() ?? null },
      });
    });
  }

  /**
   * Every sign-in refused by a lock is audited in each organization the email has an account in;
   * an unknown email has no organization, and the route's log line (address only) stands for it.
   */
  private async recordLocked(candidates: PortalAccount[], lock: LockAttempt & { allowed: false }, meta: RequestMeta): Promise<void> {
    for (const account of candidates) {
      await audit(this.scopeFor(account.organizationId, null, meta), {
        action: "portal.sign_in_locked",
        targetType: "PortalAccount",
        targetId: account.id,
        after: { lockedUntil: lock.lockedUntil.toISOString() },
      });
    }
  }

  async signedOut(account: PortalAccount, meta: RequestMeta): Promise<void> {
    await audit(this.scopeFor(account.organizationId, account, meta), { action: "portal.signed_out", targetType: "PortalAccount", targetId: account.id });
  }

  /**
   * requestPortalPasswordReset: the same answer, in about the same time, whether or not the email
   * has an account; only signed-up, enabled accounts get an email.
   */
  /**
   * The reset email is written in the language the person asked in (the portal sends its UI
   * language): they are reading that language at this moment, whatever the account was created
   * with (an account inherits the patient record's language, often left at the default). A request
   * without one (an API caller) falls back to the account's own language.
   */
  async requestReset(input: { email: string; organizationId: number | null; language?: Language | null }, meta: RequestMeta): Promise<void> {
    const started = Date.now();
    if (!isValidEmail(input.email)) fail(UserErrorCode.INVALID_EMAIL, "This is not a valid email address.", "email");
    await this.limit("passwordReset", meta);
    try {
      const accounts = await this.dataSource.getRepository(PortalAccount).find({
        where: { emailNormalized: normalizeEmail(input.email), disabled: false, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
        take: 10,
      });
      for (const candidate of accounts) {
        if (!candidate.signedUpAt) continue;
        const scope = this.scopeFor(candidate.organizationId, null, meta);
        await scope.transaction(async (tx) => {
          const account = (await tx.findOneForUpdate(PortalAccount, { id: candidate.id }))!;
          const recent = await tx.count(PortalToken, { accountId: account.id, kind: "RESET", createdAt: MoreThan(new Date(Date.now() - RESET_REQUEST_COOLDOWN_MS)) });
          if (recent > 0) return;
          const org = await tx.organization();
          const expiresAt = await this.invites.queueReset(tx, account, org, EmailKind.SELF_SERVICE_RESET, input.language ?? account.language);
          await audit(tx, { action: "portal_password.reset_requested", targetType: "PortalAccount", targetId: account.id, after: { expiresAt: expiresAt.toISOString() } });
        });
      }
    } finally {
      const left = RESET_REQUEST_MIN_MS - (Date.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    }
  }

  /** completePortalPasswordReset: a single-use 24-hour link sets a new password and ends every session. */
  async completeReset(input: { token: string; password: string }, meta: RequestMeta): Promise<{ account: PortalAccount }> {
    await this.limit("token", meta);
    const found = await findTokenByRaw(this.dataSource, input.token);
    if (!found || found.kind !== "RESET" || found.usedAt || found.voidedAt) fail(UserErrorCode.TOKEN_INVALID, "This reset link is not valid (it may have been used or replaced).", "token");
    if (found!.expiresAt.getTime() <= Date.now()) fail(UserErrorCode.TOKEN_EXPIRED, "This reset link has expired. Ask for a new one.", "token");
    this.requirePassword(input.password, "password");
    const passwordHash = await hashPassword(input.password);
    const completed = await this.scopeFor(found!.organizationId, null, meta).transaction(async (tx) => {
      const token = (await tx.findOneForUpdate(PortalToken, { id: found!.id }))!;
      if (token.usedAt || token.voidedAt) fail(UserErrorCode.TOKEN_INVALID, "This reset link is not valid (it may have been used or replaced).", "token");
      const account = (await tx.findOneForUpdate(PortalAccount, { id: token.accountId }))!;
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled. Contact your clinic.", "token");
      Object.assign(account, { passwordHash, mustChangePassword: false, failedSignInCount: 0, lockedUntil: null });
      await tx.save(PortalAccount, account);
      token.usedAt = new Date();
      await tx.save(PortalToken, token);
      await voidPendingTokens(tx, account.id, "RESET");
      await this.sessions.destroyAllFor("PORTAL", account.id, tx);
      await audit(tx.as(this.scopeFor(tx.organizationId, account, meta).actor), {
        action: "portal_password.reset_completed",
        targetType: "PortalAccount",
        targetId: account.id,
        after: { sessionsEnded: true },
      });
      return { account };
    });
    await this.refundLimit("token", meta);
    return completed;
  }

  /**
   * changePortalPassword for the signed-in account. An account that signed in with a temporary
   * password completes its sign-up here, which asks for the date of birth (rule 8).
   */
  async changePassword(accountId: number, organizationId: number, input: { currentPassword: string; newPassword: string; dateOfBirth?: string | null }, meta: RequestMeta): Promise<{ account: PortalAccount }> {
    const current = await this.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId, organizationId });
    // A stolen session must not become a way to guess the password: wrong current passwords lock
    // like sign-ins (5, then doubling waits), counted before the check.
    const lock = await this.limits.attempt("portalPasswordChange", String(accountId));
    if (!lock.allowed) {
      await audit(this.scopeFor(organizationId, current, meta), { action: "portal_password.change_locked", targetType: "PortalAccount", targetId: accountId, after: { lockedUntil: lock.lockedUntil.toISOString() } });
      fail(UserErrorCode.RATE_LIMITED, `Too many wrong passwords. ${retryMessage(lock.retryAfterSeconds).replace("Too many attempts. ", "")}`, "currentPassword");
    }
    if (!(await verifyPassword(current.passwordHash, input.currentPassword))) fail(UserErrorCode.WRONG_PASSWORD, "The current password is not correct.", "currentPassword");
    await this.limits.unlock("portalPasswordChange", String(accountId));
    this.requirePassword(input.newPassword, "newPassword");
    if (input.newPassword === input.currentPassword) fail(UserErrorCode.WEAK_PASSWORD, "Choose a password different from the current one.", "newPassword");
    const needsSignUp = !current.signedUpAt;
    if (needsSignUp && !(input.dateOfBirth && isIsoDate(input.dateOfBirth))) {
      fail(UserErrorCode.INVALID_INPUT, "Enter your date of birth (YYYY-MM-DD) to finish setting up your account.", "dateOfBirth");
    }
    const passwordHash = await hashPassword(input.newPassword);
    const scope = this.scopeFor(organizationId, current, meta);
    return this.committing(scope, async (tx) => {
      const account = (await tx.findOneForUpdate(PortalAccount, { id: accountId }))!;
      if (needsSignUp) {
        const token = await this.liveTemporaryInvite(tx, account);
        if (!token) fail(UserErrorCode.INVITE_EXPIRED, "Your temporary password has expired. Ask your clinic to send a new invite.", "currentPassword");
        await this.checkDateOfBirth(tx, token!, input.dateOfBirth!);
        await this.completeSignUp(tx, account, token!, passwordHash);
      } else {
        Object.assign(account, { passwordHash, mustChangePassword: false });
        await tx.save(PortalAccount, account);
        await audit(tx, { action: "portal_password.changed", targetType: "PortalAccount", targetId: account.id, after: { otherSessionsEnded: true } });
      }
      await voidPendingTokens(tx, account.id, "RESET");
      await this.sessions.destroyAllFor("PORTAL", account.id, tx);
      return { account };
    });
  }

  /** updatePortalAccountLanguage: the signed-in account's language, used for the portal and every email to it. */
  async updateLanguage(accountId: number, organizationId: number, language: Language, meta: RequestMeta): Promise<{ account: PortalAccount }> {
    const current = await this.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId, organizationId });
    return this.scopeFor(organizationId, current, meta).transaction(async (tx) => {
      const account = (await tx.findOneForUpdate(PortalAccount, { id: accountId }))!;
      if (account.language === language) return { account };
      const before = account.language;
      account.language = language;
      await tx.save(PortalAccount, account);
      await audit(tx, { action: "portal_account.language_changed", targetType: "PortalAccount", targetId: account.id, before: { language: before }, after: { language } });
      return { account };
    });
  }

  /** The profiles a signed-in account may open: one per active grant, hidden until a forced change is done. */
  async profiles(account: PortalAccount): Promise<PortalProfileView[]> {
    if (account.mustChangePassword) return [];
    const scope = this.scopeFor(account.organizationId, account, { ip: null, requestId: null });
    const grants = await scope.find(PortalGrant, { where: { accountId: account.id, ...PortalGrant.USABLE }, order: { id: "ASC" } });
    if (grants.length === 0) return [];
    const patients = await scope.find(Patient, { where: { id: In(grants.map((g) => g.patientId)) } });
    const roles = await scope.find(PortalRole, { where: { id: In([...new Set(grants.map((g) => g.portalRoleId))]) } });
    const patientById = new Map(patients.map((p) => [p.id, p]));
    // Linking (rule 4) only ever adds a SELF grant to an account that already exists, so the
    // account's very first grant (revoked or not) tells whose login it is: when it is a SELF grant,
    // its patient is the holder; siblings linked later, and every proxy profile, are someone else.
    const [first] = await scope.find(PortalGrant, { where: { accountId: account.id }, order: { id: "ASC" }, take: 1 });
    const holderPatientId = first?.accessType === AccessType.SELF ? first.patientId : null;
    const roleById = new Map(roles.map((r) => [r.id, r]));
    return grants
      .filter((g) => patientById.has(g.patientId) && roleById.has(g.portalRoleId))
      .map((grant) => ({
        grant,
        patient: patientById.get(grant.patientId)!,
        role: roleById.get(grant.portalRoleId)!,
        isAccountHolder: grant.accessType === AccessType.SELF && grant.patientId === holderPatientId,
      }));
  }
}

export function permits(role: PortalRole, permission: PortalPermission): boolean {
  return role.permissions.includes(permission);
}
