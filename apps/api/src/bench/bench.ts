/**
 * `pnpm bench [--patients N] [--smoke] [--reuse]`: the onboarding benchmark (not a test). Seeds one
 * organization of N patients (default 1,000,000) in every status on the MariaDB/MySQL database of
 * DATABASE_URL (recreated: use a database of its own), starts the real API over HTTP with Mailgun
 * pointed at the fake Mailgun, measures the grid, the Portal tab, bulk jobs and the one-by-one
 * workflow, prints a table and writes bench-results/bench-<time>.json.
 */
import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { foldSearchText, PortalStatus } from "@portal/schema";
import { hashPassword } from "../auth/passwords";
import { openDataSource } from "../db/data-source";
import { createOrganizationWithDefaults } from "../db/demo-data";
import { startFakeMailgun } from "../email/fake-mailgun";
import { recountPatientStatuses } from "../modules/patients/patient-counters";
import { type ImportBenchResult, runImportBench } from "./import-bench";

const SECTIONS = ["grid", "tab", "bulk", "pair", "import"] as const;
type Section = (typeof SECTIONS)[number];
type Args = { patients: number; smoke: boolean; reuse: boolean; seedOnly: boolean; only: Set<Section>; port: number; bulkSize: number | null; pairSize: number | null };

function parseArgs(argv: string[]): Args {
  const args: Args = { patients: 1_000_000, smoke: false, reuse: false, seedOnly: false, only: new Set(SECTIONS), port: 4131, bulkSize: null, pairSize: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--patients") args.patients = Number(argv[++i]);
    else if (a.startsWith("--patients=")) args.patients = Number(a.split("=")[1]);
    else if (a === "--smoke") args.smoke = true;
    else if (a === "--reuse") args.reuse = true;
    // Seed once (minutes at 1M), then measure as often as needed with --reuse.
    else if (a === "--seed-only") args.seedOnly = true;
    // One part only (e.g. `--only tab` under a profiler): grid, tab, bulk, pair or import.
    else if (a === "--only") args.only = new Set(argv[++i].split(",").map((x) => x as Section).filter((x) => SECTIONS.includes(x)));
    else if (a === "--port") args.port = Number(argv[++i]);
    else if (a === "--bulk-size") args.bulkSize = Number(argv[++i]);
    else if (a === "--pair-size") args.pairSize = Number(argv[++i]);
    else if (a === "--") continue;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.patients) || args.patients < 100) throw new Error("--patients must be an integer ≥ 100");
  return args;
}

const STAFF_EMAIL = "bench@bench.example";
const STAFF_PASSWORD = "bench-password-not-secret";
const ORG_NAME = "Bench Clinic";

// Surnames and given names built from syllables: about 2,400 surnames and 300 given names, so that a
// name search matches hundreds of rows at a million patients, as in a real clinic.
const PRE = ["Mar", "Ber", "Dub", "Tho", "Rob", "Smi", "John", "Wil", "Bro", "Jon", "Gar", "Mil", "Dav", "Trem", "Gag", "Roy", "Cot", "Bou", "Tay", "And", "Lee", "Wal", "You", "Har", "Cla", "Lew", "Kin", "Wri", "Sco", "Gre", "Ada", "Bak", "Nel", "Hil", "Cam", "Mit", "Car", "Rob", "Phi", "Eva", "Tur", "Tor", "Par", "Col", "Edw", "Ste", "Fle", "Mor", "Bel", "Mur"];
const SUF = ["tin", "nard", "ois", "mas", "ert", "th", "son", "liams", "wn", "es", "cia", "ler", "is", "blay", "non", "al", "te", "chard", "lor", "erson", "ford", "ker", "ng", "ght", "tt", "en", "ms", "er", "ton", "chell", "penter", "erts", "llips", "ans", "ner", "res", "ker", "lins", "wards", "vens", "tcher", "gan"];
const FIRST_PRE = ["Em", "Li", "Ol", "No", "Av", "Lu", "Mi", "Et", "Chlo", "Lou", "Zo", "Gab", "So", "Hu", "Am", "Ju", "Nor", "Ad", "Le", "Ma"];
const FIRST_SUF = ["ma", "am", "ivia", "ah", "a", "cas", "ia", "han", "é", "is", "e", "riel", "fia", "go", "elia"];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function ensureDatabase(url: URL, recreate: boolean) {
  const db = url.pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(db)) throw new Error("DATABASE_URL must name a database (letters, digits, _)");
  const conn = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  if (recreate) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}

/** Secondary indexes of the big tables: dropped for the load and built once afterwards (faster than maintaining them row by row). */
async function secondaryIndexes(conn: mysql.Connection, table: string) {
  const [rows] = await conn.query(`SHOW INDEX FROM \`${table}\``);
  const byName = new Map<string, { unique: boolean; cols: string[] }>();
  for (const r of rows as { Key_name: string; Non_unique: number; Column_name: string; Seq_in_index: number }[]) {
    if (r.Key_name === "PRIMARY") continue;
    if (!byName.has(r.Key_name)) byName.set(r.Key_name, { unique: r.Non_unique === 0, cols: [] });
    byName.get(r.Key_name)!.cols[r.Seq_in_index - 1] = r.Column_name;
  }
  return byName;
}

async function seed(url: string, n: number, log: (s: string) => void) {
  const t0 = Date.now();
  const ds = await openDataSource({ kind: "mysql", url });
  await ds.runMigrations({ transaction: "each" });
  const { org, portalRoles } = await createOrganizationWithDefaults(ds, ORG_NAME);
  const [staffRole] = (await ds.query("SELECT id FROM staff_roles WHERE organizationId = ? AND name = 'Administrator'", [org.id])) as { id: number }[];
  await ds.query("INSERT INTO staff_users (organizationId, email, emailNormalized, name, passwordHash, staffRoleId) VALUES (?, ?, ?, ?, ?, ?)", [
    org.id,
    STAFF_EMAIL,
    STAFF_EMAIL,
    "Bench Staff",
    await hashPassword(STAFF_PASSWORD),
    staffRole.id,
  ]);
  await ds.query("UPDATE organizations SET resendCooldownMinutes = 5 WHERE id = ?", [org.id]).catch(() => undefined);
  await ds.destroy();

  const conn = await mysql.createConnection({ uri: url, multipleStatements: false });
  await conn.query("SET SESSION unique_checks = 0, foreign_key_checks = 0");
  const tables = ["patients", "portal_accounts", "portal_grants"];
  const dropped = new Map<string, Map<string, { unique: boolean; cols: string[] }>>();
  for (const table of tables) {
    const idx = await secondaryIndexes(conn, table);
    dropped.set(table, idx);
    if (idx.size) await conn.query(`ALTER TABLE \`${table}\` ${[...idx.keys()].map((k) => `DROP INDEX \`${k}\``).join(", ")}`);
  }
  const random = rng(42);
  const day = 86_400_000;
  const now = Date.now();
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace("T", " ");
  const BATCH = 5000;
  const [[{ maxAcc }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS maxAcc FROM portal_accounts")) as unknown as [[{ maxAcc: number }]];
  let accountId = Number(maxAcc);
  const [[{ maxPat }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS maxPat FROM patients")) as unknown as [[{ maxPat: number }]];
  let patientId = Number(maxPat);
  for (let start = 0; start < n; start += BATCH) {
    const patients: unknown[][] = [];
    const accounts: unknown[][] = [];
    const grants: unknown[][] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      patientId++;
      const last = PRE[Math.floor(random() * PRE.length)] + SUF[Math.floor(random() * SUF.length)];
      const first = FIRST_PRE[Math.floor(random() * FIRST_PRE.length)] + FIRST_SUF[Math.floor(random() * FIRST_SUF.length)];
      const hasEmail = random() >= 0.06;
      const hasDob = random() >= 0.04;
      const email = hasEmail ? `p${i}@bench.example` : null;
      const dob = hasDob ? `${1930 + Math.floor(random() * 90)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}` : null;
      // 40% red, 15% gray, 20% orange, 25% green (only patients with an email can have access).
      const r = random();
      const status = !hasEmail || r < 0.4 ? PortalStatus.NO_ACCESS : r < 0.55 ? PortalStatus.ENABLED : r < 0.75 ? PortalStatus.INVITED : PortalStatus.ACTIVE;
      const invite = status === PortalStatus.INVITED || status === PortalStatus.ACTIVE ? now - Math.floor(random() * 300) * day - day : null;
      const signIn = status === PortalStatus.ACTIVE ? invite! + Math.floor(random() * 20) * 3600_000 + 3600_000 : null;
      patients.push([patientId, org.id, `B${String(i).padStart(8, "0")}`, first, last, foldSearchText(first), foldSearchText(last), dob, email, email, "en", 1, status, invite === null ? null : fmt(invite), signIn === null ? null : fmt(signIn)]);
      if (status !== PortalStatus.NO_ACCESS) {
        accountId++;
        accounts.push([accountId, org.id, email, email, "en", invite === null ? null : fmt(invite), signIn === null ? null : fmt(signIn), signIn === null ? null : fmt(signIn)]);
        grants.push([org.id, accountId, patientId, "SELF", portalRoles.patientRole.id, `${accountId}:${patientId}`, patientId]);
      }
    }
    await conn.query(
      "INSERT INTO patients (id, organizationId, mrn, firstName, lastName, firstNameFolded, lastNameFolded, dateOfBirth, email, emailNormalized, language, active, portalStatus, lastInviteSentAt, lastSignInAt) VALUES ?",
      [patients],
    );
    if (accounts.length) {
      await conn.query("INSERT INTO portal_accounts (id, organizationId, email, emailNormalized, language, lastInviteSentAt, signedUpAt, lastSignInAt) VALUES ?", [accounts]);
      await conn.query("INSERT INTO portal_grants (organizationId, accountId, patientId, accessType, portalRoleId, activeKey, selfKey) VALUES ?", [grants]);
    }
    if ((start / BATCH) % 40 === 0) log(`  seeded ${start + patients.length} patients (${round((Date.now() - t0) / 1000)} s)`);
  }
  const loaded = Date.now();
  for (const table of tables) {
    const idx = dropped.get(table)!;
    if (idx.size === 0) continue;
    await conn.query(`ALTER TABLE \`${table}\` ${[...idx.entries()].map(([k, v]) => `ADD ${v.unique ? "UNIQUE " : ""}INDEX \`${k}\` (${v.cols.map((c) => `\`${c}\``).join(", ")})`).join(", ")}`);
  }
  const indexed = Date.now();
  await conn.query("ANALYZE TABLE patients, portal_accounts, portal_grants");
  await conn.end();
  const ds2 = await openDataSource({ kind: "mysql", url });
  await recountPatientStatuses(ds2.manager, org.id);
  await ds2.destroy();
  return { organizationId: org.id, seconds: round((Date.now() - t0) / 1000), loadSeconds: round((loaded - t0) / 1000), indexSeconds: round((indexed - loaded) / 1000) };
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** The trace's JSON keeps dates and buffers apart from strings (see traceValue in server.ts). */
function revive(v: unknown): unknown {
  if (v && typeof v === "object" && "$date" in v) return new Date((v as { $date: string }).$date);
  if (v && typeof v === "object" && "$buf" in v) return Buffer.from((v as { $buf: string }).$buf, "base64");
  return v;
}

/**
 * The floor of a read: the very statements one API request ran, replayed one after the other through
 * mysql2 alone on one connection (what the request would cost with no Node framework at all).
 */
async function replayFloor(conn: mysql.Connection, traces: Statement[][], count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const trace = traces[i % traces.length];
    const t = performance.now();
    for (const st of trace) await conn.query(st.sql, st.params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { requests: count, statements: traces[0]?.length ?? 0, p50: round(pct(times, 50), 2), p95: round(pct(times, 95), 2) };
}

/** Requests per second and latency of `send` at a given concurrency for a given time. */
async function loadTest(seconds: number, concurrency: number, send: (i: number) => Promise<number>) {
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  let k = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) times.push(await send(k++));
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { concurrency, seconds: round(elapsed, 2), requests: times.length, reqPerSec: round(times.length / elapsed), p50: round(pct(times, 50), 2), p99: round(pct(times, 99), 2) };
}

/** Tables the benchmark's own traffic writes and a bulk job does not: left out of the bulk floor. */
const NOT_JOB_WRITES = new Set(["sessions", "rate_limits", "migrations", "worker_heartbeats"]);

/** Each table with an auto-increment id, and its highest id now: rows above it are written later. */
async function maxIds(conn: mysql.Connection): Promise<Map<string, number>> {
  const [tables] = await conn.query("SELECT TABLE_NAME AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'id' AND EXTRA LIKE '%auto_increment%'");
  const out = new Map<string, number>();
  for (const { t } of tables as { t: string }[]) {
    if (NOT_JOB_WRITES.has(t)) continue;
    const [[row]] = (await conn.query(`SELECT COALESCE(MAX(id), 0) AS m FROM \`${t}\``)) as unknown as [[{ m: number }]];
    out.set(t, Number(row.m));
  }
  return out;
}

/**
 * The floor of the bulk job: the rows the job wrote, written again by raw SQL alone, set-based, in
 * one transaction — multi-row INSERTs of 1,000 rows into copies of each table (same columns and
 * indexes), and the job's changes to the patients as multi-row upserts into a copy of those patients
 * (a copy holding only the job's rows: index maintenance on a smaller table is, if anything, cheaper,
 * so the floor errs on the fast side). Reads the job needs (its facts) are not in the floor.
 */
async function bulkWriteFloor(conn: mysql.Connection, before: Map<string, number>, patientsBefore: Record<string, unknown>[], patientIds: number[]) {
  const tables: { name: string; cols: string[]; rows: unknown[][] }[] = [];
  for (const [t, max] of before) {
    const [rows, fields] = (await conn.query({ sql: `SELECT * FROM \`${t}\` WHERE id > ?`, rowsAsArray: true }, [max])) as unknown as [unknown[][], { name: string }[]];
    if (rows.length) tables.push({ name: t, cols: fields.map((f) => f.name), rows });
  }
  const [after] = (await conn.query({ sql: `SELECT * FROM patients WHERE id IN (?)`, rowsAsArray: false }, [patientIds])) as unknown as [Record<string, unknown>[]];
  const beforeById = new Map(patientsBefore.map((b) => [b.id, b]));
  const changed = Object.keys(after[0] ?? {}).filter((c) => c !== "id" && after.some((a) => String(a[c]) !== String(beforeById.get(a.id)?.[c])));
  for (const t of [...tables.map((x) => x.name), "patients"]) {
    await conn.query(`DROP TABLE IF EXISTS \`floor_${t}\``);
    await conn.query(`CREATE TABLE \`floor_${t}\` LIKE \`${t}\``);
  }
  const pcols = Object.keys(patientsBefore[0] ?? {});
  for (let i = 0; i < patientsBefore.length; i += 1000) {
    await conn.query(`INSERT INTO floor_patients (${pcols.map((c) => `\`${c}\``).join(", ")}) VALUES ?`, [patientsBefore.slice(i, i + 1000).map((r) => pcols.map((c) => r[c]))]);
  }
  const t0 = performance.now();
  await conn.query("START TRANSACTION");
  let rowsWritten = 0;
  for (const { name, cols, rows } of tables) {
    for (let i = 0; i < rows.length; i += 1000) {
      await conn.query(`INSERT INTO \`floor_${name}\` (${cols.map((c) => `\`${c}\``).join(", ")}) VALUES ?`, [rows.slice(i, i + 1000)]);
    }
    rowsWritten += rows.length;
  }
  if (changed.length) {
    // Whole rows: a strict-mode upsert checks every NOT NULL column even when it only updates.
    const cols = Object.keys(after[0]);
    for (let i = 0; i < after.length; i += 1000) {
      await conn.query(
        `INSERT INTO floor_patients (${cols.map((c) => `\`${c}\``).join(", ")}) VALUES ? ON DUPLICATE KEY UPDATE ${changed.map((c) => `\`${c}\` = VALUES(\`${c}\`)`).join(", ")}`,
        [after.slice(i, i + 1000).map((r) => cols.map((c) => r[c]))],
      );
    }
    rowsWritten += after.length;
  }
  await conn.query("COMMIT");
  const seconds = (performance.now() - t0) / 1000;
  for (const t of [...tables.map((x) => x.name), "patients"]) await conn.query(`DROP TABLE IF EXISTS \`floor_${t}\``);
  return { seconds: round(seconds, 3), rowsWritten, tables: Object.fromEntries(tables.map((x) => [x.name, x.rows.length])), patientColumnsChanged: changed };
}

class Api {
  cookie = "";
  constructor(readonly base: string) {}

  async login() {
    const res = await fetch(`${this.base}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: STAFF_EMAIL, password: STAFF_PASSWORD }) });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  }

  /** `trace`: the API sends back the request's SQL statements (SQL_STATEMENT_COUNT), for the replay floor. `anonymous`: no session cookie. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { trace?: boolean; anonymous?: boolean } = {},
  ): Promise<{ data: T; ms: number; statements: number | null; trace: Statement[] }> {
    const t = performance.now();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (!options.anonymous) headers.cookie = this.cookie;
    if (options.trace) headers["x-sql-trace"] = "1";
    const res = await fetch(`${this.base}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    const ms = performance.now() - t;
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
    const header = res.headers.get("x-sql-statements");
    const traced = res.headers.get("x-sql-trace");
    const trace = traced ? (JSON.parse(Buffer.from(traced, "base64url").toString("utf8"), (_k, v: unknown) => revive(v)) as Statement[]) : [];
    return { data: body.data, ms, statements: header === null ? null : Number(header), trace };
  }
}

const GRID = `query($filter: PatientFilterInput, $orderBy: PatientOrderInput, $first: Int, $after: String) {
  patients(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount statusCounts { status count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id portalStatus firstName lastName dateOfBirth email loginEmail lastInviteSentAt lastSignInAt inviteDeliveryFailedAt } }
  }
}`;

const PORTAL_TAB = `query($id: ID!) {
  patient(id: $id) {
    id firstName lastName mrn email dateOfBirth language active portalStatus lastInviteSentAt lastSignInAt
    portalAccess { id accessType grantedAt portalRoleId portalRole { id name }
      account { id email signedUp signedUpAt lastSignInAt lastInviteSentAt disabled lockedUntil mustChangePassword failedSignInCount }
      otherProfiles { id accessType patient { id firstName lastName } portalRole { id name } } }
    linkableAccount { id email }
    contacts { id firstName lastName relationship email portalGrant { id portalRole { id name } account { id email lastSignInAt } } }
  }
  portalRoles { id name accessTypes }
}`;

const JOB = `query($id: ID!) { bulkJob(id: $id) { state total processed succeeded skipped failed } }`;

async function timed(api: Api, count: number, make: (i: number) => [string, Record<string, unknown>]) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const [q, v] = make(i);
    times.push((await api.gql(q, v)).ms);
  }
  times.sort((a, b) => a - b);
  return { requests: count, p50: round(pct(times, 50), 2), p95: round(pct(times, 95), 2), max: round(times[times.length - 1], 2) };
}

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

async function waitForJob(api: Api, id: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await api.gql<{ bulkJob: { state: string; processed: number; succeeded: number; skipped: number; failed: number } }>(JOB, { id })).data.bulkJob;
    if (job.state !== "QUEUED" && job.state !== "RUNNING") return job;
    if (Date.now() > end) throw new Error(`job ${id} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url || !/^(mysql|mariadb):\/\//.test(url)) throw new Error("set DATABASE_URL to a mysql:// URL of a database the benchmark may recreate");
  const dbUrl = new URL(url.replace(/^mariadb:/, "mysql:"));
  const log = (s: string) => console.log(s);
  const results: Record<string, unknown> = { patients: args.patients, smoke: args.smoke, startedAt: new Date().toISOString(), node: process.version };

  // Seed (or reuse a database seeded with the same size).
  let seeded = false;
  if (args.reuse) {
    await ensureDatabase(dbUrl, false);
    const conn = await mysql.createConnection(dbUrl.toString());
    const [rows] = await conn.query("SELECT COUNT(*) AS n FROM patients").catch(() => [[{ n: 0 }]] as never);
    await conn.end();
    seeded = Number((rows as { n: number }[])[0]?.n) >= args.patients;
  }
  if (!seeded) {
    await ensureDatabase(dbUrl, true);
    log(`Seeding ${args.patients.toLocaleString("en")} patients…`);
    results.seed = await seed(dbUrl.toString(), args.patients, log);
    log(`  done in ${(results.seed as { seconds: number }).seconds} s`);
  }
  // The API's own connection settings (UTC, utf8mb4), so replayed statements bind values alike.
  if (args.seedOnly) return;
  const sql = await mysql.createConnection({ uri: dbUrl.toString(), timezone: "Z", charset: "utf8mb4_unicode_ci" });
  const [[{ orgId }]] = (await sql.query("SELECT id AS orgId FROM organizations WHERE name = ? ORDER BY id LIMIT 1", [ORG_NAME])) as unknown as [[{ orgId: number }]];
  // Scheduled invite reminders off: their emails would count among the bulk job's copies at the fake.
  await sql.query("UPDATE organizations SET inviteReminderDays = '' WHERE id = ?", [orgId]);
  const [[{ version }]] = (await sql.query("SELECT VERSION() AS version")) as unknown as [[{ version: string }]];
  results.database = version;

  // The fake Mailgun and the real API, over HTTP.
  const fake = await startFakeMailgun({ domains: ["bench.example"] });
  const base = `http://127.0.0.1:${args.port}`;
  const apiMain = path.resolve(__dirname, "../main.js");
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under the benchmark's load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, apiMain], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl.toString(),
      PORT: String(args.port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      SESSION_SECRET: crypto.randomBytes(24).toString("hex"),
      MAILGUN_API_KEY: fake.apiKey,
      MAILGUN_DOMAIN: "bench.example",
      MAILGUN_URL: fake.url,
      MAIL_FROM: "Bench <no-reply@bench.example>",
      LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? "warn",
      SQL_STATEMENT_COUNT: "true",
      DEMO_DATA: "false",
      // One client drives thousands of requests a minute from one address: the per-IP GraphQL limit
      // (a production safeguard) would refuse it. The limiter still runs on every request.
      GRAPHQL_RATE_LIMIT_PER_IP: "100000000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stopApi = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM"))));
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error("the API exited at start-up");
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      if (i > 600) throw new Error("the API did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const api = new Api(base);
    await api.login();
    const gridRequests = args.smoke ? 20 : 200;

    const pick = async (count: number) => {
      const [rows] = await sql.query(
        "SELECT id FROM patients WHERE organizationId = ? AND portalStatus = 'NO_ACCESS' AND email IS NOT NULL AND dateOfBirth IS NOT NULL AND id NOT IN (SELECT patientId FROM bulk_job_items) ORDER BY id DESC LIMIT ?",
        [orgId, count],
      );
      return (rows as { id: number }[]).map((r) => String(r.id));
    };
    if (args.only.has("grid")) {
      // Grid: first page (100 rows, status filter, by name, with counts), a deep page, a name search.
      const status = PortalStatus.INVITED;
      const first = await timed(api, gridRequests, () => [GRID, { first: 100, filter: { portalStatus: [status] }, orderBy: { field: "NAME", direction: "ASC" } }]);
      const [[{ cnt }]] = (await sql.query("SELECT COUNT(*) AS cnt FROM patients WHERE organizationId = ? AND portalStatus = ?", [orgId, status])) as unknown as [[{ cnt: number }]];
      const deepOffsets = [0.5, 0.8, 0.9, 0.99].map((f) => Math.floor(Number(cnt) * f));
      const deepCursors: string[] = [];
      for (const off of deepOffsets) {
        const [rows] = await sql.query("SELECT lastName, firstName, id FROM patients WHERE organizationId = ? AND portalStatus = ? ORDER BY lastName, firstName, id LIMIT 1 OFFSET ?", [orgId, status, off]);
        const r = (rows as { lastName: string; firstName: string; id: number }[])[0];
        if (r) deepCursors.push(Buffer.from(JSON.stringify([r.lastName, r.firstName, r.id])).toString("base64url"));
      }
      const deep = await timed(api, gridRequests, (i) => [GRID, { first: 100, filter: { portalStatus: [status] }, orderBy: { field: "NAME", direction: "ASC" }, after: deepCursors[i % deepCursors.length] }]);
      const [[{ someName }]] = (await sql.query("SELECT lastName AS someName FROM patients WHERE organizationId = ? ORDER BY id LIMIT 1 OFFSET ?", [orgId, Math.min(12345, args.patients - 1)])) as unknown as [[{ someName: string }]];
      const searchTerm = someName.slice(0, Math.max(4, someName.length - 1));
      const search = await timed(api, gridRequests, () => [GRID, { first: 100, filter: { search: searchTerm }, orderBy: { field: "NAME", direction: "ASC" } }]);
      const searchTotal = (await api.gql(GRID, { first: 1, filter: { search: searchTerm } })).data.patients.totalCount as number;
      const lastSignIn = await timed(api, Math.ceil(gridRequests / 4), () => [GRID, { first: 100, filter: { portalStatus: [PortalStatus.ACTIVE, PortalStatus.INVITED] }, orderBy: { field: "LAST_SIGN_IN", direction: "DESC" } }]);
      // Floors: the same requests' statements replayed through mysql2 alone.
      const firstVars = { first: 100, filter: { portalStatus: [status] }, orderBy: { field: "NAME", direction: "ASC" } };
      const firstTrace = (await api.gql(GRID, firstVars, { trace: true })).trace;
      const deepTraces = [];
      for (const after of deepCursors) deepTraces.push((await api.gql(GRID, { ...firstVars, after }, { trace: true })).trace);
      const firstFloor = await replayFloor(sql, [firstTrace], gridRequests);
      const deepFloor = await replayFloor(sql, deepTraces, gridRequests);
      results.grid = {
        firstPage: { ...first, floor: firstFloor, ratioP95: round(first.p95 / firstFloor.p95, 2) },
        deepPage: { ...deep, offsets: deepOffsets, floor: deepFloor, ratioP95: round(deep.p95 / deepFloor.p95, 2) },
        nameSearch: { ...search, term: searchTerm, matches: searchTotal },
        lastSignInTwoStatuses: lastSignIn,
      };
      log(`grid: ${JSON.stringify(results.grid)}`);

      // SQL statements per page request (the whole request: session, page, counts, loaders).
      const statements: Record<string, number | null> = {};
      for (const size of [10, 100]) statements[`page${size}`] = (await api.gql(GRID, { first: size, filter: { portalStatus: [status] } })).statements;
      for (const size of [10, 100]) statements[`search${size}`] = (await api.gql(GRID, { first: size, filter: { search: searchTerm } })).statements;
      results.sqlStatementsPerPage = statements;
      log(`sqlStatementsPerPage: ${JSON.stringify(results.sqlStatementsPerPage)}`);
    }

    if (args.only.has("tab")) {
      // Portal tab at 50 concurrent requests, beside the floor: the same process answering a static
      // query ({ __typename }, no session, no SQL) at the same concurrency for the same time.
      const [tabRows] = await sql.query("SELECT patientId FROM portal_grants WHERE organizationId = ? AND revokedAt IS NULL ORDER BY id LIMIT 2000", [orgId]);
      const tabIds = (tabRows as { patientId: number }[]).map((r) => String(r.patientId));
      const tabSeconds = args.smoke ? 1 : 10;
      const tabFloor = await loadTest(tabSeconds, 50, async () => (await api.gql("{ __typename }", {}, { anonymous: true })).ms);
      const tab = await loadTest(tabSeconds, 50, async (i) => (await api.gql(PORTAL_TAB, { id: tabIds[i % tabIds.length] })).ms);
      const tabTrace = (await api.gql(PORTAL_TAB, { id: tabIds[0] }, { trace: true })).trace;
      results.portalTab = {
        ...tab,
        sqlStatements: tabTrace.length,
        floor: tabFloor,
        shareOfFloor: round(tab.reqPerSec / tabFloor.reqPerSec, 2),
        // What one request runs, for reading beside a profile (first 160 characters of each statement).
        statements: tabTrace.map((st) => st.sql.replace(/\s+/g, " ").slice(0, 160)),
      };
      log(`portalTab: ${JSON.stringify({ ...(results.portalTab as object), statements: undefined })}`);
    }

    if (args.only.has("bulk")) {
      // Bulk enable + invites for 10,000 patients (fewer in smoke mode).
      const bulkSize = args.bulkSize ?? (args.smoke ? Math.min(400, Math.floor(args.patients / 5)) : 10_000);
      const bulkIds = await pick(bulkSize);
      const idsBefore = await maxIds(sql);
      const [patientsBefore] = (await sql.query("SELECT * FROM patients WHERE id IN (?)", [bulkIds.map(Number)])) as unknown as [Record<string, unknown>[]];
      fake.reset();
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!).rss)), 50);
      const b0 = performance.now();
      const created = await api.gql(`mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } userErrors { code message } } }`, { input: { patientIds: bulkIds, sendInvite: true } });
      const createMs = performance.now() - b0;
      const jobId = created.data.bulkEnablePortalAccess.job.id as string;
      const job = await waitForJob(api, jobId, 30 * 60_000);
      const jobMs = performance.now() - b0;
      await fake.waitForCopies(job.succeeded, 30 * 60_000);
      const deliveredMs = performance.now() - b0;
      clearInterval(sampler);
      peak = Math.max(peak, rssOf(child.pid!).rss);
      results.bulk = {
        patients: bulkIds.length,
        mutationMs: round(createMs),
        jobDoneSeconds: round(jobMs / 1000, 2),
        allEmailsDeliveredSeconds: round(deliveredMs / 1000, 2),
        job,
        emailsAtFake: fake.copies().length,
        mailgunCalls: fake.messages.length,
        apiPeakRssMB: round(peak),
        apiLifetimeHwmMB: round(rssOf(child.pid!).hwm),
      };
      const floor = await bulkWriteFloor(sql, idsBefore, patientsBefore, bulkIds.map(Number));
      Object.assign(results.bulk as object, { floor, ratio: round(jobMs / 1000 / floor.seconds, 2) });
      log(`bulk: ${JSON.stringify(results.bulk)}`);
    }

    if (args.only.has("pair")) {
      // The per-patient workflow (enable, then invite, one patient after the other) against one bulk job.
      const pairSize = args.pairSize ?? (args.smoke ? 50 : 1000);
      const oneByOneIds = await pick(pairSize * 2);
      const seqIds = oneByOneIds.slice(0, pairSize);
      const bulkPairIds = oneByOneIds.slice(pairSize);
      if (bulkPairIds.length < pairSize) throw new Error(`only ${oneByOneIds.length} patients left without access: seed a new database (drop --reuse)`);
      const s0 = performance.now();
      for (const id of seqIds) {
        const enabled = await api.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { id } userErrors { code } } }`, { input: { patientId: id } });
        const grantId = enabled.data.enablePortalAccess.grant?.id;
        if (grantId) await api.gql(`mutation($input: SendPortalInviteInput!) { sendPortalInvite(input: $input) { userErrors { code } } }`, { input: { grantId } });
      }
      const seqSeconds = (performance.now() - s0) / 1000;
      const p0 = performance.now();
      const pairJob = await api.gql(`mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } } }`, { input: { patientIds: bulkPairIds, sendInvite: true } });
      await waitForJob(api, pairJob.data.bulkEnablePortalAccess.job.id, 30 * 60_000);
      const bulkSeconds = (performance.now() - p0) / 1000;
      results.oneByOneVsBulk = { patients: pairSize, oneByOneSeconds: round(seqSeconds, 2), bulkSeconds: round(bulkSeconds, 2), ratio: round(seqSeconds / bulkSeconds, 1) };
      log(`oneByOneVsBulk: ${JSON.stringify(results.oneByOneVsBulk)}`);
    }

    // Import: a CSV of 100,000 patients with contacts (2,000 in smoke mode) into the organization,
    // and upsertPatients of 1,000 then the same 1,000 again, each beside raw multi-row upserts.
    if (args.only.has("import")) {
      results.import = await runImportBench({
        baseUrl: base,
        cookie: api.cookie,
        conn: sql,
        organizationId: orgId,
        patients: args.smoke ? 2000 : 100_000,
        apiPid: child.pid,
        log,
      });
      log(`import: ${JSON.stringify(results.import)}`);
    }
  } finally {
    await stopApi();
    await fake.close();
    await sql.end();
  }

  // Report.
  type Floored = { p50: number; p95: number; floor: { p50: number; p95: number }; ratioP95: number };
  const g = results.grid as Record<string, Floored> | undefined;
  const b = results.bulk as (Record<string, number> & { floor: { seconds: number }; ratio: number }) | undefined;
  const t = results.portalTab as (Record<string, number> & { floor: { reqPerSec: number; p99: number } }) | undefined;
  const o = results.oneByOneVsBulk as Record<string, number> | undefined;
  const s = results.sqlStatementsPerPage as Record<string, number> | undefined;
  const imp = results.import as ImportBenchResult | undefined;
  // measure, figure, floor (same run), ratio, target, met
  type Row = [string, string, string, string, string, boolean | null];
  const rows: Row[] = [
    ...(g && s
      ? ([
          ["grid first page p95 (ms)", String(g.firstPage.p95), String(g.firstPage.floor.p95), `×${g.firstPage.ratioP95}`, "≤ 20", g.firstPage.p95 <= 20],
          ["grid deep page p95 (ms)", String(g.deepPage.p95), String(g.deepPage.floor.p95), `×${g.deepPage.ratioP95}`, "≤ 20", g.deepPage.p95 <= 20],
          ["grid name search p50 / p95 (ms)", `${g.nameSearch.p50} / ${g.nameSearch.p95}`, "—", "—", "—", null],
          ["grid 2 statuses by last sign-in p50 / p95 (ms)", `${g.lastSignInTwoStatuses.p50} / ${g.lastSignInTwoStatuses.p95}`, "—", "—", "—", null],
          ["SQL statements per page, 10 / 100 rows", `${s.page10} / ${s.page100}`, "—", "—", "constant", s.page10 === s.page100],
        ] as Row[])
      : []),
    ...(b
      ? ([
          [`bulk enable+invite ${b.patients}: job done (s)`, String(b.jobDoneSeconds), String(b.floor.seconds), `×${b.ratio}`, "≤ 1.5, ≤ ×5", b.jobDoneSeconds <= 1.5 && b.ratio <= 5],
          [`bulk ${b.patients}: all emails at the fake (s)`, String(b.allEmailsDeliveredSeconds), "—", "—", "≤ 3", b.allEmailsDeliveredSeconds <= 3],
        ] as Row[])
      : []),
    ...(t
      ? ([
          ["portal tab, 50 concurrent: req/s", String(t.reqPerSec), String(t.floor.reqPerSec), `${t.shareOfFloor} of floor`, "≥ 1/3 floor", t.shareOfFloor >= 1 / 3],
          ["portal tab, 50 concurrent: p99 (ms)", String(t.p99), String(t.floor.p99), "—", "≤ 50", t.p99 <= 50],
        ] as Row[])
      : []),
    ...(b ? ([["API peak RSS during bulk (MB)", String(b.apiPeakRssMB), "—", "—", "≤ 250", b.apiPeakRssMB <= 250]] as Row[]) : []),
    ...(imp
      ? ([
          [`CSV import of ${imp.csvImport.rows} with contacts (s)`, String(imp.csvImport.figure), String(imp.csvImport.floor), `×${imp.csvImport.ratio}`, "≤ 10, ≤ ×5", imp.csvImport.figure <= 10 && imp.csvImport.ratio <= 5],
          ["API peak RSS during the import (MB)", String(imp.csvImport.peakRssMb ?? "—"), "—", "—", "≤ 250", imp.csvImport.peakRssMb !== null && imp.csvImport.peakRssMb <= 250],
          ["upsertPatients 1,000 (s)", String(imp.upsert1000.figure), String(imp.upsert1000.floor), `×${imp.upsert1000.ratio}`, "≤ 1", imp.upsert1000.figure <= 1],
          ["upsertPatients, the same 1,000 again (s)", String(imp.upsertResend.figure), String(imp.upsertResend.floor), `×${imp.upsertResend.ratio}`, "≤ 0.5, no writes", imp.upsertResend.figure <= 0.5 && imp.upsertResend.auditRowsWritten === 0],
        ] as Row[])
      : []),
    ...(o ? ([[`one by one vs bulk, ${o.patients} patients (s)`, `${o.oneByOneSeconds} vs ${o.bulkSeconds}`, "—", `×${o.ratio}`, "≥ ×150", o.ratio >= 150]] as Row[]) : []),
  ];
  if (results.seed) rows.unshift(["seed (s): total / load / indexes", `${(results.seed as Record<string, number>).seconds} / ${(results.seed as Record<string, number>).loadSeconds} / ${(results.seed as Record<string, number>).indexSeconds}`, "—", "—", "—", null]);
  const header: [string, string, string, string, string] = ["measure", "figure", "floor", "ratio", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\nPortal Access benchmark — ${args.patients.toLocaleString("en")} patients on ${results.database}${args.smoke ? " (smoke)" : ""}`);
  console.log(line(header));
  for (const r of rows) console.log(`${line(r.slice(0, 5) as string[])}  ${r[5] === null ? "" : r[5] ? "met" : "MISSED"}`);
  results.targetsMet = Object.fromEntries(rows.filter((r) => r[5] !== null).map((r) => [r[0], r[5]]));
  const dir = path.resolve(process.cwd(), "bench-results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
