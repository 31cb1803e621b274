import crypto from "node:crypto";
import { StaffPermission } from "@portal/schema";
import { ALL_PERMISSIONS, buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { errorCode, keyGql, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";
import { ApiKey } from "./api-key.entity";

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes active expiresAt lastUsedAt } userErrors { code field message } }
}`;
const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id active revokedAt } userErrors { code field } } }`;
const LIST = `query($all: Boolean) { apiKeys(includeInactive: $all) { edges { node { id name prefix scopes active lastUsedAt } } pageInfo { hasNextPage } } }`;
const PATIENTS = `{ patients(first: 10) { totalCount edges { node { id lastName } } } }`;
const PATIENTS_WITH_STATUS = `{ patients(first: 10) { edges { node { id portalStatus } } } }`;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { patient { id portalStatus } userErrors { code field } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const KEY_ADMIN = [StaffPermission.MANAGE_API_KEYS, StaffPermission.VIEW_PATIENTS, StaffPermission.EDIT_PATIENTS, StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_AUDIT_LOG];

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  // A key's scopes stand for staff permissions its creator must hold (rule 16): this admin holds them all.
  const { client: admin, user } = await buildStaff(t.dataSource, t.app, org.id, KEY_ADMIN);
  return { org, admin, user };
}

async function createKey(admin: TestClient, scopes: string[], name = "Scheduling app") {
  const res = await admin.gql(CREATE, { input: { name, scopes } });
  expect(res.data!.createApiKey.userErrors).toEqual([]);
  return { secret: res.data!.createApiKey.secret as string, id: res.data!.createApiKey.apiKey.id as string };
}

describe("createApiKey", () => {
  it("returns the secret once, stores only its SHA-256 and audits the creation", async () => {
    const { org, admin, user } = await setup();
    const res = await admin.gql(CREATE, { input: { name: " Scheduling app ", scopes: ["PATIENTS_READ", "PORTAL_ACCESS_READ", "PATIENTS_READ"] } });
    const payload = res.data!.createApiKey;
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).toMatch(/^pak_live_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(payload.apiKey).toMatchObject({ name: "Scheduling app", scopes: ["PATIENTS_READ", "PORTAL_ACCESS_READ"], active: true, lastUsedAt: null });
    expect(payload.secret.startsWith(payload.apiKey.prefix + "_")).toBe(true);
    const row = await t.dataSource.getRepository(ApiKey).findOneByOrFail({ id: Number(payload.apiKey.id) });
    expect(row.organizationId).toBe(org.id);
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(payload.secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(payload.secret.slice(22));
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "api_key.created" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "STAFF", actorId: String(user.id), targetId: payload.apiKey.id });
    expect(JSON.stringify(events[0])).not.toContain(payload.secret);
    // Listing never shows the secret again (the type has no such field).
    const list = await admin.gql(LIST);
    expect(list.data!.apiKeys.edges.map((e: any) => e.node.id)).toEqual([payload.apiKey.id]);
    const again = await admin.gql(`{ apiKeys { edges { node { secret } } } }`);
    expect(errorCode(again)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses anonymous callers and staff without MANAGE_API_KEYS", async () => {
    const { org } = await setup();
    const anonymous = await new TestClient(t.app).gql(CREATE, { input: { name: "x", scopes: ["PATIENTS_READ"] } });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const { client: clinician } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS]);
    expect(errorCode(await clinician.gql(CREATE, { input: { name: "x", scopes: ["PATIENTS_READ"] } }))).toBe("FORBIDDEN");
    expect(errorCode(await clinician.gql(LIST))).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(ApiKey).countBy({ organizationId: org.id })).toBe(0);
  });

  it("refuses bad input with typed errors and creates nothing", async () => {
    const { org, admin } = await setup();
    const blank = await admin.gql(CREATE, { input: { name: "   ", scopes: ["PATIENTS_READ"] } });
    expect(blank.data!.createApiKey.userErrors).toEqual([{ code: "INVALID_INPUT", field: "name", message: expect.any(String) }]);
    const past = await admin.gql(CREATE, { input: { name: "old", scopes: ["PATIENTS_READ"], expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.data!.createApiKey.userErrors).toEqual([{ code: "INVALID_INPUT", field: "expiresAt", message: expect.any(String) }]);
    expect(errorCode(await admin.gql(CREATE, { input: { name: "none", scopes: [] } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await admin.gql(CREATE, { input: { name: "x".repeat(101), scopes: ["PATIENTS_READ"] } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await admin.gql(CREATE, { input: { name: "bad scope", scopes: ["SETTINGS_WRITE"] } }))).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(ApiKey).countBy({ organizationId: org.id })).toBe(0);
  });
});

describe("revokeApiKey", () => {
  it("refuses the key at once, audits, and does not revoke twice", async () => {
    const { org, admin } = await setup();
    const { secret, id } = await createKey(admin, ["PATIENTS_READ"]);
    expect((await keyGql(t.app, secret, PATIENTS)).status).toBe(200);
    const res = await admin.gql(REVOKE, { input: { id } });
    expect(res.data!.revokeApiKey.userErrors).toEqual([]);
    expect(res.data!.revokeApiKey.apiKey.active).toBe(false);
    const refused = await keyGql(t.app, secret, PATIENTS);
    expect(refused.status).toBe(401);
    expect(refused.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(refused.body.errors![0]).toMatchObject({ message: "This API key has been revoked.", extensions: { code: "UNAUTHENTICATED" } });
    const twice = await admin.gql(REVOKE, { input: { id } });
    expect(twice.data!.revokeApiKey.userErrors).toEqual([{ code: "ALREADY_REVOKED", field: "id" }]);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "api_key.revoked" })).toBe(1);
    // Inactive keys are listed only on request.
    expect((await admin.gql(LIST)).data!.apiKeys.edges).toEqual([]);
    expect((await admin.gql(LIST, { all: true })).data!.apiKeys.edges).toHaveLength(1);
  });

  it("cannot reach another organization's key, and refuses bad ids, changing nothing", async () => {
    const { admin: otherAdmin } = await setup();
    const { secret, id } = await createKey(otherAdmin, ["PATIENTS_READ"]);
    const { admin } = await setup();
    expect((await admin.gql(REVOKE, { input: { id } })).data!.revokeApiKey.userErrors).toEqual([{ code: "NOT_FOUND", field: "id" }]);
    expect((await admin.gql(REVOKE, { input: { id: "abc" } })).data!.revokeApiKey.userErrors).toEqual([{ code: "NOT_FOUND", field: "id" }]);
    expect((await admin.gql(LIST, { all: true })).data!.apiKeys.edges).toEqual([]);
    expect((await keyGql(t.app, secret, PATIENTS)).status).toBe(200);
  });

  it("refuses anonymous callers and staff without the permission", async () => {
    const { org, admin } = await setup();
    const { id } = await createKey(admin, ["PATIENTS_READ"]);
    expect(errorCode(await new TestClient(t.app).gql(REVOKE, { input: { id } }))).toBe("UNAUTHENTICATED");
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    expect(errorCode(await client.gql(REVOKE, { input: { id } }))).toBe("FORBIDDEN");
    expect((await t.dataSource.getRepository(ApiKey).findOneByOrFail({ id: Number(id) })).revokedAt).toBeNull();
  });
});

describe("calling /graphql with Authorization: Bearer", () => {
  it("acts for the key's organization only and records the last use", async () => {
    const { org, admin } = await setup();
    const mine = await buildPatient(t.dataSource, org.id);
    const { org: other } = await buildOrg(t.dataSource);
    const theirs = await buildPatient(t.dataSource, other.id);
    const { secret, id } = await createKey(admin, ["PATIENTS_READ"]);
    const res = await keyGql(t.app, secret, PATIENTS);
    expect(res.status).toBe(200);
    expect(res.body.data!.patients.edges.map((e: any) => e.node.id)).toEqual([String(mine.id)]);
    const one = await keyGql(t.app, secret, `query($id: ID!) { patient(id: $id) { id } }`, { id: String(theirs.id) });
    expect(one.body.data!.patient).toBeNull();
    const row = await t.dataSource.getRepository(ApiKey).findOneByOrFail({ id: Number(id) });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedIp).toBeTruthy();
    // A staff session cookie is not needed, and a key is not a staff viewer.
    expect((await keyGql(t.app, secret, `{ viewer { user { id } } }`)).body.data!.viewer).toBeNull();
  });

  it("checks the key's scopes on every field: read scopes cannot write, and portal status needs portal_access", async () => {
    const { org, admin } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const { secret: readOnly } = await createKey(admin, ["PATIENTS_READ"], "reader");
    const statusRes = await keyGql(t.app, readOnly, PATIENTS_WITH_STATUS);
    expect(errorCode(statusRes.body)).toBe("FORBIDDEN");
    expect(statusRes.body.errors![0].message).toMatch(/scope/);
    const write = await keyGql(t.app, readOnly, ENABLE, { input: { patientId: String(patient.id) } });
    expect(errorCode(write.body)).toBe("FORBIDDEN");
    const { secret: portalRead } = await createKey(admin, ["PORTAL_ACCESS_READ"], "portal reader");
    expect((await keyGql(t.app, portalRead, PATIENTS_WITH_STATUS)).body.data!.patients.edges).toEqual([{ node: { id: String(patient.id), portalStatus: "NO_ACCESS" } }]);
    expect(errorCode((await keyGql(t.app, portalRead, ENABLE, { input: { patientId: String(patient.id) } })).body)).toBe("FORBIDDEN");
    expect(errorCode((await keyGql(t.app, readOnly, `{ auditEvents(first: 1) { edges { cursor } } }`)).body)).toBe("FORBIDDEN");
    expect((await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_access.enabled" }))).toBe(0);
  });

  it("writes with portal_access:write and names the key in the audit log", async () => {
    const { org, admin } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const { secret, id } = await createKey(admin, ["PORTAL_ACCESS_WRITE", "AUDIT_READ"], "EHR bridge");
    const res = await keyGql(t.app, secret, ENABLE, { input: { patientId: String(patient.id) } });
    expect(res.body.data!.enablePortalAccess).toEqual({ patient: { id: String(patient.id), portalStatus: "ENABLED" }, userErrors: [] });
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_access.enabled" });
    expect(event).toMatchObject({ actorType: "API_KEY", actorId: id, actorLabel: "EHR bridge", patientId: patient.id });
    const audit = await keyGql(t.app, secret, `{ auditEvents(first: 5, filter: {action: "portal_access.enabled"}) { edges { node { actorType actorLabel } } } }`);
    expect(audit.body.data!.auditEvents.edges).toEqual([{ node: { actorType: "API_KEY", actorLabel: "EHR bridge" } }]);
  });

  it("never reaches staff-only operations, whatever its scopes", async () => {
    const { org, admin } = await setup();
    const { secret } = await createKey(admin, ["PATIENTS_READ", "PATIENTS_WRITE", "PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE", "AUDIT_READ"], "everything");
    expect(errorCode((await keyGql(t.app, secret, CREATE, { input: { name: "child", scopes: ["PATIENTS_READ"] } })).body)).toBe("FORBIDDEN");
    expect(errorCode((await keyGql(t.app, secret, LIST)).body)).toBe("FORBIDDEN");
    expect(errorCode((await keyGql(t.app, secret, `{ staffUsers { id } }`)).body)).toBe("FORBIDDEN");
    const settings = await keyGql(t.app, secret, `mutation { updateOrganizationSettings(input: {resendCooldownMinutes: 0}) { userErrors { code } } }`);
    expect(errorCode(settings.body)).toBe("FORBIDDEN");
    const roles = await keyGql(t.app, secret, `mutation { createPortalRole(input: {name: "x", accessTypes: [SELF], permissions: []}) { userErrors { code } } }`);
    expect(errorCode(roles.body)).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(ApiKey).countBy({ organizationId: org.id })).toBe(1);
  });

  it("refuses expired, unknown and malformed keys with 401 before GraphQL runs", async () => {
    const { admin } = await setup();
    const { secret, id } = await createKey(admin, ["PATIENTS_READ"]);
    await t.dataSource.getRepository(ApiKey).update({ id: Number(id) }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await keyGql(t.app, secret, PATIENTS);
    expect(expired.status).toBe(401);
    expect(expired.body.errors![0].message).toBe("This API key has expired.");
    const forged = secret.slice(0, -4) + "AAAA";
    expect((await keyGql(t.app, forged, PATIENTS)).status).toBe(401);
    expect((await keyGql(t.app, "not-a-key", PATIENTS)).status).toBe(401);
    const basic = await request401(`Basic ${Buffer.from("a:b").toString("base64")}`);
    expect(basic).toBe(401);
  });

  it("lets a staff with every permission keep working while keys exist (cookies are unaffected)", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS);
    expect((await client.gql(PATIENTS)).data!.patients.totalCount).toBe(0);
  });
});

async function request401(authorization: string): Promise<number> {
  const { default: request } = await import("supertest");
  const res = await request(t.app).post("/graphql").set("content-type", "application/json").set("authorization", authorization).send({ query: PATIENTS });
  return res.status;
}
