import { In, IsNull, Not, type DataSource } from "typeorm";
import { AccessType, dayOf, decideDaily, Language, StaffPermission, WebhookEventType, type DailyDecision, type ScheduledChange } from "@portal/schema";
import type { SessionService } from "../../auth/session.service";
import { systemScope, type OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind, type QueuedEmail } from "../../email/email.types";
import type { Logger } from "../../logger";
import { audit } from "../audit/audit.service";
import { Organization } from "../organizations/organization.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";
import { StaffRole } from "../staff/staff-role.entity";
import { StaffUser } from "../staff/staff-user.entity";
import { emitWebhookEventIn } from "../webhooks/webhook-emit";
import type { WebhookData } from "../webhooks/webhook-events";
import { AccessScheduleRun, type AccessScheduleSettings } from "./access-schedule.entity";
import { accessScheduleSettingsOf } from "./access-schedule.service";

/** What one organization's run did, kept on its access_schedule_runs row. */
export interface AccessScheduleSummary {
  [key: string]: number;
  proxyGrants: number;
  limited: number;
  ended: number;
  notices: number;
  staffReminders: number;
}

export interface AccessScheduleRunResult {
  organizationId: number;
  day: string;
  /** False: another process (or an earlier tick) already ran this organization's day. */
  ran: boolean;
  summary?: AccessScheduleSummary;
}

/** SQLite answers "database is locked" when another connection holds the write lock past the busy timeout. */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (err as { code?: string }).code;
  return code === "SQLITE_BUSY";
}

const NAME = (p: { firstName: string; lastName: string } | null | undefined) => (p ? `${p.firstName} ${p.lastName}` : "");

/**
 * The daily job of rules 20 and 21, in the API process. For each organization and UTC day, the
 * runner that inserts the (organizationId, day) row of access_schedule_runs does the day's work in
 * that same transaction: a second process inserting the same key waits for it and finds it taken
 * (duplicate key on MySQL/MariaDB, busy or duplicate on SQLite) and skips; a run that fails rolls
 * its claim back, so the next tick (every 15 minutes) tries again. Decisions are "due on or before
 * today", so a day the servers were down is caught up the day after.
 *
 * Per proxy grant (decideDaily, pure): apply a due limit (the narrower role) or end (age rules or
 * end date) — audited, a webhook event, the holder's sessions ended, the "access removed" email on
 * an end when the organization sends it; otherwise email the notice of a coming age-rule change to
 * the proxy and the patient, and the reminder of a coming end date to staff. Emails carry dedupe
 * keys, so each notice or reminder goes out once whatever the number of runs.
 */
export class AccessScheduleJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly deps: { dataSource: DataSource; emails: EmailQueue; sessions: SessionService; logger: Logger; publicUrl: string },
  ) {}

  /** Checks every `everyMs` whether today's run of each organization is still to do. */
  start(everyMs = 15 * 60_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue()
        .catch((err: unknown) => this.deps.logger.warn({ err }, "access schedule tick failed"))
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

  /** Runs today's work of every organization not yet claimed today. */
  async runDue(now = new Date()): Promise<AccessScheduleRunResult[]> {
    const orgs = await this.deps.dataSource.getRepository(Organization).find({ select: { id: true }, order: { id: "ASC" } });
    const results: AccessScheduleRunResult[] = [];
    for (const { id } of orgs) {
      try {
        results.push(await this.runOrganization(id, now));
      } catch (err) {
        // One organization's failure must not hold back the others; its claim rolled back.
        this.deps.logger.warn({ err, organizationId: id }, "access schedule run failed; retried at the next tick");
      }
    }
    return results;
  }

  /** One organization's day: claimed and done in one transaction, or skipped when already claimed. */
  async runOrganization(organizationId: number, now = new Date()): Promise<AccessScheduleRunResult> {
    const day = dayOf(now);
    const scope = systemScope(this.deps.dataSource, organizationId, "access schedule");
    try {
      const summary = await scope.transaction(async (tx) => {
        // The claim first: a plain INSERT of the (organizationId, day) key, never an upsert.
        await tx.insertMany(AccessScheduleRun, [{ day, ranAt: now, summary: null }]);
        const done = await this.apply(tx, now, day);
        await tx.update(AccessScheduleRun, { day }, { summary: done });
        return done;
      });
      if (summary.limited || summary.ended) this.deps.logger.info({ organizationId, day, ...summary }, "access schedule applied");
      return { organizationId, day, ran: true, summary };
    } catch (err) {
      if (isUniqueViolation(err) || isBusy(err)) return { organizationId, day, ran: false };
      throw err;
    }
  }

  private async apply(tx: OrgScope, now: Date, day: string): Promise<AccessScheduleSummary> {
    const settings = await accessScheduleSettingsOf(tx);
    const rules = settings.ageRules;
    const byAge = rules.proxyLimitedAtAge !== null || rules.proxyEndsAtAge !== null;
    const usable = { accessType: AccessType.PROXY, revokedAt: IsNull(), suspendedAt: IsNull() };
    // Without age rules only grants with an end date can change.
    const grants = await tx.find(PortalGrant, { where: byAge ? usable : { ...usable, endsOn: Not(IsNull()) }, order: { id: "ASC" } });
    const summary: AccessScheduleSummary = { proxyGrants: grants.length, limited: 0, ended: 0, notices: 0, staffReminders: 0 };
    if (grants.length === 0) return summary;

    const patients = new Map((await tx.find(Patient, { where: { id: In([...new Set(grants.map((g) => g.patientId))]) } })).map((p) => [p.id, p]));
    const contactIds = [...new Set(grants.flatMap((g) => (g.contactId ? [g.contactId] : [])))];
    const contacts = new Map((contactIds.length ? await tx.find(Contact, { where: { id: In(contactIds) } }) : []).map((c) => [c.id, c]));
    const decided = grants.map((grant) => {
      const contact = grant.contactId ? (contacts.get(grant.contactId) ?? null) : null;
      const decision: DailyDecision = decideDaily(
        rules,
        patients.get(grant.patientId)?.dateOfBirth ?? null,
        { basis: grant.proxyBasis, relationship: contact?.relationship ?? null, endsOn: grant.endsOn, portalRoleId: grant.portalRoleId, ageLimited: grant.ageLimitedAt !== null },
        day,
        { noticeDays: settings.ageNoticeDays, staffReminderDays: settings.proxyEndReminderDays },
      );
      return { grant, contact, patient: patients.get(grant.patientId) ?? null, decision };
    });
    if (!decided.some((d) => d.decision.apply || d.decision.notice || d.decision.staffReminder)) return summary;

    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    const accounts = new Map((await tx.find(PortalAccount, { where: { id: In(accountIds) } })).map((a) => [a.id, a]));
    const org = await tx.organization();
    type Row = (typeof decided)[number];
    const factsOf = (d: Row) => ({ accountId: d.grant.accountId, accessType: d.grant.accessType, portalRoleId: d.grant.portalRoleId, contactId: d.grant.contactId, proxyBasis: d.grant.proxyBasis, endsOn: d.grant.endsOn });
    const webhook = (d: Row, extra: WebhookData): WebhookData => ({
      patientId: String(d.grant.patientId),
      grantId: String(d.grant.id),
      accountId: String(d.grant.accountId),
      accessType: d.grant.accessType,
      contactId: d.grant.contactId ? String(d.grant.contactId) : null,
      ...extra,
    });

    // 1. Ends that are due: the grant is revoked by the system (age rules or end date).
    const ends = decided.filter((d) => d.decision.apply?.kind === "ENDS");
    if (ends.length) {
      await tx.update(PortalGrant, { id: In(ends.map((d) => d.grant.id)) }, { revokedAt: now, revokedByStaffId: null, activeKey: null, selfKey: null });
      await audit(
        tx,
        ends.map((d) => {
          const change = d.decision.apply!;
          return {
            action: change.reason === "AGE_RULE" ? "portal_access.ended_by_age" : "portal_access.ended_on_date",
            targetType: "PortalGrant",
            targetId: d.grant.id,
            patientId: d.grant.patientId,
            before: factsOf(d),
            after: { revoked: true, reason: change.reason === "AGE_RULE" ? "age_rule" : "end_date", on: change.on },
          };
        }),
      );
      for (const d of ends) {
        await emitWebhookEventIn(tx, WebhookEventType.PORTAL_ACCESS_REVOKED, webhook(d, { reason: d.decision.apply!.reason === "AGE_RULE" ? "age_rule" : "end_date" }));
      }
      if (org.accessRemovedEmail) {
        for (const d of ends) {
          const account = accounts.get(d.grant.accountId);
          if (!account) continue;
          await this.deps.emails.queue(tx, {
            kind: EmailKind.ACCESS_REVOKED,
            to: account.email,
            language: account.language,
            accountId: account.id,
            patientId: d.grant.patientId,
            variables: { ...(d.contact ? { recipientName: d.contact.firstName } : {}), patientName: NAME(d.patient) },
            dedupeKey: `access-ended:${d.grant.id}`,
          });
        }
      }
      summary.ended = ends.length;
    }

    // 2. Limits that are due: the parent's proxy gets the narrower role, once.
    const limits = decided.filter((d) => d.decision.apply?.kind === "LIMITED");
    if (limits.length) {
      const roleId = rules.proxyLimitedRoleId!;
      await tx.update(PortalGrant, { id: In(limits.map((d) => d.grant.id)) }, { portalRoleId: roleId, ageLimitedAt: now });
      await audit(
        tx,
        limits.map((d) => ({
          action: "portal_access.limited_by_age",
          targetType: "PortalGrant",
          targetId: d.grant.id,
          patientId: d.grant.patientId,
          before: factsOf(d),
          after: { portalRoleId: roleId, reason: "age_rule", on: d.decision.apply!.on },
        })),
      );
      for (const d of limits) {
        await emitWebhookEventIn(tx, WebhookEventType.PORTAL_ACCESS_LIMITED, webhook(d, { portalRoleId: String(roleId), previousPortalRoleId: String(d.grant.portalRoleId) }));
      }
      summary.limited = limits.length;
    }

    // Whoever held a grant that changed signs in again and sees only what is left to them.
    for (const accountId of new Set([...ends, ...limits].map((d) => d.grant.accountId))) {
      await this.deps.sessions.destroyAllFor("PORTAL", accountId, tx);
    }

    // 3. Notices of coming age-rule changes, to the proxy and to the patient.
    const notices = decided.filter((d) => d.decision.notice);
    if (notices.length) {
      const roleNames = new Map((await tx.find(PortalRole, {})).map((r) => [r.id, r.name]));
      const selfGrants = await tx.find(PortalGrant, { where: { patientId: In([...new Set(notices.map((d) => d.grant.patientId))]), accessType: AccessType.SELF, revokedAt: IsNull() } });
      const selfAccountIds = selfGrants.map((g) => g.accountId).filter((id) => !accounts.has(id));
      for (const a of selfAccountIds.length ? await tx.find(PortalAccount, { where: { id: In(selfAccountIds) } }) : []) accounts.set(a.id, a);
      const selfAccountOf = new Map(selfGrants.map((g) => [g.patientId, accounts.get(g.accountId) ?? null]));
      const noticed: Row[] = [];
      for (const d of notices) {
        const change = d.decision.notice!;
        const account = accounts.get(d.grant.accountId);
        if (!account || !d.patient) continue;
        const proxyName = NAME(d.contact);
        const variables = (language: Language, recipientName: string | undefined) => ({
          ...(recipientName ? { recipientName } : {}),
          patientName: NAME(d.patient),
          proxyName,
          changeDate: change.on,
          changeDescription: describe(change, language, change.portalRoleId ? (roleNames.get(change.portalRoleId) ?? "") : ""),
        });
        const key = `access-notice:${d.grant.id}:${change.kind}:${change.on}`;
        const toProxy: QueuedEmail = { kind: EmailKind.ACCESS_CHANGE_NOTICE, to: account.email, language: account.language, accountId: account.id, patientId: d.patient.id, variables: variables(account.language, d.contact?.firstName), dedupeKey: `${key}:proxy` };
        const queued = await this.deps.emails.queue(tx, toProxy);
        // The patient hears it at their own login, else at the email on file, unless that is the proxy's address.
        const own = selfAccountOf.get(d.patient.id) ?? null;
        const patientAddress = own?.email ?? d.patient.email;
        if (patientAddress && patientAddress.trim().toLowerCase() !== account.email.trim().toLowerCase()) {
          const language = own?.language ?? d.patient.language;
          await this.deps.emails.queue(tx, { kind: EmailKind.ACCESS_CHANGE_NOTICE, to: patientAddress, language, accountId: own?.id ?? null, patientId: d.patient.id, variables: variables(language, d.patient.firstName), dedupeKey: `${key}:patient` });
        }
        if (queued) noticed.push(d);
      }
      await audit(
        tx,
        noticed.map((d) => ({
          action: "portal_access.change_notice_sent",
          targetType: "PortalGrant",
          targetId: d.grant.id,
          patientId: d.grant.patientId,
          after: { kind: d.decision.notice!.kind, on: d.decision.notice!.on, noticeDays: settings.ageNoticeDays },
        })),
      );
      summary.notices = noticed.length;
    }

    // 4. Reminders to staff of coming end dates.
    const reminders = decided.filter((d) => d.decision.staffReminder);
    if (reminders.length) {
      const recipients = await this.reminderRecipients(tx, settings);
      const reminded: Row[] = [];
      for (const d of reminders) {
        const change = d.decision.staffReminder!;
        let any = false;
        for (const r of recipients) {
          const queued = await this.deps.emails.queue(tx, {
            kind: EmailKind.PROXY_END_REMINDER,
            to: r.email,
            language: r.language,
            patientId: d.grant.patientId,
            variables: { patientName: NAME(d.patient), proxyName: NAME(d.contact), changeDate: change.on, patientUrl: `${this.deps.publicUrl}/admin/patients/${d.grant.patientId}/portal` },
            dedupeKey: `proxy-end-reminder:${d.grant.id}:${change.on}:${r.email.toLowerCase()}`,
          });
          any ||= queued !== null;
        }
        if (any) reminded.push(d);
      }
      await audit(
        tx,
        reminded.map((d) => ({
          action: "portal_access.end_reminder_sent",
          targetType: "PortalGrant",
          targetId: d.grant.id,
          patientId: d.grant.patientId,
          after: { endsOn: d.decision.staffReminder!.on, reminderDays: settings.proxyEndReminderDays, to: settings.proxyEndReminderEmail ? "configured_address" : "portal_access_managers" },
        })),
      );
      summary.staffReminders = reminded.length;
    }
    return summary;
  }

  /** The configured address, else every active staff member whose role may manage portal access. */
  private async reminderRecipients(tx: OrgScope, settings: AccessScheduleSettings): Promise<{ email: string; language: Language }[]> {
    const org = await tx.organization();
    if (settings.proxyEndReminderEmail) return [{ email: settings.proxyEndReminderEmail, language: org.defaultLanguage }];
    const roles = (await tx.find(StaffRole, {})).filter((r) => r.permissions.includes(StaffPermission.MANAGE_PORTAL_ACCESS));
    if (roles.length === 0) return [];
    // An invited member who has not chosen a password yet has no way to act on it.
    const staff = await tx.find(StaffUser, { where: { staffRoleId: In(roles.map((r) => r.id)), disabled: false } });
    return staff.filter((s) => s.passwordHash).map((s) => ({ email: s.email, language: s.language }));
  }
}

/** The verb phrase of ACCESS_CHANGE_NOTICE, in the email's language. */
function describe(change: ScheduledChange, language: Language, roleName: string): string {
  const fr = language === Language.FR;
  if (change.kind === "ENDS") return fr ? "prendra fin" : "will end";
  return fr ? `sera limité au rôle « ${roleName} »` : `will be limited to the role "${roleName}"`;
}
