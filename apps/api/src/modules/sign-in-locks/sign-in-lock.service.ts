import { UserErrorCode } from "@portal/schema";
import type { RateLimits } from "../../auth/rate-limits";
import type { OrgScope } from "../../db/org-scope";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { StaffUser } from "../staff/staff-user.entity";

const REASON_MAX = 500;

/** A reason is required (1–500 characters once trimmed): an unlock lifts a protection, the log says why. */
export function reasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return "Give a reason for unlocking.";
  if (trimmed.length > REASON_MAX) return `Keep the reason under ${REASON_MAX} characters.`;
  return null;
}

/**
 * SPEC rule 18: staff holding "Manage staff" lift a sign-in lock early, for a staff user or a portal
 * account of their organization, with a reason that goes to the audit log. The lock itself lives in
 * the shared limiter (RateLimits), keyed by the email; the account row keeps its record for screens.
 */
export class SignInLockService {
  constructor(private readonly limits: RateLimits) {}

  private requireReason(reason: string): string {
    const problem = reasonProblem(reason);
    if (problem) fail(UserErrorCode.INVALID_INPUT, problem, "reason");
    return reason.trim();
  }

  async unlockStaffUser(scope: OrgScope, input: { staffUserId: number; reason: string }): Promise<{ staffUser: StaffUser }> {
    const reason = this.requireReason(input.reason);
    const staffUser = await scope.transaction(async (tx) => {
      const user = await tx.findOneForUpdate(StaffUser, { id: input.staffUserId });
      if (!user) fail(UserErrorCode.NOT_FOUND, "Staff user not found.", "staffUserId");
      const before = { failedSignInCount: user!.failedSignInCount, lockedUntil: user!.lockedUntil?.toISOString() ?? null };
      await tx.update(StaffUser, { id: user!.id }, { failedSignInCount: 0, lockedUntil: null });
      await audit(tx, { action: "staff_user.unlocked", targetType: "StaffUser", targetId: user!.id, before, after: { reason } });
      return Object.assign(user!, { failedSignInCount: 0, lockedUntil: null });
    });
    // After the commit: an unlock that did not happen must not lift the lock.
    await this.limits.unlock("staffSignIn", staffUser.emailNormalized);
    return { staffUser };
  }

  async unlockPortalAccount(scope: OrgScope, input: { portalAccountId: number; reason: string }): Promise<{ portalAccount: PortalAccount }> {
    const reason = this.requireReason(input.reason);
    const portalAccount = await scope.transaction(async (tx) => {
      const account = await tx.findOneForUpdate(PortalAccount, { id: input.portalAccountId });
      if (!account) fail(UserErrorCode.NOT_FOUND, "Portal account not found.", "portalAccountId");
      const before = { failedSignInCount: account!.failedSignInCount, lockedUntil: account!.lockedUntil?.toISOString() ?? null };
      await tx.update(PortalAccount, { id: account!.id }, { failedSignInCount: 0, lockedUntil: null });
      await audit(tx, { action: "portal_account.unlocked", targetType: "PortalAccount", targetId: account!.id, before, after: { reason } });
      return Object.assign(account!, { failedSignInCount: 0, lockedUntil: null });
    });
    // The sign-in lock is the email's (in every organization it has an account in), and the
    // password-change lock the account's.
    await this.limits.unlock("portalSignIn", portalAccount.emailNormalized);
    await this.limits.unlock("portalPasswordChange", String(portalAccount.id));
    return { portalAccount };
  }
}
