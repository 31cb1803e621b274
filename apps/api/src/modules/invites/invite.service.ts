import { In, IsNull } from "typeorm";
import { AccessType, InviteMethod, type Language, resendAvailableAt, UserErrorCode, WebhookEventType } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { hashPassword } from "../../auth/passwords";
import { randomToken, sha256 } from "../../auth/tokens";
import type { SessionService } from "../../auth/session.service";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind, type QueuedEmail } from "../../email/email.types";
import { attempt, fail, UserFacingError } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { emitWebhookEvents } from "../webhooks/webhook-events";
import { Organization } from "../organizations/organization.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import type { GrantResult, PortalAccessService } from "../portal-access/portal-access.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { patientsFollowingAccount, refreshPortalStatus } from "../portal-access/portal-status";
import { PortalToken } from "./portal-token.entity";
// Rule 20 lives in modules/access-schedule; the calls below are marked "access schedule".
import { accessScheduleSettingsOf, refuseBelowSelfAccessAge } from "../access-schedule/access-schedule.service";
import { generateTemporaryPassword, invitePath, issueToken, RESET_TTL_HOURS, resetPath, signInPath, voidPendingTokens } from "./portal-tokens";


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

/** One target of a round of invites, with its temporary password when the organization sends those. */
interface InviteItem {
  target: InviteTarget;
  dedupeKey?: string | null;
  temporary: { password: string; hash: string } | null;
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
 * Invites and staff password resets (SPEC rules 6–9; login email changes are LoginEmailChangeService's).
 * Every rule of an invite is decided in `sendInvite`, which the per-patient screen, `sendInvite: true`
 * on the enable mutations and bulk onboarding all call, so a rule lives in one place.
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

  /**
   * Sends (or resends) the invite for one grant (rules 6–8): the set-based path, for one target.
   * Throws the row's UserFacingError.
   */
  async sendInvite(scope: OrgScope, target: InviteTarget, options: SendInviteOptions = {}): Promise<SendInviteResult> {
    const [result] = await this.sendInvites(scope, [{ target, dedupeKey: options.dedupeKey }]);
    if (result instanceof UserFacingError) throw result;
    return result;
  }

  /**
   * Rules 6–8 for an invite: only before the account's first sign-in, not within the organization's
   * cooldown, with an email and the date of birth of the patient the grant opens on file, to an
   * enabled account. Bulk enable-and-invite asks it before enabling a row, on the account the row
   * will use (none yet: a new account).
   */
  checkInvitable(org: Organization, account: Pick<PortalAccount, "disabled" | "signedUpAt" | "lastSignInAt" | "email" | "lastInviteSentAt"> | null, patient: Patient, field: string, now = new Date()): void {
    if (account?.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it before sending an invite.", field);
    if (account && hasSignedIn(account as PortalAccount)) fail(UserErrorCode.ALREADY_ACTIVE, "This account has already signed in; an invite is no longer needed (use a password reset).", field);
    if (account && !account.email) fail(UserErrorCode.MISSING_EMAIL, "An email address is needed to send an invite.", field);
    if (!patient.dateOfBirth) {
      fail(UserErrorCode.MISSING_DATE_OF_BIRTH, "The patient's date of birth must be on file: the invite asks for it before the account is created.", field);
    }
    const availableAt = resendAvailableAt(account?.lastInviteSentAt, org.resendCooldownMinutes, now);
    if (availableAt) {
      const minutes = Math.ceil((availableAt.getTime() - now.getTime()) / 60_000);
      fail(
        UserErrorCode.COOLDOWN,
        `An invite was sent at ${formatUtc(account!.lastInviteSentAt!)}; another can be sent from ${formatUtc(availableAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`,
        field,
      );
    }
  }

  /**
   * Sends invites for many targets at once (bulk onboarding; the single mutation is the case of one).
   * The grants, accounts (locked), patients and contacts of every row are read in a few statements,
   * each row is decided by `checkInvitable`, and the rows that pass are written in multi-row
   * statements: emails, tokens, accounts, status, audit and webhooks. A row that cannot be sent gets
   * its UserFacingError; two rows of one account are sent one after the other, as if sequential.
   */
  async sendInvites(scope: OrgScope, items: { target: InviteTarget; dedupeKey?: string | null }[]): Promise<(SendInviteResult | UserFacingError)[]> {
    if (items.length === 0) return [];
    const org = await scope.manager.findOneByOrFail(Organization, { id: scope.organizationId });
    // Hashing a temporary password takes tens of milliseconds: done before the transaction opens.
    const temporary =
      org.inviteMethod === InviteMethod.TEMPORARY_PASSWORD
        ? await Promise.all(items.map(async () => { const password = generateTemporaryPassword(); return { password, hash: await hashPassword(password) }; }))
        : null;
    return scope.transaction((tx) => this.sendRound(tx, org, items.map((item, i) => ({ ...item, temporary: temporary?.[i] ?? null }))));
  }

  private async sendRound(tx: OrgScope, org: Organization, items: InviteItem[]): Promise<(SendInviteResult | UserFacingError)[]> {
    const fieldOf = (t: InviteTarget) => ("grantId" in t ? "grantId" : "patientId");
    const grantIds = items.flatMap((i) => ("grantId" in i.target ? [i.target.grantId] : []));
    const selfIds = items.flatMap((i) => ("patientId" in i.target ? [i.target.patientId] : []));
    const byGrantId = new Map((grantIds.length ? await tx.find(PortalGrant, { where: { id: In(grantIds) } }) : []).map((g) => [g.id, g]));
    const bySelfPatient = new Map(
      (selfIds.length ? await tx.find(PortalGrant, { where: { patientId: In(selfIds), accessType: AccessType.SELF, revokedAt: IsNull() } }) : []).map((g) => [g.patientId, g]),
    );
    const patientIds = [...new Set([...selfIds, ...[...byGrantId.values(), ...bySelfPatient.values()].map((g) => g.patientId)])];
    const patients = new Map((patientIds.length ? await tx.find(Patient, { where: { id: In(patientIds) } }) : []).map((p) => [p.id, p]));
    // Rule 18: no invite for an inactive patient, nor for access suspended while the patient was inactive.
    const usable = (grant: PortalGrant, field: string): PortalGrant => {
      if (patients.get(grant.patientId)?.active === false) fail(UserErrorCode.PATIENT_INACTIVE, "This patient's record is inactive.", field);
      if (grant.suspendedAt) fail(UserErrorCode.NO_ACCESS, "Portal access is suspended since the patient was made inactive: enable or grant access again first.", field);
      return grant;
    };
    const grantOf = (t: InviteTarget): PortalGrant => {
      if ("grantId" in t) {
        const grant = byGrantId.get(t.grantId);
        if (!grant || grant.revokedAt) fail(UserErrorCode.NOT_FOUND, "Portal access not found (it may have been removed).", "grantId");
        return usable(grant!, "grantId");
      }
      if (!patients.has(t.patientId)) fail(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
      return usable(bySelfPatient.get(t.patientId) ?? fail(UserErrorCode.NO_ACCESS, "Enable portal access for this patient before sending an invite.", "patientId"), "patientId");
    };
    const grants = items.map((i) => attempt(() => grantOf(i.target)));
    const accountIds = [...new Set(grants.flatMap((g) => (g instanceof UserFacingError ? [] : [g.accountId])))];
    // Locks the accounts (in id order): two concurrent sends cannot both pass the cooldown.
    const accounts = new Map((accountIds.length ? await tx.findForUpdate(PortalAccount, { id: In(accountIds) }) : []).map((a) => [a.id, a]));
    const contactIds = [...new Set(grants.flatMap((g) => (g instanceof UserFacingError || !g.contactId ? [] : [g.contactId])))];
    const contacts = new Map((contactIds.length ? await tx.find(Contact, { where: { id: In(contactIds) } }) : []).map((c) => [c.id, c]));

    const now = new Date();
    const ageRules = (await accessScheduleSettingsOf(tx)).ageRules; // access schedule (rule 20)
    const inviteExpiresAt = new Date(now.getTime() + org.inviteLinkTtlHours * 3600_000);
    const method = org.inviteMethod;
    const results: (SendInviteResult | UserFacingError | undefined)[] = items.map(() => undefined);
    const later: number[] = [];
    const thisRound = new Set<number>();
    const sends: { index: number; grant: PortalGrant; account: PortalAccount; patient: Patient; token: string; resent: boolean; email: QueuedEmail }[] = [];
    items.forEach((item, index) => {
      const grant = grants[index];
      if (grant instanceof UserFacingError) return void (results[index] = grant);
      const account = accounts.get(grant.accountId)!;
      // A second row of the same account waits for the next round, which sees this one's invite.
      if (thisRound.has(account.id)) return void later.push(index);
      const patient = patients.get(grant.patientId)!;
      const checked = attempt(() => this.checkInvitable(org, account, patient, fieldOf(item.target), now));
      if (checked instanceof UserFacingError) return void (results[index] = checked);
      // access schedule (rule 20): no invite to an own account below the organization's minimum age.
      const young = grant.accessType === AccessType.SELF ? attempt(() => refuseBelowSelfAccessAge(ageRules, patient, now, fieldOf(item.target))) : null;
      if (young instanceof UserFacingError) return void (results[index] = young);
      thisRound.add(account.id);
      const token = randomToken(32);
      const contact = grant.contactId ? contacts.get(grant.contactId) : null;
      sends.push({
        index,
        grant,
        account,
        patient,
        token,
        resent: account.lastInviteSentAt !== null,
        email: {
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
            signInUrl: this.link(signInPath),
          },
          // The temporary-password email carries no link token: the forced change completes sign-up.
          secrets: item.temporary ? { temporaryPassword: item.temporary.password } : { link: this.link(invitePath(token)) },
          dedupeKey: item.dedupeKey ?? null,
        },
      });
    });

    if (sends.length) {
      try {
        // A savepoint: a dedupe key taken concurrently (unique index) undoes this step, and the rows are redone one by one.
        const done = await tx.manager.transaction((inner) =>
          this.writeInvites(new OrgScope(tx.dataSource, inner, tx.organizationId, tx.actor), sends, items, { now, method, inviteExpiresAt }),
        );
        for (const r of done) results[r.index] = r.result;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        for (const send of sends) {
          const item = items[send.index];
          results[send.index] =
            sends.length > 1
              ? (await this.sendRound(tx, org, [item]))[0]
              : { grant: send.grant, account: send.account, patient: send.patient, method, inviteExpiresAt: send.account.lastInviteSentAt ?? now, resent: send.resent, queued: false };
        }
      }
    }
    if (later.length) {
      const next = await this.sendRound(tx, org, later.map((i) => items[i]));
      later.forEach((index, k) => (results[index] = next[k]));
    }
    return results as (SendInviteResult | UserFacingError)[];
  }

  /** The writes of one round of invites, in multi-row statements. */
  private async writeInvites(
    tx: OrgScope,
    sends: { index: number; grant: PortalGrant; account: PortalAccount; patient: Patient; token: string; resent: boolean; email: QueuedEmail }[],
    items: InviteItem[],
    { now, method, inviteExpiresAt }: { now: Date; method: InviteMethod; inviteExpiresAt: Date },
  ): Promise<{ index: number; result: SendInviteResult }[]> {
    const queued = await this.emailQueue.queueMany(tx, sends.map((s) => s.email));
    // A dedupe key used already: nothing is sent or changed for that row.
    const sent = sends.filter((_, i) => queued[i]);
    const skipped = sends.filter((_, i) => !queued[i]);
    if (sent.length) {
      const accountIds = sent.map((s) => s.account.id);
      await voidPendingTokens(tx, accountIds, "INVITE");
      await tx.insertMany(
        PortalToken,
        sent.map((s) => ({
          accountId: s.account.id,
          patientId: s.patient.id,
          kind: "INVITE" as const,
          method,
          tokenHash: sha256(s.token),
          expiresAt: inviteExpiresAt,
          createdByStaffId: tx.actor.staffId,
        })),
      );
      const linkSent = sent.filter((s) => !items[s.index].temporary);
      // An earlier temporary password stops working once a link replaces it (none of these accounts has signed in).
      if (linkSent.length) {
        await tx.update(PortalAccount, { id: In(linkSent.map((s) => s.account.id)) }, { lastInviteSentAt: now, passwordHash: null, version: () => "version + 1" } as never);
      }
      for (const s of sent.filter((x) => items[x.index].temporary)) {
        await tx.update(PortalAccount, { id: s.account.id }, { lastInviteSentAt: now, passwordHash: items[s.index].temporary!.hash, mustChangePassword: true, version: () => "version + 1" } as never);
      }
      for (const s of sent) {
        const temporary = items[s.index].temporary;
        Object.assign(s.account, { lastInviteSentAt: now, passwordHash: temporary ? temporary.hash : null, mustChangePassword: temporary ? true : s.account.mustChangePassword, version: s.account.version + 1 });
      }
      const following = [...(await patientsFollowingAccount(tx, accountIds)), ...sent.filter((s) => s.grant.accessType === AccessType.SELF).map((s) => s.patient.id)];
      const refreshed = await refreshPortalStatus(tx, following);
      // The grid's "expired or locked" facet: the new invite is usable until it expires, and not locked.
      if (following.length) await tx.update(Patient, { id: In([...new Set(following)]) }, { inviteUsableUntil: inviteExpiresAt, inviteLockedAt: null });
      for (const s of sent) Object.assign(s.patient, refreshed.get(s.patient.id));
      await audit(
        tx,
        sent.map((s) => ({
          action: "portal_invite.sent",
          targetType: "PortalAccount",
          targetId: s.account.id,
          patientId: s.patient.id,
          after: { grantId: s.grant.id, accessType: s.grant.accessType, loginEmail: s.account.email, method, expiresAt: inviteExpiresAt.toISOString(), resent: s.resent, language: s.account.language },
        })),
      );
      await emitWebhookEvents(
        tx.manager,
        tx.organizationId,
        sent.map((s) => ({
          type: WebhookEventType.PORTAL_INVITE_SENT,
          data: {
            patientId: String(s.patient.id),
            grantId: String(s.grant.id),
            accountId: String(s.account.id),
            accessType: s.grant.accessType,
            method,
            resent: s.resent,
            expiresAt: inviteExpiresAt.toISOString(),
          },
        })),
      );
    }
    return [
      ...sent.map((s) => ({ index: s.index, result: { grant: s.grant, account: s.account, patient: s.patient, method, inviteExpiresAt, resent: s.resent, queued: true } })),
      ...skipped.map((s) => ({ index: s.index, result: { grant: s.grant, account: s.account, patient: s.patient, method, inviteExpiresAt: s.account.lastInviteSentAt ?? now, resent: s.resent, queued: false } })),
    ];
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
