import fs from "node:fs";
import type mysql from "mysql2/promise";

/**
 * The import figures of `pnpm bench` (issue 14), each beside a floor measured in the same run:
 *  - CSV import of N patients with a contact each, uploaded to POST /imports/patients and run to DONE,
 *    beside the same rows written by raw multi-row upserts through the driver (the floor);
 *  - upsertPatients with 1,000 patients, beside the same 1,000 rows upserted raw;
 *  - the same 1,000 sent again (nothing to write), beside reading them raw by external id.
 * bench.ts calls runImportBench with its API and database connection; nothing here starts either.
 */
export interface ImportBenchOptions {
  /** The API's base URL, e.g. http://127.0.0.1:4100 */
  baseUrl: string;
  /** Cookie header of a staff session allowed to edit patients (bench.ts signs in as the admin). */
  cookie: string;
  /** A mysql2 connection to the API's database, for the floors. */
  conn: mysql.Connection;
  /** The organization the staff member belongs to. */
  organizationId: number;
  /** CSV rows to import (default 100,000). */
  patients?: number;
  /** The API process, to sample its resident memory while it streams the file. */
  apiPid?: number;
  log?: (line: string) => void;
}

export interface Floored {
  /** Seconds the API took. */
  figure: number;
  /** Seconds the floor took, in the same run. */
  floor: number;
  /** figure / floor. */
  ratio: number;
}

export interface ImportBenchResult {
  csvImport: Floored & { rows: number; peakRssMb: number | null; created: number };
  upsert1000: Floored & { created: number };
  upsertResend: Floored & { unchanged: number; auditRowsWritten: number };
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const floored = (figure: number, floor: number): Floored => ({ figure: round(figure), floor: round(floor), ratio: round(figure / floor, 2) });

interface Row {
  mrn: string;
  externalId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string;
  contact: { firstName: string; lastName: string; relationship: string; email: string };
}

function rows(tag: string, n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    mrn: `IB-${tag}-${i}`,
    externalId: `IBX-${tag}-${i}`,
    firstName: `Given${i % 997}`,
    lastName: `Family${i % 7919}`,
    dateOfBirth: `${1930 + (i % 90)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    email: `ib-${tag}-${i}@example.com`,
    contact: { firstName: `Parent${i % 311}`, lastName: `Family${i % 7919}`, relationship: "MOTHER", email: `ibc-${tag}-${i}@example.com` },
  }));
}

function csvOf(list: Row[]): string {
  const head = "MRN,External ID,First name,Last name,Date of birth,Email,Contact first name,Contact last name,Contact relationship,Contact email\n";
  return head + list.map((r) => [r.mrn, r.externalId, r.firstName, r.lastName, r.dateOfBirth, r.email, r.contact.firstName, r.contact.lastName, "mother", r.contact.email].join(",")).join("\n") + "\n";
}

async function gql<T>(o: ImportBenchOptions, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${o.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie: o.cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The floor of a write: the same rows as patients and contacts, by multi-row
 * `INSERT … ON DUPLICATE KEY UPDATE` of 1,000 rows, into empty copies of the two tables (so the
 * floor errs on the fast side: no million rows in its indexes). No checks, no audit, no events.
 */
async function rawUpsertFloor(conn: mysql.Connection, organizationId: number, list: Row[]): Promise<number> {
  await conn.query("DROP TABLE IF EXISTS floor_import_patients");
  await conn.query("DROP TABLE IF EXISTS floor_import_contacts");
  await conn.query("CREATE TABLE floor_import_patients LIKE patients");
  await conn.query("CREATE TABLE floor_import_contacts LIKE contacts");
  const t = performance.now();
  for (let i = 0; i < list.length; i += 1000) {
    const chunk = list.slice(i, i + 1000);
    await conn.query(
      "INSERT INTO floor_import_patients (organizationId, mrn, externalId, firstName, lastName, firstNameFolded, lastNameFolded, dateOfBirth, email, emailNormalized) VALUES ? ON DUPLICATE KEY UPDATE firstName = VALUES(firstName), lastName = VALUES(lastName), dateOfBirth = VALUES(dateOfBirth), email = VALUES(email)",
      [chunk.map((r) => [organizationId, r.mrn, r.externalId, r.firstName, r.lastName, r.firstName.toLowerCase(), r.lastName.toLowerCase(), r.dateOfBirth, r.email, r.email])],
    );
    const [ids] = await conn.query("SELECT id, externalId FROM floor_import_patients WHERE organizationId = ? AND externalId IN (?)", [organizationId, chunk.map((r) => r.externalId)]);
    const idOf = new Map((ids as { id: number; externalId: string }[]).map((x) => [x.externalId, x.id]));
    await conn.query(
      "INSERT INTO floor_import_contacts (organizationId, patientId, firstName, lastName, relationship, email, emailNormalized) VALUES ? ON DUPLICATE KEY UPDATE email = VALUES(email)",
      [chunk.map((r) => [organizationId, idOf.get(r.externalId), r.contact.firstName, r.contact.lastName, r.contact.relationship, r.contact.email, r.contact.email])],
    );
  }
  const seconds = (performance.now() - t) / 1000;
  await conn.query("DROP TABLE floor_import_patients");
  await conn.query("DROP TABLE floor_import_contacts");
  return seconds;
}

const UPSERT = `mutation($input: UpsertPatientsInput!) { upsertPatients(input: $input) { results { outcome } userErrors { code message } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { state processed created refused failed } }`;

export async function runImportBench(o: ImportBenchOptions): Promise<ImportBenchResult> {
  const log = o.log ?? (() => undefined);
  const n = o.patients ?? 100_000;
  const tag = Date.now().toString(36);

  // 1. CSV import of n patients with contacts, from upload to DONE.
  const list = rows(`csv${tag}`, n);
  const file = new Blob([csvOf(list)], { type: "text/csv" });
  log(`import bench: CSV of ${n} patients (${(file.size / 1024 / 1024).toFixed(1)} MB)`);
  let peak = o.apiPid ? rssMb(o.apiPid) : null;
  const sampler = o.apiPid ? setInterval(() => (peak = Math.max(peak ?? 0, rssMb(o.apiPid!))), 100) : null;
  const started = performance.now();
  const form = new FormData();
  form.append("file", file, "bench.csv");
  const res = await fetch(`${o.baseUrl}/imports/patients`, { method: "POST", headers: { cookie: o.cookie, "x-portal-import": "1" }, body: form });
  const posted = (await res.json()) as { id?: string; error?: string; message?: string };
  if (!posted.id) throw new Error(`import refused: ${res.status} ${posted.error} ${posted.message}`);
  let job: { state: string; processed: number; created: number; refused: number; failed: number };
  for (;;) {
    job = (await gql<{ importJob: typeof job }>(o, JOB, { id: posted.id })).importJob;
    if (job.state === "DONE" || job.state === "FAILED") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const csvSeconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  if (job.state !== "DONE" || job.created !== n) throw new Error(`import ended ${job.state} with ${job.created} created of ${n}`);
  const csvFloor = await rawUpsertFloor(o.conn, o.organizationId, list);
  log(`import bench: CSV ${round(csvSeconds, 2)} s, floor ${round(csvFloor, 2)} s, peak RSS ${peak === null ? "?" : Math.round(peak)} MB`);

  // 2. upsertPatients with 1,000 patients, then the same 1,000 again.
  const batch = rows(`api${tag}`, 1000);
  const input = { patients: batch.map((r) => ({ externalId: r.externalId, mrn: r.mrn, firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth, email: r.email, contacts: [{ ...r.contact, relationship: "MOTHER" }] })) };
  let t = performance.now();
  const first = await gql<{ upsertPatients: { results: { outcome: string }[] } }>(o, UPSERT, { input });
  const upsertSeconds = (performance.now() - t) / 1000;
  const created = first.upsertPatients.results.filter((r) => r.outcome === "CREATED").length;
  const upsertFloor = await rawUpsertFloor(o.conn, o.organizationId, batch);

  const [before] = await o.conn.query("SELECT COUNT(*) AS n FROM audit_events WHERE organizationId = ?", [o.organizationId]);
  t = performance.now();
  const again = await gql<{ upsertPatients: { results: { outcome: string }[] } }>(o, UPSERT, { input });
  const resendSeconds = (performance.now() - t) / 1000;
  const [after] = await o.conn.query("SELECT COUNT(*) AS n FROM audit_events WHERE organizationId = ?", [o.organizationId]);
  const unchanged = again.upsertPatients.results.filter((r) => r.outcome === "UNCHANGED").length;
  // The floor of a resend that writes nothing: reading the same patients and their contacts raw.
  t = performance.now();
  const [found] = await o.conn.query("SELECT * FROM patients WHERE organizationId = ? AND externalId IN (?)", [o.organizationId, batch.map((r) => r.externalId)]);
  await o.conn.query("SELECT * FROM contacts WHERE organizationId = ? AND patientId IN (?)", [o.organizationId, (found as { id: number }[]).map((p) => p.id)]);
  const resendFloor = (performance.now() - t) / 1000;
  log(`import bench: upsertPatients 1,000 ${round(upsertSeconds, 3)} s (floor ${round(upsertFloor, 3)} s); again ${round(resendSeconds, 3)} s (floor ${round(resendFloor, 3)} s)`);

  return {
    csvImport: { ...floored(csvSeconds, csvFloor), rows: n, peakRssMb: peak === null ? null : Math.round(peak), created: job.created },
    upsert1000: { ...floored(upsertSeconds, upsertFloor), created },
    upsertResend: { ...floored(resendSeconds, resendFloor), unchanged, auditRowsWritten: Number((after as { n: number }[])[0].n) - Number((before as { n: number }[])[0].n) },
  };
}
