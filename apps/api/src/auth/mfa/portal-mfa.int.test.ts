import { generate } from "otplib";
import { StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, COMPLETE_RESET, ENABLE_AND_INVITE, lastEmailTo, portalClient, portalLogin, REQUEST_RESET, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../../modules/audit/audit-event.entity";
import { Organization } from "../../modules/organizations/organization.entity";
import { PortalAccount } from "../../modules/portal-access/portal-account.entity";
import { Session } from "../session.entity";
import { MfaChallenge } from "./mfa.entities";

const PASSWORD = "a long enough passphrase";
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const SELF = `{ portalViewer { account { email mfaMethod mfaRequired mfaChosen } } }`;
const START = `mutation { startPortalTotpEnrollment { secret qrCodeSvg userErrors { code field message } } }`;
const CONFIRM = `mutation($input: ConfirmPortalTotpInput!) { confirmPortalTotpEnrollment(input: $input) { recoveryCodes userErrors { code field message } } }`;
const EMAIL_ON = `mutation { enablePortalEmailMfa { account { mfaMethod } userErrors { code field message } } }`;
const OFF = `mutation($input: DisablePortalMfaInput!) { disablePortalMfa(input: $input) { account { mfaMethod } userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "https://portal.example.test", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, roles, staff };
}

/** A patient who accepted their invite: signed in on `browser`. */
async function signedUpPatient(staff: TestClient, organizationId: number) {
  const patient = await buildPatient(t.dataSource, organizationId);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  const { secrets } = await lastEmailTo(t, patient.email!);
  const browser = portalClient(t.app);
  const ok = await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
  expect(ok.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { email: patient.email!, browser };
}

/** A parent with proxy access to a child, signed up and signed in. */
async function signedUpProxy(staff: TestClient, organizationId: number, familyRoleId: number) {
  const patient = await buildPatient(t.dataSource, organizationId, { dateOfBirth: "2016-07-14" });
  const contact = await buildContact(t.dataSource, patient);
  const res = await staff.gql(`mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { userErrors { code } } }`, {
    input: { contactId: String(contact.id), portalRoleId: String(familyRoleId), sendInvite: true },
  });
  expect(res.data!.grantContactPortalAccess.userErrors).toEqual([]);
  const { secrets } = await lastEmailTo(t, contact.email!);
  const browser = portalClient(t.app);
  const ok = await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: "2016-07-14", password: PASSWORD } });
  expect(ok.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { email: contact.email!, browser };
}

function secondStep(browser: TestClient, body: Record<string, string>) {
  return browser.agent.post("/portal/auth/login/mfa").set("content-type", "application/json").send(body);
}

async function lastCode(email: string): Promise<string> {
  return (await lastEmailTo(t, email, "MFA_CODE")).secrets.code;
}

async function accountIdOf(email: string): Promise<number> {
  return (await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ email })).id;
}

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  return ((res.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]);
}

describe("portal two-step sign-in by email", () => {
  it("is off by default; turned on, the password alone gives no session and an emailed code (hashed, 10 minutes, once) does", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    expect((await browser.gql(SELF)).data!.portalViewer.account).toMatchObject({ mfaMethod: null, mfaRequired: false, mfaChosen: false });
    expect((await browser.gql(EMAIL_ON)).data!.enablePortalEmailMfa).toEqual({ account: { mfaMethod: "EMAIL" }, userErrors: [] });
    expect((await browser.gql(EMAIL_ON)).data!.enablePortalEmailMfa.userErrors[0].code).toBe("MFA_ALREADY_ENABLED");

    const next = portalClient(t.app);
    const first = await portalLogin(next, { email, password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, method: "EMAIL" });
    expect(cookiesOf(first).some((c) => c.startsWith("pa_portal="))).toBe(false);
    expect(errorCode(await next.gql(SELF))).toBe("UNAUTHENTICATED");

    const code = await lastCode(email);
    expect(code).toMatch(/^\d{6}$/);
    const mail = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ toAddress: email, kind: "MFA_CODE" });
    expect(JSON.stringify(mail)).not.toContain(code);
    const challenge = await t.dataSource.getRepository(MfaChallenge).findOneByOrFail({ principalKind: "PORTAL", principalId: await accountIdOf(email) });
    expect(challenge.emailCodeHash).toMatch(/^\$argon2id\$/);
    expect(challenge.emailCodeExpiresAt!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    const wrong = code === "000000" ? "111111" : "000000";
    expect((await secondStep(next, { code: wrong })).status).toBe(401);
    const ok = await secondStep(next, { code });
    expect(ok.status).toBe(200);
    expect((await next.gql(SELF)).data!.portalViewer.account.email).toBe(email);
    expect(await t.dataSource.getRepository(Session).countBy({ kind: "PORTAL", secondFactor: "EMAIL" })).toBeGreaterThanOrEqual(1);
    // Single use: the pending sign-in is gone with it.
    expect((await secondStep(next, { code })).status).toBe(401);
  });

  it("allows 5 tries per emailed code, counted before each check, even in a burst", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    await browser.gql(EMAIL_ON);
    const next = portalClient(t.app);
    await portalLogin(next, { email, password: PASSWORD });
    const code = await lastCode(email);
    const wrong = Array.from({ length: 10 }, (_, i) => String((Number(code) + i + 1) % 1_000_000).padStart(6, "0"));
    const burst = await Promise.all(wrong.map((c) => secondStep(next, { code: c })));
    const checked = burst.filter((r) => r.status === 401).length;
    console.log(`portal MFA burst: 10 wrong emailed codes at once, ${checked} checked`);
    expect(checked).toBeLessThanOrEqual(5);
    expect((await secondStep(next, { code })).status).toBe(429);
  });

  it("resends a code at most once a minute; the previous code stops working", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    await browser.gql(EMAIL_ON);
    const next = portalClient(t.app);
    await portalLogin(next, { email, password: PASSWORD });
    const resend = () => next.agent.post("/portal/auth/login/mfa/resend").set("content-type", "application/json").send({});
    expect((await resend()).status).toBe(429);
    await t.dataSource.getRepository(MfaChallenge).update({ principalKind: "PORTAL", principalId: await accountIdOf(email) }, { emailCodeSentAt: new Date(Date.now() - 61_000) });
    const old = await lastCode(email);
    expect((await resend()).status).toBe(200);
    const fresh = await lastCode(email);
    if (fresh !== old) expect((await secondStep(next, { code: old })).status).toBe(401);
    expect((await secondStep(next, { code: fresh })).status).toBe(200);
  });

  it("turns off with the password only", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    await browser.gql(EMAIL_ON);
    const bad = await browser.gql(OFF, { input: { password: "not the password at all" } });
    expect(bad.data!.disablePortalMfa.userErrors[0]).toMatchObject({ code: "WRONG_PASSWORD", field: "password" });
    expect((await browser.gql(OFF, { input: { password: PASSWORD } })).data!.disablePortalMfa).toEqual({ account: { mfaMethod: null }, userErrors: [] });
    expect((await portalLogin(portalClient(t.app), { email, password: PASSWORD })).body.account).toBeDefined();
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: "portal.mfa_disabled" })).toBeGreaterThanOrEqual(1);
  });
});

describe("portal two-step sign-in with an authenticator app", () => {
  it("enrolls with a first code, then asks for a code (or a recovery code) at sign-in", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    const started = (await browser.gql(START)).data!.startPortalTotpEnrollment;
    expect(started.qrCodeSvg).toContain("<svg");
    expect((await browser.gql(CONFIRM, { input: { code: "000000" } })).data!.confirmPortalTotpEnrollment.userErrors[0].code).toBe("MFA_CODE_INVALID");
    const confirmed = (await browser.gql(CONFIRM, { input: { code: await generate({ secret: started.secret }) } })).data!.confirmPortalTotpEnrollment;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect((await browser.gql(SELF)).data!.portalViewer.account).toMatchObject({ mfaMethod: "TOTP", mfaChosen: true });

    const next = portalClient(t.app);
    expect((await portalLogin(next, { email, password: PASSWORD })).body).toEqual({ mfaRequired: true, method: "TOTP" });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: email, kind: "MFA_CODE" })).toBe(0);
    const code = await generate({ secret: started.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect((await secondStep(next, { code })).status).toBe(200);

    const other = portalClient(t.app);
    await portalLogin(other, { email, password: PASSWORD });
    expect((await secondStep(other, { code })).status).toBe(401);
    expect((await secondStep(other, { recoveryCode: confirmed.recoveryCodes[0] })).status).toBe(200);

    const off = await browser.gql(OFF, { input: { code: "000000" } });
    expect(off.data!.disablePortalMfa.userErrors[0].code).toBe("MFA_CODE_INVALID");
  });

  it("needs a portal session for every change", async () => {
    const anon = portalClient(t.app);
    expect(errorCode(await anon.gql(START))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(CONFIRM, { input: { code: "123456" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(EMAIL_ON))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(OFF, { input: { password: "x" } }))).toBe("UNAUTHENTICATED");
    const { org } = await setup();
    const { client: staffOnly } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await staffOnly.gql(EMAIL_ON))).toBe("UNAUTHENTICATED");
  });
});

describe("an organization that requires it of proxies", () => {
  it("asks a proxy without a method of its own for an emailed code, never a patient signing in for themselves", async () => {
    const { org, roles, staff } = await setup();
    const proxy = await signedUpProxy(staff, org.id, roles.family.id);
    const self = await signedUpPatient(staff, org.id);
    await t.dataSource.getRepository(Organization).update({ id: org.id }, { requireProxyMfa: true });
    expect((await proxy.browser.gql(SELF)).data!.portalViewer.account).toMatchObject({ mfaMethod: "EMAIL", mfaRequired: true, mfaChosen: false });

    const next = portalClient(t.app);
    expect((await portalLogin(next, { email: proxy.email, password: PASSWORD })).body).toEqual({ mfaRequired: true, method: "EMAIL" });
    expect((await secondStep(next, { code: await lastCode(proxy.email) })).status).toBe(200);
    expect((await portalLogin(portalClient(t.app), { email: self.email, password: PASSWORD })).body.account).toBeDefined();

    // The emailed code cannot be turned off while required.
    await proxy.browser.gql(EMAIL_ON);
    const off = await proxy.browser.gql(OFF, { input: { password: PASSWORD } });
    expect(off.data!.disablePortalMfa.userErrors[0].code).toBe("MFA_REQUIRED");
  });
});

describe("a password reset with two-step sign-in on", () => {
  it("sets the new password but opens no session: signing in asks for the second step", async () => {
    const { org, staff } = await setup();
    const { email, browser } = await signedUpPatient(staff, org.id);
    await browser.gql(EMAIL_ON);
    const visitor = portalClient(t.app);
    const asked = await visitor.gql(REQUEST_RESET, { input: { email } });
    expect(asked.data!.requestPortalPasswordReset.userErrors).toEqual([]);
    const { secrets } = await lastEmailTo(t, email, "SELF_SERVICE_RESET");
    const res = await visitor.agent
      .post("/graphql")
      .set("content-type", "application/json")
      .send({ query: COMPLETE_RESET, variables: { input: { token: tokenOf(secrets.link), password: "a brand new passphrase" } } });
    expect(res.body.data.completePortalPasswordReset.userErrors).toEqual([]);
    expect(cookiesOf(res).some((c) => c.startsWith("pa_portal="))).toBe(false);
    expect(errorCode(await visitor.gql(SELF))).toBe("UNAUTHENTICATED");
    expect((await portalLogin(visitor, { email, password: "a brand new passphrase" })).body).toEqual({ mfaRequired: true, method: "EMAIL" });
  });
});
