import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "./audit-event.entity";

const { VIEW_AUDIT_LOG, MANAGE_PORTAL_ACCESS } = StaffPermission;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`;
const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) { edges { node { id action patientId actorId actorLabel targetType ip requestId } } pageInfo { hasNextPage endCursor } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("auditEvents", () => {
  it("lists the organization's events newest first, filtered by patient, actor and action, page by page", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, user } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_AUDIT_LOG, MANAGE_PORTAL_ACCESS]);
    const patients = await Promise.all([1, 2, 3].map(() => buildPatient(t.dataSource, org.id)));
    for (const p of patients) await client.gql(ENABLE, { input: { patientId: String(p.id) } });
    const all = await client.gql(EVENTS, { filter: { action: "portal_access" } });
    expect(all.data!.auditEvents.edges.map((e: any) => e.node.patientId)).toEqual(patients.map((p) => String(p.id)).reverse());
    expect(all.data!.auditEvents.edges[0].node).toMatchObject({ actorId: String(user.id), actorLabel: user.email, targetType: "PortalGrant" });
    expect(all.data!.auditEvents.edges[0].node.requestId).toBeTruthy();
    const one = await client.gql(EVENTS, { filter: { patientId: String(patients[1].id) } });
    expect(one.data!.auditEvents.edges).toHaveLength(1);
    const page1 = await client.gql(EVENTS, { filter: { actorId: String(user.id), action: "portal_access.enabled" }, first: 2 });
    expect(page1.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const page2 = await client.gql(EVENTS, { filter: { actorId: String(user.id), action: "portal_access.enabled" }, first: 2, after: page1.data!.auditEvents.pageInfo.endCursor });
    expect(page2.data!.auditEvents.edges).toHaveLength(1);
    const future = await client.gql(EVENTS, { filter: { from: new Date(Date.now() + 3600_000).toISOString() } });
    expect(future.data!.auditEvents.edges).toHaveLength(0);
  });

  it("is append-only in the database itself", async () => {
    const { org } = await buildOrg(t.dataSource);
    await t.dataSource.getRepository(AuditEvent).insert({ organizationId: org.id, actorType: "SYSTEM" as never, action: "test.event", targetType: "Test" });
    await expect(t.dataSource.getRepository(AuditEvent).update({ organizationId: org.id }, { action: "tampered" })).rejects.toThrow(/append-only/);
    await expect(t.dataSource.getRepository(AuditEvent).delete({ organizationId: org.id })).rejects.toThrow(/append-only/);
  });

  it("needs VIEW_AUDIT_LOG, and shows only the caller's organization", async () => {
    const { org } = await buildOrg(t.dataSource);
    const manager = (await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS])).client;
    const p = await buildPatient(t.dataSource, org.id);
    await manager.gql(ENABLE, { input: { patientId: String(p.id) } });
    expect(errorCode(await manager.gql(EVENTS))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(EVENTS))).toBe("UNAUTHENTICATED");
    const other = await buildOrg(t.dataSource);
    const auditor = (await buildStaff(t.dataSource, t.app, other.org.id, [VIEW_AUDIT_LOG])).client;
    const res = await auditor.gql(EVENTS, { filter: { patientId: String(p.id) } });
    expect(res.data!.auditEvents.edges).toEqual([]);
    expect(errorCode(await auditor.gql(EVENTS, { first: 10000 }))).toBe("BAD_USER_INPUT");
  });
});

describe("portalAccounts", () => {
  it("lists enabled and disabled accounts by login email, filtered, for MANAGE_PORTAL_ACCESS only", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
    const patients = await Promise.all([1, 2, 3].map(() => buildPatient(t.dataSource, org.id)));
    for (const p of patients) await client.gql(ENABLE, { input: { patientId: String(p.id) } });
    const list = await client.gql(`{ portalAccounts(first: 2) { edges { node { id email disabled grants { patient { id } } } } pageInfo { hasNextPage endCursor } } }`);
    expect(list.data!.portalAccounts.edges).toHaveLength(2);
    expect(list.data!.portalAccounts.pageInfo.hasNextPage).toBe(true);
    const id = list.data!.portalAccounts.edges[0].node.id;
    await client.gql(`mutation($id: ID!) { setPortalAccountDisabled(input: {accountId: $id, disabled: true}) { userErrors { code } } }`, { id });
    const disabled = await client.gql(`{ portalAccounts(filter: {disabled: true}) { edges { node { id disabled } } } }`);
    expect(disabled.data!.portalAccounts.edges).toEqual([{ node: { id, disabled: true } }]);
    const search = await client.gql(`query($s: String) { portalAccounts(filter: {search: $s}) { edges { node { email } } } }`, { s: patients[2].email!.toUpperCase() });
    expect(search.data!.portalAccounts.edges).toEqual([{ node: { email: patients[2].email } }]);
    const other = await buildOrg(t.dataSource);
    const outsider = (await buildStaff(t.dataSource, t.app, other.org.id, [MANAGE_PORTAL_ACCESS])).client;
    expect((await outsider.gql(`{ portalAccounts { edges { node { id } } } }`)).data!.portalAccounts.edges).toEqual([]);
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS])).client;
    expect(errorCode(await billing.gql(`{ portalAccounts { edges { node { id } } } }`))).toBe("FORBIDDEN");
  });
});
