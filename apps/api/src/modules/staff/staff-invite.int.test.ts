import request from "supertest";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildStaff, unique, uniqueEmail } from "../../../test/factories";
import { lastEmailTo, portalClient, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { sha256 } from "../../auth/tokens";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { redactUrl } from "../../logger";
import { AuditEvent } from "../audit/audit-event.entity";
import { StaffRole } from "./staff-role.entity";
import { StaffToken } from "./staff-token.entity";
import { StaffUser } from "./staff-user.entity";

/** Issue 13 item 1: a staff member invited by email chooses a password from a single-use link, then signs in. */
const { MANAGE_STAFF, VIEW_PATIENTS, MANAGE_PORTAL_ACCESS, VIEW_AUDIT_LOG } = StaffPermission;
const PUBLIC_URL = "https://clinic.example.test";
const PASSWORD = "a long enough password";
const USER_FIELDS = `staffUser { id email name staffRoleId language invitePending inviteSentAt inviteExpiresAt } userErrors { code field message }`;
const INVITE = `mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { ${USER_FIELDS} } }`;
const RESEND = `mutation($input: ResendStaffInviteInput!) { resendStaffInvite(input: $input) { ${USER_FIELDS} } }`;
const ACCEPT = `mutation($input: AcceptStaffInviteInput!) { acceptStaffInvite(input: $input) { email userErrors { code field message } } }`;
const UPDATE_USER = `mutation($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { staffUser { id disabled } userErrors { code field } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

const users = () => t.dataSource.getRepository(StaffUser);
const outboxCount = (organizationId: number) => t.dataSource.getRepository(OutboxMessage).countBy({ organizationId, kind: "STAFF_INVITE" });

async function roleWith(organizationId: number, permissions: StaffPermission[]) {
  return t.dataSource.getRepository(StaffRole).save({ organizationId, name: unique("Desk "), permissions });
}

async function signIn(email: string, password: string) {
  return request(t.app).post("/auth/login").set("content-type", "application/json").send({ email, password });
}

/** A manager (MANAGE_STAFF + VIEW_PATIENTS) and a role holding VIEW_PATIENTS only. */
async function setup() {
  const { org } = await buildOrg(t.dataSource);
  const manager = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS, VIEW_AUDIT_LOG]);
  const desk = await roleWith(org.id, [VIEW_PATIENTS]);
  return { org, manager, desk };
}

async function invite(client: TestClient, staffRoleId: number, overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail("invited");
  const res = await client.gql(INVITE, {
    input: { email, name: "Rita Reception", staffRoleId: String(staffRoleId), language: "FR", ...overrides },
  });
  return { email, res, payload: res.data?.inviteStaffUser };
}

describe("inviteStaffUser → acceptStaffInvite → sign-in", () => {
  it("creates a member without a password, emails a single-use link to the admin, and the member signs in once they chose a password", async () => {
    const { org, manager, desk } = await setup();
    const { email, payload } = await invite(manager.client, desk.id);
    expect(payload).toMatchObject({
      staffUser: { email, name: "Rita Reception", staffRoleId: String(desk.id), language: "FR", invitePending: true },
      userErrors: [],
    });
    const hours = (Date.parse(payload.staffUser.inviteExpiresAt) - Date.parse(payload.staffUser.inviteSentAt)) / 3600_000;
    expect(hours).toBe(72);

    // The email: French, through the outbox, carrying the admin's link; the table keeps only the hash.
    const mail = await lastEmailTo(t, email, "STAFF_INVITE");
    expect(mail.row.language).toBe("fr");
    expect(mail.secrets.link).toMatch(new RegExp(`^${PUBLIC_URL}/admin/accept-invite/[A-Za-z0-9_-]{43}$`));
    expect(JSON.stringify(mail.row.variables)).not.toContain(tokenOf(mail.secrets.link));
    const token = tokenOf(mail.secrets.link);
    const rows = await t.dataSource.getRepository(StaffToken).findBy({ staffUserId: Number(payload.staffUser.id) });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // The request log never shows the token.
    expect(redactUrl(`/admin/accept-invite/${token}`)).toBe("/admin/accept-invite/[redacted]");
    expect(redactUrl("/admin/accept-invite/short")).toBe("/admin/accept-invite/[redacted]");

    // No password yet: any sign-in is refused like a wrong password.
    expect((await signIn(email, "")).status).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(401);

    const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(accepted.data!.acceptStaffInvite).toEqual({ email, userErrors: [] });
    expect((await signIn(email.toUpperCase(), PASSWORD)).status).toBe(200);
    const member = await new TestClient(t.app).loginStaff(email, PASSWORD);
    const viewer = await member.gql(`{ viewer { user { email invitePending } permissions } }`);
    expect(viewer.data!.viewer).toEqual({ user: { email, invitePending: false }, permissions: ["VIEW_PATIENTS"] });

    // Single use.
    const again = await portalClient(t.app).gql(ACCEPT, { input: { token, password: "another long password" } });
    expect(again.data!.acceptStaffInvite.userErrors[0]).toMatchObject({ code: "TOKEN_INVALID", field: "token" });
    expect((await signIn(email, "another long password")).status).toBe(401);

    const events = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { organizationId: org.id, targetType: "StaffUser", targetId: payload.staffUser.id }, order: { id: "ASC" } });
    const invited = events.find((e) => e.action === "staff_user.invited")!;
    expect(invited).toMatchObject({ actorType: "STAFF", actorId: String(manager.user.id), after: { email, staffRoleId: desk.id } });
    expect(events.find((e) => e.action === "staff_user.invite_accepted")).toMatchObject({
      actorType: "STAFF",
      actorId: payload.staffUser.id,
      actorLabel: email,
    });
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("resends while not accepted: the older link stops working; after acceptance a resend is refused", async () => {
    const { manager, desk } = await setup();
    const { email, payload } = await invite(manager.client, desk.id);
    const first = tokenOf((await lastEmailTo(t, email, "STAFF_INVITE")).secrets.link);
    const res = await manager.client.gql(RESEND, { input: { staffUserId: payload.staffUser.id } });
    expect(res.data!.resendStaffInvite).toMatchObject({ staffUser: { invitePending: true }, userErrors: [] });
    const second = tokenOf((await lastEmailTo(t, email, "STAFF_INVITE")).secrets.link);
    expect(second).not.toBe(first);
    const old = await portalClient(t.app).gql(ACCEPT, { input: { token: first, password: PASSWORD } });
    expect(old.data!.acceptStaffInvite.userErrors[0].code).toBe("TOKEN_INVALID");
    expect(
      (await portalClient(t.app).gql(ACCEPT, { input: { token: second, password: PASSWORD } })).data!.acceptStaffInvite.userErrors,
    ).toEqual([]);
    const late = await manager.client.gql(RESEND, { input: { staffUserId: payload.staffUser.id } });
    expect(late.data!.resendStaffInvite).toMatchObject({ staffUser: null, userErrors: [{ code: "ALREADY_ACTIVE", field: "staffUserId" }] });
    const created = await manager.client.gql(
      `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id invitePending } } }`,
      {
        input: { email: uniqueEmail("direct"), name: "Direct", password: PASSWORD, staffRoleId: String(desk.id) },
      },
    );
    expect(created.data!.createStaffUser.staffUser.invitePending).toBe(false);
    const direct = await manager.client.gql(RESEND, { input: { staffUserId: created.data!.createStaffUser.staffUser.id } });
    expect(direct.data!.resendStaffInvite.userErrors[0].code).toBe("ALREADY_ACTIVE");
  });

  it("refuses an expired link and a disabled member's link", async () => {
    const { manager, desk } = await setup();
    const a = await invite(manager.client, desk.id);
    const expired = tokenOf((await lastEmailTo(t, a.email, "STAFF_INVITE")).secrets.link);
    await t.dataSource.getRepository(StaffToken).update({ tokenHash: sha256(expired) }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await portalClient(t.app).gql(ACCEPT, { input: { token: expired, password: PASSWORD } });
    expect(res.data!.acceptStaffInvite).toMatchObject({ email: null, userErrors: [{ code: "TOKEN_EXPIRED", field: "token" }] });

    const b = await invite(manager.client, desk.id);
    const token = tokenOf((await lastEmailTo(t, b.email, "STAFF_INVITE")).secrets.link);
    expect(
      (await manager.client.gql(UPDATE_USER, { input: { id: b.payload.staffUser.id, disabled: true } })).data!.updateStaffUser.userErrors,
    ).toEqual([]);
    const disabled = await portalClient(t.app).gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(disabled.data!.acceptStaffInvite.userErrors[0].code).toBe("ACCOUNT_DISABLED");
    const resend = await manager.client.gql(RESEND, { input: { staffUserId: b.payload.staffUser.id } });
    expect(resend.data!.resendStaffInvite.userErrors[0].code).toBe("ACCOUNT_DISABLED");
    expect((await users().findOneByOrFail({ id: Number(b.payload.staffUser.id) })).passwordHash).toBe("");
  });
});

describe("who may invite", () => {
  it("refuses the signed-out, members without Manage staff, and portal accounts", async () => {
    const { org, desk } = await setup();
    const anonymous = await new TestClient(t.app).gql(INVITE, { input: { email: uniqueEmail(), name: "X", staffRoleId: String(desk.id) } });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const clerk = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]);
    expect(errorCode((await invite(clerk.client, desk.id)).res)).toBe("FORBIDDEN");
    const victim = (await invite((await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS])).client, desk.id)).payload
      .staffUser.id;
    expect(errorCode(await clerk.client.gql(RESEND, { input: { staffUserId: victim } }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(RESEND, { input: { staffUserId: victim } }))).toBe("UNAUTHENTICATED");
    expect(await outboxCount(org.id)).toBe(1);
  });

  it("cannot invite into a role holding a permission the inviter lacks, nor resend such an invite (rule 16)", async () => {
    const { org, manager } = await setup();
    const admins = await roleWith(org.id, [MANAGE_STAFF, VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]);
    const before = await users().countBy({ organizationId: org.id });
    const { payload } = await invite(manager.client, admins.id);
    expect(payload).toMatchObject({
      staffUser: null,
      userErrors: [{ code: "PERMISSION_NOT_HELD", field: "staffRoleId", message: expect.stringContaining("MANAGE_PORTAL_ACCESS") }],
    });
    expect(await users().countBy({ organizationId: org.id })).toBe(before);
    expect(await outboxCount(org.id)).toBe(0);
    // An invite someone else sent into that role cannot be resent by a manager lacking its permissions.
    const boss = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF, VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]);
    const sent = await invite(boss.client, admins.id);
    const resend = await manager.client.gql(RESEND, { input: { staffUserId: sent.payload.staffUser.id } });
    expect(resend.data!.resendStaffInvite.userErrors[0]).toMatchObject({ code: "PERMISSION_NOT_HELD" });
    expect(await outboxCount(org.id)).toBe(1);
  });

  it("stays within the organization: another organization's role and member are not found", async () => {
    const { org, desk, manager } = await setup();
    const mine = (await invite(manager.client, desk.id)).payload.staffUser.id;
    const other = await buildOrg(t.dataSource);
    const outsider = await buildStaff(t.dataSource, t.app, other.org.id, [MANAGE_STAFF, VIEW_PATIENTS]);
    const res = await invite(outsider.client, desk.id);
    expect(res.payload.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffRoleId" });
    const resend = await outsider.client.gql(RESEND, { input: { staffUserId: mine } });
    expect(resend.data!.resendStaffInvite.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffUserId" });
    expect(await outboxCount(org.id)).toBe(1);
    expect(await outboxCount(other.org.id)).toBe(0);
  });
});

describe("bad input answers typed errors and changes nothing", () => {
  it("refuses a bad email, an empty name, an email in use and a bad role id", async () => {
    const { org, manager, desk } = await setup();
    expect((await invite(manager.client, desk.id, { email: "not an email" })).payload.userErrors[0]).toMatchObject({
      code: "INVALID_EMAIL",
      field: "email",
    });
    expect((await invite(manager.client, desk.id, { name: "   " })).payload.userErrors[0]).toMatchObject({
      code: "INVALID_INPUT",
      field: "name",
    });
    const { email } = await invite(manager.client, desk.id);
    expect((await invite(manager.client, desk.id, { email: ` ${email.toUpperCase()} ` })).payload.userErrors[0]).toMatchObject({
      code: "EMAIL_IN_USE",
      field: "email",
    });
    expect((await invite(manager.client, desk.id, { email: manager.user.email })).payload.userErrors[0].code).toBe("EMAIL_IN_USE");
    expect((await invite(manager.client, 0, { staffRoleId: "abc" })).payload.userErrors[0]).toMatchObject({ field: "staffRoleId" });
    expect(
      errorCode(await manager.client.gql(INVITE, { input: { email: "x".repeat(300), name: "A", staffRoleId: String(desk.id) } })),
    ).toBe("BAD_USER_INPUT");
    expect((await manager.client.gql(RESEND, { input: { staffUserId: "999999999" } })).data!.resendStaffInvite.userErrors[0].code).toBe(
      "NOT_FOUND",
    );
    expect(await outboxCount(org.id)).toBe(1);
  });

  it("refuses an unknown token and a weak password, keeping the link usable", async () => {
    const { manager, desk } = await setup();
    const { email } = await invite(manager.client, desk.id);
    const token = tokenOf((await lastEmailTo(t, email, "STAFF_INVITE")).secrets.link);
    const client = portalClient(t.app);
    for (const bad of ["", "short", "A".repeat(43), `${token.slice(0, -1)}x`]) {
      const res = await client.gql(ACCEPT, { input: { token: bad, password: PASSWORD } });
      expect(res.data!.acceptStaffInvite.userErrors[0]).toMatchObject({ code: "TOKEN_INVALID", field: "token" });
    }
    const weak = await client.gql(ACCEPT, { input: { token, password: "too short" } });
    expect(weak.data!.acceptStaffInvite.userErrors[0]).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
    expect((await client.gql(ACCEPT, { input: { token, password: PASSWORD } })).data!.acceptStaffInvite.userErrors).toEqual([]);
  });
});

describe("guessing tokens", () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback", RATE_LIMIT_TOKEN: "3/900" });
  });
  afterAll(async () => {
    await limited.close();
  });

  it("spends the per-address token budget before looking at the token: a right token after the budget is refused too", async () => {
    const { org } = await buildOrg(limited.dataSource);
    const manager = await buildStaff(limited.dataSource, limited.app, org.id, [MANAGE_STAFF]);
    const role = await limited.dataSource
      .getRepository(StaffRole)
      .save({ organizationId: org.id, name: unique("Empty "), permissions: [] });
    const email = uniqueEmail("guessed");
    await manager.client.gql(INVITE, { input: { email, name: "G", staffRoleId: String(role.id) } });
    const token = tokenOf((await lastEmailTo(limited, email, "STAFF_INVITE")).secrets.link);
    const attacker = portalClient(limited.app);
    for (let i = 0; i < 3; i++) {
      const res = await attacker.gql(ACCEPT, { input: { token: `${"B".repeat(42)}${i}`, password: PASSWORD } });
      expect(res.data!.acceptStaffInvite.userErrors[0].code).toBe("TOKEN_INVALID");
    }
    const blocked = await attacker.gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(blocked.data!.acceptStaffInvite.userErrors[0]).toMatchObject({ code: "RATE_LIMITED" });
    expect((await limited.dataSource.getRepository(StaffUser).findOneByOrFail({ emailNormalized: email })).passwordHash).toBe("");
    // Another address is not affected, and a success gives its point back.
    const member = portalClient(limited.app);
    expect((await member.gql(ACCEPT, { input: { token, password: PASSWORD } })).data!.acceptStaffInvite.userErrors).toEqual([]);
  });
});
