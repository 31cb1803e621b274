import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, COMPLETE_RESET, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, portalLogin, REQUEST_RESET, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalToken } from "../invites/portal-token.entity";

const PUBLIC_URL = "https://portal.example.test";
const PASSWORD = "a long enough passphrase";
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const RESET = `mutation($input: ResetPortalPasswordInput!) { resetPortalPassword(input: $input) { account { id } resetExpiresAt userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff, user } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, staff, user };
}

async function invited(staff: TestClient, organizationId: number) {
  const patient = await buildPatient(t.dataSource, organizationId);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  const { secrets } = await lastEmailTo(t, patient.email!);
  return { patient, link: secrets.link, accountId: Number(res.data!.enablePortalAccess.grant.account.id) };
}

async function signedUp(staff: TestClient, organizationId: number) {
  const result = await invited(staff, organizationId);
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf(result.link), dateOfBirth: result.patient.dateOfBirth, password: PASSWORD } });
  expect(res.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { ...result, browser };
}

const emailsTo = (address: string) => t.dataSource.getRepository(OutboxMessage).findBy({ toAddress: address });

describe("resetPortalPassword (staff)", () => {
  it("emails a 24-hour single-use link and audits it", async () => {
    const { org, staff, user } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    const res = await staff.gql(RESET, { input: { accountId: String(accountId) } });
    expect(res.data!.resetPortalPassword.userErrors).toEqual([]);
    const hours = (new Date(res.data!.resetPortalPassword.resetExpiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const { row, secrets } = await lastEmailTo(t, patient.email!, "STAFF_PASSWORD_RESET");
    expect(row.accountId).toBe(accountId);
    const token = await t.dataSource.getRepository(PortalToken).findOneByOrFail({ accountId, kind: "RESET" });
    expect(token.tokenHash).not.toBe(tokenOf(secrets.link));
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_password.reset_sent" });
    expect(event).toMatchObject({ actorId: String(user.id), targetId: String(accountId) });

    const browser = portalClient(t.app);
    expect((await browser.gql(COMPLETE_RESET, { input: { token: tokenOf(secrets.link), password: "the replacement phrase" } })).data!.completePortalPasswordReset.userErrors).toEqual([]);
    const twice = await portalClient(t.app).gql(COMPLETE_RESET, { input: { token: tokenOf(secrets.link), password: "yet another passphrase" } });
    expect(twice.data!.completePortalPasswordReset.userErrors[0]).toMatchObject({ code: "TOKEN_INVALID", field: "token" });
  });

  it("is refused before sign-up (NOT_SIGNED_UP), to anonymous callers, without the permission, and across organizations", async () => {
    const { org, staff } = await setup();
    const { accountId } = await invited(staff, org.id);
    const before = await t.dataSource.getRepository(OutboxMessage).countBy({ accountId });
    expect((await staff.gql(RESET, { input: { accountId: String(accountId) } })).data!.resetPortalPassword.userErrors[0]).toMatchObject({ code: "NOT_SIGNED_UP", field: "accountId" });
    expect(errorCode(await new TestClient(t.app).gql(RESET, { input: { accountId: String(accountId) } }))).toBe("UNAUTHENTICATED");
    const { client: billing } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await billing.gql(RESET, { input: { accountId: String(accountId) } }))).toBe("FORBIDDEN");
    const other = await setup();
    const signed = await signedUp(staff, org.id);
    expect((await other.staff.gql(RESET, { input: { accountId: String(signed.accountId) } })).data!.resetPortalPassword.userErrors[0].code).toBe("NOT_FOUND");
    expect((await staff.gql(RESET, { input: { accountId: "x" } })).data!.resetPortalPassword.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "accountId" });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ accountId })).toBe(before);
    expect(await t.dataSource.getRepository(PortalToken).countBy({ accountId: signed.accountId, kind: "RESET" })).toBe(0);
  });
});

describe("requestPortalPasswordReset and completePortalPasswordReset (public)", () => {
  it("answers identically, in similar time, whether or not the email has an account; only signed-up accounts get mail", async () => {
    const { org, staff } = await setup();
    const { patient } = await signedUp(staff, org.id);
    const pending = await invited(staff, org.id);
    const browser = portalClient(t.app);
    const timed = async (email: string) => {
      const started = Date.now();
      const res = await browser.gql(REQUEST_RESET, { input: { email } });
      return { body: res, ms: Date.now() - started };
    };
    const known = await timed(patient.email!.toUpperCase());
    const unknown = await timed(uniqueEmail("nobody"));
    const notSignedUp = await timed(pending.patient.email!);
    expect(known.body).toEqual(unknown.body);
    expect(notSignedUp.body).toEqual(unknown.body);
    expect(known.body.data!.requestPortalPasswordReset).toEqual({ accepted: true, userErrors: [] });
    for (const r of [known, unknown, notSignedUp]) expect(r.ms).toBeGreaterThanOrEqual(290);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(150);

    const mail = await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET");
    expect(mail.secrets.link).toMatch(new RegExp(`^${PUBLIC_URL}/portal/reset/[A-Za-z0-9_-]{43}$`));
    expect((await emailsTo(pending.patient.email!)).map((e) => e.kind)).toEqual(["INVITE_LINK"]);
    // A second request soon after sends nothing more (no mail bombing), with the same answer.
    expect((await timed(patient.email!)).body).toEqual(unknown.body);
    expect((await emailsTo(patient.email!)).filter((e) => e.kind === "SELF_SERVICE_RESET")).toHaveLength(1);

    // The old password works until the link is used; then only the new one.
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
    const done = await browser.gql(COMPLETE_RESET, { input: { token: tokenOf(mail.secrets.link), password: "a fresh new passphrase" } });
    expect(done.data!.completePortalPasswordReset.userErrors).toEqual([]);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(401);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_password.reset_requested" })).toBe(1);
  });

  it("refuses bad input, bad and expired tokens, and weak passwords", async () => {
    const { org, staff } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    const browser = portalClient(t.app);
    expect((await browser.gql(REQUEST_RESET, { input: { email: "not-an-email" } })).data!.requestPortalPasswordReset.userErrors[0]).toMatchObject({ code: "INVALID_EMAIL", field: "email" });
    expect(errorCode(await browser.gql(REQUEST_RESET, { input: {} }))).toBe("BAD_USER_INPUT");
    await browser.gql(REQUEST_RESET, { input: { email: patient.email } });
    const { secrets } = await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET");
    const complete = (input: Record<string, unknown>) => browser.gql(COMPLETE_RESET, { input: { token: tokenOf(secrets.link), password: "a fresh new passphrase", ...input } });
    expect((await complete({ token: "nope" })).data!.completePortalPasswordReset.userErrors[0]).toMatchObject({ code: "TOKEN_INVALID", field: "token" });
    expect((await complete({ password: "short" })).data!.completePortalPasswordReset.userErrors[0]).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
    expect(errorCode(await browser.gql(COMPLETE_RESET, { input: { token: "x" } }))).toBe("BAD_USER_INPUT");
    // An invite token is not a reset token.
    const other = await invited(staff, org.id);
    expect((await complete({ token: tokenOf(other.link) })).data!.completePortalPasswordReset.userErrors[0].code).toBe("TOKEN_INVALID");
    await t.dataSource.getRepository(PortalToken).update({ accountId, kind: "RESET" }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await complete({})).data!.completePortalPasswordReset.userErrors[0].code).toBe("TOKEN_EXPIRED");
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
  });

  it("limits reset requests and token attempts per client address (RATE_LIMITED)", async () => {
    const limited = await startTestApp({ TRUST_PROXY: "loopback", RATE_LIMIT_PASSWORD_RESET: "2/900", RATE_LIMIT_TOKEN: "2/900" });
    try {
      const browser = portalClient(limited.app);
      for (let i = 0; i < 2; i++) expect((await browser.gql(REQUEST_RESET, { input: { email: uniqueEmail("r") } })).data!.requestPortalPasswordReset.accepted).toBe(true);
      const res = await browser.gql(REQUEST_RESET, { input: { email: uniqueEmail("r") } });
      expect(res.data!.requestPortalPasswordReset.userErrors[0].code).toBe("RATE_LIMITED");
      for (let i = 0; i < 2; i++) expect((await browser.gql(COMPLETE_RESET, { input: { token: `bad-token-${i}-xxxxxxxxxxxxxxxx`, password: PASSWORD } })).data!.completePortalPasswordReset.userErrors[0].code).toBe("TOKEN_INVALID");
      expect((await browser.gql(COMPLETE_RESET, { input: { token: "bad-token-z-xxxxxxxxxxxxxxxx", password: PASSWORD } })).data!.completePortalPasswordReset.userErrors[0].code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });
});
