import crypto from "node:crypto";
import { IsNull, Not } from "typeorm";
import type { DataSource } from "typeorm";
import { AccessType, ActorType, UserErrorCode } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { fail } from "../../graphql/user-error";
import { audit } from "../../modules/audit/audit.service";
import { Organization } from "../../modules/organizations/organization.entity";
import type { PortalAccount } from "../../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../../modules/portal-access/portal-grant.entity";
import { hashPassword, verifyPassword } from "../passwords";
import { MfaChallenge } from "./mfa.entities";
import type { MfaMethod } from "./mfa.entities";
import { CHALLENGE_TTL_MS, MfaRateLimited, type MfaPrincipal, type MfaService } from "./mfa.service";

/** An emailed code lives as long as the pending sign-in (10 minutes). */
export const EMAIL_CODE_TTL_MINUTES = CHALLENGE_TTL_MS / 60_000;
/** A new code may be asked for once a minute (mail bombing). */
const RESEND_COOLDOWN_MS = 60_000;

/** What the portal shows of an account's second factor. */
export interface PortalMfaState {
  /** The method asked at sign-in: the account's own choice, or EMAIL when the organization requires one and none was chosen. */
  method: MfaMethod | null;
  /** Whether the organization requires a second factor of this account (it holds proxy access). */
  required: boolean;
  /** The account chose this method itself (false when it is only the organization's requirement). */
  chosen: boolean;
}

/** 6 random digits, uniformly drawn. */
export function newEmailCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Portal two-factor sign-in (rule 18): optional per account (an emailed code or an authenticator
 * app, chosen on the account page), required for accounts with proxy access when the organization
 * says so — those without a choice of their own then get an emailed code.
 */
export class PortalMfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly emailQueue: EmailQueue,
  ) {}

  private principal(account: PortalAccount): MfaPrincipal {
    return { kind: "PORTAL", id: account.id, organizationId: account.organizationId, label: account.email };
  }

  scopeFor(account: PortalAccount, meta: { ip: string | null; requestId: string | null }): OrgScope {
    return new OrgScope(this.dataSource, this.dataSource.manager, account.organizationId, {
      type: ActorType.PORTAL_ACCOUNT,
      id: String(account.id),
      label: account.email,
      staffId: null,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  }

  /** Whether the organization requires a second factor of this account: it requires one of proxies, and the account holds a live proxy grant. */
  async required(account: PortalAccount): Promise<boolean> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id: account.organizationId });
    if (!org?.requireProxyMfa) return false;
    const proxy = await this.dataSource.getRepository(PortalGrant).findOne({
      where: { organizationId: account.organizationId, accountId: account.id, revokedAt: IsNull(), accessType: Not(AccessType.SELF) },
      select: { id: true },
    });
    return !!proxy;
  }

  async state(account: PortalAccount): Promise<PortalMfaState> {
    const [own, required] = await Promise.all([this.mfa.methodOf("PORTAL", account.id), this.required(account)]);
    return { method: own ?? (required ? "EMAIL" : null), required, chosen: own !== null };
  }

  // ---- Choosing a method on the account page -----------------------------------------------------

  startTotp(account: PortalAccount) {
    return this.mfa.startEnrollment(this.principal(account));
  }

  confirmTotp(account: PortalAccount, code: string, meta: { ip: string | null; requestId: string | null }) {
    return this.mfa.confirmEnrollment(this.scopeFor(account, meta), this.principal(account), code);
  }

  enableEmail(account: PortalAccount, meta: { ip: string | null; requestId: string | null }) {
    return this.mfa.enableEmail(this.scopeFor(account, meta), this.principal(account));
  }

  /**
   * Turns the account's own method off: an authenticator with a current code (or a recovery code);
   * the emailed code with the password. Where the organization requires a second factor, the
   * emailed code stays (so only an authenticator can be turned off, back to the emailed code).
   */
  async disable(account: PortalAccount, input: { code?: string | null; password?: string | null }, meta: { ip: string | null; requestId: string | null }): Promise<void> {
    const p = this.principal(account);
    const factor = await this.mfa.factorOf("PORTAL", account.id);
    if (!factor?.confirmedAt) fail(UserErrorCode.MFA_NOT_ENABLED, "Two-step sign-in is not on.");
    const scope = this.scopeFor(account, meta);
    if (factor!.method === "TOTP") {
      await this.mfa.disable(scope, p, input.code ?? "", false);
      return;
    }
    if (await this.required(account)) fail(UserErrorCode.MFA_REQUIRED, "Your clinic requires a sign-in code for accounts with proxy access: it cannot be turned off.");
    const ok = await this.mfa.guessWith(p, () => verifyPassword(account.passwordHash, input.password ?? ""));
    if (!ok) fail(UserErrorCode.WRONG_PASSWORD, "The password is not right.", "password");
    await scope.transaction(async (tx) => {
      await this.mfa.remove(tx, p);
      await audit(tx, { action: "portal.mfa_disabled", targetType: "PortalAccount", targetId: account.id, before: { method: "EMAIL" } });
    });
  }

  // ---- The second sign-in step ----------------------------------------------------------------

  /**
   * Called once the password is right. Returns null when no second factor applies; otherwise the
   * pending sign-in's cookie value and its method, having emailed a code for the EMAIL method.
   */
  async begin(account: PortalAccount): Promise<{ token: string; method: MfaMethod } | null> {
    const { method } = await this.state(account);
    if (!method) return null;
    const { token, challenge } = await this.mfa.createChallenge({ kind: "PORTAL", id: account.id, organizationId: account.organizationId }, "VERIFY");
    if (method === "EMAIL") await this.sendCode(account, challenge);
    return { token, method };
  }

  /** Emails a new code for this pending sign-in (the previous one stops working); false within the cooldown. */
  async sendCode(account: PortalAccount, challenge: MfaChallenge): Promise<boolean> {
    if (challenge.emailCodeSentAt && Date.now() - challenge.emailCodeSentAt.getTime() < RESEND_COOLDOWN_MS) return false;
    const code = newEmailCode();
    // argon2id: six digits are low entropy, so a leaked table must not give them away quickly.
    const emailCodeHash = await hashPassword(code);
    const scope = this.scopeFor(account, { ip: null, requestId: null });
    await scope.transaction(async (tx) => {
      await tx.manager.update(MfaChallenge, { idHash: challenge.idHash }, { emailCodeHash, emailCodeSentAt: new Date(), emailCodeExpiresAt: new Date(Date.now() + EMAIL_CODE_TTL_MINUTES * 60_000) });
      await this.emailQueue.queue(tx, {
        kind: EmailKind.MFA_CODE,
        to: account.email,
        language: account.language,
        accountId: account.id,
        variables: { expiresInMinutes: String(EMAIL_CODE_TTL_MINUTES) },
        secrets: { code },
      });
    });
    return true;
  }

  /** The emailed code of a pending sign-in: not expired, right, and then spent. */
  async checkEmailCode(challenge: MfaChallenge, code: string): Promise<boolean> {
    const fresh = await this.dataSource.getRepository(MfaChallenge).findOneBy({ idHash: challenge.idHash });
    if (!fresh?.emailCodeHash || !fresh.emailCodeExpiresAt || fresh.emailCodeExpiresAt.getTime() <= Date.now()) return false;
    if (!/^\d{6}$/.test(code.trim())) return false;
    if (!(await verifyPassword(fresh.emailCodeHash, code.trim()))) return false;
    // Single use even if two requests carry it at once: only one clears the hash.
    const spent = await this.dataSource
      .getRepository(MfaChallenge)
      .createQueryBuilder()
      .update(MfaChallenge)
      .set({ emailCodeHash: null })
      .where("idHash = :idHash AND emailCodeHash = :hash", { idHash: fresh.idHash, hash: fresh.emailCodeHash })
      .execute();
    return (spent.affected ?? 0) === 1;
  }
}

export { MfaRateLimited };
