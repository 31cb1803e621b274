import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, unique } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { Organization } from "../organizations/organization.entity";
import { PortalRole } from "./portal-role.entity";

const { CONFIGURE_PORTAL_ROLES, MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const CREATE = `mutation($input: CreatePortalRoleInput!) { createPortalRole(input: $input) { portalRole { id name permissions accessTypes } userErrors { code field } } }`;
const UPDATE = `mutation($input: UpdatePortalRoleInput!) { updatePortalRole(input: $input) { portalRole { id name permissions accessTypes } userErrors { code field } } }`;
const DEL = `mutation($input: DeletePortalRoleInput!) { deletePortalRole(input: $input) { deletedId userErrors { code field } } }`;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function configurer() {
  const built = await buildOrg(t.dataSource);
  const { client } = await buildStaff(t.dataSource, t.app, built.org.id, [CONFIGURE_PORTAL_ROLES, MANAGE_PORTAL_ACCESS]);
  return { ...built, client };
}

describe("portal roles", () => {
  it("lists, creates, updates and deletes roles", async () => {
    const { client } = await configurer();
    const list = await client.gql(`{ portalRoles { name accessTypes } }`);
    expect(list.data!.portalRoles.map((r: { name: string }) => r.name)).toEqual(["Authorized representative", "Family", "Patient", "Physician"]);
    const created = await client.gql(CREATE, { input: { name: " Guardian ", permissions: ["VIEW_BILLING", "VIEW_DEMOGRAPHICS", "VIEW_BILLING"], accessTypes: ["PROXY"] } });
    expect(created.data!.createPortalRole.portalRole).toMatchObject({ name: "Guardian", permissions: ["VIEW_BILLING", "VIEW_DEMOGRAPHICS"], accessTypes: ["PROXY"] });
    const id = created.data!.createPortalRole.portalRole.id;
    const updated = await client.gql(UPDATE, { input: { id, accessTypes: ["PROXY", "SELF"] } });
    expect(updated.data!.updatePortalRole.userErrors).toEqual([]);
    expect(updated.data!.updatePortalRole.portalRole.accessTypes).toEqual(["PROXY", "SELF"]);
    const deleted = await client.gql(DEL, { input: { id } });
    expect(deleted.data!.deletePortalRole).toEqual({ deletedId: id, userErrors: [] });
  });

  it("refuses duplicate names, empty access types, unknown permissions, and roles in use", async () => {
    const { org, roles, client } = await configurer();
    let res = await client.gql(CREATE, { input: { name: "Patient", permissions: [], accessTypes: ["SELF"] } });
    expect(res.data!.createPortalRole.userErrors[0]).toMatchObject({ code: "NAME_TAKEN", field: "name" });
    res = await client.gql(CREATE, { input: { name: unique("r"), permissions: [], accessTypes: [] } });
    expect(res.data!.createPortalRole.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "accessTypes" });
    res = await client.gql(CREATE, { input: { name: unique("r"), permissions: ["FLY"], accessTypes: ["SELF"] } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");

    const patient = await buildPatient(t.dataSource, org.id);
    await client.gql(ENABLE, { input: { patientId: String(patient.id) } });
    res = await client.gql(DEL, { input: { id: String(roles.patientRole.id) } });
    expect(res.data!.deletePortalRole.userErrors[0].code).toBe("ROLE_IN_USE");
    res = await client.gql(UPDATE, { input: { id: String(roles.patientRole.id), accessTypes: ["PROXY"] } });
    expect(res.data!.updatePortalRole.userErrors[0]).toMatchObject({ code: "ROLE_IN_USE", field: "accessTypes" });
    expect((await t.dataSource.getRepository(PortalRole).findOneByOrFail({ id: roles.patientRole.id })).accessTypes).toEqual(["SELF"]);
  });

  it("clears the organization's default role when that role is deleted", async () => {
    const { org, roles, client } = await configurer();
    const res = await client.gql(DEL, { input: { id: String(roles.patientRole.id) } });
    expect(res.data!.deletePortalRole.userErrors).toEqual([]);
    expect((await t.dataSource.getRepository(Organization).findOneByOrFail({ id: org.id })).defaultPortalRoleId).toBeNull();
  });

  it("needs CONFIGURE_PORTAL_ROLES to change roles (reading also allowed with MANAGE_PORTAL_ACCESS), and stays in its organization", async () => {
    const { org, roles } = await configurer();
    const manager = (await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS])).client;
    expect((await manager.gql(`{ portalRoles { id } }`)).data!.portalRoles).toHaveLength(4);
    expect(errorCode(await manager.gql(CREATE, { input: { name: unique("r"), permissions: [], accessTypes: ["SELF"] } }))).toBe("FORBIDDEN");
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    expect(errorCode(await billing.gql(`{ portalRoles { id } }`))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(`{ portalRoles { id } }`))).toBe("UNAUTHENTICATED");
    const other = await configurer();
    const res = await other.client.gql(UPDATE, { input: { id: String(roles.family.id), name: "Hijacked" } });
    expect(res.data!.updatePortalRole.userErrors[0].code).toBe("NOT_FOUND");
    expect((await t.dataSource.getRepository(PortalRole).findOneByOrFail({ id: roles.family.id })).name).toBe("Family");
  });
});
