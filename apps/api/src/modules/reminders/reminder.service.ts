import { In } from "typeorm";
import type { DataSource } from "typeorm";
import { AccessType, UserErrorCode, WebhookEventType } from "@portal/schema";
import { isMysql } from "../../db/data-source";
import { ACROSS_ORGANIZATIONS, systemScope, type OrgScope } from "../../db/org-scope";
import { randomToken, sha256 } from "../../auth/tokens";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind } from "../../email/email.types";
import { UserFacingError } from "../../graphql/user-error";
import type { Logger } from "../../logger";
import { audit } from "../audit/audit.service";
import { invitePath, signInPath, voidPendingTokens } from "../invites/portal-tokens";
import { PortalToken } from "../invites/portal-token.entity";
import { Organization } from "../organizations/organization.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { patientsFollowingAccount, refreshPortalStatus } from "../portal-access/portal-status";
import { emitWebhookEventIn } from "../webhooks/webhook-emit";
import { decideReminder, earliestDueCutoff, oldestRemindedInvite, type ReminderDue, type ReminderSkip } from "./reminder-schedule";

/** Accounts one sweep transaction claims at most; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/** What staff read in the bulk report for a row the reminder skipped: the same codes the single actions use. */
const SKIP_ERRORS: Record<ReminderSkip, [UserErrorCode, string]> = {
  SIGNED_IN: [UserErrorCode.ALREADY_ACTIVE, "This account has already signed in; no reminder is needed."],
  DISABLED: [UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it before reminding."],
  NO_ACCESS: [UserErrorCode.NO_ACCESS, "No usable portal access for this patient (removed, suspended or the patient is inactive)."],
  NOT_INVITED: [UserErrorCode.NO_ACCESS, "No invite has been sent yet: send an invite instead of a reminder."],
  NOT_LINK: [UserErrorCode.INVITE_INVALID, "The latest invite was a temporary password: send a new invite instead of a reminder."],
  LOCKED: [UserErrorCode.INVITE_LOCKED, "The invite is locked after wrong dates of birth: send a new invite."],
  NOT_DUE: [UserErrorCode.COOLDOWN, "No reminder is due yet."],
  COOLDOWN: [UserErrorCode.COOLDOWN, "An invite or reminder was sent within the resend cooldown; try again later."],
  SCHEDULE_DONE: [UserErrorCode.COOLDOWN, "Every scheduled reminder was sent."],
};

export function reminderSkipError(skip: ReminderSkip): UserFacingError {
  const [code, message] = SKIP_ERRORS[skip];
  return new UserFacingError(code, message, "patientId");
}

interface ReminderSend {
  account: PortalAccount;
  /** The patient whose date of birth the new link asks for (the latest invite's). */
  patient: Patient;
  grant: PortalGrant;
  due: ReminderDue;
}

/**
 * Invite reminders (SPEC rule 23). A reminder carries a fresh invite link (the raw token of the
 * earlier one exists only in its email), so it is an invite of its own kind: the earlier link stops
 * working, the resend cooldown counts from it, and the schedule's round keeps counting. The sweep
 * runs in every API process: each transaction claims its accounts with FOR UPDATE SKIP LOCKED on
 * MySQL (SQLite's transactions are serialized) and decides them again under the lock, and the
 * outbox's dedupe key names the invite a reminder follows, so no reminder is ever sent twice.
 */
export class ReminderService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly emailQueue: EmailQueue,
    private readonly publicUrl: string,
    private readonly logger: Logger,
  ) {}

  /** Sweeps now and then every `everyMs` (main.ts); a sweep still running is not started twice in one process. */
  start(everyMs = 10 * 60_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) => this.logger.error({ err }, "invite reminder sweep failed"))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over every organization with a schedule; returns how many reminders were queued. */
  async sweep(now = new Date()): Promise<number> {
    // Only organizations with someone invited at least a day ago and not signed in (the shortest
    // possible delay), through the accounts' (signedUpAt, lastInviteSentAt) index.
    const column = this.dataSource.getMetadata(PortalAccount).findColumnWithPropertyName("lastInviteSentAt")!;
    const dayAgo = this.dataSource.driver.preparePersistentValue(new Date(now.getTime() - 86_400_000), column) as unknown;
    const orgs = await systemScope(this.dataSource, ACROSS_ORGANIZATIONS, "invite reminders")
      .qbAcrossOrganizations(Organization, "o")
      .where("o.inviteReminderDays <> ''")
      .andWhere("EXISTS (SELECT 1 FROM portal_accounts a WHERE a.organizationId = o.id AND a.signedUpAt IS NULL AND a.lastSignInAt IS NULL AND a.lastInviteSentAt <= :dayAgo)", { dayAgo })
      .orderBy("o.id", "ASC")
      .getMany();
    let sent = 0;
    for (const org of orgs) {
      if (org.inviteReminderDays.length === 0) continue;
      for (;;) {
        const { claimed, queued } = await this.sweepBatch(org, now);
        sent += queued;
        if (claimed < SWEEP_BATCH) break;
      }
    }
    return sent;
  }

  /**
   * One transaction: claims up to SWEEP_BATCH accounts that may have a reminder due, decides each
   * with the facts read under the lock, and writes the reminders that are due.
   */
  private sweepBatch(org: Organization, now: Date): Promise<{ claimed: number; queued: number }> {
    const days = org.inviteReminderDays;
    const cutoff = earliestDueCutoff(days, now)!;
    const oldest = oldestRemindedInvite(days, now)!;
    return systemScope(this.dataSource, org.id, "invite reminders").transaction(async (tx) => {
      const mysql = isMysql(this.dataSource);
      const ph = (d: Date) => tx.toDatabaseValue(PortalAccount, "lastInviteSentAt", d);
      // Accounts invited long enough ago, not signed in, not done with their round. The claim is
      // the lock: a second process skips these rows instead of waiting for them, then finds them done.
      const rows = await tx.query<{ id: number }>(
        `SELECT id FROM portal_accounts WHERE organizationId = ? AND signedUpAt IS NULL AND lastSignInAt IS NULL AND disabled = ? AND lastInviteSentAt >= ?
           AND (lastInviteSentAt <= ? OR reminderRoundAt <= ?)
           AND NOT (lastReminderAt IS NOT NULL AND lastInviteSentAt <= lastReminderAt AND remindersSent >= ?)
         ORDER BY id LIMIT ${SWEEP_BATCH}${mysql ? " FOR UPDATE SKIP LOCKED" : ""}`,
        [org.id, false, ph(oldest), ph(cutoff), ph(cutoff), days.length],
      );
      if (rows.length === 0) return { claimed: 0, queued: 0 };
      const accounts = await tx.find(PortalAccount, { where: { id: In(rows.map((r) => r.id)) }, order: { id: "ASC" } });
      const decided = await this.decide(tx, org, accounts, now, false);
      const sends = decided.flatMap((d) => ("send" in d ? [d.send] : []));
      await this.write(tx, org, sends, now, "schedule");
      return { claimed: rows.length, queued: sends.length };
    });
  }

  /**
   * The facts of each account (its latest invite, that invite's patient and grant) read in a few
   * statements, and the decision of reminder-schedule.ts for each, in the accounts' order.
   */
  async decide(tx: OrgScope, org: Organization, accounts: PortalAccount[], now: Date, manual: boolean): Promise<({ send: ReminderSend } | { skip: ReminderSkip; account: PortalAccount })[]> {
    if (accounts.length === 0) return [];
    const ids = accounts.map((a) => a.id);
    // Activation codes (method CODE) ride along with a link of their own: the link is the invite.
    const tokens = await tx.find(PortalToken, { where: { accountId: In(ids), kind: "INVITE" }, order: { id: "DESC" } });
    const latest = new Map<number, PortalToken>();
    for (const t of tokens) if (t.method !== "CODE" && !latest.has(t.accountId)) latest.set(t.accountId, t);
    const patientIds = [...new Set([...latest.values()].flatMap((t) => (t.patientId ? [t.patientId] : [])))];
    const patients = new Map((patientIds.length ? await tx.find(Patient, { where: { id: In(patientIds) } }) : []).map((p) => [p.id, p]));
    const grants = await tx.find(PortalGrant, { where: { accountId: In(ids), ...PortalGrant.USABLE } });
    const grantOf = (accountId: number, patientId: number | null) => grants.find((g) => g.accountId === accountId && g.patientId === patientId) ?? null;
    return accounts.map((account) => {
      const token = latest.get(account.id) ?? null;
      const patient = token?.patientId ? patients.get(token.patientId) ?? null : null;
      const grant = token ? grantOf(account.id, token.patientId) : null;
      const decision = decideReminder(
        {
          ...account,
          lastInviteSentAt: token ? account.lastInviteSentAt : null,
          inviteLocked: Boolean(token?.lockedAt),
          inviteIsLink: token?.method === "LINK",
          grantUsable: Boolean(grant && patient && patient.active !== false && patient.dateOfBirth),
        },
        { days: org.inviteReminderDays, resendCooldownMinutes: org.resendCooldownMinutes },
        now,
        manual,
      );
      return "send" in decision ? { send: { account, patient: patient!, grant: grant!, due: decision.send } } : { skip: decision.skip, account };
    });
  }

  /**
   * The writes of reminders: emails (deduplicated by the invite they follow), a fresh link each
   * (earlier invite links voided), the accounts' round, the patients' colour and grid facets, audit
   * and webhooks. Returns the account ids whose reminder was queued.
   */
  async write(tx: OrgScope, org: Organization, sends: ReminderSend[], now: Date, by: "schedule" | "staff"): Promise<Set<number>> {
    if (sends.length === 0) return new Set();
    const expiresAt = new Date(now.getTime() + org.inviteLinkTtlHours * 3600_000);
    const contactIds = [...new Set(sends.flatMap((s) => (s.grant.contactId ? [s.grant.contactId] : [])))];
    const contacts = new Map((contactIds.length ? await tx.find(Contact, { where: { id: In(contactIds) } }) : []).map((c) => [c.id, c]));
    const tokens = sends.map(() => randomToken(32));
    const queued = await this.emailQueue.queueMany(
      tx,
      sends.map((s, i) => ({
        kind: EmailKind.INVITE_REMINDER,
        to: s.account.email,
        language: s.account.language,
        accountId: s.account.id,
        patientId: s.patient.id,
        variables: {
          organizationName: org.name,
          recipientName: s.grant.contactId ? (contacts.get(s.grant.contactId)?.firstName ?? "") : s.patient.firstName,
          patientName: `${s.patient.firstName} ${s.patient.lastName}`,
          expiresAt: expiresAt.toISOString(),
          signInUrl: `${this.publicUrl}${signInPath}`,
        },
        secrets: { link: `${this.publicUrl}${invitePath(tokens[i])}` },
        // One reminder per invite it follows: two processes (or a sweep and a bulk action) racing
        // on one account compute the same key, and the outbox's unique index lets one through.
        dedupeKey: `invite-reminder:${s.account.id}:${s.account.lastInviteSentAt!.getTime()}`,
      })),
    );
    const sent = sends.filter((_, i) => queued[i]);
    if (sent.length === 0) return new Set();
    const accountIds = sent.map((s) => s.account.id);
    await voidPendingTokens(tx, accountIds, "INVITE");
    await tx.insertMany(
      PortalToken,
      sent.map((s) => ({
        accountId: s.account.id,
        patientId: s.patient.id,
        kind: "INVITE" as const,
        method: "LINK" as const,
        tokenHash: sha256(tokens[sends.indexOf(s)]),
        expiresAt,
        createdByStaffId: tx.actor.staffId,
      })),
    );
    const groups = new Map<string, { number: number; roundAt: Date; ids: number[] }>();
    for (const s of sent) {
      const key = `${s.due.number}|${s.due.roundAt.getTime()}`;
      if (!groups.has(key)) groups.set(key, { number: s.due.number, roundAt: s.due.roundAt, ids: [] });
      groups.get(key)!.ids.push(s.account.id);
    }
    for (const g of groups.values()) {
      // lastInviteSentAt and lastReminderAt move together: that is how the next sweep knows the round goes on.
      await tx.update(PortalAccount, { id: In(g.ids) }, { lastInviteSentAt: now, lastReminderAt: now, remindersSent: g.number, reminderRoundAt: g.roundAt, version: () => "version + 1" } as never);
    }
    const following = await patientsFollowingAccount(tx, accountIds);
    await refreshPortalStatus(tx, following);
    if (following.length) await tx.update(Patient, { id: In(following) }, { inviteUsableUntil: expiresAt, inviteLockedAt: null, lastReminderAt: now });
    await audit(
      tx,
      sent.map((s) => ({
        action: "portal_invite.reminded",
        targetType: "PortalAccount",
        targetId: s.account.id,
        patientId: s.patient.id,
        after: { reminder: s.due.number, by, loginEmail: s.account.email, expiresAt: expiresAt.toISOString(), language: s.account.language },
      })),
    );
    for (const s of sent) {
      await emitWebhookEventIn(tx, WebhookEventType.PORTAL_INVITE_REMINDED, {
        accountId: String(s.account.id),
        patientId: String(s.patient.id),
        grantId: String(s.grant.id),
        reminder: s.due.number,
        by,
        expiresAt: expiresAt.toISOString(),
      });
    }
    return new Set(accountIds);
  }

  /**
   * Staff's "remind all N matching" for a chunk of a bulk job (patients): the SELF account of each,
   * locked, decided as a manual reminder. Returns per patient the error that skipped it, or null.
   */
  async remindPatients(tx: OrgScope, patientIds: number[], now = new Date()): Promise<Map<number, UserFacingError | null>> {
    const out = new Map<number, UserFacingError | null>();
    const org = await tx.organization();
    const grants = await tx.find(PortalGrant, { where: { patientId: In(patientIds), accessType: AccessType.SELF, ...PortalGrant.USABLE } });
    const grantByPatient = new Map(grants.map((g) => [g.patientId, g]));
    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    const accounts = accountIds.length ? await tx.findForUpdate(PortalAccount, { id: In(accountIds) }) : [];
    const decided = await this.decide(tx, org, accounts, now, true);
    const byAccount = new Map(decided.map((d) => ["send" in d ? d.send.account.id : d.account.id, d]));
    const sends = decided.flatMap((d) => ("send" in d ? [d.send] : []));
    const done = await this.write(tx, org, sends, now, "staff");
    // Ids of another organization are rows the job skips as NOT_FOUND, as the single actions answer.
    const known = new Set((await tx.find(Patient, { where: { id: In(patientIds) }, select: { id: true } })).map((p) => p.id));
    for (const patientId of patientIds) {
      const grant = grantByPatient.get(patientId);
      const d = grant ? byAccount.get(grant.accountId) : undefined;
      if (!known.has(patientId)) out.set(patientId, new UserFacingError(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId"));
      else if (!grant || !d) out.set(patientId, reminderSkipError("NO_ACCESS"));
      else if ("skip" in d) out.set(patientId, reminderSkipError(d.skip));
      else if (!done.has(grant.accountId)) out.set(patientId, reminderSkipError("COOLDOWN"));
      else out.set(patientId, null);
    }
    return out;
  }
}
