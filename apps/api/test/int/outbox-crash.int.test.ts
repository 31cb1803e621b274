import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { In } from "typeorm";
import { Language } from "@portal/schema";
import { isMysql } from "../../src/db/data-source";
import { EmailKind } from "../../src/email/email.types";
import { OutboxMessage } from "../../src/email/outbox-message.entity";
import { WorkerHeartbeatRow } from "../../src/workers/worker-heartbeat.entity";
import { mailgunEnv, queueEmails } from "../email-helpers";
import { buildOrg } from "../factories";
import { startFakeMailgun, type FakeMailgun } from "../fake-mailgun";
import { startTestApp, type TestApp } from "../test-app";
import { testDatabaseOptions } from "../test-db";

/**
 * Real API processes (the built `node dist/src/main.js`, as an operator runs it) delivering the
 * outbox to the fake Mailgun, one of them killed with SIGKILL while it works. On MariaDB two
 * processes run side by side on one database; on SQLite, which one process writes at a time, the
 * killed process's successor starts after it.
 */
const dist = path.resolve(__dirname, "../../dist/src");

let fake: FakeMailgun;
let t: TestApp;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-crash-test", domains: ["mg.example.test"] });
  t = await startTestApp(mailgunEnv(fake));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-crash-"));
  // Other suites of this jest worker may have left undelivered rows in a shared MySQL database.
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "CLAIMED", "SENDING"]) }, { status: "FAILED" });
});
afterEach(async () => {
  for (const child of children) child.kill("SIGKILL");
  await Promise.all([...children].map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)))));
  children.clear();
  fake.reset();
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const mysql = () => isMysql(t.dataSource);
const rowsOf = (organizationIds: number[]) => t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: In(organizationIds), channel: "EMAIL" });
const copiesPer = (addresses: string[]) => addresses.map((a) => fake.copies().filter((c) => c.recipient === a).length);

/** An API process on the test's database, sending to the fake. */
function startApi(extra: Record<string, string> = {}): ChildProcess {
  const db = testDatabaseOptions();
  const { TEST_DATABASE_URL: _t, DATABASE_URL: _d, ...rest } = process.env;
  const env: Record<string, string | undefined> = {
    ...rest,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: "0",
    SESSION_SECRET: "test-session-secret-at-least-32-characters",
    ...mailgunEnv(fake, 10_000),
    MAILGUN_EVENTS_SETTLE_SECONDS: "3",
    ...(db.kind === "mysql" ? { DATABASE_URL: databaseUrl() } : { DATA_DIR: sqliteDir() }),
    ...extra,
  };
  const child = spawn("node", [path.join(dist, "main.js")], { env, stdio: ["ignore", "pipe", "pipe"] });
  // Warnings and errors (LOG_LEVEL=warn) show up in the test's output, named by process.
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => process.stderr.write(`[api ${child.pid}] ${chunk}`));
  children.add(child);
  return child;
}

/** A DATA_DIR whose database file is the test's own SQLite file (WAL and a busy timeout share it). */
function sqliteDir(): string {
  const link = path.join(dataDir, "portal-access.sqlite");
  if (!fs.existsSync(link)) fs.symlinkSync(String(t.dataSource.options.database), link);
  return dataDir;
}

/** The MySQL database of this jest worker (test-db.ts names it), or null on SQLite. */
function databaseUrl(): string {
  const db = testDatabaseOptions();
  if (db.kind !== "mysql") throw new Error("not MySQL");
  return db.url;
}

/** Resolves once the process's heartbeat row beats (its workers are about to start). */
async function beating(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.dataSource.getRepository(WorkerHeartbeatRow).findOneBy({ pid: child.pid! });
    if (row && row.beatAt.getTime() > Date.now() - 3000) return;
    if (child.exitCode !== null) throw new Error(`API process ${child.pid} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`API process ${child.pid} never beat`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/** The process (of `candidates`) whose worker holds these rows, by the pid in its claimant id. */
function claimantOf(rows: OutboxMessage[], candidates: ChildProcess[]): ChildProcess {
  const pids = new Set(rows.map((r) => Number(r.claimedBy?.split(":")[1])));
  const found = candidates.find((c) => pids.has(c.pid!));
  if (!found) throw new Error(`no candidate holds rows claimed by ${[...pids].join(",")}`);
  return found;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `count` emails to distinct addresses in each of `orgs` new organizations (one batch per organization). */
async function queue(orgs: number, count: number, tag: string) {
  const organizationIds: number[] = [];
  const addresses: string[] = [];
  for (let o = 0; o < orgs; o++) {
    const { org } = await buildOrg(t.dataSource);
    organizationIds.push(org.id);
    const mine = Array.from({ length: count }, (_, i) => `${tag}-${org.id}-${i}@example.test`);
    addresses.push(...mine);
    await queueEmails(
      t,
      org.id,
      mine.map((to, i) => ({ kind: EmailKind.ACCESS_REVOKED, to, language: Language.EN, variables: { recipientName: `R${i}`, patientName: "Pat Doe" } })),
    );
  }
  return { organizationIds, addresses };
}

/**
 * The fake takes a call and never answers it; the process making it is SIGKILLed. The survivor
 * must find, from Mailgun's events, that the batch was accepted, and send none of it again.
 */
async function killInsideACall(options: { eventsDelayMs: number; settleSeconds: number }) {
  fake.eventsDelayMs = options.eventsDelayMs;
  const env = { MAILGUN_EVENTS_SETTLE_SECONDS: String(options.settleSeconds) };
  const first = startApi(env);
  const second = mysql() ? startApi(env) : null;
  await Promise.all([first, second].filter((c): c is ChildProcess => c !== null).map((c) => beating(c)));

  fake.failNext({ acceptAndHold: true });
  const { organizationIds, addresses } = await queue(3, 40, "held");
  await until("a call held by the fake", async () => fake.held.length > 0);
  const held = fake.held[0];
  const inCall = await until("the held batch's rows in SENDING", async () => {
    const rows = (await rowsOf(organizationIds)).filter((r) => r.status === "SENDING" && held.to.includes(r.toAddress));
    return rows.length === held.to.length ? rows : null;
  });
  const victim = claimantOf(inCall, [first, second].filter((c): c is ChildProcess => c !== null));
  const killedAt = Date.now();
  await kill(victim);
  if (!second) await beating(startApi(env));

  await until("every row SENT", async () => (await rowsOf(organizationIds)).every((r) => r.status === "SENT"), 60_000);
  const settled = Date.now() - killedAt;
  // A little longer, so that a resend, if any were coming, would have time to arrive.
  await new Promise((r) => setTimeout(r, 1500));
  const counts = copiesPer(addresses);
  const rows = await rowsOf(organizationIds);
  const heldRows = rows.filter((r) => held.to.includes(r.toAddress));
  return { counts, settled, heldRows, held, eventQueries: fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/events")).length };
}

describe(`API processes killed inside a Mailgun call (${process.env.TEST_DATABASE_URL ? "MariaDB, two processes" : "SQLite, a process and its successor"})`, () => {
  it("sends every recipient exactly once: the batch Mailgun accepted is found in its events, not resent", async () => {
    const result = await killInsideACall({ eventsDelayMs: 0, settleSeconds: 3 });
    console.log(`exactly-once after SIGKILL inside a call: ${result.counts.length} recipients, copies per recipient ${[...new Set(result.counts)].join(",")}; settled ${(result.settled / 1000).toFixed(1)} s after the kill`);
    expect(result.counts.every((n) => n === 1)).toBe(true);
    // The held batch's rows carry the message id Mailgun gave it (read from its events).
    expect(new Set(result.heldRows.map((r) => r.providerMessageId))).toEqual(new Set([result.held.messageId]));
    expect(result.heldRows.every((r) => r.batchId === result.held.userVariables["batch-id"])).toBe(true);
    expect(result.eventQueries).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("sends every recipient exactly once when Mailgun's events lag behind the kill", async () => {
    // Events appear 7 s after acceptance: the survivor's first question (≈5 s after the last beat)
    // sees none, and must wait for the events to settle (10 s) rather than resend.
    const result = await killInsideACall({ eventsDelayMs: 7_000, settleSeconds: 10 });
    console.log(`exactly-once with events lagging 7 s: ${result.counts.length} recipients, copies per recipient ${[...new Set(result.counts)].join(",")}; ${result.eventQueries} events queries; settled ${(result.settled / 1000).toFixed(1)} s after the kill`);
    expect(result.counts.every((n) => n === 1)).toBe(true);
    expect(new Set(result.heldRows.map((r) => r.providerMessageId))).toEqual(new Set([result.held.messageId]));
    expect(result.eventQueries).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe("recovery after a SIGKILL mid-drain", () => {
  it("delivers the remaining invites within 15 s of the kill, each once", async () => {
    // Slow calls (0.3 s each), so that the drain is still under way when the process dies.
    fake.failNext({ delayMs: 300 }, 1000);
    // Queued before the processes start: the first to look claims them all (12 batches, 4 calls at
    // a time), so it holds claims it has not handed to Mailgun yet.
    const { organizationIds, addresses } = await queue(12, 25, "drain");
    // A call still in flight at the kill is settled from events; 8 s leaves a loaded machine's slow
    // call time to be accepted before "no event" counts as a refusal.
    const first = startApi({ MAILGUN_EVENTS_SETTLE_SECONDS: "8" });
    const second = mysql() ? startApi({ MAILGUN_EVENTS_SETTLE_SECONDS: "8" }) : null;
    const live = [first, second].filter((c): c is ChildProcess => c !== null);
    await Promise.all(live.map((c) => beating(c)));
    // Mid-drain: some invites out, the victim holding claims it has not handed to Mailgun yet.
    const claimed = await until("a process holding claims after the first copies", async () => {
      if (fake.copies().length === 0) return null;
      const rows = (await rowsOf(organizationIds)).filter((r) => r.status === "CLAIMED");
      return rows.length > 0 ? rows : null;
    });
    const victim = claimantOf(claimed, live);
    const held = claimed.filter((r) => r.claimedBy === claimed[0].claimedBy).length;
    const before = fake.copies().length;
    const killedAt = Date.now();
    await kill(victim);
    // SQLite: the successor's start-up is not recovery time; it counts from its first beat.
    let recoveringFrom = killedAt;
    if (!second) {
      await beating(startApi({ MAILGUN_EVENTS_SETTLE_SECONDS: "8" }));
      recoveringFrom = Date.now();
    }
    await fake.waitFor(() => new Set(fake.copies().map((c) => c.recipient)).size >= addresses.length, 60_000, "every invite at the fake").catch(async (err) => {
      // What was left, and why, before failing.
      const left = (await rowsOf(organizationIds)).filter((r) => r.status !== "SENT");
      console.log(left.map((r) => [r.id, r.status, r.claimedBy, r.claimedUntil, r.nextAttemptAt, r.lastError, r.batchId]));
      throw err;
    });
    const seconds = (Date.now() - killedAt) / 1000;
    const recovery = (Date.now() - recoveringFrom) / 1000;
    console.log(
      `recovery: ${addresses.length - before} of ${addresses.length} invites remained at the SIGKILL (${held} claimed, unsent, by the killed process); all at the fake ${seconds.toFixed(1)} s after it` +
        (second ? "" : ` (${recovery.toFixed(1)} s after the successor process was up)`),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const twice = addresses.filter((a, i) => copiesPer(addresses)[i] !== 1);
    if (twice.length) {
      const rows = (await rowsOf(organizationIds)).filter((r) => twice.includes(r.toAddress));
      console.log(
        JSON.stringify({
          killedAt,
          victim: victim.pid,
          copies: fake.copies().filter((c) => twice.includes(c.recipient)).map((c) => [c.recipient, c.userVariables["batch-id"], c.message.receivedAt.getTime()]),
          rows: rows.map((r) => [r.toAddress, r.status, r.claimedBy, r.batchId, r.batchStartedAt?.getTime(), r.attempts, r.lastError]),
        }),
      );
    }
    expect(twice).toEqual([]);
    expect(recovery).toBeLessThanOrEqual(15);
  }, 120_000);
});
