import { IsNull } from "typeorm";
import { AccessType, InviteMethod, isValidEmail, normalizeEmail, UserErrorCode, WebhookEventType } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { hashPassword } from "../../auth/passwords";
import { randomToken } from "../../auth/tokens";
import type { SessionService } from "../../auth/session.service";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { emitWebhookEvent } from "../webhooks/webhook-events";
import { Organization } from "../organizations/organization.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import type { GrantResult, PortalAccessService } from "../portal-access/portal-access.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { patientsFollowingAccount, refreshPortalStatus } from "../portal-access/portal-status";
import { generateTemporaryPassword, invitePath, issueToken, RESET_TTL_HOURS, resetPath, voidPendingTokens } from "./portal-tokens";


/** Which grant to invite for: a grant, or a patient's own (SELF) grant. */
export type InviteTarget = { grantId: number } | { patientId: number };

export interface SendInviteOptions {
  /**
   * Bulk runs pass a key per row so that repeating the action never queues a second email for the
   * same row; when the key was already used the invite is skipped (`queued: false`), nothing changes.
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

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** True once the account has signed up or signed in: invites no longer apply (rule 7). */
export function hasSignedIn(account: PortalAccount): boolean {
  return account.signedUpAt !== null || account.lastSignInAt !== null;
}

/**
 * Invites, staff password resets and login email changes (SPEC rules 6–9, 14). Every rule of an
 * invite is decided in `sendInvite`, which the per-patient screen, `sendInvite: true` on the enable
 * mutations and bulk onboarding all call, so a rule lives in one place.
 */
export class InviteService {
  constructor(
    private readonly config: InviteServiceConfig,
    private readonly emailQueue: EmailQueue,
    private readonly sessions: SessionService,
    private readonly portalAccess: PortalAccessService,
  ) {}

  link(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  private async resolveGrant(tx: OrgScope, target: InviteTarget): Promise<PortalGrant> {
    if ("grantId" in target) {
      const grant = await tx.findOneBy(PortalGrant, { id: target.grantId });
      if (!grant || grant.revokedAt) fail(UserErrorCode.NOT_FOUND, "Portal access not found (it may have been removed).", "grantId");
      return grant!;
    }
    const patient = await tx.findOneBy(Patient, { id: target.patientId });
    if (!patient) fail(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
    const grant = await tx.findOneBy(PortalGrant, { patientId: target.patientId, accessType: AccessType.SELF, revokedAt: IsNull() });
    if (!grant) fail(UserErrorCode.NO_ACCESS, "Enable portal access for this patient before sending an invite.", "patientId");
    return grant!;
  }

  /**
   * Sends (or resends) the invite for one grant (rules 6–8): only before the account's first
   * sign-in, not within the organization's cooldown, with an email and the date of birth of the
   * patient the grant opens on file, to an enabled account. Voids earlier invites of the account.
   */
  async sendInvite(scope: OrgScope, target: InviteTarget, options: SendInviteOptions = {}): Promise<SendInviteResult> {
    const org = await scope.manager.findOneByOrFail(Organization, { id: scope.organizationId });
    // Hashing a temporary password takes tens of milliseconds: done before the transaction opens.
    const temporaryPassword = org.inviteMethod === InviteMethod.TEMPORARY_PASSWORD ? generateTemporaryPassword() : null;
    const temporaryHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
    return scope.transaction(async (tx) => {
      const field = "grantId" in target ? "grantId" : "patientId";
      const grant = await this.resolveGrant(tx, target);
      // Locks the account row: two concurrent sends cannot both pass the cooldown.
      const account = (await tx.findOneForUpdate(PortalAccount, { id: grant.accountId }))!;
      const patient = (await tx.findOneBy(Patient, { id: grant.patientId }))!;
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it before sending an invite.", field);
      if (hasSignedIn(account)) fail(UserErrorCode.ALREADY_ACTIVE, "This account has already signed in; an invite is no longer needed (use a password reset).", field);
      if (!account.email) fail(UserErrorCode.MISSING_EMAIL, "An email address is needed to send an invite.", field);
      if (!patient.dateOfBirth) {
        fail(UserErrorCode.MISSING_DATE_OF_BIRTH, "The patient's date of birth must be on file: the invite asks for it before the account is created.", field);
      }
      const now = new Date();
      if (account.lastInviteSentAt) {
        const availableAt = new Date(account.lastInviteSentAt.getTime() + org.resendCooldownMinutes * 60_000);
        if (availableAt > now) {
          const minutes = Math.ceil((availableAt.getTime() - now.getTime()) / 60_000);
          fail(
            UserErrorCode.COOLDOWN,
            `An invite was sent at ${formatUtc(account.lastInviteSentAt)}; another can be sent from ${formatUtc(availableAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`,
            field,
          );
        }
      }
      const method = org.inviteMethod;
      const inviteExpiresAt = new Date(now.getTime() + org.inviteLinkTtlHours * 3600_000);
      const resent = account.lastInviteSentAt !== null;

      const token = randomToken(32);
      const contact = grant.contactId ? await tx.findOneBy(Contact, { id: grant.contactId }) : null;
      // Queued first: when a bulk re-run's dedupe key was used already, nothing else has changed yet.
      const email = await this.emailQueue.queue(tx, {
        kind: method === InviteMethod.TEMPORARY_PASSWORD ? EmailKind.INVITE_TEMPORARY_PASSWORD : EmailKind.INVITE_LINK,
        to: account.email,
        language: account.language,
        accountId: account.id,
        patientId: patient.id,
        variables: {
          organizationName: org.name,
          recipientName: contact ? contact.firstName : patient.firstName,
          patientName: `${patient.firstName} ${patient.lastName}`,
          accessType: grant.accessType,
          expiresAt: inviteExpiresAt.toISOString(),
          signInUrl: this.link("/portal/login"),
        },
        // The temporary-password email carries no link token: the forced change completes sign-up.
        secrets: temporaryPassword ? { temporaryPassword } : { link: this.link(invitePath(token)) },
        dedupeKey: options.dedupeKey ?? null,
      });
      if (!email) return { grant, account, patient, method, inviteExpiresAt: account.lastInviteSentAt ?? now, resent, queued: false };
      await voidPendingTokens(tx, account.id, "INVITE");
      await issueToken(tx, { accountId: account.id, patientId: patient.id, kind: "INVITE", method, expiresAt: inviteExpiresAt, token });
      if (temporaryHash) {
        account.passwordHash = temporaryHash;
        account.mustChangePassword = true;
      } else if (!hasSignedIn(account)) {
        // An earlier temporary password stops working once a link replaces it.
        account.passwordHash = null;
      }
      account.lastInviteSentAt = now;
      await tx.save(PortalAccount, account);
      await refreshPortalStatus(tx, [...(await patientsFollowingAccount(tx, account.id)), ...(grant.accessType === AccessType.SELF ? [patient.id] : [])]);
      await audit(tx, {
        action: "portal_invite.sent",
        targetType: "PortalAccount",
        targetId: account.id,
        patientId: patient.id,
        after: { grantId: grant.id, accessType: grant.accessType, loginEmail: account.email, method, expiresAt: inviteExpiresAt.toISOString(), resent, language: account.language },
      });
      await emitWebhookEvent(tx.manager, tx.organizationId, WebhookEventType.PORTAL_INVITE_SENT, {
        patientId: String(patient.id),
        grantId: String(grant.id),
        accountId: String(account.id),
        accessType: grant.accessType,
        method,
        resent,
        expiresAt: inviteExpiresAt.toISOString(),
      });
      return {
        grant,
        account,
        patient: (await tx.findOneBy(Patient, { id: patient.id }))!,
        method,
        inviteExpiresAt,
        resent,
        queued: true,
      };
    });
  }

  /** enablePortalAccess with `sendInvite: true`: one action, one transaction (both or neither). */
  async enableAndInvite(scope: OrgScope, input: Parameters<PortalAccessService["enablePortalAccess"]>[1]): Promise<GrantResult> {
    return scope.transaction(async (tx) => {
      const result = await this.portalAccess.enablePortalAccess(tx, input);
      const sent = await this.sendInvite(tx, { grantId: result.grant.id });
      return { grant: result.grant, account: sent.account, patient: sent.patient };
    });
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
      const org = await tx.manager.findOneByOrFail(Organization, { id: tx.organizationId });
      const resetExpiresAt = await this.queueReset(tx, account, org, EmailKind.STAFF_PASSWORD_RESET);
      await audit(tx, {
        action: "portal_password.reset_sent",
        targetType: "PortalAccount",
        targetId: account.id,
        after: { loginEmail: account.email, expiresAt: resetExpiresAt.toISOString(), by: "staff" },
      });
      return { account, resetExpiresAt };
    });
  }

  /** Issues a 24-hour reset token (voiding earlier ones) and queues its email. Shared with self-service resets. */
  async queueReset(tx: OrgScope, account: PortalAccount, org: Organization, kind: EmailKind): Promise<Date> {
    const expiresAt = new Date(Date.now() + RESET_TTL_HOURS * 3600_000);
    await voidPendingTokens(tx, account.id, "RESET");
    const { token } = await issueToken(tx, { accountId: account.id, patientId: null, kind: "RESET", expiresAt });
    await this.emailQueue.queue(tx, {
      kind,
      to: account.email,
      language: account.language,
      accountId: account.id,
      variables: { organizationName: org.name, expiresAt: expiresAt.toISOString() },
      secrets: { link: this.link(resetPath(token)) },
    });
    return expiresAt;
  }

  /**
   * Rule 14: a login email change is security-sensitive. The old address is told, pending invite and
   * reset links die, every session of the account ends, and the change is audited.
   */
  async changePortalLoginEmail(scope: OrgScope, input: { accountId: number; email: string }): Promise<{ account: PortalAccount }> {
    return scope.transaction(async (tx) => {
      const account = await this.portalAccess.requireAccount(tx, input.accountId);
      const email = input.email.trim();
      if (!isValidEmail(email)) fail(UserErrorCode.INVALID_EMAIL, "This is not a valid email address.", "email");
      const emailNormalized = normalizeEmail(email);
      if (emailNormalized === account.emailNormalized && email === account.email) return { account };
      if (emailNormalized !== account.emailNormalized && (await tx.findOneBy(PortalAccount, { emailNormalized }))) {
        fail(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
      }
      const before = account.email;
      account.email = email;
      account.emailNormalized = emailNormalized;
      try {
        await tx.save(PortalAccount, account);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
        throw err;
      }
      const voided = await voidPendingTokens(tx, account.id);
      await this.sessions.destroyAllFor("PORTAL", account.id, tx.manager);
      const org = await tx.manager.findOneByOrFail(Organization, { id: tx.organizationId });
      if (normalizeEmail(before) !== emailNormalized) {
        await this.emailQueue.queue(tx, {
          kind: EmailKind.LOGIN_EMAIL_CHANGED,
          to: before,
          language: account.language,
          accountId: account.id,
          variables: { organizationName: org.name, newEmail: email, oldEmail: before },
        });
      }
      await audit(tx, {
        action: "portal_account.login_email_changed",
        targetType: "PortalAccount",
        targetId: account.id,
        before: { loginEmail: before },
        after: { loginEmail: email, voidedLinks: voided, sessionsEnded: true },
      });
      return { account };
    });
  }
}
