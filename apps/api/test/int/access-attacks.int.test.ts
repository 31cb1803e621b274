import { ApiKeyScope, StaffPermission } from "@portal/schema";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity";
import { buildContact, buildOrg, buildPatient, buildStaff } from "../factories";
import { errorCode, keyGql, startTestApp, type GraphQLResponse, type TestApp } from "../test-app";

/**
 * Each way in that an attacker found (issue: "only the right people get in"), replayed through the
 * real GraphQL layer. The ones not here have their own files: staff raising their own rights
 * (staff-grants.int.test.ts), the login email change (portal-access), bad cursors and nested input
 * (input-validation.int.test.ts).
 */

const { VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS, MANAGE_API_KEYS, VIEW_DEV_MAILBOX } = StaffPermission;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`;

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  // Keys are minted the way an administrator would, through the API.
  const admin = await buildStaff(t.dataSource, t.app, org.id, Object.values(StaffPermission));
  const key = async (scopes: ApiKeyScope[]) => {
    const res = await admin.client.gql(CREATE_KEY, { input: { name: "partner", scopes: scopes.map((s) => Object.entries(ApiKeyScope).find(([, v]) => v === s)![0]) } });
    return res.data!.createApiKey.secret as string;
  };
  const patient = await buildPatient(t.dataSource, org.id, { firstName: "Hidden", lastName: "Person", dateOfBirth: "1933-03-03" });
  const contact = await buildContact(t.dataSource, patient, { firstName: "Hidden-contact" });
  return { org, admin, key, patient, contact };
}

function leaks(body: GraphQLResponse, ...secrets: (string | null | undefined)[]): string[] {
  const text = JSON.stringify(body);
  return secrets.filter((s): s is string => !!s && text.includes(s));
}

describe("path 1: the dev mailbox, which holds working links", () => {
  const MAILBOX = `{ devMailbox(first: 5) { edges { node { toAddress text } } } }`;

  it("is never readable by an API key, whatever its scopes", async () => {
    const { key } = await setup();
    for (const scopes of [[ApiKeyScope.PORTAL_ACCESS_READ], Object.values(ApiKeyScope)]) {
      const res = await keyGql(t.app, await key(scopes), MAILBOX);
      expect(errorCode(res.body)).toBe("FORBIDDEN");
      expect(res.body.data?.devMailbox ?? null).toBeNull();
    }
  });

  it("needs a permission of its own: managing portal access is not enough", async () => {
    const { org } = await setup();
    const desk = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await desk.client.gql(MAILBOX))).toBe("FORBIDDEN");
    const dev = await buildStaff(t.dataSource, t.app, org.id, [VIEW_DEV_MAILBOX]);
    expect((await dev.client.gql(MAILBOX)).errors).toBeUndefined();
  });
});

describe("path 2: a portal_access:write key moving an active patient's login", () => {
  it("cannot change a login email at all (staff only)", async () => {
    const { key, admin, patient } = await setup();
    const enabled = await admin.client.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { accountId } } }`, { input: { patientId: String(patient.id) } });
    const accountId = enabled.data!.enablePortalAccess.grant.accountId;
    const res = await keyGql(t.app, await key([ApiKeyScope.PORTAL_ACCESS_WRITE]), `mutation($input: ChangePortalLoginEmailInput!) { changePortalLoginEmail(input: $input) { userErrors { code } } }`, {
      input: { accountId, email: "attacker@evil.test" },
    });
    expect(errorCode(res.body)).toBe("FORBIDDEN");
    expect(JSON.stringify(await t.dataSource.query(`SELECT email FROM portal_accounts WHERE id = ?`, [Number(accountId)]))).not.toContain("attacker");
  });
});

describe("path 4: scopes hold on nested fields", () => {
  const PATIENT = `query($id: ID!) { patient(id: $id) { id firstName lastName email dateOfBirth mrn contacts { email firstName } } }`;
  const STATUS = `query($id: ID!) { patient(id: $id) { id portalStatus } }`;

  it("a key with only the portal-access scopes reads no name, email or date of birth through patient(id)", async () => {
    const { key, patient, contact } = await setup();
    const secret = await key([ApiKeyScope.PORTAL_ACCESS_READ, ApiKeyScope.PORTAL_ACCESS_WRITE]);
    const res = await keyGql(t.app, secret, PATIENT, { id: String(patient.id) });
    expect(leaks(res.body, patient.firstName, patient.lastName, patient.email, patient.dateOfBirth, patient.mrn, contact.email, contact.firstName)).toEqual([]);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain("FORBIDDEN");
    // What the scope does promise still answers.
    const status = await keyGql(t.app, secret, STATUS, { id: String(patient.id) });
    expect(status.body).toEqual({ data: { patient: { id: String(patient.id), portalStatus: "NO_ACCESS" } } });
  });

  it("a patients:read key reads the record but not its portal access", async () => {
    const { key, patient } = await setup();
    const secret = await key([ApiKeyScope.PATIENTS_READ]);
    const ok = await keyGql(t.app, secret, PATIENT, { id: String(patient.id) });
    expect(ok.body.data!.patient).toMatchObject({ firstName: "Hidden", dateOfBirth: "1933-03-03" });
    const status = await keyGql(t.app, secret, STATUS, { id: String(patient.id) });
    expect(errorCode(status.body)).toBe("FORBIDDEN");
  });
});

describe("path 5: mutation payloads follow view rights", () => {
  it("an editor without VIEW_PATIENTS changes a patient but reads nothing of it through the payload", async () => {
    const { org, patient } = await setup();
    const editor = await buildStaff(t.dataSource, t.app, org.id, [EDIT_PATIENTS]);
    const res = await editor.client.gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patient { id firstName lastName email dateOfBirth mrn } userErrors { code } } }`, {
      input: { id: String(patient.id), language: "FR" },
    });
    expect(leaks(res, patient.firstName, patient.lastName, patient.email, patient.dateOfBirth, patient.mrn)).toEqual([]);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The edit itself is theirs to make.
    expect((await t.dataSource.query(`SELECT language FROM patients WHERE id = ?`, [patient.id]))[0].language).toBe("fr");
  });
});

describe("path 6: filters and sorts on a field the caller cannot see are refused", () => {
  const FILTERED = `query($filter: PatientFilterInput, $orderBy: PatientOrderInput) { patients(first: 5, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id } } } }`;

  it("billing staff and a patients:read key cannot learn whose invites bounced", async () => {
    const { org, key } = await setup();
    const billing = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    const asBilling = await billing.client.gql(FILTERED, { filter: { inviteFailed: true } });
    expect(errorCode(asBilling)).toBe("FORBIDDEN");
    expect(asBilling.data?.patients ?? null).toBeNull();
    const asKey = await keyGql(t.app, await key([ApiKeyScope.PATIENTS_READ]), FILTERED, { filter: { inviteFailed: true } });
    expect(errorCode(asKey.body)).toBe("FORBIDDEN");
    for (const orderBy of [{ field: "STATUS" }, { field: "LAST_SIGN_IN" }]) expect(errorCode(await billing.client.gql(FILTERED, { orderBy }))).toBe("FORBIDDEN");
    expect(errorCode(await billing.client.gql(FILTERED, { filter: { portalStatus: ["ACTIVE"] } }))).toBe("FORBIDDEN");
    // Searching by name is theirs: they read names.
    expect((await billing.client.gql(FILTERED, { filter: { search: "Person" }, orderBy: { field: "NAME" } })).errors).toBeUndefined();
  });

  it("a portal-access key cannot search patients by name, and the bulk mutations hold the same rule", async () => {
    const { key } = await setup();
    const secret = await key([ApiKeyScope.PORTAL_ACCESS_WRITE]);
    expect(errorCode((await keyGql(t.app, secret, FILTERED, { filter: { search: "Person" } })).body)).toBe("FORBIDDEN");
    expect((await keyGql(t.app, secret, FILTERED, { filter: { portalStatus: ["NO_ACCESS"] } })).body.errors).toBeUndefined();
    const bulk = await keyGql(t.app, secret, `mutation($input: BulkSendPortalInvitesInput!) { bulkSendPortalInvites(input: $input) { job { id } userErrors { code } } }`, { input: { filter: { search: "Person" } } });
    expect(errorCode(bulk.body)).toBe("FORBIDDEN");
  });
});

describe("reads of a patient's record are audited (rule 17)", () => {
  it("writes one patient.viewed per request, naming the staff member or the key, and one row per list request with its filter", async () => {
    const { org, key, patient } = await setup();
    const desk = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]);
    const views = () => t.dataSource.getRepository(AuditEvent).find({ where: { organizationId: org.id, action: "patient.viewed" }, order: { id: "ASC" } });
    // Aliases and nested fields of one request are one read.
    await desk.client.gql(`query($id: ID!) { a: patient(id: $id) { id firstName } b: patient(id: $id) { lastName contacts { id } } }`, { id: String(patient.id) });
    let rows = await views();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: "STAFF", actorId: String(desk.user.id), targetType: "Patient", targetId: String(patient.id), patientId: patient.id });
    expect(rows[0]!.ip).toBeTruthy();
    await keyGql(t.app, await key([ApiKeyScope.PATIENTS_READ]), `query($id: ID!) { patient(id: $id) { firstName } }`, { id: String(patient.id) });
    rows = await views();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actorType: "API_KEY", actorLabel: "partner" });
    // A patient that does not exist (or is another organization's) is not a read of anyone's record.
    await desk.client.gql(`{ patient(id: "999999999") { id } }`);
    expect(await views()).toHaveLength(2);

    await desk.client.gql(`{ patients(first: 50, filter: { search: "Person" }) { edges { node { id firstName } } } }`);
    const lists = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "patients.listed" });
    expect(lists).toHaveLength(1);
    expect(lists[0]!.after).toMatchObject({ filter: { search: "Person" } });
  });

  it("needs the permission first: a refused read writes nothing and an anonymous one nothing either", async () => {
    const { org, patient } = await setup();
    const keysOnly = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_API_KEYS]);
    expect(errorCode(await keysOnly.client.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: String(patient.id) }))).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "patient.viewed" })).toBe(0);
  });
});
