import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, portalClient, tokenOf } from "../../../test/portal";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { Organization } from "../organizations/organization.entity";

/**
 * An invite locked after 5 wrong dates of birth, or expired, is shown beside the orange colour
 * (Patient.inviteProblem) and can be filtered on in the grid; the account says from when a resend
 * is possible (PortalAccount.resendAvailableAt), decided by the server.
 */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const GRID = `query($filter: PatientFilterInput) {
  patients(filter: $filter, first: 50) { totalCount statusCounts { status count } edges { node { id portalStatus inviteProblem portalAccess { account { lastInviteSentAt resendAvailableAt } } } } }
}`;

let t: TestApp;
beforeAll(async () => {
  // Each portal client calls from its own address (X-Forwarded-For), so the per-address token limit
  // counts this file's attempts only, not every earlier file's on the same database.
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
});

async function invited(staff: TestClient, orgId: number) {
  const patient = await buildPatient(t.dataSource, orgId, { dateOfBirth: "1970-03-04" });
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  return Object.assign(patient, { grantId: res.data!.enablePortalAccess.grant.id as string });
}

async function grid(staff: TestClient, filter: Record<string, unknown> = {}) {
  const res = await staff.gql(GRID, { filter });
  expect(res.errors).toBeUndefined();
  const page = res.data!.patients;
  return { ...page, byId: Object.fromEntries(page.edges.map((e: { node: { id: string } }) => [e.node.id, e.node])) };
}

it("a locked invite shows as LOCKED beside INVITED, and only the locked and expired filter finds it", async () => {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const locked = await invited(staff, org.id);
  const pending = await invited(staff, org.id);
  const token = tokenOf((await lastEmailTo(t, locked.email!, "INVITE_LINK")).secrets.link);
  for (let i = 0; i < 5; i++) {
    const res = await portalClient(t.app).gql(ACCEPT, { input: { token, dateOfBirth: "1999-01-01", password: "a long enough passphrase" } });
    expect(res.data!.acceptPortalInvite.userErrors[0].code).toMatch(/DATE_OF_BIRTH_MISMATCH|INVITE_LOCKED/);
  }

  const all = await grid(staff);
  expect(all.byId[locked.id]).toMatchObject({ portalStatus: "INVITED", inviteProblem: "LOCKED" });
  expect(all.byId[pending.id]).toMatchObject({ portalStatus: "INVITED", inviteProblem: null });

  const problems = await grid(staff, { inviteProblem: ["EXPIRED", "LOCKED"] });
  expect(problems.totalCount).toBe(1);
  expect(Object.keys(problems.byId)).toEqual([String(locked.id)]);
  expect(problems.statusCounts).toEqual(expect.arrayContaining([{ status: "INVITED", count: 1 }]));
  expect((await grid(staff, { inviteProblem: ["LOCKED"] })).totalCount).toBe(1);
  expect((await grid(staff, { inviteProblem: ["EXPIRED"] })).totalCount).toBe(0);

  // A new invite clears the lock.
  await t.dataSource.getRepository(Organization).update({ id: org.id }, { resendCooldownMinutes: 0 });
  const resend = await staff.gql(`mutation($id: ID!) { sendPortalInvite(input: {grantId: $id}) { userErrors { code message } } }`, { id: locked.grantId });
  expect(resend.data!.sendPortalInvite.userErrors).toEqual([]);
  expect((await grid(staff)).byId[locked.id].inviteProblem).toBeNull();
  expect((await grid(staff, { inviteProblem: ["EXPIRED", "LOCKED"] })).totalCount).toBe(0);
});

it("an invite past its lifetime shows as EXPIRED and is found by the filter; the server says when a resend is possible", async () => {
  const { org } = await buildOrg(t.dataSource);
  await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteLinkTtlHours: 1, resendCooldownMinutes: 15 });
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const patient = await invited(staff, org.id);

  const now = await grid(staff);
  const account = now.byId[patient.id].portalAccess.account;
  expect(now.byId[patient.id].inviteProblem).toBeNull();
  expect(new Date(account.resendAvailableAt).getTime()).toBe(new Date(account.lastInviteSentAt).getTime() + 15 * 60_000);
  expect((await grid(staff, { inviteProblem: ["EXPIRED"] })).totalCount).toBe(0);

  // Two hours later (only the clock moves; timers stay real so the database keeps working).
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  jest.setSystemTime(Date.now() + 2 * 3600_000);
  try {
    const { client: later } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    const after = await grid(later);
    expect(after.byId[patient.id]).toMatchObject({ portalStatus: "INVITED", inviteProblem: "EXPIRED" });
    expect(after.byId[patient.id].portalAccess.account.resendAvailableAt).toBeNull();
    const expired = await grid(later, { inviteProblem: ["EXPIRED"] });
    expect(Object.keys(expired.byId)).toEqual([String(patient.id)]);
    expect((await grid(later, { inviteProblem: ["LOCKED"] })).totalCount).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});

it("the filter is refused to staff who may not see portal information", async () => {
  const { org } = await buildOrg(t.dataSource);
  const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
  const res = await viewer.gql(`query { patients(filter: {inviteProblem: [LOCKED]}, first: 1) { totalCount } }`);
  expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
});
