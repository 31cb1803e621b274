import { Not } from "typeorm";
import type { DataSource } from "typeorm";
import { ActorType, emailProblemMessage, normalizeEmail, UserErrorCode } from "@portal/schema";
import { type RateLimits, retryMessage } from "../../auth/rate-limits";
import type { SessionService } from "../../auth/session.service";
import { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { PortalAccessService } from "../portal-access/portal-access.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalToken } from "./portal-token.entity";
import { confirmEmailPath, EMAIL_CONFIRM_TTL_HOURS, findTokenByRaw, issueToken, voidPendingTokens } from "./portal-tokens";

/** Where a public request comes from, for the per-IP limit and the audit log. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

/** What a request to change a login email decided, before anything is written. */
export type LoginEmailRequest =
  | { kind: "unchanged" }
  | { kind: "cancel" }
  | { kind: "request"; email: string; emailNormalized: string };

const IN_USE = "This email address is already the login of another portal account.";

/**
 * Rules 14 and 18 for a requested login email, as a pure decision: the account's own address (any
 * case) cancels a pending change, anything else must be a valid address. Uniqueness needs the
 * database and is checked by the caller, at request and again at confirmation.
 */
export function decideLoginEmailRequest(account: Pick<PortalAccount, "emailNormalized" | "pendingLoginEmail">, typed: string): LoginEmailRequest {
  const email = typed.trim();
  const problem = emailProblemMessage(email);
  if (problem) fail(UserErrorCode.INVALID_EMAIL, problem, "email");
  const emailNormalized = normalizeEmail(email);
  if (emailNormalized === account.emailNormalized) return account.pendingLoginEmail ? { kind: "cancel" } : { kind: "unchanged" };
  return { kind: "request", email, emailNormalized };
}

/**
 * A change of login email (rules 14 and 18). Staff ask for it; it takes effect only when the new
 * address confirms it through a single-use 24-hour link sent there. The old address is told at
 * once; at confirmation the address must still be free, pending invite and reset links die and every
 * session of the account ends. Until then the current login keeps working and nothing else changes,
 * so whoever asks for a change cannot take the account over by pointing it at an address they hold.
 */
export class LoginEmailChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: { publicUrl: string },
    private readonly emailQueue: EmailQueue,
    private readonly sessions: SessionService,
    private readonly portalAccess: PortalAccessService,
    private readonly limits: RateLimits,
  ) {}

  /** changePortalLoginEmail: records the pending address, emails the confirmation link and tells the old address. */
  async request(scope: OrgScope, input: { accountId: number; email: string }): Promise<{ account: PortalAccount }> {
    return scope.transaction(async (tx) => {
      const account = await this.portalAccess.requireAccount(tx, input.accountId);
      const decision = decideLoginEmailRequest(account, input.email);
      if (decision.kind === "unchanged") return { account };
      if (decision.kind === "cancel") return { account: await this.cancel(tx, account) };
      if (await tx.findOneBy(PortalAccount, { emailNormalized: decision.emailNormalized, id: Not(account.id) })) fail(UserErrorCode.EMAIL_IN_USE, IN_USE, "email");

      const expiresAt = new Date(Date.now() + EMAIL_CONFIRM_TTL_HOURS * 3600_000);
      // A newer request replaces the pending one: its link stops working.
      await voidPendingTokens(tx, account.id, "EMAIL");
      const { token } = await issueToken(tx, { accountId: account.id, patientId: null, kind: "EMAIL", expiresAt });
      const before = { pendingLoginEmail: account.pendingLoginEmail };
      Object.assign(account, { pendingLoginEmail: decision.email, pendingLoginEmailExpiresAt: expiresAt });
      await tx.save(PortalAccount, account);

      const org = await tx.organization();
      await this.emailQueue.queue(tx, {
        kind: EmailKind.LOGIN_EMAIL_CONFIRM,
        to: decision.email,
        language: account.language,
        accountId: account.id,
        variables: { organizationName: org.name, expiresAt: expiresAt.toISOString() },
        secrets: { link: `${this.config.publicUrl}${confirmEmailPath(token)}` },
      });
      // Told at once, so the owner can react before anyone confirms; the notice names no address.
      await this.emailQueue.queue(tx, {
        kind: EmailKind.LOGIN_EMAIL_CHANGED,
        to: account.email,
        language: account.language,
        accountId: account.id,
        variables: { organizationName: org.name },
      });
      await audit(tx, {
        action: "portal_account.login_email_change_requested",
        targetType: "PortalAccount",
        targetId: account.id,
        before: { loginEmail: account.email, ...before },
        after: { pendingLoginEmail: decision.email, expiresAt: expiresAt.toISOString() },
      });
      return { account };
    });
  }

  private async cancel(tx: OrgScope, account: PortalAccount): Promise<PortalAccount> {
    const pending = account.pendingLoginEmail;
    await voidPendingTokens(tx, account.id, "EMAIL");
    Object.assign(account, { pendingLoginEmail: null, pendingLoginEmailExpiresAt: null });
    await tx.save(PortalAccount, account);
    await audit(tx, {
      action: "portal_account.login_email_change_cancelled",
      targetType: "PortalAccount",
      targetId: account.id,
      before: { pendingLoginEmail: pending },
      after: { loginEmail: account.email },
    });
    return account;
  }

  /** confirmPortalLoginEmail (public): the link's token makes the pending address the login. */
  async confirm(input: { token: string }, meta: RequestMeta): Promise<{ loginEmail: string }> {
    // Counted before the token is looked at, like every token attempt (rule 18).
    const wait = await this.limits.consume("token", meta.ip ?? "unknown");
    if (wait !== null) fail(UserErrorCode.RATE_LIMITED, retryMessage(wait));
    const found = requireLiveToken(await findTokenByRaw(this.dataSource, input.token));
    const actor = { type: ActorType.PORTAL_ACCOUNT, id: String(found.accountId), label: null, staffId: null, ip: meta.ip, requestId: meta.requestId };
    return OrgScope.open(this.dataSource, found.organizationId, actor).transaction(async (tx) => {
      const token = requireLiveToken(await tx.findOneForUpdate(PortalToken, { id: found.id }));
      const account = (await tx.findOneForUpdate(PortalAccount, { id: token.accountId }))!;
      if (!account.pendingLoginEmail) fail(UserErrorCode.TOKEN_INVALID, INVALID, "token");
      const email = account.pendingLoginEmail!;
      const emailNormalized = normalizeEmail(email);
      // Rule 2 again: the address may have become another account's login since the request.
      if (await tx.findOneBy(PortalAccount, { emailNormalized, id: Not(account.id) })) fail(UserErrorCode.EMAIL_IN_USE, IN_USE, "token");
      const before = account.email;
      Object.assign(account, { email, emailNormalized, pendingLoginEmail: null, pendingLoginEmailExpiresAt: null });
      try {
        await tx.save(PortalAccount, account);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.EMAIL_IN_USE, IN_USE, "token");
        throw err;
      }
      token.usedAt = new Date();
      await tx.save(PortalToken, token);
      // Rule 14: links sent to the old address (invites, resets) die, and every session ends.
      const voided = await voidPendingTokens(tx, account.id);
      await this.sessions.destroyAllFor("PORTAL", account.id, tx);
      await audit(tx, {
        action: "portal_account.login_email_changed",
        targetType: "PortalAccount",
        targetId: account.id,
        before: { loginEmail: before },
        after: { loginEmail: email, confirmedByNewAddress: true, voidedLinks: voided, sessionsEnded: true },
      });
      return { loginEmail: email };
    });
  }
}

const INVALID = "This confirmation link is not valid (it may have been used or replaced by a newer one).";

/** A confirmation token that can still be used, or the reason it cannot. */
function requireLiveToken(token: PortalToken | null): PortalToken {
  if (!token || token.kind !== "EMAIL" || token.usedAt || token.voidedAt) fail(UserErrorCode.TOKEN_INVALID, INVALID, "token");
  if (token!.expiresAt.getTime() <= Date.now()) fail(UserErrorCode.TOKEN_EXPIRED, "This confirmation link has expired. Ask your clinic to request the change again.", "token");
  return token!;
}
