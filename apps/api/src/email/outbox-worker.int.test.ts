import { In } from "typeorm";
import { Language } from "@portal/schema";
import { buildOrg, uniqueEmail } from "../../test/factories";
import { mailgunEnv, patientWithInvite, queueEmails, testWorker } from "../../test/email-helpers";
import { startFakeMailgun, type FakeMailgun } from "../../test/fake-mailgun";
import { startTestApp, type TestApp } from "../../test/test-app";
import { testDatabaseOptions } from "../../test/test-db";
import { isMysql, openDataSource } from "../db/data-source";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { Patient } from "../modules/patients/patient.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { DevMailboxMessage } from "./dev-mailbox-message.entity";
import { openDevMailboxMessages } from "./dev-mailbox.transport";
import { EmailKind } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";

let fake: FakeMailgun;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-worker-test", domains: ["mg.example.test"] });
  t = await startTestApp(mailgunEnv(fake, 1500));
  // On MySQL the suites of one jest worker share a database: emails other suites queued and never
  // delivered would reach this fake and consume its scripted faults.
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "CLAIMED", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const rows = (ids: number[]) => t.dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) });
/** How many copies each address received. */
const copiesTo = (addresses: string[]) => addresses.map((a) => fake.copies().filter((c) => c.recipient === a).length);

describe("outbox worker with the Mailgun transport", () => {
  it("delivers a queued invite with its link, then marks the row SENT and wipes the sealed link", async () => {
    const { org } = await buildOrg(t.dataSource, "Riverside <Clinic> & Co");
    const invite = await patientWithInvite(t, org.id, { firstName: `<b>Tom</b> & "Jerry"` });
    const [row] = await queueEmails(t, org.id, [invite.email]);
    expect(row!.secretsSealed).not.toContain("tok_");

    await testWorker(t).drain({ organizationId: org.id });

    expect(fake.messages).toHaveLength(1);
    const m = fake.messages[0];
    expect(m.from).toBe("Riverside Clinic <no-reply@mg.example.test>");
    expect(m.to).toEqual([invite.patient.email]);
    expect(m.subject).toBe("Riverside <Clinic> & Co: your patient portal invitation");
    expect(m.text).toContain(invite.link);
    expect(m.text).toContain(`Hello <b>Tom</b> & "Jerry",`);
    expect(m.html).toContain(`href="${invite.link}"`);
    expect(m.html).toContain("Hello &lt;b&gt;Tom&lt;/b&gt; &amp; &quot;Jerry&quot;,");
    expect(m.html).toContain("Riverside &lt;Clinic&gt; &amp; Co");
    expect(m.html).not.toContain("<b>Tom</b>");
    expect(m.tags).toEqual(["portal-access", "invite-link"]);
    expect(m.options).toMatchObject({ tracking: "no", "tracking-clicks": "no", "tracking-opens": "no" });
    expect(m.userVariables).toEqual({ "outbox-id": String(row!.id), "batch-id": expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(m.text).toContain("valid for 7 days");

    const [sent] = await rows([row!.id]);
    expect(sent).toMatchObject({ status: "SENT", providerMessageId: m.messageId, secretsSealed: null, attempts: 1, batchId: m.userVariables["batch-id"] });
    expect(sent.providerMessageId).not.toMatch(/[<>]/);
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("sends invites of one organization, kind and language as one batch call with per-recipient links", async () => {
    const { org } = await buildOrg(t.dataSource);
    const invites = [];
    for (let i = 0; i < 5; i++) invites.push(await patientWithInvite(t, org.id, { firstName: `P${i}<&>` }));
    const french = await patientWithInvite(t, org.id, { firstName: "Élodie", language: Language.FR });
    await queueEmails(t, org.id, [...invites.map((i) => i.email), french.email]);

    await testWorker(t).drain({ organizationId: org.id });

    expect(fake.messages).toHaveLength(2);
    const batch = fake.messages.find((m) => m.to.length === 5)!;
    expect(Object.keys(batch.recipientVariables!).sort()).toEqual(invites.map((i) => i.patient.email).sort());
    for (const [i, invite] of invites.entries()) {
      const copy = batch.perRecipient.find((c) => c.recipient === invite.patient.email)!;
      expect(copy.text).toContain(invite.link);
      expect(copy.text).toContain(`Hello P${i}<&>,`);
      expect(copy.html).toContain(`Hello P${i}&lt;&amp;&gt;,`);
      for (const other of invites) if (other !== invite) expect(copy.text).not.toContain(other.link);
      expect(copy.text).not.toMatch(/%recipient/);
      expect(copy.userVariables["outbox-id"]).toMatch(/^\d+$/);
    }
    const fr = fake.messages.find((m) => m.to.length === 1)!;
    expect(fr.subject).toContain("votre invitation au portail patient");
    expect(fr.text).toContain("Bonjour Élodie,");
    expect(fr.text).toContain(french.link);

    // Every row of the batch carries the call's message id, so webhooks can find them by id + recipient.
    const sent = await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: org.id });
    expect(sent.every((r) => r.status === "SENT")).toBe(true);
    expect(new Set(sent.filter((r) => r.language === "en").map((r) => r.providerMessageId))).toEqual(new Set([batch.messageId]));
  });

  it("retries 5xx, 429 and a hung connection with backoff, then delivers every email exactly once", async () => {
    const { org } = await buildOrg(t.dataSource);
    const addresses = Array.from({ length: 3 }, () => uniqueEmail("retry"));
    const queued = await queueEmails(
      t,
      org.id,
      addresses.map((to) => ({ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: { recipientName: "Sam", patientName: "Pat Doe" } })),
    );
    fake.failNext({ status: 503, body: { message: "Service Unavailable" } });
    fake.failNext({ status: 429, body: { message: "Domain mg.example.test is not allowed to send: request limit exceeded, try again after Mon, 20 Dec 2021 20:33:21 UTC" } });
    fake.failNext({ hang: true });
    fake.failNext({ status: 502, body: "<html>Bad Gateway</html>", contentType: "text/html" });

    const started = Date.now();
    await testWorker(t).drain({ organizationId: org.id, timeoutMs: 15_000 });

    expect(copiesTo(addresses)).toEqual([1, 1, 1]);
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(5);
    const [row] = await rows([queued[0]!.id]);
    expect(row).toMatchObject({ status: "SENT", attempts: 5, lastError: null });
    // The hang cost one client timeout.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it("keeps the reason of a retryable failure while it waits, without any address", async () => {
    const { org } = await buildOrg(t.dataSource);
    const to = uniqueEmail("waiting");
    const [row] = await queueEmails(t, org.id, [{ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: {} }]);
    fake.failNext({ status: 500, body: { message: `Internal error for ${to}` } });
    await testWorker(t, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 }).runOnce();
    const [waiting] = await rows([row!.id]);
    expect(waiting.status).toBe("PENDING");
    expect(waiting.lastError).toBe("HTTP 500: Internal error for <address>");
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    await t.dataSource.getRepository(OutboxMessage).update({ id: row!.id }, { nextAttemptAt: new Date() });
    await testWorker(t).drain({ organizationId: org.id });
    expect(copiesTo([to])).toEqual([1]);
  });

  it("gives up on a permanent refusal: FAILED, audited without addresses, shown on the account and patient", async () => {
    const { org } = await buildOrg(t.dataSource);
    const invite = await patientWithInvite(t, org.id);
    const [row] = await queueEmails(t, org.id, [invite.email]);
    fake.failNext({ status: 400, body: { message: "'to' parameter is not a valid address. please check documentation" } });

    await testWorker(t).drain({ organizationId: org.id });

    expect(fake.messages).toHaveLength(0);
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    const [failed] = await rows([row!.id]);
    expect(failed).toMatchObject({ status: "FAILED", secretsSealed: null, attempts: 1, deliveryStatus: "FAILED" });
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "email.failed" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "SYSTEM", targetType: "OutboxMessage", targetId: String(row!.id), patientId: invite.patient.id });
    expect(JSON.stringify(events[0])).not.toContain("@");
    expect(JSON.stringify(events[0])).not.toContain("tok_");
    const account = await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: invite.accountId });
    expect(account.inviteDeliveryFailedAt).toBeInstanceOf(Date);
    expect(account.inviteDeliveryFailureReason).toContain("HTTP 400");
    const patient = await t.dataSource.getRepository(Patient).findOneByOrFail({ id: invite.patient.id });
    expect(patient.inviteDeliveryFailedAt).toBeInstanceOf(Date);

    // A later invite that goes out clears the failure.
    await queueEmails(t, org.id, [{ ...invite.email, secrets: { link: `${invite.link}-2` } }]);
    await testWorker(t).drain({ organizationId: org.id });
    expect((await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: invite.accountId })).inviteDeliveryFailedAt).toBeNull();
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: invite.patient.id })).inviteDeliveryFailedAt).toBeNull();
  });

  it("gives up after the attempt limit when the provider keeps failing", async () => {
    const { org } = await buildOrg(t.dataSource);
    const to = uniqueEmail("limit");
    const [row] = await queueEmails(t, org.id, [{ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: {} }]);
    fake.failNext({ status: 500 }, 3);
    await testWorker(t, { maxAttempts: 3 }).drain({ organizationId: org.id });
    const [failed] = await rows([row!.id]);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "email.failed" })).toBe(1);
  });

  it("loses nothing when a worker dies after claiming: the lease runs out and another worker sends once", async () => {
    const { org } = await buildOrg(t.dataSource);
    const invites = [await patientWithInvite(t, org.id), await patientWithInvite(t, org.id)];
    await queueEmails(t, org.id, invites.map((i) => i.email));

    const doomed = testWorker(t, { leaseMs: 1500, workerId: "doomed" });
    const claimed = await doomed.claim();
    expect(claimed.filter((r) => r.organizationId === org.id)).toHaveLength(2);
    // ...and the process dies here. Another worker finds nothing until the lease expires.
    const survivor = testWorker(t, { workerId: "survivor" });
    await survivor.runOnce();
    expect(copiesTo(invites.map((i) => i.patient.email!))).toEqual([0, 0]);

    await survivor.drain({ organizationId: org.id });
    expect(copiesTo(invites.map((i) => i.patient.email!))).toEqual([1, 1]);
    for (const invite of invites) expect(fake.copies().find((c) => c.recipient === invite.patient.email)!.text).toContain(invite.link);
    const done = await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: org.id });
    expect(done.map((r) => [r.status, r.attempts, r.claimedBy])).toEqual([
      ["SENT", 2, "survivor"],
      ["SENT", 2, "survivor"],
    ]);
  });

  it("never queues the same dedupe key twice in an organization", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { org: other } = await buildOrg(t.dataSource);
    const to = uniqueEmail("dedupe");
    const email = { kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: {}, dedupeKey: "revoke:42" };
    const [first, second] = await queueEmails(t, org.id, [email, email]);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const [elsewhere] = await queueEmails(t, other.id, [email]);
    expect(elsewhere).not.toBeNull();
    await testWorker(t).drain();
    expect(copiesTo([to])).toEqual([2]);
  });

  it("is started and stopped by its owner, polling on its own", async () => {
    const { org } = await buildOrg(t.dataSource);
    const to = uniqueEmail("polled");
    const worker = testWorker(t);
    worker.start();
    await queueEmails(t, org.id, [{ kind: EmailKind.LOGIN_EMAIL_CHANGED, to, language: Language.FR, variables: { recipientName: "Zoé" } }]);
    worker.nudge();
    await fake.waitForCopies(1, 5000);
    await worker.stop();
    expect(fake.copies()[0]).toMatchObject({ recipient: to });
    expect(fake.copies()[0].text).toContain("Bonjour Zoé,");
  });
});

describe("two workers on one database", () => {
  it("never send any of 200 queued emails twice", async () => {
    const { org } = await buildOrg(t.dataSource);
    const addresses = Array.from({ length: 200 }, (_, i) => `two-workers-${i}-${org.id}@example.test`);
    await queueEmails(
      t,
      org.id,
      addresses.map((to, i) => ({ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: { recipientName: `R${i}` } })),
    );
    // A second process: its own connection pool on the same MySQL database (SQLite has one writer
    // and runs one worker per process, so there two workers share the data source).
    const second = isMysql(t.dataSource) ? await openDataSource(testDatabaseOptions()) : t.dataSource;
    try {
      const a = testWorker(t, { workerId: "worker-a", claimSize: 15 });
      const b = testWorker(t, { workerId: "worker-b", claimSize: 15, dataSource: second });
      fake.failNext({ delayMs: 30 }, 6);
      await Promise.all([a.drain({ organizationId: org.id }), b.drain({ organizationId: org.id })]);
      expect(copiesTo(addresses).every((n) => n === 1)).toBe(true);
      const done = await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: org.id });
      expect(done.filter((r) => r.status !== "SENT" || r.attempts !== 1).map((r) => [r.status, r.attempts, r.claimedBy])).toEqual([]);
      const by = new Set(done.map((r) => r.claimedBy));
      expect(by).toEqual(new Set(["worker-a", "worker-b"]));
    } finally {
      if (second !== t.dataSource) await second.destroy();
    }
  });
});

describe("outbox worker with the dev mailbox", () => {
  it("keeps rendered emails in the database instead of sending them", async () => {
    const dev = await startTestApp();
    try {
      expect(dev.services.mailer.name).toBe("dev-mailbox");
      const { org } = await buildOrg(dev.dataSource);
      const invite = await patientWithInvite(dev, org.id);
      const [row] = await queueEmails(dev, org.id, [invite.email]);
      await testWorker(dev).drain({ organizationId: org.id });
      const kept = openDevMailboxMessages(dev.services.secretBox, await dev.dataSource.getRepository(DevMailboxMessage).findBy({ organizationId: org.id }));
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ toAddress: invite.patient.email, kind: "INVITE_LINK", language: "en", outboxId: row!.id });
      expect(kept[0].text).toContain(invite.link);
      expect(kept[0].html).toContain(invite.link);
      expect((await dev.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: row!.id })).status).toBe("SENT");
    } finally {
      await dev.close();
    }
  });
});
