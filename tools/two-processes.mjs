#!/usr/bin/env node
// Two API processes (the built `node dist/src/main.js`) on one MariaDB/MySQL database, as behind a load
// balancer: a session made on one works on the other, queued outbox rows (emails and webhooks) are
// delivered exactly once between their two workers, and rate limits are shared.
//   node tools/two-processes.mjs [--db mysql://root@127.0.0.1:3306/portal_two_processes] [--ports 4164,4165]
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { db: { type: "string" }, ports: { type: "string" }, patients: { type: "string" } } });
const dbUrl = new URL(values.db ?? "mysql://root@127.0.0.1:3306/portal_two_processes");
const ports = (values.ports ?? "4164,4165").split(",").map(Number);
const N = Number(values.patients ?? 60);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const apiDir = path.join(root, "apps", "api");
const require = createRequire(path.join(apiDir, "package.json"));
const mysql = require("mysql2/promise");
const servers = [];
let failures = 0;
const ok = (what) => console.log(`  ok   ${what}`);
const bad = (what) => {
  failures++;
  console.error(`  FAIL ${what}`);
};
const expect = (cond, what) => (cond ? ok(what) : bad(what));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const database = dbUrl.pathname.slice(1);
  const conn = await mysql.createConnection({ host: dbUrl.hostname, port: Number(dbUrl.port || 3306), user: decodeURIComponent(dbUrl.username), password: decodeURIComponent(dbUrl.password) });
  await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.query(`USE \`${database}\``);

  // A partner endpoint counting what it receives.
  const received = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(JSON.parse(body).id);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise((r) => receiver.listen(0, "127.0.0.1", r));

  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: dbUrl.toString(),
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ALLOW_PRIVATE_WEBHOOK_TARGETS: "true",
    // The dev mailbox counts what was delivered; production uses it only when told to, by name.
    EMAIL_TRANSPORT: "dev-mailbox",
    GRAPHQL_RATE_LIMIT_PER_IP: "100000",
    GRAPHQL_RATE_LIMIT_PER_KEY: "10",
  };
  const password = crypto.randomBytes(12).toString("base64url");
  const email = "two-processes@example.test";
  execFileSync("node", ["dist/src/cli/create-admin.js", "--org", "Two Process Clinic", "--email", email, "--name", "Admin"], { cwd: apiDir, env: { ...env, ADMIN_PASSWORD: password }, stdio: ["ignore", "ignore", "inherit"] });

  for (const port of ports) servers.push(spawn("node", ["dist/src/main.js"], { cwd: apiDir, env: { ...env, PORT: String(port) }, stdio: ["ignore", "inherit", "inherit"] }));
  const [A, B] = ports.map((p) => `http://127.0.0.1:${p}`);
  for (const base of [A, B]) {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {
      up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (!up) await sleep(250);
    }
    if (!up) throw new Error(`${base} did not start`);
  }
  ok("two API processes started on one database");

  // Sessions: made on A, used on B, ended on B, gone on A.
  const login = await fetch(`${A}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  const gql = async (base, query, variables = {}, headers = { cookie }) => {
    const r = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: r.status, body: await r.json() };
  };
  const viewer = "{ viewer { user { email } } }";
  expect((await gql(B, viewer)).body.data?.viewer?.user?.email === email, "a session created on process A works on process B");

  // Outbox: N access changes with invites, written through both processes, delivered by both workers.
  const hook = await gql(A, `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { userErrors { code } } }`, {
    input: { url: `http://127.0.0.1:${receiver.address().port}/hooks`, events: ["PORTAL_ACCESS_ENABLED", "PORTAL_INVITE_SENT"] },
  });
  expect(hook.body.data?.createWebhookSubscription?.userErrors?.length === 0, "webhook subscription created");
  for (let i = 0; i < N; i++) {
    const base = i % 2 ? B : A;
    const created = await gql(base, `mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id } userErrors { code } } }`, {
      input: { mrn: `TP-${i}`, firstName: "Pat", lastName: `Two${i}`, dateOfBirth: "1980-01-02", email: `patient${i}@example.test` },
    });
    const id = created.body.data?.createPatient?.patient?.id;
    const enabled = await gql(base, `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`, { input: { patientId: id, sendInvite: true } });
    if (!id || enabled.body.data?.enablePortalAccess?.userErrors?.length !== 0) throw new Error(`patient ${i}: ${JSON.stringify([created.body, enabled.body])}`);
  }
  const deadline = Date.now() + 60_000;
  let pending;
  do {
    await sleep(300);
    [[{ pending }]] = await conn.query("SELECT COUNT(*) AS pending FROM outbox_messages WHERE status IN ('PENDING','CLAIMED','SENDING')");
  } while (Number(pending) > 0 && Date.now() < deadline);
  const [rows] = await conn.query("SELECT channel, status, claimedBy, COUNT(*) AS n FROM outbox_messages GROUP BY channel, status, claimedBy");
  const sent = (channel) => rows.filter((r) => r.channel === channel && r.status === "SENT").reduce((s, r) => s + Number(r.n), 0);
  const workers = new Set(rows.map((r) => r.claimedBy));
  console.log(`       outbox: ${rows.map((r) => `${r.channel} ${r.status} by ${String(r.claimedBy).split(":")[1] ?? "-"}: ${r.n}`).join("; ")}`);
  expect(Number(pending) === 0 && sent("EMAIL") === N && sent("WEBHOOK") === 2 * N, `all ${N} emails and ${2 * N} webhooks delivered`);
  const [[{ copies, distinctRows }]] = await conn.query("SELECT COUNT(*) AS copies, COUNT(DISTINCT outboxId) AS distinctRows FROM dev_mailbox_messages");
  expect(Number(copies) === N && Number(distinctRows) === N, `each email delivered exactly once (${copies} copies of ${distinctRows} outbox rows)`);
  const unique = new Set(received);
  expect(received.length === 2 * N && unique.size === 2 * N, `each webhook event received exactly once (${received.length} deliveries, ${unique.size} distinct events)`);
  expect(workers.size === 2, `both processes' workers took part (${workers.size} distinct claimants)`);

  // Rate limits: one key's budget (10 a minute) is shared by both processes.
  const key = (await gql(A, `mutation { createApiKey(input: {name: "two", scopes: [PATIENTS_READ]}) { secret } }`)).body.data.createApiKey.secret;
  const statuses = [];
  for (let i = 0; i < 14; i++) statuses.push((await gql(i % 2 ? B : A, "{ patients(first: 1) { totalCount } }", {}, { authorization: `Bearer ${key}` })).status);
  expect(statuses.filter((s) => s === 200).length === 10 && statuses.slice(10).every((s) => s === 429), `rate limit shared: 10 of 14 calls alternating A/B allowed, then 429 (${statuses.join(",")})`);

  // Logout on B ends the session on A too.
  await fetch(`${B}/auth/logout`, { method: "POST", headers: { cookie } });
  expect((await gql(A, viewer)).body.data?.viewer === null, "signing out on B ends the session on A");
  receiver.close();
  await conn.end();
}

main()
  .catch((err) => bad(err.stack ?? err.message))
  .finally(async () => {
    for (const s of servers) s.kill("SIGTERM");
    await sleep(500);
    console.log(failures ? `two-process check: ${failures} failure(s)` : "two-process check passed");
    process.exit(failures ? 1 : 0);
  });
