import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";
import request from "supertest";
import { API_KEY_PREFIX, ApiKeyScope, PortalStatus, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, unique, uniqueEmail } from "../../../test/factories";
import { keyGql, startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { createLogger } from "../../logger";
import { ApiKey } from "../api-keys/api-key.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import { ImportJob } from "./import-job.entity";
import { ImportJobRunner } from "./import-job.runner";

/**
 * Patient imports through HTTP and GraphQL (SPEC rule 19): CSV in English and French Excel style,
 * FHIR NDJSON, the partner upsert; a dry run first; idempotent; and every bad input refused with a
 * typed error and nothing written.
 */
const { EDIT_PATIENTS, VIEW_PATIENTS, MANAGE_PORTAL_ACCESS } = StaffPermission;
const logger = createLogger("silent");
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const JOB = `query($id: ID!) { importJob(id: $id) { id state total toCreate toUpdate toLeave toRefuse duplicates created updated unchanged refused resultsCsvUrl
  rows(first: 100) { edges { node { rowNumber plan outcome patientId problems { code field message } notes { code field } } } } } }`;
const CONFIRM = `mutation($input: ConfirmPatientImportInput!) { confirmPatientImport(input: $input) { job { id state } userErrors { code field message } } }`;
const UPSERT = `mutation($input: UpsertPatientsInput!) { upsertPatients(input: $input) { results { index outcome patient { id externalId email } userErrors { code field } notes { code field } } userErrors { code field message } } }`;

async function setup(permissions = [EDIT_PATIENTS, VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]) {
  const { org } = await buildOrg(t.dataSource);
  const { client } = await buildStaff(t.dataSource, t.app, org.id, permissions);
  return { org, client };
}

function upload(client: TestClient | null, file: Buffer | string, fields: Record<string, string> = {}, dryRun = true, name = "patients.csv") {
  const req = (client ? client.agent : request(t.app)).post(`/imports/patients${dryRun ? "?dryRun=true" : ""}`).set("x-portal-import", "1");
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req.attach("file", Buffer.isBuffer(file) ? file : Buffer.from(file, "utf8"), name);
}

async function drain() {
  const runner = new ImportJobRunner(t.dataSource, t.services.imports, logger, { chunkSize: 3 });
  while (await runner.runOne());
}

async function job(client: TestClient, id: string) {
  const res = await client.gql(JOB, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.importJob;
}

const patientsOf = (orgId: number) => t.dataSource.getRepository(Patient).find({ where: { organizationId: orgId }, order: { mrn: "ASC" } });

const ENGLISH = (tag: string) =>
  [
    "MRN,External ID,First name,Last name,Date of birth,Email,Language,Contact first name,Contact last name,Contact relationship,Contact email",
    `M1-${tag},E1-${tag},Ada,Lovelace,1990-12-10,ada-${tag}@example.com,en,Anne,Lovelace,mother,anne-${tag}@example.com`,
    `M2-${tag},E2-${tag},"Jean ""JB""",Tremblay,1985-03-04,,fr,,,,`,
    `M3-${tag},E3-${tag},Zoé,Côté,2001-01-31,zoe-${tag}@example.com,French,,,,`,
  ].join("\r\n");

describe("CSV import", () => {
  it("dry run, confirm, run: patients and contacts created, audited, reported; the same file again changes nothing", async () => {
    const { org, client } = await setup();
    const tag = unique("t");
    const res = await upload(client, ENGLISH(tag));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: "PREVIEW", total: 3, toCreate: 3, toRefuse: 0 });
    // Nothing written before confirmation.
    expect(await patientsOf(org.id)).toHaveLength(0);
    const confirmed = await client.gql(CONFIRM, { input: { id: res.body.id } });
    expect(confirmed.data!.confirmPatientImport).toMatchObject({ job: { state: "QUEUED" }, userErrors: [] });
    await drain();
    const done = await job(client, res.body.id);
    expect(done).toMatchObject({ state: "DONE", created: 3, updated: 0, refused: 0 });
    const patients = await patientsOf(org.id);
    expect(patients.map((p) => [p.firstName, p.lastName, p.dateOfBirth, p.language, p.externalId])).toEqual([
      ["Ada", "Lovelace", "1990-12-10", "en", `E1-${tag}`],
      ['Jean "JB"', "Tremblay", "1985-03-04", "fr", `E2-${tag}`],
      ["Zoé", "Côté", "2001-01-31", "fr", `E3-${tag}`],
    ]);
    // Searchable like any patient: the folded names were written.
    expect(patients[2].lastNameFolded).toBe("cote");
    const contacts = await t.dataSource.getRepository(Contact).findBy({ organizationId: org.id });
    expect(contacts.map((c) => [c.firstName, c.relationship, c.patientId])).toEqual([["Anne", "MOTHER", patients[0].id]]);
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id });
    expect(audits.filter((a) => a.action === "patient.imported")).toHaveLength(3);
    expect(audits.filter((a) => a.action === "contact.imported")).toHaveLength(1);
    const grid = await client.gql(`{ patients(first: 10, filter: { search: "cote" }) { totalCount edges { node { lastName } } } }`);
    expect(grid.data!.patients.edges.map((e: { node: { lastName: string } }) => e.node.lastName)).toEqual(["Côté"]);

    const again = await upload(client, ENGLISH(tag), {}, false);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ state: "QUEUED", toCreate: 0, toUpdate: 0, toLeave: 3 });
    await drain();
    expect(await job(client, again.body.id)).toMatchObject({ state: "DONE", unchanged: 3, created: 0, updated: 0 });
    expect(await t.dataSource.getRepository(Contact).countBy({ organizationId: org.id })).toBe(1);
    expect((await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id })).filter((a) => a.action.startsWith("patient.import"))).toHaveLength(3);
  });

  it("reads French Excel: ';' separators, Windows-1252, French headers, day/month dates; a missing patient is reported, not touched", async () => {
    const { org, client } = await setup();
    const kept = await buildPatient(t.dataSource, org.id, { mrn: unique("KEEP-") });
    const tag = unique("f");
    const text = ["No de dossier;Prénom;Nom;Date de naissance;Courriel;Langue", `F1-${tag};Hélène;Bérubé;25/12/1970;helene-${tag}@exemple.ca;français`, `F2-${tag};"Émile";Gagnon;03/04/2010;;fr`].join("\r\n");
    const res = await upload(client, iconv.encode(text, "windows-1252"));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ toCreate: 2, toRefuse: 0, missing: 1 });
    await client.gql(CONFIRM, { input: { id: res.body.id } });
    await drain();
    const patients = await patientsOf(org.id);
    expect(patients.find((p) => p.mrn === `F1-${tag}`)).toMatchObject({ firstName: "Hélène", lastName: "Bérubé", dateOfBirth: "1970-12-25", language: "fr" });
    expect(patients.find((p) => p.mrn === `F2-${tag}`)).toMatchObject({ firstName: "Émile", dateOfBirth: "2010-04-03" });
    expect(patients.find((p) => p.id === kept.id)).toMatchObject({ firstName: kept.firstName, email: kept.email });
  });

  it("asks the date order once when the file cannot tell, and uses the answer", async () => {
    const { client } = await setup();
    const tag = unique("d");
    const text = `MRN,First name,Last name,DOB\nD1-${tag},A,B,03/04/2010\nD2-${tag},C,D,05/06/2011\n`;
    const asked = await upload(client, text);
    expect(asked.status).toBe(422);
    expect(asked.body).toMatchObject({ error: "IMPORT_DATE_ORDER_NEEDED", sample: "03/04/2010" });
    const answered = await upload(client, text, { dateOrder: "MONTH_DAY" });
    expect(answered.status).toBe(201);
    const rows = (await job(client, answered.body.id)).rows.edges;
    expect(rows).toHaveLength(2);
    await client.gql(CONFIRM, { input: { id: answered.body.id } });
    await drain();
    const p = await t.dataSource.getRepository(Patient).findOneByOrFail({ mrn: `D1-${tag}` });
    expect(p.dateOfBirth).toBe("2010-03-04");
  });

  it("maps columns it does not know when the user says which field they fill", async () => {
    const { client } = await setup();
    const text = `Chart,Given,Family\nC-${unique("m")},Ann,Lee\n`;
    const missing = await upload(client, text);
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ error: "IMPORT_MISSING_COLUMN", missing: ["firstName", "lastName", "mrn"], headers: ["Chart", "Given", "Family"] });
    const mapped = await upload(client, text, { mapping: JSON.stringify({ Chart: "mrn", Given: "firstName", Family: "lastName" }) });
    expect(mapped.status).toBe(201);
    expect(mapped.body).toMatchObject({ toCreate: 1 });
  });

  it("refuses rows with typed reasons: formula cells, HTML in names, 31/02/2001, one email on two rows; the others go in", async () => {
    const { org, client } = await setup();
    const tag = unique("b");
    const text = [
      "MRN,First name,Last name,Date of birth,Email",
      `B1-${tag},=cmd|' /C calc'!A0,Formula,1990-01-01,`,
      `B2-${tag},<img src=x onerror=alert(1)>,Html,1990-01-01,`,
      `B3-${tag},Feb,Thirtyfirst,31/02/2001,`,
      `B4-${tag},Twin,One,1990-01-01,same-${tag}@example.com`,
      `B5-${tag},Twin,Two,1990-01-01,SAME-${tag}@example.com`,
      `B6-${tag},Good,Row,1990-01-01,good-${tag}@example.com`,
      `B6-${tag},Good,Again,1990-01-01,`,
    ].join("\n");
    const res = await upload(client, text);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ total: 7, toCreate: 0, toRefuse: 7 });
    const dry = await job(client, res.body.id);
    const byRow = Object.fromEntries(dry.rows.edges.map((e: { node: { rowNumber: number; problems: { code: string; field: string }[] } }) => [e.node.rowNumber, e.node.problems.map((p) => `${p.code}:${p.field}`)]));
    expect(byRow[1]).toEqual(["FORMULA_NOT_ALLOWED:firstName"]);
    expect(byRow[2]).toEqual(["INVALID_INPUT:firstName"]);
    expect(byRow[3]).toEqual(["INVALID_INPUT:dateOfBirth"]);
    expect(byRow[4]).toEqual(["DUPLICATE_IN_FILE:email"]);
    expect(byRow[5]).toEqual(["DUPLICATE_IN_FILE:email"]);
    expect(byRow[6]).toEqual(["DUPLICATE_IN_FILE:mrn"]);
    await client.gql(CONFIRM, { input: { id: res.body.id } });
    await drain();
    expect(await patientsOf(org.id)).toHaveLength(0);
    // The report escapes what a spreadsheet would run.
    const csv = await client.agent.get(dry.resultsCsvUrl);
    expect(csv.status).toBe(200);
    const report = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(report).toHaveLength(7);
    expect(report.every((r) => r.outcome === "REFUSED")).toBe(true);
    expect(csv.text).not.toMatch(/(^|,)=cmd/m);
  });

  it("refuses whole files with a typed error and writes nothing: binary, wrong encoding, empty, too large, too many rows", async () => {
    const { org, client } = await setup();
    const before = await t.dataSource.getRepository(ImportJob).countBy({ organizationId: org.id });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(2000)]);
    expect(await upload(client, zip, {}, true, "patients.xlsx").then((r) => [r.status, r.body.error])).toEqual([415, "IMPORT_UNREADABLE_FILE"]);
    const binary = crypto.randomBytes(5000);
    binary[10] = 0;
    expect(await upload(client, binary).then((r) => [r.status, r.body.error])).toEqual([415, "IMPORT_UNREADABLE_FILE"]);
    // 0x81 and 0x8D are no characters in Windows-1252 either.
    const broken = Buffer.concat([Buffer.from("MRN,First name,Last name\nX1,A"), Buffer.from([0x81, 0x8d]), Buffer.from(",B\n")]);
    expect(await upload(client, broken).then((r) => [r.status, r.body.error])).toEqual([415, "IMPORT_UNREADABLE_FILE"]);
    expect(await upload(client, "").then((r) => [r.status, r.body.error])).toEqual([400, "IMPORT_UNREADABLE_FILE"]);
    const huge = Buffer.alloc(51 * 1024 * 1024, "a,b,c\n");
    expect(await upload(client, huge).then((r) => [r.status, r.body.error])).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    const many = "MRN,First name,Last name\n" + "1,a,b\n".repeat(200_001);
    expect(await upload(client, many).then((r) => [r.status, r.body.error])).toEqual([413, "IMPORT_TOO_MANY_ROWS"]);
    const badQuote = 'MRN,First name,Last name\nQ1,"Unclosed,B\n';
    expect(await upload(client, badQuote).then((r) => [r.status, r.body.error])).toEqual([400, "IMPORT_UNREADABLE_FILE"]);
    expect(await t.dataSource.getRepository(ImportJob).countBy({ organizationId: org.id })).toBe(before);
    expect(await patientsOf(org.id)).toHaveLength(0);
  }, 60_000);
});

describe("FHIR import", () => {
  it("reads Patient and RelatedPerson NDJSON: identifiers, telecom, communication, the contact linked to its patient", async () => {
    const { org, client } = await setup();
    const tag = unique("h");
    const lines = [
      { resourceType: "Patient", id: `pat-${tag}`, identifier: [{ type: { coding: [{ code: "MR" }] }, value: `MRN-${tag}` }], name: [{ use: "official", family: "Nguyen", given: ["Linh", "Mai"] }], birthDate: "2012-05-06", telecom: [{ system: "email", value: `linh-${tag}@example.com` }], communication: [{ language: { coding: [{ code: "fr-CA" }] }, preferred: true }] },
      { resourceType: "RelatedPerson", id: `rp-${tag}`, patient: { reference: `Patient/pat-${tag}` }, relationship: [{ coding: [{ code: "MTH" }] }], name: [{ family: "Nguyen", given: ["Thu"] }], telecom: [{ system: "email", value: `thu-${tag}@example.com` }, { system: "phone", value: "+1 514 555 0100" }] },
    ];
    const res = await upload(client, lines.map((l) => JSON.stringify(l)).join("\n"), {}, false, "export.ndjson");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: "FHIR", total: 1, toCreate: 1 });
    await drain();
    const [patient] = await patientsOf(org.id);
    expect(patient).toMatchObject({ externalId: `pat-${tag}`, mrn: `MRN-${tag}`, firstName: "Linh Mai", lastName: "Nguyen", dateOfBirth: "2012-05-06", email: `linh-${tag}@example.com`, language: "fr" });
    const [contact] = await t.dataSource.getRepository(Contact).findBy({ organizationId: org.id });
    expect(contact).toMatchObject({ patientId: patient.id, externalId: `rp-${tag}`, relationship: "MOTHER", firstName: "Thu", phone: "+1 514 555 0100" });
    const bad = await upload(client, '{"resourceType":"Patient"}\nnot json\n', {}, true, "bad.ndjson");
    expect([bad.status, bad.body.error]).toEqual([400, "IMPORT_UNREADABLE_FILE"]);
  });
});

describe("the sample files in docs/samples", () => {
  it("import without a refused row, and a second time change nothing", async () => {
    const { org, client } = await setup();
    const dir = path.resolve(__dirname, "../../../../../docs/samples");
    for (const [file, created] of [["patients-en.csv", 5], ["patients-fr-excel.csv", 5], ["patients-fhir.ndjson", 3]] as const) {
      const res = await upload(client, fs.readFileSync(path.join(dir, file)), {}, false, file);
      expect([file, res.status, res.body.toCreate, res.body.toRefuse]).toEqual([file, 201, created, 0]);
      await drain();
      const again = await upload(client, fs.readFileSync(path.join(dir, file)), {}, true, file);
      expect([file, again.body.toLeave, again.body.toCreate, again.body.toUpdate]).toEqual([file, created, 0, 0]);
    }
    const patients = await patientsOf(org.id);
    expect(patients).toHaveLength(13);
    expect(patients.find((p) => p.lastName === "Bérubé")).toMatchObject({ firstName: "Hélène", dateOfBirth: "1970-12-25", language: "fr" });
    expect(await t.dataSource.getRepository(Contact).countBy({ organizationId: org.id })).toBe(7);
  });
});

describe("who may import", () => {
  it("needs a signed-in staff member who may edit patients; another organization's imports and ids are out of reach", async () => {
    expect((await upload(null, ENGLISH(unique("u")))).status).toBe(401);
    const { client: viewer } = await setup([VIEW_PATIENTS]);
    expect((await upload(viewer, ENGLISH(unique("v")))).status).toBe(403);
    const a = await setup();
    const b = await setup();
    // Org B knows a patient under an external id; org A's file with the same id never touches it.
    const tag = unique("x");
    const theirs = await buildPatient(t.dataSource, b.org.id, { externalId: `E1-${tag}`, mrn: `M1-${tag}`, firstName: "Theirs" });
    const res = await upload(a.client, ENGLISH(tag), {}, false);
    expect(res.body).toMatchObject({ toCreate: 3 });
    await drain();
    expect(await t.dataSource.getRepository(Patient).findOneByOrFail({ id: theirs.id })).toMatchObject({ firstName: "Theirs", organizationId: b.org.id });
    expect((await b.client.gql(JOB, { id: res.body.id })).data!.importJob).toBeNull();
    expect((await b.client.agent.get(`/imports/${res.body.id}/results.csv`)).status).toBe(404);
    const confirm = await b.client.gql(CONFIRM, { input: { id: res.body.id } });
    expect(confirm.data!.confirmPatientImport.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("runs one import of an organization at a time, and resumes one whose runner stopped", async () => {
    const { org, client } = await setup();
    const first = await upload(client, ENGLISH(unique("r")), {}, false);
    const second = await upload(client, ENGLISH(unique("s")));
    const refused = await client.gql(CONFIRM, { input: { id: second.body.id } });
    expect(refused.data!.confirmPatientImport.userErrors[0].code).toBe("IMPORT_ALREADY_RUNNING");
    // A runner stopped after its first chunk (a restart); the next one finishes the job.
    let stopper: ImportJobRunner | null = null;
    stopper = new ImportJobRunner(t.dataSource, t.services.imports, logger, { chunkSize: 1, afterChunk: () => void stopper!.stop() });
    stopper.start();
    await new Promise((r) => setTimeout(r, 500));
    await stopper.stop();
    const mid = await job(client, first.body.id);
    expect(mid.created).toBeGreaterThan(0);
    expect(mid.created).toBeLessThan(3);
    await drain();
    expect(await job(client, first.body.id)).toMatchObject({ state: "DONE", created: 3 });
    expect(await patientsOf(org.id)).toHaveLength(3);
    const now = await client.gql(CONFIRM, { input: { id: second.body.id } });
    expect(now.data!.confirmPatientImport.userErrors).toEqual([]);
    await drain();
  });
});

describe("upsertPatients and patientByExternalId", () => {
  async function key(orgId: number, scopes: ApiKeyScope[]) {
    const publicId = crypto.randomBytes(6).toString("hex");
    const secret = `${API_KEY_PREFIX}${publicId}_${crypto.randomBytes(32).toString("base64url")}`;
    await t.dataSource.getRepository(ApiKey).save({ organizationId: orgId, name: unique("key "), publicId, secretHash: crypto.createHash("sha256").update(secret).digest("hex"), scopes, createdByStaffId: null, expiresAt: null });
    return secret;
  }

  it("creates, then leaves unchanged, then updates; keeps the login email of a patient holding access; one result per row", async () => {
    const { org } = await setup();
    const secret = await key(org.id, [ApiKeyScope.PATIENTS_WRITE]);
    const tag = unique("p");
    const patients = [0, 1, 2].map((i) => ({ externalId: `X${i}-${tag}`, firstName: `P${i}`, lastName: "Partner", dateOfBirth: "2000-01-0" + (i + 1), email: `p${i}-${tag}@example.com`, contacts: [{ firstName: "Kim", lastName: "Partner", relationship: "FATHER" }] }));
    const created = await keyGql(t.app, secret, UPSERT, { input: { patients } });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.upsertPatients.results.map((r: { outcome: string }) => r.outcome)).toEqual(["CREATED", "CREATED", "CREATED"]);
    const again = await keyGql(t.app, secret, UPSERT, { input: { patients } });
    expect(again.body.data!.upsertPatients.results.map((r: { outcome: string }) => r.outcome)).toEqual(["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    // Patient 0 holds portal access: its email on file is its login's.
    await t.dataSource.getRepository(Patient).update({ organizationId: org.id, externalId: `X0-${tag}` }, { portalStatus: PortalStatus.ACTIVE });
    const changed = await keyGql(t.app, secret, UPSERT, {
      input: { patients: [{ externalId: `X0-${tag}`, email: uniqueEmail("new") }, { externalId: `X1-${tag}`, lastName: "Renamed" }, { externalId: `X2-${tag}`, dateOfBirth: "2001-02-31" }, { mrn: unique("N"), firstName: "<b>x</b>", lastName: "Y" }] },
    });
    const results = changed.body.data!.upsertPatients.results;
    expect(results[0]).toMatchObject({ outcome: "UNCHANGED", notes: [{ code: "EMAIL_LOCKED_TO_ACCOUNT", field: "email" }], patient: { email: `p0-${tag}@example.com` } });
    expect(results[1]).toMatchObject({ outcome: "UPDATED", userErrors: [] });
    expect(results[2]).toMatchObject({ outcome: "REFUSED", userErrors: [{ code: "INVALID_INPUT", field: "dateOfBirth" }] });
    expect(results[3]).toMatchObject({ outcome: "REFUSED", userErrors: [{ code: "INVALID_INPUT", field: "firstName" }] });
    const found = await keyGql(t.app, secret, `query($e: String!) { patientByExternalId(externalId: $e) { lastName } }`, { e: `X1-${tag}` });
    expect(found.body.data!.patientByExternalId).toEqual({ lastName: "Renamed" });
    expect(await t.dataSource.getRepository(Contact).countBy({ organizationId: org.id })).toBe(3);
  });

  it("is refused without patients:write, above 1,000 rows, and never reaches another organization", async () => {
    const a = await setup();
    const b = await setup();
    const reader = await key(a.org.id, [ApiKeyScope.PATIENTS_READ]);
    const denied = await keyGql(t.app, reader, UPSERT, { input: { patients: [{ externalId: "z", firstName: "A", lastName: "B" }] } });
    expect(denied.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const writer = await key(a.org.id, [ApiKeyScope.PATIENTS_WRITE]);
    const tooMany = await keyGql(t.app, writer, UPSERT, { input: { patients: Array.from({ length: 1001 }, (_, i) => ({ externalId: `n${i}`, firstName: "A", lastName: "B" })) } });
    expect(tooMany.body.data?.upsertPatients ?? tooMany.body.errors).toBeTruthy();
    expect(await patientsOf(a.org.id)).toHaveLength(0);
    const theirs = await buildPatient(t.dataSource, b.org.id, { externalId: unique("theirs-") });
    const miss = await keyGql(t.app, writer, `query($e: String!) { patientByExternalId(externalId: $e) { id } }`, { e: theirs.externalId });
    expect(miss.body.data!.patientByExternalId).toBeNull();
    const upsert = await keyGql(t.app, writer, UPSERT, { input: { patients: [{ externalId: theirs.externalId, mrn: theirs.mrn, firstName: "Mine", lastName: "Now" }] } });
    expect(upsert.body.data!.upsertPatients.results[0].outcome).toBe("CREATED");
    expect(await t.dataSource.getRepository(Patient).findOneByOrFail({ id: theirs.id })).toMatchObject({ firstName: theirs.firstName });
  });
});
