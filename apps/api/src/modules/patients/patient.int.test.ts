import { StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail, unique } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";
import { Contact } from "./contact.entity";
import { Patient } from "./patient.entity";

const { VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS } = StaffPermission;

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id mrn firstName lastName email dateOfBirth language } userErrors { code field message } } }`;
const UPDATE_PATIENT = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patient { id firstName email dateOfBirth active } userErrors { code field message } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id relationship email patient { id } } userErrors { code field message } } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { contact { id firstName active } revokedGrantCount userErrors { code field message } } }`;
const LIST = `query($filter: PatientFilterInput, $first: Int, $after: String) {
  patients(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id firstName lastName } } pageInfo { hasNextPage endCursor } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function editor() {
  const { org } = await buildOrg(t.dataSource);
  const { client } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, EDIT_PATIENTS]);
  return { org, client };
}

describe("patient records", () => {
  it("creates a patient, trimming names and normalizing the email, and audits which fields changed without values", async () => {
    const { org, client } = await editor();
    const email = uniqueEmail("New");
    const res = await client.gql(CREATE_PATIENT, { input: { mrn: unique("M"), firstName: "  Ada ", lastName: "Lovelace", email, dateOfBirth: "1990-12-10", language: "FR" } });
    expect(res.data!.createPatient.userErrors).toEqual([]);
    const p = res.data!.createPatient.patient;
    expect(p).toMatchObject({ firstName: "Ada", lastName: "Lovelace", email, dateOfBirth: "1990-12-10", language: "FR" });
    const row = await t.dataSource.getRepository(Patient).findOneByOrFail({ id: Number(p.id) });
    expect(row.emailNormalized).toBe(email.toLowerCase());
    expect(row.portalStatus).toBe("NO_ACCESS");

    const upd = await client.gql(UPDATE_PATIENT, { input: { id: p.id, firstName: "Augusta", dateOfBirth: "" } });
    expect(upd.data!.updatePatient.patient).toMatchObject({ firstName: "Augusta", dateOfBirth: null, email });
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "patient.updated" });
    expect(event.after).toEqual({ changed: expect.arrayContaining(["firstName", "dateOfBirth"]) });
    expect(JSON.stringify(event.after)).not.toContain("Augusta");
  });

  it("refuses bad input with a typed error and changes nothing", async () => {
    const { org, client } = await editor();
    const mrn = unique("M");
    await client.gql(CREATE_PATIENT, { input: { mrn, firstName: "A", lastName: "B" } });
    const cases: [object, string, string][] = [
      [{ mrn, firstName: "A", lastName: "B" }, "INVALID_INPUT", "mrn"],
      [{ mrn: unique("M"), firstName: "  ", lastName: "B" }, "INVALID_INPUT", "firstName"],
      [{ mrn: unique("M"), firstName: "A", lastName: "B", email: "nope" }, "INVALID_EMAIL", "email"],
      [{ mrn: unique("M"), firstName: "A", lastName: "B", dateOfBirth: "2021-02-30" }, "INVALID_INPUT", "dateOfBirth"],
      [{ mrn: unique("M"), firstName: "A", lastName: "B", dateOfBirth: "2999-01-01" }, "INVALID_INPUT", "dateOfBirth"],
    ];
    for (const [input, code, field] of cases) {
      const res = await client.gql(CREATE_PATIENT, { input });
      expect(res.data!.createPatient.userErrors[0]).toMatchObject({ code, field });
    }
    const tooLong = await client.gql(CREATE_PATIENT, { input: { mrn: unique("M"), firstName: "x".repeat(101), lastName: "B" } });
    expect(errorCode(tooLong)).toBe("BAD_USER_INPUT");
    const wrongType = await client.gql(CREATE_PATIENT, { input: { mrn: 5, firstName: "A", lastName: "B" } });
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(Patient).countBy({ organizationId: org.id })).toBe(1);
  });

  it("requires sign-in and EDIT_PATIENTS, and never touches another organization's patient", async () => {
    const { org } = await editor();
    const patient = await buildPatient(t.dataSource, org.id);
    const anonymous = await new TestClient(t.app).gql(CREATE_PATIENT, { input: { mrn: unique("M"), firstName: "A", lastName: "B" } });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const viewer = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS])).client;
    const forbidden = await viewer.gql(UPDATE_PATIENT, { input: { id: String(patient.id), firstName: "Z" } });
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
    const other = await editor();
    const foreign = await other.client.gql(UPDATE_PATIENT, { input: { id: String(patient.id), firstName: "Hacked" } });
    expect(foreign.data!.updatePatient.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id })).firstName).toBe("Pat");
  });
});

describe("contacts", () => {
  it("adds a contact to a patient's record and edits it", async () => {
    const { org, client } = await editor();
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await client.gql(CREATE_CONTACT, { input: { patientId: String(patient.id), firstName: "Mary", lastName: "Doe", relationship: "MOTHER", email: uniqueEmail("mom") } });
    expect(res.data!.createContact.userErrors).toEqual([]);
    expect(res.data!.createContact.contact).toMatchObject({ relationship: "MOTHER", patient: { id: String(patient.id) } });
    const upd = await client.gql(UPDATE_CONTACT, { input: { id: res.data!.createContact.contact.id, firstName: "Maria" } });
    expect(upd.data!.updateContact).toMatchObject({ contact: { firstName: "Maria", active: true }, revokedGrantCount: 0, userErrors: [] });
  });

  it("refuses another organization's patient or contact, bad enums and anonymous callers", async () => {
    const { org, client } = await editor();
    const other = await buildOrg(t.dataSource);
    const foreignPatient = await buildPatient(t.dataSource, other.org.id);
    const foreignContact = await buildContact(t.dataSource, foreignPatient);
    let res = await client.gql(CREATE_CONTACT, { input: { patientId: String(foreignPatient.id), firstName: "A", lastName: "B", relationship: "OTHER" } });
    expect(res.data!.createContact.userErrors[0].code).toBe("NOT_FOUND");
    res = await client.gql(UPDATE_CONTACT, { input: { id: String(foreignContact.id), active: false } });
    expect(res.data!.updateContact.userErrors[0].code).toBe("NOT_FOUND");
    expect((await t.dataSource.getRepository(Contact).findOneByOrFail({ id: foreignContact.id })).active).toBe(true);
    const patient = await buildPatient(t.dataSource, org.id);
    res = await client.gql(CREATE_CONTACT, { input: { patientId: String(patient.id), firstName: "A", lastName: "B", relationship: "COUSIN" } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    res = await new TestClient(t.app).gql(CREATE_CONTACT, { input: { patientId: String(patient.id), firstName: "A", lastName: "B", relationship: "OTHER" } });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    res = await billing.gql(CREATE_CONTACT, { input: { patientId: String(patient.id), firstName: "A", lastName: "B", relationship: "OTHER" } });
    expect(errorCode(res)).toBe("FORBIDDEN");
  });
});

describe("the patients list", () => {
  it("pages by name with keyset cursors, searches, and counts", async () => {
    const { org, client } = await editor();
    const last = unique("Kz");
    const names = ["Anna", "Bob", "Cleo", "Dan", "Eve"];
    for (const firstName of names) await buildPatient(t.dataSource, org.id, { firstName, lastName: last });
    await buildPatient(t.dataSource, org.id, { firstName: "Other", lastName: unique("Aa"), mrn: "MRN-FIND-ME-" + org.id });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await client.gql(LIST, { filter: { search: last }, first: 2, after });
      expect(res.data.patients.totalCount).toBe(5);
      seen.push(...res.data.patients.edges.map((e: any) => e.node.firstName));
      if (!res.data.patients.pageInfo.hasNextPage) break;
      after = res.data.patients.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);

    const full = await client.gql(LIST, { filter: { search: `Cleo ${last}` } });
    expect(full.data!.patients.edges.map((e: any) => e.node.firstName)).toEqual(["Cleo"]);
    const byMrn = await client.gql(LIST, { filter: { search: "MRN-FIND-ME-" + org.id } });
    expect(byMrn.data!.patients.edges.map((e: any) => e.node.firstName)).toEqual(["Other"]);
    const byDob = await client.gql(LIST, { filter: { search: "1980-04-12" } });
    expect(byDob.data!.patients.totalCount).toBe(6);
  });

  it("rejects a forged cursor and an oversized page with BAD_USER_INPUT", async () => {
    const { client } = await editor();
    expect(errorCode(await client.gql(LIST, { after: "bm90LWpzb24" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await client.gql(LIST, { first: 501 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await client.gql(LIST, { first: -1 }))).toBe("BAD_USER_INPUT");
  });

  it("keeps portal status and counts for staff who manage portal access (rule 12)", async () => {
    const { org } = await editor();
    await buildPatient(t.dataSource, org.id);
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    expect(errorCode(await billing.gql(`{ patients { statusCounts { status count } } }`))).toBe("FORBIDDEN");
    expect(errorCode(await billing.gql(`{ patients(filter: {portalStatus: [ACTIVE]}) { totalCount } }`))).toBe("FORBIDDEN");
    expect(errorCode(await billing.gql(`{ patients { edges { node { portalStatus } } } }`))).toBe("FORBIDDEN");
    const ok = await billing.gql(`{ patients { totalCount edges { node { firstName } } } }`);
    expect(ok.data!.patients.totalCount).toBe(1);
    expect(errorCode(await new TestClient(t.app).gql(`{ patients { totalCount } }`))).toBe("UNAUTHENTICATED");
  });
});
