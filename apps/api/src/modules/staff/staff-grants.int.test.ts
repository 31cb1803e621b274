import { StaffPermission } from "@portal/schema";
import { ALL_PERMISSIONS, buildOrg, buildStaff, STAFF_PASSWORD, unique, uniqueEmail } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { ApiKey } from "../api-keys/api-key.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";

/**
 * SPEC rule 16: no one grants what they don't hold. Each attack of issue 10 path 3 is replayed here
 * through GraphQL, as the member who tried it: the refusal is typed and nothing changes.
 */
const { MANAGE_STAFF, MANAGE_API_KEYS, VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS, VIEW_AUDIT_LOG } = StaffPermission;
const ROLE_FIELDS = `staffRole { id name permissions } userErrors { code field message }`;
const CREATE_ROLE = `mutation($input: CreateStaffRoleInput!) { createStaffRole(input: $input) { ${ROLE_FIELDS} } }`;
const UPDATE_ROLE = `mutation($input: UpdateStaffRoleInput!) { updateStaffRole(input: $input) { ${ROLE_FIELDS} } }`;
const DELETE_ROLE = `mutation($input: DeleteStaffRoleInput!) { deleteStaffRole(input: $input) { deletedId userErrors { code field } } }`;
const CREATE_USER = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id staffRoleId disabled } userErrors { code field message } } }`;
const UPDATE_USER = `mutation($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { id staffRoleId disabled } userErrors { code field message } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id scopes } userErrors { code field message } } }`;
const PATIENTS = `{ patients(first: 1) { totalCount } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const roles = () => t.dataSource.getRepository(StaffRole);
const users = () => t.dataSource.getRepository(StaffUser);
const auditCount = (organizationId: number) => t.dataSource.getRepository(AuditEvent).countBy({ organizationId });

/** Changes made to staff users (sign-ins are audited too, under other actions). */
async function staffUserEvents(organizationId: number) {
  const events = await t.dataSource.getRepository(AuditEvent).find({ where: { organizationId, targetType: "StaffUser" }, order: { id: "ASC" } });
  return events.filter((e) => e.action.startsWith("staff_user."));
}

async function addUser(organizationId: number, staffRoleId: number, disabled = false) {
  const email = uniqueEmail("member");
  return users().save({ organizationId, email, emailNormalized: email, name: "Member", passwordHash: "not a hash", staffRoleId, disabled });
}

async function roleWith(organizationId: number, permissions: StaffPermission[]) {
  return roles().save({ organizationId, name: unique("role "), permissions });
}

describe("attack: a member holding only MANAGE_STAFF raises their own rights", () => {
  it("cannot give their own role every permission, so patients stay out of reach", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, role } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    const before = await auditCount(org.id);
    const res = await client.gql(UPDATE_ROLE, { input: { id: String(role.id), permissions: ALL_PERMISSIONS } });
    expect(res.data!.updateStaffRole).toMatchObject({ staffRole: null, userErrors: [{ code: "OWN_ROLE", field: "permissions" }] });
    expect((await roles().findOneByOrFail({ id: role.id })).permissions).toEqual([MANAGE_STAFF]);
    expect(errorCode(await client.gql(PATIENTS))).toBe("FORBIDDEN");
    expect(await auditCount(org.id)).toBe(before);
  });

  it("cannot create or widen a role beyond what they hold, nor move a user into such a role", async () => {
    const { org, adminRole } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS]);
    const before = await auditCount(org.id);
    // A new role with a permission the member lacks.
    let res = await client.gql(CREATE_ROLE, { input: { name: unique("Everything"), permissions: [VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_API_KEYS] } });
    expect(res.data!.createStaffRole.userErrors).toEqual([{ code: "PERMISSION_NOT_HELD", field: "permissions", message: expect.stringMatching(/EDIT_PATIENTS, MANAGE_API_KEYS/) }]);
    // Another role widened.
    const desk = await roleWith(org.id, [VIEW_PATIENTS]);
    res = await client.gql(UPDATE_ROLE, { input: { id: String(desk.id), permissions: [VIEW_PATIENTS, VIEW_AUDIT_LOG] } });
    expect(res.data!.updateStaffRole.userErrors[0]).toMatchObject({ code: "PERMISSION_NOT_HELD", field: "permissions" });
    // A new user, or an existing one, given the administrator role.
    const email = uniqueEmail("accomplice");
    res = await client.gql(CREATE_USER, { input: { email, name: "Accomplice", password: STAFF_PASSWORD, staffRoleId: String(adminRole.id) } });
    expect(res.data!.createStaffUser.userErrors[0]).toMatchObject({ code: "PERMISSION_NOT_HELD", field: "staffRoleId" });
    const colleague = await addUser(org.id, desk.id);
    res = await client.gql(UPDATE_USER, { input: { id: String(colleague.id), staffRoleId: String(adminRole.id) } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "PERMISSION_NOT_HELD", field: "staffRoleId" });
    // Nothing changed.
    expect(await roles().countBy({ organizationId: org.id, name: "Everything" })).toBe(0);
    expect((await roles().findOneByOrFail({ id: desk.id })).permissions).toEqual([VIEW_PATIENTS]);
    expect((await users().findOneByOrFail({ id: colleague.id })).staffRoleId).toBe(desk.id);
    expect(await auditCount(org.id)).toBe(before);
  });

  it("cannot move themselves to another role, even one they could otherwise grant", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, user, role } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS]);
    await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    const narrower = await roleWith(org.id, [MANAGE_STAFF]);
    const res = await client.gql(UPDATE_USER, { input: { id: String(user.id), staffRoleId: String(narrower.id) } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "OWN_ROLE", field: "staffRoleId" });
    expect((await users().findOneByOrFail({ id: user.id })).staffRoleId).toBe(role.id);
  });
});

describe("attack: a member holding only MANAGE_API_KEYS mints a key wider than themselves", () => {
  it("cannot mint patients:write, portal_access:write or audit:read", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_API_KEYS]);
    const before = await auditCount(org.id);
    const res = await client.gql(CREATE_KEY, { input: { name: "skeleton", scopes: ["PATIENTS_WRITE", "PORTAL_ACCESS_WRITE", "AUDIT_READ"] } });
    expect(res.data!.createApiKey).toMatchObject({ secret: null, apiKey: null, userErrors: [{ code: "PERMISSION_NOT_HELD", field: "scopes" }] });
    expect(res.data!.createApiKey.userErrors[0].message).toMatch(/audit:read, patients:write, portal_access:write/);
    expect(await t.dataSource.getRepository(ApiKey).countBy({ organizationId: org.id })).toBe(0);
    expect(await auditCount(org.id)).toBe(before);
  });

  it("mints exactly the scopes standing for permissions they hold (patients:write needs EDIT and VIEW)", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_API_KEYS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS]);
    let res = await client.gql(CREATE_KEY, { input: { name: "writer", scopes: ["PATIENTS_WRITE"] } });
    expect(res.data!.createApiKey.userErrors).toEqual([{ code: "PERMISSION_NOT_HELD", field: "scopes", message: expect.stringMatching(/: patients:write\.$/) }]);
    res = await client.gql(CREATE_KEY, { input: { name: "portal", scopes: ["PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE"] } });
    expect(res.data!.createApiKey).toMatchObject({ apiKey: { scopes: ["PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE"] }, userErrors: [] });
    const viewer = await client.gql(`{ viewer { grantableApiKeyScopes grantablePermissions } }`);
    expect(viewer.data!.viewer).toEqual({
      grantableApiKeyScopes: ["PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE"],
      grantablePermissions: [EDIT_PATIENTS, MANAGE_API_KEYS, MANAGE_PORTAL_ACCESS],
    });
  });
});

describe("attack: the last member able to manage staff is demoted or removed", () => {
  it("refuses to take MANAGE_STAFF from the last holder's role, to move them, or to disable them", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, user, role } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS]);
    // A disabled holder does not count.
    const dormantRole = await roleWith(org.id, [MANAGE_STAFF]);
    await addUser(org.id, dormantRole.id, true);
    const before = await auditCount(org.id);
    let res = await client.gql(UPDATE_ROLE, { input: { id: String(role.id), permissions: [VIEW_PATIENTS] } });
    expect(res.data!.updateStaffRole.userErrors[0]).toMatchObject({ code: "LAST_STAFF_MANAGER", field: "permissions" });
    const plain = await roleWith(org.id, [VIEW_PATIENTS]);
    res = await client.gql(UPDATE_USER, { input: { id: String(user.id), staffRoleId: String(plain.id) } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "LAST_STAFF_MANAGER", field: "staffRoleId" });
    res = await client.gql(UPDATE_USER, { input: { id: String(user.id), disabled: true } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "LAST_STAFF_MANAGER", field: "disabled" });
    expect(await users().findOneByOrFail({ id: user.id })).toMatchObject({ staffRoleId: role.id, disabled: false });
    expect((await roles().findOneByOrFail({ id: role.id })).permissions).toEqual([MANAGE_STAFF, VIEW_PATIENTS]);
    expect((await client.gql(`{ viewer { permissions } }`)).data!.viewer.permissions).toEqual([MANAGE_STAFF, VIEW_PATIENTS]);
    expect(await auditCount(org.id)).toBe(before);
  });
});

describe("updateStaffUser", () => {
  async function setup() {
    const { org } = await buildOrg(t.dataSource);
    const manager = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS, VIEW_AUDIT_LOG]);
    const colleague = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    return { org, manager, colleague };
  }

  it("moves a colleague to a role within the manager's permissions, disables and re-enables them, audited", async () => {
    const { org, manager, colleague } = await setup();
    const auditor = await roleWith(org.id, [VIEW_AUDIT_LOG]);
    let res = await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id), staffRoleId: String(auditor.id) } });
    expect(res.data!.updateStaffUser).toEqual({ staffUser: { id: String(colleague.user.id), staffRoleId: String(auditor.id), disabled: false }, userErrors: [] });
    expect((await colleague.client.gql(`{ viewer { permissions } }`)).data!.viewer.permissions).toEqual([VIEW_AUDIT_LOG]);
    res = await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id), disabled: true } });
    expect(res.data!.updateStaffUser.staffUser.disabled).toBe(true);
    // A disabled member's session stops working at once.
    expect((await colleague.client.gql(`{ viewer { permissions } }`)).data!.viewer).toBeNull();
    res = await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id), disabled: false } });
    expect(res.data!.updateStaffUser.staffUser.disabled).toBe(false);
    const events = await staffUserEvents(org.id);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["staff_user.role_changed", { staffRoleId: colleague.role.id }, { staffRoleId: auditor.id }],
      ["staff_user.disabled", { disabled: false }, { disabled: true }],
      ["staff_user.enabled", { disabled: true }, { disabled: false }],
    ]);
    expect(events[0]).toMatchObject({ actorType: "STAFF", actorId: String(manager.user.id), targetId: String(colleague.user.id) });
  });

  it("refuses to re-enable a member whose role holds permissions the manager lacks", async () => {
    const { org, manager, colleague } = await setup();
    const wide = await roleWith(org.id, [VIEW_PATIENTS, EDIT_PATIENTS]);
    await users().update({ id: colleague.user.id }, { staffRoleId: wide.id, disabled: true });
    const res = await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id), disabled: false } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "PERMISSION_NOT_HELD", field: "disabled" });
    expect((await users().findOneByOrFail({ id: colleague.user.id })).disabled).toBe(true);
  });

  it("refuses to disable oneself", async () => {
    const { manager } = await setup();
    await buildStaff(t.dataSource, t.app, manager.user.organizationId, [MANAGE_STAFF]);
    const res = await manager.client.gql(UPDATE_USER, { input: { id: String(manager.user.id), disabled: true } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "OWN_ACCOUNT", field: "disabled" });
  });

  it("needs sign-in and MANAGE_STAFF, stays within the organization, and refuses bad input", async () => {
    const { org, manager, colleague } = await setup();
    const input = { id: String(colleague.user.id), disabled: true };
    expect(errorCode(await new TestClient(t.app).gql(UPDATE_USER, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await colleague.client.gql(UPDATE_USER, { input: { id: String(manager.user.id), disabled: true } }))).toBe("FORBIDDEN");
    const other = await buildOrg(t.dataSource);
    const outsider = await buildStaff(t.dataSource, t.app, other.org.id, ALL_PERMISSIONS);
    let res = await outsider.client.gql(UPDATE_USER, { input });
    expect(res.data!.updateStaffUser.userErrors).toEqual([{ code: "NOT_FOUND", field: "id", message: expect.any(String) }]);
    res = await outsider.client.gql(UPDATE_USER, { input: { id: String(outsider.user.id), staffRoleId: String(colleague.role.id) } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffRoleId" });
    res = await manager.client.gql(UPDATE_USER, { input: { id: "abc", disabled: true } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "id" });
    res = await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id) } });
    expect(res.data!.updateStaffUser.userErrors[0]).toMatchObject({ code: "INVALID_INPUT" });
    expect(errorCode(await manager.client.gql(UPDATE_USER, { input: { id: String(colleague.user.id), disabled: "yes" } }))).toBe("BAD_USER_INPUT");
    expect(await users().findOneByOrFail({ id: colleague.user.id })).toMatchObject({ disabled: false, staffRoleId: colleague.role.id });
    expect(await staffUserEvents(org.id)).toEqual([]);
  });
});

describe("deleteStaffRole", () => {
  it("deletes an unused role (audited), refuses one in use and another organization's", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, role } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    const spare = await roleWith(org.id, [VIEW_PATIENTS]);
    const other = await buildOrg(t.dataSource);
    const outsider = await buildStaff(t.dataSource, t.app, other.org.id, [MANAGE_STAFF]);
    expect((await outsider.client.gql(DELETE_ROLE, { input: { id: String(spare.id) } })).data!.deleteStaffRole.userErrors).toEqual([{ code: "NOT_FOUND", field: "id" }]);
    expect((await client.gql(DELETE_ROLE, { input: { id: String(role.id) } })).data!.deleteStaffRole.userErrors).toEqual([{ code: "ROLE_IN_USE", field: "id" }]);
    expect((await client.gql(DELETE_ROLE, { input: { id: String(spare.id) } })).data!.deleteStaffRole).toEqual({ deletedId: String(spare.id), userErrors: [] });
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "staff_role.deleted" })).toBe(1);
  });
});

describe("every staff mutation: signed out, without MANAGE_STAFF, bad input", () => {
  it("answers UNAUTHENTICATED, FORBIDDEN and BAD_USER_INPUT, changing nothing", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { role, user } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS]);
    const { client: clerk } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS.filter((p) => p !== MANAGE_STAFF));
    const manager = (await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF])).client;
    const calls: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
      ["createStaffRole", CREATE_ROLE, { name: "Desk", permissions: [] }, { name: "x".repeat(101), permissions: [] }],
      ["updateStaffRole", UPDATE_ROLE, { id: String(role.id), name: "Renamed" }, { id: String(role.id), permissions: ["NOT_A_PERMISSION"] }],
      ["deleteStaffRole", DELETE_ROLE, { id: String(role.id) }, { id: { nested: true } }],
      ["createStaffUser", CREATE_USER, { email: uniqueEmail(), name: "A", password: STAFF_PASSWORD, staffRoleId: String(role.id) }, { email: "x".repeat(300), name: "A", password: STAFF_PASSWORD, staffRoleId: String(role.id) }],
      ["updateStaffUser", UPDATE_USER, { id: String(user.id), disabled: true }, { id: String(user.id), staffRoleId: 12.5 }],
    ];
    const before = await auditCount(org.id);
    for (const [name, doc, input, bad] of calls) {
      expect([name, errorCode(await new TestClient(t.app).gql(doc, { input }))]).toEqual([name, "UNAUTHENTICATED"]);
      expect([name, errorCode(await clerk.gql(doc, { input }))]).toEqual([name, "FORBIDDEN"]);
      expect([name, errorCode(await manager.gql(doc, { input: bad }))]).toEqual([name, "BAD_USER_INPUT"]);
    }
    expect(await roles().findOneByOrFail({ id: role.id })).toMatchObject({ name: role.name, permissions: [MANAGE_STAFF, VIEW_PATIENTS] });
    expect(await users().countBy({ organizationId: org.id })).toBe(3);
    expect((await users().findOneByOrFail({ id: user.id })).disabled).toBe(false);
    expect(await auditCount(org.id)).toBe(before);
  });
});
