import type { DataSource } from "typeorm";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { SessionService } from "./auth/session.service";
import { DevMailboxTransport } from "./email/dev-mailbox.transport";
import { EmailQueue } from "./email/email-queue";
import { MailgunTransport } from "./email/mailgun.transport";
import type { Mailer } from "./email/mailer";
import { OutboxWorker } from "./email/outbox-worker";
import { WorkerHeartbeat } from "./workers/worker-heartbeat";
import { SecretBox } from "./email/secret-box";
import { MfaService } from "./auth/mfa/mfa.service";
import { PortalMfaService } from "./auth/mfa/portal-mfa.service";
import { ApiKeyService } from "./modules/api-keys/api-key.service";
import { OnboardingStatsService } from "./modules/onboarding-stats/onboarding-stats.service";
import { EmailTemplateService } from "./modules/email-templates/email-template.service";
import { OrganizationService } from "./modules/organizations/organization.service";
import { PatientService } from "./modules/patients/patient.service";
import { parseLimit, RateLimits } from "./auth/rate-limits";
import { PortalAuthService } from "./modules/portal-auth/portal-auth.service";
import { SignInLockService } from "./modules/sign-in-locks/sign-in-lock.service";
import { InviteService } from "./modules/invites/invite.service";
import { LoginEmailChangeService } from "./modules/invites/login-email-change.service";
import { PortalAccessService } from "./modules/portal-access/portal-access.service";
import { PortalRoleService } from "./modules/portal-roles/portal-role.service";
import { StaffService } from "./modules/staff/staff.service";
import { StaffInviteService } from "./modules/staff/staff-invite.service";
import { AccessChanges } from "./core/access-change";
import { DomainEvents, RECORDERS } from "./events/publish";
import { WebhookSender } from "./modules/webhooks/webhook-sender";
import { WebhookService } from "./modules/webhooks/webhook.service";
import { BulkJobRunner } from "./modules/bulk/bulk-job.runner";
import { BulkJobService } from "./modules/bulk/bulk-job.service";
import { ImportService } from "./modules/imports/import.service";
import { ImportJobRunner } from "./modules/imports/import-job.runner";
import { AccessRemovedEmails } from "./modules/portal-access/access-removed.listener";
import { AccessScheduleJob } from "./modules/access-schedule/access-schedule.job";
import { AccessScheduleService } from "./modules/access-schedule/access-schedule.service";
import { BulkJobKind, BulkJobRowAction } from "./modules/reminders/reminder-bulk";
import { ReminderService } from "./modules/reminders/reminder.service";
import { ActivationService } from "./modules/activation/activation.service";
import { InviteRecoveryService } from "./modules/invite-recovery/invite-recovery.service";

/** The application's long-lived services, built once per process and shared by every request. */
export function createServices(dataSource: DataSource, config: Config, logger: Logger) {
  const sessions = new SessionService(dataSource, config.sessionSecret, config.SESSION_TTL_HOURS * 3600_000, {
    STAFF: config.STAFF_SESSION_IDLE_MINUTES * 60_000,
    PORTAL: config.PORTAL_SESSION_IDLE_MINUTES * 60_000,
  });
  const box = new SecretBox(config.sessionSecret);
  const emailQueue = new EmailQueue(box);
  // Every access change publishes typed domain events in its transaction; these subscribe.
  const events = new DomainEvents([...RECORDERS, new AccessRemovedEmails(emailQueue)]);
  const portalAccess = new PortalAccessService(sessions, new AccessChanges(emailQueue, events, config.publicUrl), events);
  const mfa = new MfaService(dataSource, box, config.sessionSecret);
  const mailer = createMailer(dataSource, config, box);
  // The process's liveness: others take over its outbox claims and bulk jobs as soon as it stops beating.
  const heartbeat = new WorkerHeartbeat(dataSource, logger);
  const webhookSender = new WebhookSender({ dataSource, box, logger, allowPrivateTargets: config.ALLOW_PRIVATE_WEBHOOK_TARGETS });
  // Built here, started by main.ts once the server listens (tests drive it with runOnce/drain).
  const outboxWorker = new OutboxWorker({
    dataSource,
    mailer,
    box,
    logger,
    from: config.MAIL_FROM,
    publicUrl: config.publicUrl,
    leaseMs: Math.max(120_000, 3 * config.MAILGUN_TIMEOUT_MS),
    webhooks: webhookSender,
    heartbeat,
  });
  const invites = new InviteService({ publicUrl: config.publicUrl }, emailQueue, sessions, portalAccess, events);
  const signIn = parseLimit(config.RATE_LIMIT_SIGN_IN)!;
  const rateLimits = new RateLimits(dataSource, {
    staffSignIn: signIn,
    portalSignIn: signIn,
    passwordReset: parseLimit(config.RATE_LIMIT_PASSWORD_RESET)!,
    token: parseLimit(config.RATE_LIMIT_TOKEN)!,
  });
  const bulkJobs = new BulkJobService(portalAccess);
  const imports = new ImportService(bulkJobs);
  const reminders = new ReminderService(dataSource, emailQueue, config.publicUrl, logger);
  // "Remind all N matching" (rule 23) is a bulk job kind whose rows the reminder module decides.
  bulkJobs.registerKind(BulkJobKind.SEND_INVITE_REMINDERS, async (tx, patientIds) => {
    const decided = await reminders.remindPatients(tx, patientIds);
    return new Map([...decided].map(([id, err]) => [id, err ?? BulkJobRowAction.REMINDED]));
  });
  const portalAuth = new PortalAuthService(dataSource, sessions, rateLimits, invites);
  const loginEmailChanges = new LoginEmailChangeService(dataSource, { publicUrl: config.publicUrl }, emailQueue, sessions, portalAccess, rateLimits);
  return {
    dataSource,
    config,
    logger,
    sessions,
    secretBox: box,
    mfa,
    portalMfa: new PortalMfaService(dataSource, mfa, emailQueue),
    emailQueue,
    mailer,
    outboxWorker,
    emailTemplates: new EmailTemplateService(emailQueue, config.publicUrl),
    portalAccess,
    invites,
    loginEmailChanges,
    rateLimits,
    portalAuth,
    reminders,
    activation: new ActivationService(dataSource, portalAuth, { publicUrl: config.publicUrl, secret: config.sessionSecret }),
    inviteRecovery: new InviteRecoveryService(dataSource, rateLimits, portalAuth, invites),
    signInLocks: new SignInLockService(rateLimits),
    bulkJobs,
    // Started by main.ts after the server listens (tests start it themselves).
    imports,
    // Writes confirmed patient imports in the background; started by main.ts (tests start it themselves).
    importRunner: new ImportJobRunner(dataSource, imports, logger),
    bulkRunner: new BulkJobRunner(dataSource, bulkJobs, logger, { heartbeat }),
    heartbeat,
    patients: new PatientService(portalAccess, loginEmailChanges),
    portalRoles: new PortalRoleService(),
    staff: new StaffService(),
    staffInvites: new StaffInviteService(dataSource, emailQueue, rateLimits, config.publicUrl),
    organizations: new OrganizationService(),
    onboardingStats: new OnboardingStatsService(),
    apiKeys: new ApiKeyService(),
    webhooks: new WebhookService(box, config.ALLOW_PRIVATE_WEBHOOK_TARGETS),
    webhookSender,
    accessSchedule: new AccessScheduleService(),
    // Rules 20 and 21: started by main.ts (tests call runDue/runOrganization with the clock they choose).
    accessScheduleJob: new AccessScheduleJob({ dataSource, emails: emailQueue, sessions, logger, publicUrl: config.publicUrl }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** The transport config.ts chose: Mailgun, or the dev mailbox (kept in the database, sealed). */
export function createMailer(dataSource: DataSource, config: Config, box: SecretBox): Mailer {
  if (config.emailTransport === "mailgun" && config.MAILGUN_API_KEY && config.MAILGUN_DOMAIN) {
    return new MailgunTransport({ apiKey: config.MAILGUN_API_KEY, domain: config.MAILGUN_DOMAIN, url: config.MAILGUN_URL, timeoutMs: config.MAILGUN_TIMEOUT_MS, eventsSettleMs: config.MAILGUN_EVENTS_SETTLE_SECONDS * 1000 });
  }
  return new DevMailboxTransport(dataSource, box);
}
