#!/usr/bin/env node
// The production build, tested as it would run: `pnpm deploy --prod` of the built API into a temporary
// directory (no dev dependencies), NODE_ENV=production against MariaDB/MySQL, an administrator made with
// the create-admin command, then /healthz, a staff sign-in, GraphQL queries, and a clean SIGTERM stop.
//   node tools/production-smoke.mjs [--db mysql://root@127.0.0.1:3306/portal_prod_smoke] [--port 4163]
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { db: { type: "string" }, port: { type: "string" }, keep: { type: "boolean" } } });
const dbUrl = new URL(values.db ?? "mysql://root@127.0.0.1:3306/portal_prod_smoke");
const port = Number(values.port ?? 4163);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "portal-prod-"));
const apiDir = path.join(out, "apps", "api");
let server;
let failures = 0;

const ok = (what) => console.log(`  ok   ${what}`);
const bad = (what) => {
  failures++;
  console.error(`  FAIL ${what}`);
};
const expect = (cond, what) => (cond ? ok(what) : bad(what));

/** Waits for a process to exit; returns its exit code and everything it wrote. */
function runToExit(child) {
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (output += chunk));
  return Promise.race([
    new Promise((resolve) => child.once("exit", (code) => resolve({ code, output }))),
    new Promise((resolve) =>
      setTimeout(() => {
        child.kill("SIGKILL");
        resolve({ code: "timeout", output });
      }, 30_000),
    ),
  ]);
}

async function main() {
  if (!fs.existsSync(path.join(root, "apps/api/dist/src/main.js"))) throw new Error("run `pnpm build` first");
  console.log(`deploying the API with production dependencies into ${apiDir}`);
  execFileSync("pnpm", ["--filter", "@portal/api", "deploy", "--prod", "--legacy", apiDir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  // The Docker image's layout: the admin and portal builds next to the API, where it looks by default.
  for (const web of ["admin", "portal"]) {
    const dist = path.join(root, "apps", web, "dist");
    if (fs.existsSync(dist)) fs.cpSync(dist, path.join(out, "apps", web, "dist"), { recursive: true });
  }
  for (const dev of ["jest", "typescript", "@swc/core", "supertest"]) expect(!fs.existsSync(path.join(apiDir, "node_modules", dev)), `no dev dependency ${dev} in the deployed tree`);
  expect(fs.existsSync(path.join(apiDir, "node_modules/@portal/schema/dist")), "the shared @portal/schema package is built into the deployed tree");

  // A fresh database, so migrations run from scratch as on a first deployment.
  const require = createRequire(path.join(apiDir, "package.json"));
  const mysql = require("mysql2/promise");
  const database = dbUrl.pathname.slice(1);
  const admin = await mysql.createConnection({ host: dbUrl.hostname, port: Number(dbUrl.port || 3306), user: decodeURIComponent(dbUrl.username), password: decodeURIComponent(dbUrl.password) });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const password = crypto.randomBytes(12).toString("base64url");
  const email = "smoke-admin@example.test";
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATABASE_URL: dbUrl.toString(),
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // No Mailgun here: production keeps emails in the dev mailbox only when told to, by name.
    EMAIL_TRANSPORT: "dev-mailbox",
  };
  execFileSync("node", ["dist/src/cli/create-admin.js", "--org", "Smoke Test Clinic", "--email", email, "--name", "Smoke Admin"], {
    cwd: apiDir,
    env: { ...env, ADMIN_PASSWORD: password },
    stdio: ["ignore", "ignore", "inherit"],
  });
  ok("create-admin made the first administrator");

  // Without Mailgun and without EMAIL_TRANSPORT, production refuses to start (rule 16).
  const { EMAIL_TRANSPORT: _transport, ...withoutTransport } = env;
  const refused = await runToExit(spawn("node", ["dist/src/main.js"], { cwd: apiDir, env: withoutTransport, stdio: ["ignore", "pipe", "pipe"] }));
  expect(refused.code === 78 && /EMAIL_TRANSPORT: production needs Mailgun/.test(refused.output), `production without Mailgun or EMAIL_TRANSPORT refused to start (exit ${refused.code})`);

  const started = Date.now();
  let serverOutput = "";
  server = spawn("node", ["dist/src/main.js"], { cwd: apiDir, env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [server.stdout, server.stderr]) {
    stream.on("data", (chunk) => {
      serverOutput += chunk;
      process.stderr.write(chunk);
    });
  }
  const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  let healthy = false;
  for (let i = 0; i < 120 && !healthy; i++) {
    healthy = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (!healthy) await new Promise((r) => setTimeout(r, 250));
  }
  expect(healthy, `GET /healthz answered 200 (${Date.now() - started} ms after start)`);
  if (!healthy) throw new Error("server did not become healthy");
  expect(/EMAIL_TRANSPORT=dev-mailbox in production/.test(serverOutput), "the server warned at start that production keeps emails in the dev mailbox");

  const login = await fetch(`${base}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
  expect(login.status === 200 && cookie.startsWith("pa_staff="), "POST /auth/login signed the administrator in");
  const gql = (query, headers = {}) =>
    fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie, ...headers }, body: JSON.stringify({ query }) }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const viewer = await gql("{ viewer { user { email } organization { name } permissions } patients(first: 5) { totalCount } }");
  expect(viewer.status === 200 && viewer.body.data?.viewer?.user?.email === email && viewer.body.data.viewer.organization.name === "Smoke Test Clinic", "GraphQL viewer query as the administrator");
  expect(viewer.body.data?.viewer?.permissions?.includes("MANAGE_API_KEYS"), "the administrator holds every permission");
  expect(viewer.body.data?.patients?.totalCount === 0, "a production database has no demo data");
  const introspection = await gql("{ __schema { queryType { name } } }");
  expect(introspection.body.errors?.[0]?.extensions?.code === "GRAPHQL_VALIDATION_FAILED", "introspection is off in production");
  for (const web of ["admin", "portal"]) {
    if (!fs.existsSync(path.join(root, "apps", web, "dist", "index.html"))) continue;
    const page = await fetch(`${base}/${web}/`, { headers: { accept: "text/html" } });
    expect(page.status === 200 && (await page.text()).includes("<div id="), `GET /${web}/ serves the built ${web} app`);
  }
  const headers = await fetch(`${base}/healthz`);
  expect(!headers.headers.get("x-powered-by") && headers.headers.get("x-content-type-options") === "nosniff", "security headers are set, x-powered-by is not");

  server.kill("SIGTERM");
  const { code } = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: "timeout" }), 15000))]);
  expect(code === 0, `SIGTERM stopped the server cleanly (exit ${code})`);
  server = undefined;
}

main()
  .catch((err) => bad(err.message))
  .finally(() => {
    if (server) server.kill("SIGKILL");
    if (!values.keep) fs.rmSync(out, { recursive: true, force: true });
    console.log(failures ? `production build check: ${failures} failure(s)` : "production build check passed");
    process.exit(failures ? 1 : 0);
  });
