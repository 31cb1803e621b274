import { StaffPermission } from "@portal/schema";
import { buildOrg, buildStaff, unique, uniqueEmail } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";

const { MANAGE_STAFF, VIEW_PATIENTS, MANAGE_SETTINGS, VIEW_AUDIT_LOG } = StaffPermission;
const CREATE_ROLE = `mutation($input: CreateStaffRoleInput!) { createStaffRole(input: $input) { staffRole { id name permissions } userErrors { code field } } }`;
const UPDATE_ROLE = `mutation($input: UpdateStaffRoleInput!) { updateStaffRole(input: $input) { staffRole { id name permissions } userErrors { code field } } }`;
const DELETE_ROLE = `mutation($input: DeleteStaffRoleInput!) { deleteStaffRole(input: $input) { deletedId userErrors { code field } } }`;
const CREATE_USER = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id email staffRole { name } } userErrors { code field } } }`;
const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { organization { inviteMethod inviteLinkTtlHours resendCooldownMinutes defaultPortalRoleId defaultLanguage } userErrors { code field } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("staff roles and users (MANAGE_STAFF)", () => {
  it("creates a role and a user who can then sign in with exactly that role's permissions", async () => {
    const { org } = await buildOrg(t.dataSource);
    // Only permissions the creator holds can be granted (rule 16).
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS, StaffPermission.MANAGE_PORTAL_ACCESS]);
    const role = await client.gql(CREATE_ROLE, { input: { name: "Scheduler", permissions: ["VIEW_PATIENTS", "MANAGE_PORTAL_ACCESS"] } });
    expect(role.data!.createStaffRole.userErrors).toEqual([]);
    const email = uniqueEmail("sched");
    const user = await client.gql(CREATE_USER, { input: { email, name: "Sam", password: "a long enough password", staffRoleId: role.data!.createStaffRole.staffRole.id } });
    expect(user.data!.createStaffUser).toMatchObject({ staffUser: { email, staffRole: { name: "Scheduler" } }, userErrors: [] });
    const sam = await new TestClient(t.app).loginStaff(email.toUpperCase(), "a long enough password");
    const viewer = await sam.gql(`{ viewer { user { email } organization { id } permissions } }`);
    expect(viewer.data!.viewer).toEqual({ user: { email }, organization: { id: String(org.id) }, permissions: ["MANAGE_PORTAL_ACCESS", "VIEW_PATIENTS"] });
  });

  it("refuses weak passwords, duplicate emails and names, roles in use, and self lock-out", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, role: myRole } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    const role = await client.gql(CREATE_ROLE, { input: { name: unique("Desk"), permissions: [] } });
    const roleId = role.data!.createStaffRole.staffRole.id;
    let res = await client.gql(CREATE_USER, { input: { email: uniqueEmail(), name: "A", password: "short", staffRoleId: roleId } });
    expect(res.data!.createStaffUser.userErrors[0]).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
    const email = uniqueEmail();
    await client.gql(CREATE_USER, { input: { email, name: "A", password: "a long enough password", staffRoleId: roleId } });
    res = await client.gql(CREATE_USER, { input: { email: ` ${email.toUpperCase()}`, name: "B", password: "a long enough password", staffRoleId: roleId } });
    expect(res.data!.createStaffUser.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE", field: "email" });
    res = await client.gql(CREATE_ROLE, { input: { name: role.data!.createStaffRole.staffRole.name, permissions: [] } });
    expect(res.data!.createStaffRole.userErrors[0].code).toBe("NAME_TAKEN");
    res = await client.gql(DELETE_ROLE, { input: { id: roleId } });
    expect(res.data!.deleteStaffRole.userErrors[0].code).toBe("ROLE_IN_USE");
    res = await client.gql(UPDATE_ROLE, { input: { id: String(myRole.id), permissions: ["VIEW_PATIENTS"] } });
    expect(res.data!.updateStaffRole.userErrors[0]).toMatchObject({ code: "LAST_STAFF_MANAGER", field: "permissions" });
    expect((await t.dataSource.getRepository(StaffRole).findOneByOrFail({ id: myRole.id })).permissions).toEqual([MANAGE_STAFF]);
  });

  it("needs MANAGE_STAFF, sign-in, and stays within the organization", async () => {
    const { org, adminRole } = await buildOrg(t.dataSource);
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    expect(errorCode(await billing.gql(`{ staffRoles { id } }`))).toBe("FORBIDDEN");
    expect(errorCode(await billing.gql(CREATE_ROLE, { input: { name: "x", permissions: [] } }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(`{ staffUsers { id } }`))).toBe("UNAUTHENTICATED");
    const other = await buildOrg(t.dataSource);
    const outsider = (await buildStaff(t.dataSource, t.app, other.org.id, [MANAGE_STAFF])).client;
    const res = await outsider.gql(CREATE_USER, { input: { email: uniqueEmail(), name: "Mole", password: "a long enough password", staffRoleId: String(adminRole.id) } });
    expect(res.data!.createStaffUser.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffRoleId" });
    const upd = await outsider.gql(UPDATE_ROLE, { input: { id: String(adminRole.id), name: "pwned" } });
    expect(upd.data!.updateStaffRole.userErrors[0].code).toBe("NOT_FOUND");
    const list = await outsider.gql(`{ staffUsers { email } }`);
    expect(list.data!.staffUsers).toHaveLength(1);
    expect(await t.dataSource.getRepository(StaffUser).countBy({ organizationId: org.id })).toBe(1);
  });
});

describe("organization settings (MANAGE_SETTINGS)", () => {
  it("changes settings, validating ranges and the default role, and audits the change", async () => {
    const { org, roles } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_SETTINGS, VIEW_AUDIT_LOG]);
    let res = await client.gql(SETTINGS, { input: { inviteMethod: "TEMPORARY_PASSWORD", resendCooldownMinutes: 10, defaultLanguage: "FR" } });
    expect(res.data!.updateOrganizationSettings).toMatchObject({ organization: { inviteMethod: "TEMPORARY_PASSWORD", resendCooldownMinutes: 10, defaultLanguage: "FR", inviteLinkTtlHours: 168 }, userErrors: [] });
    res = await client.gql(SETTINGS, { input: { defaultPortalRoleId: String(roles.family.id) } });
    expect(res.data!.updateOrganizationSettings.userErrors[0]).toMatchObject({ code: "ROLE_NOT_APPLICABLE", field: "defaultPortalRoleId" });
    res = await client.gql(SETTINGS, { input: { inviteLinkTtlHours: 0 } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    const audit = await client.gql(`{ auditEvents(filter: {action: "organization"}) { edges { node { action before after actorType } } } }`);
    expect(audit.data!.auditEvents.edges[0].node).toMatchObject({ action: "organization.settings_updated", actorType: "STAFF", after: { inviteMethod: "TEMPORARY_PASSWORD" } });
  });

  it("needs MANAGE_SETTINGS; another organization's role id is not found", async () => {
    const { org } = await buildOrg(t.dataSource);
    const other = await buildOrg(t.dataSource);
    const staff = (await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS])).client;
    expect(errorCode(await staff.gql(SETTINGS, { input: { resendCooldownMinutes: 1 } }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(SETTINGS, { input: { resendCooldownMinutes: 1 } }))).toBe("UNAUTHENTICATED");
    const admin = (await buildStaff(t.dataSource, t.app, org.id, [MANAGE_SETTINGS])).client;
    const res = await admin.gql(SETTINGS, { input: { defaultPortalRoleId: String(other.roles.patientRole.id) } });
    expect(res.data!.updateOrganizationSettings.userErrors[0].code).toBe("NOT_FOUND");
  });
});
