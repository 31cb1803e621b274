import type { DataSource } from "typeorm";
import { ActorType, emailProblemMessage, Language, normalizeEmail, passwordProblem, UserErrorCode } from "@portal/schema";
import { hashPassword } from "../../auth/passwords";
import { retryMessage, type RateLimits } from "../../auth/rate-limits";
import { OrgScope, systemActor } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { decideUserCreate } from "./staff-grants";
import { StaffRole } from "./staff-role.entity";
import { heldPermissions } from "./staff.service";
import { StaffToken } from "./staff-token.entity";
import { findStaffTokenByRaw, issueStaffToken, STAFF_INVITE_TTL_HOURS, staffInvitePath, voidStaffTokens } from "./staff-tokens";
import { StaffUser } from "./staff-user.entity";

/** Where a public request comes from, for the token limit and the audit log. */
export interface StaffRequestMeta {
  ip: string | null;
  requestId: string | null;
}

const INVALID_LINK =
  "This invitation link is not valid (it may have been used or replaced by a newer one). Ask your administrator to send a new one, or sign in if you already chose a password.";

/** Whether a member still waits to choose their first password (invited, not accepted yet). */
export function invitePending(user: Pick<StaffUser, "passwordHash">): boolean {
  return user.passwordHash === "";
}

/**
 * Staff members invited by email (issue 13): a manager adds a member without a password, the member
 * receives a single-use link to the admin that sets it, then signs in as usual (with MFA if the
 * organization requires it). Whoever invites must hold every permission of the member's role (rule 16).
 */
export class StaffInviteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emailQueue: EmailQueue,
    private readonly limits: RateLimits,
    private readonly publicUrl: string,
  ) {}

  /** inviteStaffUser: creates the member without a password and emails the link, in one transaction. */
  async invite(
    scope: OrgScope,
    input: { email: string; name: string; staffRoleId: number; language?: Language | null },
  ): Promise<{ staffUser: StaffUser }> {
    const email = input.email.trim();
    const problem = emailProblemMessage(email);
    if (problem) fail(UserErrorCode.INVALID_EMAIL, problem, "email");
    const name = input.name.trim();
    if (!name) fail(UserErrorCode.INVALID_INPUT, "A name is required.", "name");
    return scope.transaction(async (tx) => {
      const role =
        (await tx.findOneBy(StaffRole, { id: input.staffRoleId })) ?? fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "staffRoleId");
      decideUserCreate(await heldPermissions(tx), role.permissions);
      let staffUser: StaffUser;
      try {
        staffUser = await tx.create(StaffUser, {
          email,
          emailNormalized: normalizeEmail(email),
          name,
          passwordHash: "",
          staffRoleId: role.id,
          language: input.language ?? Language.EN,
        });
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.EMAIL_IN_USE, "A staff member already signs in with this email.", "email");
        throw err;
      }
      const expiresAt = await this.sendInvite(tx, staffUser);
      await audit(tx, {
        action: "staff_user.invited",
        targetType: "StaffUser",
        targetId: staffUser.id,
        after: { email, staffRoleId: role.id, expiresAt: expiresAt.toISOString() },
      });
      return { staffUser };
    });
  }

  /** resendStaffInvite: a new link (the older ones stop working) while the member has not chosen a password. */
  async resend(scope: OrgScope, staffUserId: number): Promise<{ staffUser: StaffUser }> {
    return scope.transaction(async (tx) => {
      const user =
        (await tx.findOneForUpdate(StaffUser, { id: staffUserId })) ??
        fail(UserErrorCode.NOT_FOUND, "Staff user not found.", "staffUserId");
      if (!invitePending(user))
        fail(UserErrorCode.ALREADY_ACTIVE, "This member has already chosen a password; they sign in as usual.", "staffUserId");
      if (user.disabled)
        fail(UserErrorCode.ACCOUNT_DISABLED, "This member is disabled; enable them before sending a new invitation.", "staffUserId");
      // A resent invite hands the role's permissions over just like the first one: the sender must hold them.
      const role = await tx.findOneBy(StaffRole, { id: user.staffRoleId });
      decideUserCreate(await heldPermissions(tx), role?.permissions ?? []);
      const expiresAt = await this.sendInvite(tx, user);
      await audit(tx, {
        action: "staff_user.invite_resent",
        targetType: "StaffUser",
        targetId: user.id,
        after: { expiresAt: expiresAt.toISOString() },
      });
      return { staffUser: user };
    });
  }

  private async sendInvite(tx: OrgScope, user: StaffUser): Promise<Date> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + STAFF_INVITE_TTL_HOURS * 3600_000);
    await voidStaffTokens(tx, user.id, "INVITE");
    const token = await issueStaffToken(tx, { staffUserId: user.id, kind: "INVITE", expiresAt });
    const org = await tx.organization();
    await this.emailQueue.queue(tx, {
      kind: EmailKind.STAFF_INVITE,
      to: user.email,
      language: user.language,
      variables: { recipientName: user.name, organizationName: org.name, expiresInHours: String(STAFF_INVITE_TTL_HOURS) },
      secrets: { link: `${this.publicUrl}${staffInvitePath(token)}` },
    });
    await tx.update(StaffUser, { id: user.id }, { inviteSentAt: now, inviteExpiresAt: expiresAt });
    Object.assign(user, { inviteSentAt: now, inviteExpiresAt: expiresAt });
    return expiresAt;
  }

  /**
   * acceptStaffInvite (public): the link's token and a password. The per-IP token budget is spent
   * before the token is looked at and given back on success; the token is single use, and the member
   * then signs in through /auth/login like everyone (so MFA and locks apply as usual).
   */
  async accept(input: { token: string; password: string }, meta: StaffRequestMeta): Promise<{ email: string }> {
    const ip = meta.ip ?? "unknown";
    const wait = await this.limits.consume("token", ip);
    if (wait !== null) fail(UserErrorCode.RATE_LIMITED, retryMessage(wait), "token");
    const found = requireLive(await findStaffTokenByRaw(this.dataSource, input.token));
    const problem = passwordProblem(input.password);
    if (problem) fail(UserErrorCode.WEAK_PASSWORD, "Passwords need 12 to 128 characters.", "password");
    const passwordHash = await hashPassword(input.password);
    const system = OrgScope.open(this.dataSource, found.organizationId, { ...systemActor(), label: null, ip: meta.ip, requestId: meta.requestId });
    const email = await system.transaction(async (tx) => {
      const token = requireLive(await tx.findOneForUpdate(StaffToken, { id: found.id }));
      const user =
        (await tx.findOneForUpdate(StaffUser, { id: token.staffUserId })) ?? fail(UserErrorCode.TOKEN_INVALID, INVALID_LINK, "token");
      if (user.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "Your staff account is disabled. Ask your administrator.", "token");
      if (!invitePending(user)) fail(UserErrorCode.TOKEN_INVALID, INVALID_LINK, "token");
      const now = new Date();
      await tx.update(StaffUser, { id: user.id }, { passwordHash, inviteExpiresAt: null });
      await tx.update(StaffToken, { id: token.id }, { usedAt: now });
      await voidStaffTokens(tx, user.id, "INVITE");
      // The member acts here: the audit log says who accepted, from where.
      const asMember = tx.as({
        ...tx.actor,
        type: ActorType.STAFF,
        id: String(user.id),
        label: user.email,
        staffId: user.id,
      });
      await audit(asMember, { action: "staff_user.invite_accepted", targetType: "StaffUser", targetId: user.id });
      return user.email;
    });
    await this.limits.refund("token", ip);
    return { email };
  }
}

/** A token that can still be used, or the typed refusal: unknown, used or replaced, expired. */
function requireLive(token: StaffToken | null): StaffToken {
  if (!token || token.kind !== "INVITE" || token.usedAt || token.voidedAt) return fail(UserErrorCode.TOKEN_INVALID, INVALID_LINK, "token");
  if (token.expiresAt.getTime() <= Date.now())
    fail(UserErrorCode.TOKEN_EXPIRED, "This invitation has expired. Ask your administrator to send a new one.", "token");
  return token;
}
