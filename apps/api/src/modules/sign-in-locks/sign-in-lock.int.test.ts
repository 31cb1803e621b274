import request from "supertest";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, STAFF_PASSWORD } from "../../../test/factories";
import { ACCEPT, CHANGE_PASSWORD, ENABLE_AND_INVITE, lastEmailTo, portalClient, portalLogin, randomIp, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";

const PASSWORD = "a long enough passphrase";
const { MANAGE_STAFF, MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const UNLOCK_STAFF = `mutation($input: UnlockStaffUserInput!) { unlockStaffUser(input: $input) { staffUser { id lockedUntil } userErrors { code field message } } }`;
const UNLOCK_PORTAL = `mutation($input: UnlockPortalAccountInput!) { unlockPortalAccount(input: $input) { portalAccount { id lockedUntil } userErrors { code field message } } }`;
const STAFF_USERS = `{ staffUsers { id lockedUntil } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "https://portal.example.test", TRUST_PROXY: "loopback" });
  t.services.rateLimits.refusalMinMs = 0;
});
afterAll(async () => {
  await t.close();
});

const staffLogin = (email: string, password: string) =>
  request(t.app).post("/auth/login").set("content-type", "application/json").set("X-Forwarded-For", randomIp()).send({ email, password });

/** An organization with a manager (MANAGE_STAFF) and a staff user locked after five wrong passwords. */
async function lockedStaff() {
  const { org } = await buildOrg(t.dataSource);
  const { client: manager } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, MANAGE_PORTAL_ACCESS]);
  const { user } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
  for (let i = 0; i < 5; i++) await staffLogin(user.email, `wrong ${i}`);
  expect((await staffLogin(user.email, STAFF_PASSWORD)).body.error).toBe("ACCOUNT_LOCKED");
  return { org, manager, user };
}

async function lockedPortalAccount() {
  const { org } = await buildOrg(t.dataSource);
  const { client: manager } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const patient = await buildPatient(t.dataSource, org.id);
  const res = await manager.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  const accountId = String(res.data!.enablePortalAccess.grant.account.id);
  const { secrets } = await lastEmailTo(t, patient.email!);
  const browser = portalClient(t.app);
  expect((await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } })).data!.acceptPortalInvite.userErrors).toEqual([]);
  for (let i = 0; i < 5; i++) await browser.gql(CHANGE_PASSWORD, { input: { currentPassword: `wrong ${i}`, newPassword: "another long passphrase" } });
  for (let i = 0; i < 5; i++) await portalLogin(portalClient(t.app), { email: patient.email!, password: `wrong ${i}` });
  expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).body.error).toBe("ACCOUNT_LOCKED");
  return { org, manager, email: patient.email!, accountId, browser };
}

describe("unlockStaffUser", () => {
  it("lifts the lock at once, shows lockedUntil to managers and audits the reason", async () => {
    const { org, manager, user } = await lockedStaff();
    const listed = (await manager.gql(STAFF_USERS)).data!.staffUsers.find((u: { id: string }) => u.id === String(user.id));
    expect(new Date(listed.lockedUntil).getTime()).toBeGreaterThan(Date.now());

    const res = await manager.gql(UNLOCK_STAFF, { input: { staffUserId: String(user.id), reason: "Called the front desk, identity checked" } });
    expect(res.data!.unlockStaffUser).toEqual({ staffUser: { id: String(user.id), lockedUntil: null }, userErrors: [] });
    expect((await staffLogin(user.email, STAFF_PASSWORD)).status).toBe(200);
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "staff_user.unlocked" });
    expect(event).toMatchObject({ targetType: "StaffUser", targetId: String(user.id), after: { reason: "Called the front desk, identity checked" } });
  });

  it("refuses the signed out (UNAUTHENTICATED) and staff without MANAGE_STAFF (FORBIDDEN)", async () => {
    const { org, user } = await lockedStaff();
    const input = { staffUserId: String(user.id), reason: "because" };
    expect(errorCode(await new TestClient(t.app).gql(UNLOCK_STAFF, { input }))).toBe("UNAUTHENTICATED");
    const { client: portalManager } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    expect(errorCode(await portalManager.gql(UNLOCK_STAFF, { input }))).toBe("FORBIDDEN");
    expect((await staffLogin(user.email, STAFF_PASSWORD)).body.error).toBe("ACCOUNT_LOCKED");
  });

  it("does not reach another organization's staff", async () => {
    const { user } = await lockedStaff();
    const { org: other } = await buildOrg(t.dataSource);
    const { client: outsider } = await buildStaff(t.dataSource, t.app, other.id, [MANAGE_STAFF]);
    const res = await outsider.gql(UNLOCK_STAFF, { input: { staffUserId: String(user.id), reason: "not mine" } });
    expect(res.data!.unlockStaffUser.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffUserId" });
    expect((await staffLogin(user.email, STAFF_PASSWORD)).body.error).toBe("ACCOUNT_LOCKED");
  });

  it("requires a reason of 1 to 500 characters and a real id", async () => {
    const { manager, user } = await lockedStaff();
    for (const reason of ["", "   ", "x".repeat(501)]) {
      const res = await manager.gql(UNLOCK_STAFF, { input: { staffUserId: String(user.id), reason } });
      expect(res.data!.unlockStaffUser.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "reason" });
    }
    expect((await manager.gql(UNLOCK_STAFF, { input: { staffUserId: "abc", reason: "ok" } })).data!.unlockStaffUser.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffUserId" });
    expect(errorCode(await manager.gql(UNLOCK_STAFF, { input: { staffUserId: String(user.id) } }))).toBe("BAD_USER_INPUT");
    expect((await staffLogin(user.email, STAFF_PASSWORD)).body.error).toBe("ACCOUNT_LOCKED");
  });
});

describe("unlockPortalAccount", () => {
  it("lifts the sign-in and password-change locks at once and audits the reason", async () => {
    const { org, manager, email, accountId, browser } = await lockedPortalAccount();
    const res = await manager.gql(UNLOCK_PORTAL, { input: { portalAccountId: accountId, reason: "Patient called, identity checked" } });
    expect(res.data!.unlockPortalAccount).toEqual({ portalAccount: { id: accountId, lockedUntil: null }, userErrors: [] });
    expect((await portalLogin(portalClient(t.app), { email, password: PASSWORD })).status).toBe(200);
    const change = await browser.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: "another long passphrase" } });
    expect(change.data!.changePortalPassword.userErrors).toEqual([]);
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_account.unlocked" });
    expect(event).toMatchObject({ targetType: "PortalAccount", targetId: accountId, after: { reason: "Patient called, identity checked" } });
  });

  it("refuses the signed out, staff without MANAGE_STAFF, another organization and a missing reason", async () => {
    const { org, email, accountId } = await lockedPortalAccount();
    const input = { portalAccountId: accountId, reason: "because" };
    expect(errorCode(await new TestClient(t.app).gql(UNLOCK_PORTAL, { input }))).toBe("UNAUTHENTICATED");
    const { client: portalManager } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    expect(errorCode(await portalManager.gql(UNLOCK_PORTAL, { input }))).toBe("FORBIDDEN");
    const { org: other } = await buildOrg(t.dataSource);
    const { client: outsider } = await buildStaff(t.dataSource, t.app, other.id, [MANAGE_STAFF]);
    expect((await outsider.gql(UNLOCK_PORTAL, { input })).data!.unlockPortalAccount.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "portalAccountId" });
    const { client: manager } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    expect((await manager.gql(UNLOCK_PORTAL, { input: { ...input, reason: " " } })).data!.unlockPortalAccount.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "reason" });
    expect((await portalLogin(portalClient(t.app), { email, password: PASSWORD })).body.error).toBe("ACCOUNT_LOCKED");
  });
});
