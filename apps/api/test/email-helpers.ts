import { Language } from "@portal/schema";
import { systemScope } from "../src/db/org-scope";
import { EmailKind, type QueuedEmail } from "../src/email/email.types";
import { OutboxWorker, type OutboxWorkerOptions } from "../src/email/outbox-worker";
import type { OutboxMessage } from "../src/email/outbox-message.entity";
import { buildPatient, uniqueEmail } from "./factories";
import type { TestApp } from "./test-app";

/** Settings that point the app's Mailgun transport at a fake. */
export function mailgunEnv(fake: { url: string; apiKey: string; domains: string[] }, timeoutMs = 1000): Record<string, string> {
  return {
    MAILGUN_API_KEY: fake.apiKey,
    MAILGUN_DOMAIN: fake.domains[0],
    MAILGUN_URL: fake.url,
    MAILGUN_TIMEOUT_MS: String(timeoutMs),
    MAIL_FROM: "Riverside Clinic <no-reply@mg.example.test>",
    // The fake's events appear at once (unless a test sets its eventsDelayMs), so "none" is conclusive at once.
    MAILGUN_EVENTS_SETTLE_SECONDS: "0",
  };
}

/** A worker on the test app's transport, with test-sized backoff and polling. */
export function testWorker(t: TestApp, overrides: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  return new OutboxWorker({
    dataSource: t.dataSource,
    mailer: t.services.mailer,
    box: t.services.secretBox,
    logger: t.services.logger,
    from: t.config.MAIL_FROM,
    publicUrl: t.config.publicUrl,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    busyPollMs: 10,
    idlePollMs: 20,
    ...overrides,
  });
}

/** Queues emails the way a service does: in a transaction of the organization's scope. */
export async function queueEmails(t: TestApp, organizationId: number, emails: QueuedEmail[]): Promise<(OutboxMessage | null)[]> {
  return systemScope(t.dataSource, organizationId).transaction(async (tx) => {
    const out: (OutboxMessage | null)[] = [];
    for (const e of emails) out.push(await t.services.emailQueue.queue(tx, e));
    return out;
  });
}

/** A patient with a SELF grant (an account, not yet invited) and an invite email for it. */
export async function patientWithInvite(t: TestApp, organizationId: number, overrides: { firstName?: string; language?: Language } = {}) {
  const patient = await buildPatient(t.dataSource, organizationId, { email: uniqueEmail("invitee"), firstName: overrides.firstName ?? "Alice", language: overrides.language ?? Language.EN });
  const { grant } = await t.services.portalAccess.enablePortalAccess(systemScope(t.dataSource, organizationId), { patientId: patient.id, portalRoleId: null });
  const token = `tok_${patient.id}_${Math.random().toString(36).slice(2)}`;
  const email: QueuedEmail = {
    kind: EmailKind.INVITE_LINK,
    to: patient.email!,
    language: patient.language,
    accountId: grant.accountId,
    patientId: patient.id,
    variables: { recipientName: patient.firstName, patientName: `${patient.firstName} ${patient.lastName}` },
    secrets: { link: `${t.config.publicUrl}/portal/invite/${token}` },
  };
  return { patient, accountId: grant.accountId, email, link: email.secrets!.link };
}
