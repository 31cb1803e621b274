import { type Language, UserErrorCode } from "@portal/schema";
import type { InviteRequest, InviteTarget } from "../../core/access-change";
import type { OrgScope } from "../../db/org-scope";
import type { SessionService } from "../../auth/session.service";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { recordingEvents, type DomainEvents } from "../../events/publish";
import { fail, UserFacingError } from "../../graphql/user-error";
import type { Organization } from "../organizations/organization.entity";
import type { Patient } from "../patients/patient.entity";
import { onlyRow, type GrantResult, type PortalAccessService } from "../portal-access/portal-access.service";
import type { PortalAccount } from "../portal-access/portal-account.entity";
import type { PortalGrant } from "../portal-access/portal-grant.entity";
import { issueToken, RESET_TTL_HOURS, resetPath, voidPendingTokens } from "./portal-tokens";
import { type InviteMethod } from "@portal/schema";

export { hasSignedIn } from "../../core/access-decisions";
export type { InviteTarget };

export interface SendInviteOptions {
  /**
   * Bulk runs pass a key per row so that repeating the action never queues a second email for the
   * same row; a key used already refuses the row with COOLDOWN, and nothing changes.
   */
  dedupeKey?: string | null;
}

export interface SendInviteResult {
  grant: PortalGrant;
  account: PortalAccount;
  patient: Patient;
  method: InviteMethod;
  inviteExpiresAt: Date;
  /** True for a resend (an earlier invite to this account existed). */
  resent: boolean;
  /** False when the dedupe key had already been used: nothing was sent or changed. */
  queued: boolean;
}

interface InviteServiceConfig {
  publicUrl: string;
}

/**
 * Invites and staff password resets (SPEC rules 6–9; login email changes are LoginEmailChangeService's).
 * An invite is a change of the access core (core/access-change.ts): the per-patient screen,
 * `sendInvite: true` on the enable mutations and bulk onboarding all go through it, so a rule
 * lives in one place (core/access-decisions.ts).
 */
export class InviteService {
  constructor(
    private readonly config: InviteServiceConfig,
    private readonly emailQueue: EmailQueue,
    private readonly sessions: SessionService,
    private readonly portalAccess: PortalAccessService,
    readonly events: DomainEvents = recordingEvents,
  ) {}

  link(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  /** Sends (or resends) the invite for one grant (rules 6–8): the change of one row. Throws the row's UserFacingError. */
  async sendInvite(scope: OrgScope, target: InviteTarget, options: SendInviteOptions = {}): Promise<SendInviteResult> {
    const [result] = await this.sendInvites(scope, [{ target, dedupeKey: options.dedupeKey }]);
    if (result instanceof UserFacingError) throw result;
    return result;
  }

  /** Sends invites for many targets at once (a bulk chunk; the single mutation is the case of one). */
  async sendInvites(scope: OrgScope, items: InviteRequest[]): Promise<(SendInviteResult | UserFacingError)[]> {
    if (items.length === 0) return [];
    return scope.transaction(async (tx) => {
      const results = await this.portalAccess.changes.invite(tx, items);
      return results.map((r) => {
        if (r instanceof UserFacingError) return r;
        const { grant, account, patient, invite } = onlyRow(r);
        return { grant, account, patient, ...invite! };
      });
    });
  }

  /** enablePortalAccess with `sendInvite: true`: one action, decided and written as one row (both or neither). */
  async enableAndInvite(scope: OrgScope, input: Parameters<PortalAccessService["enablePortalAccess"]>[1]): Promise<GrantResult> {
    return this.portalAccess.enablePortalAccess(scope, input, { invite: true });
  }

  /** grantContactPortalAccess with `sendInvite: true`: one action, one transaction. */
  async grantContactAndInvite(scope: OrgScope, input: Parameters<PortalAccessService["grantContactPortalAccess"]>[1]): Promise<GrantResult> {
    return scope.transaction(async (tx) => {
      const result = await this.portalAccess.grantContactPortalAccess(tx, input);
      const sent = await this.sendInvite(tx, { grantId: result.grant.id });
      return { grant: result.grant, account: sent.account, patient: sent.patient };
    });
  }

  /**
   * Rule 9: staff send a password-reset link, only once the account has signed up. The link is
   * valid 24 hours, once; the current password keeps working until the link is used.
   */
  async resetPortalPassword(scope: OrgScope, input: { accountId: number }): Promise<{ account: PortalAccount; resetExpiresAt: Date }> {
    return scope.transaction(async (tx) => {
      const account = await this.portalAccess.requireAccount(tx, input.accountId);
      if (!account.signedUpAt) fail(UserErrorCode.NOT_SIGNED_UP, "This account has not signed up yet: send an invite instead.", "accountId");
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it first.", "accountId");
      const org = await tx.organization();
      const resetExpiresAt = await this.queueReset(tx, account, org, EmailKind.STAFF_PASSWORD_RESET);
      await this.events.publish(tx, [{ type: "PasswordResetSent", accountId: account.id, loginEmail: account.email, expiresAt: resetExpiresAt }]);
      return { account, resetExpiresAt };
    });
  }

  /** Issues a 24-hour reset token (voiding earlier ones) and queues its email. Shared with self-service resets. */
  /** `language` overrides the account's when the person asked in another one (the portal's UI language). */
  async queueReset(tx: OrgScope, account: PortalAccount, org: Organization, kind: EmailKind, language: Language = account.language): Promise<Date> {
    const expiresAt = new Date(Date.now() + RESET_TTL_HOURS * 3600_000);
    await voidPendingTokens(tx, account.id, "RESET");
    const { token } = await issueToken(tx, { accountId: account.id, patientId: null, kind: "RESET", expiresAt });
    await this.emailQueue.queue(tx, {
      kind,
      to: account.email,
      language,
      accountId: account.id,
      variables: { organizationName: org.name, expiresAt: expiresAt.toISOString() },
      secrets: { link: this.link(resetPath(token)) },
    });
    return expiresAt;
  }
}
