import { In } from "typeorm";
import { BulkJobKind, BulkJobState, Language } from "@portal/schema";
import { buildOrg } from "../../test/factories";
import { mailgunEnv, queueEmails, testWorker } from "../../test/email-helpers";
import { startFakeMailgun, type FakeMailgun } from "../../test/fake-mailgun";
import { startTestApp, type TestApp } from "../../test/test-app";
import { BulkJob } from "../modules/bulk/bulk-job.entity";
import { BulkJobRunner } from "../modules/bulk/bulk-job.runner";
import { WorkerHeartbeat } from "../workers/worker-heartbeat";
import { WorkerHeartbeatRow } from "../workers/worker-heartbeat.entity";
import { EmailKind } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";

let fake: FakeMailgun;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-in-doubt", domains: ["mg.example.test"] });
  // A short client timeout: a call the fake holds ends "without an answer" quickly.
  t = await startTestApp(mailgunEnv(fake, 400));
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "CLAIMED", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => fake.reset());

const posts = () => fake.requests.filter((r) => r.method === "POST").length;
const eventQueries = () => fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/events")).length;
const copiesTo = (addresses: string[]) => addresses.map((a) => fake.copies().filter((c) => c.recipient === a).length);
const rowsOf = (organizationId: number) => t.dataSource.getRepository(OutboxMessage).findBy({ organizationId });

async function queueTo(n: number, tag: string) {
  const { org } = await buildOrg(t.dataSource);
  const addresses = Array.from({ length: n }, (_, i) => `${tag}-${org.id}-${i}@example.test`);
  await queueEmails(t, org.id, addresses.map((to) => ({ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: {} })));
  return { org, addresses };
}

/** A process that is known to be gone: its heartbeat row stopped beating a minute ago. */
async function goneWorker(id: string) {
  await t.dataSource.getRepository(WorkerHeartbeatRow).save({ id, hostname: "gone", pid: 1, startedAt: new Date(Date.now() - 120_000), beatAt: new Date(Date.now() - 60_000), stoppedAt: null });
  return id;
}

describe("a call that ends without an answer is in doubt, not failed", () => {
  it("is not resent when Mailgun's events show it accepted (the answer was lost, not the call)", async () => {
    const { org, addresses } = await queueTo(3, "lost-answer");
    fake.failNext({ acceptAndHold: true });
    await testWorker(t).drain({ organizationId: org.id });
    expect(posts()).toBe(1);
    expect(copiesTo(addresses)).toEqual([1, 1, 1]);
    const rows = await rowsOf(org.id);
    expect(rows.map((r) => [r.status, r.providerMessageId, r.attempts])).toEqual(addresses.map(() => ["SENT", fake.messages[0].messageId, 1]));
  });

  it("waits while the Events API cannot answer, asks again, and resends only once Mailgun says it has nothing", async () => {
    const { org, addresses } = await queueTo(2, "events-down");
    fake.failNext({ hang: true }); // the call never reached Mailgun's store
    fake.failEventsNext({ status: 503, body: { message: "Service Unavailable" } }, 2);
    const worker = testWorker(t, { doubtRetryMinMs: 100, doubtRetryMaxMs: 100 });
    await worker.runOnce(); // the call times out: rows stay SENDING, parked for a question
    const parked = await rowsOf(org.id);
    expect(parked.every((r) => r.status === "SENDING" && r.batchId && r.lastError?.startsWith("in doubt"))).toBe(true);
    await worker.runOnce(); // the events API answers 503: still in doubt, nothing resent
    const waiting = await rowsOf(org.id);
    expect(waiting.every((r) => r.status === "SENDING" && r.lastError?.includes("provider not answering"))).toBe(true);
    expect(posts()).toBe(1);
    await worker.drain({ organizationId: org.id });
    expect(eventQueries()).toBe(3);
    expect(posts()).toBe(2);
    expect(copiesTo(addresses)).toEqual([1, 1]);
    expect((await rowsOf(org.id)).every((r) => r.status === "SENT" && r.attempts === 2)).toBe(true);
  });

  it("asks again without the user-variables filter when Mailgun refuses it, and checks each event's batch id itself", async () => {
    const { org, addresses } = await queueTo(2, "no-filter");
    // Another batch accepted at the same time: unfiltered, its events are in the same pages.
    await t.services.mailer.send({ from: t.config.MAIL_FROM, batchId: "someone-else", tags: ["x"], content: { subject: "s", text: "t", html: "<p>h</p>" }, recipients: [{ to: addresses[0], variables: {}, meta: { outboxId: 0, organizationId: org.id, kind: "X", language: "en" } }] });
    fake.failNext({ acceptAndHold: true });
    fake.failEventsNext({ status: 400, body: { message: "unknown filter" }, match: (r) => r.url.includes("user-variables") });
    await testWorker(t).drain({ organizationId: org.id });
    expect(posts()).toBe(2);
    const queries = fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/events"));
    expect(queries.map((q) => q.url.includes("user-variables"))).toEqual([true, false]);
    expect(copiesTo(addresses)).toEqual([2, 1]); // the other batch's copy, and this batch's once
    expect((await rowsOf(org.id)).every((r) => r.status === "SENT" && r.providerMessageId === fake.messages[1].messageId)).toBe(true);
  });

  it("does not resend before the provider's events have settled", async () => {
    const { org, addresses } = await queueTo(1, "settle");
    fake.eventsDelayMs = 1_500;
    try {
      fake.failNext({ acceptAndHold: true });
      // Settled 2.5 s after the call: the events (1.5 s late) are seen before then, and nothing is resent.
      await testWorker(t, { settleMs: 2_500 }).drain({ organizationId: org.id, timeoutMs: 10_000 });
      expect(posts()).toBe(1);
      expect(eventQueries()).toBeGreaterThanOrEqual(2);
      expect(copiesTo(addresses)).toEqual([1]);
    } finally {
      fake.eventsDelayMs = 0;
    }
  });
});

describe("claims of a process known to be gone are taken over at once", () => {
  it("sends rows a dead process had claimed without waiting for their lease", async () => {
    const { org, addresses } = await queueTo(2, "orphan");
    const dead = testWorker(t, { workerId: await goneWorker(`gone-claim-${org.id}`), leaseMs: 600_000 });
    expect((await dead.claim()).filter((r) => r.organizationId === org.id)).toHaveLength(2);
    const started = Date.now();
    await testWorker(t, { workerId: "survivor" }).drain({ organizationId: org.id });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(copiesTo(addresses)).toEqual([1, 1]);
    expect((await rowsOf(org.id)).map((r) => [r.status, r.claimedBy, r.attempts])).toEqual([
      ["SENT", "survivor", 2],
      ["SENT", "survivor", 2],
    ]);
  });

  it("settles a dead process's batch in doubt from Mailgun's events", async () => {
    const { org, addresses } = await queueTo(2, "dead-in-call");
    const deadId = await goneWorker(`gone-call-${org.id}`);
    // What the dead process left: its rows SENDING under a batch Mailgun accepted.
    const batchId = `b-${org.id}`;
    const rows = await rowsOf(org.id);
    // The call it made, through the real client, that Mailgun accepted before the process died.
    await t.services.mailer.send({ from: t.config.MAIL_FROM, batchId, tags: ["x"], content: { subject: "s", text: "t", html: "<p>h</p>" }, recipients: rows.map((r) => ({ to: r.toAddress, variables: {}, meta: { outboxId: r.id, organizationId: org.id, kind: r.kind, language: "en" } })) });
    await t.dataSource.getRepository(OutboxMessage).update({ organizationId: org.id }, { status: "SENDING", claimedBy: deadId, claimedUntil: new Date(Date.now() + 600_000), batchId, batchStartedAt: new Date(Date.now() - 1000), attempts: 1 });
    await testWorker(t, { workerId: "settler" }).drain({ organizationId: org.id });
    expect(posts()).toBe(1);
    expect(copiesTo(addresses)).toEqual([1, 1]);
    expect((await rowsOf(org.id)).every((r) => r.status === "SENT" && r.providerMessageId === fake.messages[0].messageId)).toBe(true);
  });

  it("a bulk job whose runner's process is gone is resumed at once, its lease notwithstanding", async () => {
    const { org } = await buildOrg(t.dataSource);
    const deadId = await goneWorker(`gone-bulk-${org.id}`);
    // Jobs other suites left on a shared database would be claimed first (oldest first).
    await t.dataSource.getRepository(BulkJob).update({ state: In([BulkJobState.QUEUED, BulkJobState.RUNNING]) }, { state: BulkJobState.INTERRUPTED });
    const job = await t.dataSource.getRepository(BulkJob).save({
      organizationId: org.id,
      kind: BulkJobKind.ENABLE_PORTAL_ACCESS,
      requestedByStaffId: null,
      request: { patientIds: [] },
      state: BulkJobState.RUNNING,
      runnerId: deadId,
      heartbeatAt: new Date(),
      startedAt: new Date(),
    } as Partial<BulkJob>);
    const heartbeat = new WorkerHeartbeat(t.dataSource, t.services.logger);
    const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, t.services.logger, { heartbeat });
    expect(await runner.runOne()).toBe(true);
    const after = await t.dataSource.getRepository(BulkJob).findOneByOrFail({ id: job.id });
    expect(after).toMatchObject({ state: BulkJobState.DONE, runnerId: heartbeat.id, resumeCount: 1 });
    // A live runner's job (its process beating) is left alone.
    const live = new WorkerHeartbeat(t.dataSource, t.services.logger);
    await live.start();
    try {
      await t.dataSource.getRepository(BulkJob).update({ id: job.id }, { state: BulkJobState.RUNNING, runnerId: live.id, heartbeatAt: new Date() });
      expect(await runner.runOne()).toBe(false);
    } finally {
      await live.stop();
    }
    // Once it stops (gracefully), its job is free at once.
    expect(await runner.runOne()).toBe(true);
  });
});

describe("a graceful stop", () => {
  it("finishes the call in flight and hands the batches it had not started back to the queue", async () => {
    const orgs = [await queueTo(2, "stop-a"), await queueTo(2, "stop-b"), await queueTo(2, "stop-c")];
    const ids = orgs.map((o) => o.org.id);
    fake.failNext({ delayMs: 250 }); // within this suite's 400 ms client timeout
    const worker = testWorker(t, { concurrency: 1, rounds: 1 });
    worker.start();
    await fake.waitFor(() => posts() === 1, 5_000, "the first call");
    await worker.stop();
    const rows = await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: In(ids) });
    expect(posts()).toBe(1);
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(2);
    const handedBack = rows.filter((r) => r.status !== "SENT");
    expect(handedBack.map((r) => [r.status, r.attempts, r.claimedUntil])).toEqual([
      ["PENDING", 0, null],
      ["PENDING", 0, null],
      ["PENDING", 0, null],
      ["PENDING", 0, null],
    ]);
    await testWorker(t).drain();
    expect(copiesTo(orgs.flatMap((o) => o.addresses)).every((n) => n === 1)).toBe(true);
  });
});
