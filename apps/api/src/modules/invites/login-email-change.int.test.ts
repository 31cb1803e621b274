import { IsNull } from "typeorm";
import { StaffPermission } from "@portal/schema";
import { ALL_PERMISSIONS, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, COMPLETE_RESET, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, portalLogin, tokenOf } from "../../../test/portal";
import { errorCode, keyGql, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalToken } from "./portal-token.entity";

/**
 * SPEC rules 14 and 18: a change of login email takes effect only when the NEW address confirms it
 * through a link sent there. Before, staff (or a partner key) moved an account to an address they
 * held, then asked for a reset there: the account was theirs at once.
 */
const PUBLIC_URL = "https://portal.example.test";
const PASSWORD = "a long enough passphrase";
const { VIEW_PATIENTS } = StaffPermission;
const CHANGE = `mutation($input: ChangePortalLoginEmailInput!) { changePortalLoginEmail(input: $input) { account { id email pendingLoginEmail pendingLoginEmailExpiresAt } userErrors { code field message } } }`;
const CONFIRM = `mutation($input: ConfirmPortalLoginEmailInput!) { confirmPortalLoginEmail(input: $input) { loginEmail userErrors { code field message } } }`;
const RESET = `mutation($input: ResetPortalPasswordInput!) { resetPortalPassword(input: $input) { account { id } userErrors { code field message } } }`;
const PORTAL_TAB = `query($id: ID!) { patient(id: $id) { portalAccess { account { id email pendingLoginEmail pendingLoginEmailExpiresAt } } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback", RATE_LIMIT_TOKEN: "1000/900" });
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  // Whoever the policy lets change a login email holds every permission in these tests.
  const { client: staff, user } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS);
  return { org, staff, user };
}

async function invited(staff: TestClient, organizationId: number) {
  const patient = await buildPatient(t.dataSource, organizationId);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  const { secrets } = await lastEmailTo(t, patient.email!, "INVITE_LINK");
  return { patient, link: secrets.link, accountId: Number(res.data!.enablePortalAccess.grant.account.id) };
}

async function signedUp(staff: TestClient, organizationId: number) {
  const result = await invited(staff, organizationId);
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf(result.link), dateOfBirth: result.patient.dateOfBirth, password: PASSWORD } });
  expect(res.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { ...result, browser };
}

const change = (client: TestClient, accountId: number, email: string) => client.gql(CHANGE, { input: { accountId: String(accountId), email } });
const confirm = (token: string, client = portalClient(t.app)) => client.gql(CONFIRM, { input: { token } });
const account = (id: number) => t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id });
const confirmLink = async (address: string) => (await lastEmailTo(t, address, "LOGIN_EMAIL_CONFIRM")).secrets.link;

describe("changePortalLoginEmail asks the new address to confirm (rules 14, 18)", () => {
  it("changes nothing at request: the old login still signs in, a reset still goes to the old address", async () => {
    const { org, staff, user } = await setup();
    const { patient, accountId, browser } = await signedUp(staff, org.id);
    const attacker = uniqueEmail("attacker");
    const res = await change(staff, accountId, ` ${attacker} `);
    expect(res.data!.changePortalLoginEmail).toMatchObject({ userErrors: [], account: { id: String(accountId), email: patient.email, pendingLoginEmail: attacker } });
    const hours = (new Date(res.data!.changePortalLoginEmail.account.pendingLoginEmailExpiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    // The attack: the login did not move, so a reset goes to the real owner, never to the attacker.
    expect((await account(accountId)).email).toBe(patient.email);
    expect((await staff.gql(RESET, { input: { accountId: String(accountId) } })).data!.resetPortalPassword.userErrors).toEqual([]);
    expect((await lastEmailTo(t, patient.email!, "STAFF_PASSWORD_RESET")).row.accountId).toBe(accountId);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: attacker, kind: "STAFF_PASSWORD_RESET" })).toBe(0);
    expect((await portalLogin(portalClient(t.app), { email: attacker, password: PASSWORD })).status).toBe(401);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);

    // The old address is told at once; the new one gets a 24-hour link; the raw token is not stored.
    const notice = await lastEmailTo(t, patient.email!, "LOGIN_EMAIL_CHANGED");
    expect(notice.row.accountId).toBe(accountId);
    const link = await confirmLink(attacker);
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/portal/confirm-email/[A-Za-z0-9_-]{43}$`));
    const token = await t.dataSource.getRepository(PortalToken).findOneByOrFail({ accountId, kind: "EMAIL" as never });
    expect(token.tokenHash).not.toBe(tokenOf(link));
    expect(JSON.stringify(token)).not.toContain(tokenOf(link));

    // The Portal tab shows the pending address; the request is audited.
    const tab = await staff.gql(PORTAL_TAB, { id: String(patient.id) });
    expect(tab.errors).toBeUndefined();
    expect(tab.data!.patient.portalAccess.account).toMatchObject({ email: patient.email, pendingLoginEmail: attacker });
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_account.login_email_change_requested" });
    expect(event).toMatchObject({ actorId: String(user.id), targetId: String(accountId), before: { loginEmail: patient.email }, after: expect.objectContaining({ pendingLoginEmail: attacker }) });
  });

  it("takes effect when the new address confirms: pending links die, sessions end, audited, the new email signs in", async () => {
    const { org, staff } = await setup();
    const { patient, accountId, browser } = await signedUp(staff, org.id);
    await staff.gql(RESET, { input: { accountId: String(accountId) } });
    const pendingReset = await lastEmailTo(t, patient.email!, "STAFF_PASSWORD_RESET");
    const newEmail = uniqueEmail("New");
    expect((await change(staff, accountId, newEmail)).data!.changePortalLoginEmail.userErrors).toEqual([]);
    const link = await confirmLink(newEmail);

    const res = await confirm(tokenOf(link));
    expect(res.data!.confirmPortalLoginEmail).toEqual({ loginEmail: newEmail, userErrors: [] });
    expect(await account(accountId)).toMatchObject({ email: newEmail, emailNormalized: newEmail.toLowerCase(), pendingLoginEmail: null, pendingLoginEmailExpiresAt: null });
    expect(await t.dataSource.getRepository(PortalToken).countBy({ accountId, usedAt: IsNull(), voidedAt: IsNull() })).toBe(0);
    expect((await portalClient(t.app).gql(COMPLETE_RESET, { input: { token: tokenOf(pendingReset.secrets.link), password: "whatever long enough" } })).data!.completePortalPasswordReset.userErrors[0].code).toBe("TOKEN_INVALID");
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(401);
    expect((await portalLogin(portalClient(t.app), { email: newEmail, password: PASSWORD })).status).toBe(200);
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_account.login_email_changed" });
    expect(event).toMatchObject({ targetId: String(accountId), before: { loginEmail: patient.email }, after: expect.objectContaining({ loginEmail: newEmail, sessionsEnded: true }) });
    expect(event.ip).toBeTruthy();

    // Single use.
    expect((await confirm(tokenOf(link))).data!.confirmPortalLoginEmail.userErrors[0]).toMatchObject({ code: "TOKEN_INVALID", field: "token" });
  });

  it("voids a pending invite at confirmation: staff send a new one to the new address", async () => {
    const { org, staff } = await setup();
    const { patient, link, accountId } = await invited(staff, org.id);
    const newEmail = uniqueEmail("moved");
    expect((await change(staff, accountId, newEmail)).data!.changePortalLoginEmail.userErrors).toEqual([]);
    // Until confirmed, the invite sent to the old address still works... not here: confirm first.
    expect((await confirm(tokenOf(await confirmLink(newEmail)))).data!.confirmPortalLoginEmail.userErrors).toEqual([]);
    const res = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
    expect(res.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
  });

  it("a newer request replaces the pending one; asking for the current address cancels it", async () => {
    const { org, staff } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await change(staff, accountId, first);
    const firstLink = await confirmLink(first);
    expect((await change(staff, accountId, second)).data!.changePortalLoginEmail.account.pendingLoginEmail).toBe(second);
    expect((await confirm(tokenOf(firstLink))).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
    const secondLink = await confirmLink(second);
    const cancelled = await change(staff, accountId, patient.email!.toUpperCase());
    expect(cancelled.data!.changePortalLoginEmail).toMatchObject({ userErrors: [], account: { email: patient.email, pendingLoginEmail: null } });
    expect((await confirm(tokenOf(secondLink))).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
    expect((await account(accountId)).email).toBe(patient.email);
  });

  it("refuses an expired link, an unknown one and bad input, changing nothing", async () => {
    const { org, staff } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    const newEmail = uniqueEmail("late");
    await change(staff, accountId, newEmail);
    const link = await confirmLink(newEmail);
    await t.dataSource.getRepository(PortalToken).update({ accountId, kind: "EMAIL" as never }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await confirm(tokenOf(link))).data!.confirmPortalLoginEmail.userErrors[0]).toMatchObject({ code: "TOKEN_EXPIRED", field: "token" });
    expect((await confirm("x".repeat(43))).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
    expect((await confirm("")).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
    expect(errorCode(await confirm("x".repeat(5000)))).toBe("BAD_USER_INPUT");
    expect(errorCode(await portalClient(t.app).gql(CONFIRM, { input: {} }))).toBe("BAD_USER_INPUT");
    // A reset or invite token is not a confirmation token.
    await staff.gql(RESET, { input: { accountId: String(accountId) } });
    const reset = await lastEmailTo(t, patient.email!, "STAFF_PASSWORD_RESET");
    expect((await confirm(tokenOf(reset.secrets.link))).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
    expect((await account(accountId)).email).toBe(patient.email);
  });

  it("checks that the address is free at request and again at confirmation (rule 2)", async () => {
    const { org, staff } = await setup();
    const a = await signedUp(staff, org.id);
    const b = await invited(staff, org.id);
    expect((await change(staff, a.accountId, b.patient.email!.toUpperCase())).data!.changePortalLoginEmail.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE", field: "email" });
    expect((await change(staff, a.accountId, "nope")).data!.changePortalLoginEmail.userErrors[0]).toMatchObject({ code: "INVALID_EMAIL", field: "email" });
    expect(errorCode(await change(staff, a.accountId, "x".repeat(300)))).toBe("BAD_USER_INPUT");

    // Someone else takes the address between the request and the confirmation.
    const contested = uniqueEmail("contested");
    expect((await change(staff, a.accountId, contested)).data!.changePortalLoginEmail.userErrors).toEqual([]);
    const link = await confirmLink(contested);
    expect((await change(staff, b.accountId, contested)).data!.changePortalLoginEmail.userErrors).toEqual([]);
    expect((await confirm(tokenOf(await confirmLink(contested)))).data!.confirmPortalLoginEmail.userErrors).toEqual([]);
    expect((await account(b.accountId)).email).toBe(contested);
    expect((await confirm(tokenOf(link))).data!.confirmPortalLoginEmail.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE" });
    expect((await account(a.accountId)).email).toBe(a.patient.email);
  });

  it("refuses anonymous callers, missing permission, partner keys and other organizations; nothing changes", async () => {
    const { org, staff } = await setup();
    const a = await signedUp(staff, org.id);
    const target = uniqueEmail("intruder");
    expect(errorCode(await change(new TestClient(t.app), a.accountId, target))).toBe("UNAUTHENTICATED");
    expect(errorCode(await change(a.browser, a.accountId, target))).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const { client: billing } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await change(billing, a.accountId, target))).toBe("FORBIDDEN");
    // Issue 10, path 2: a portal_access:write key moved an active patient's login to its own address.
    const key = (await staff.gql(CREATE_KEY, { input: { name: "Scheduling", scopes: ["PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE", "PATIENTS_READ"] } })).data!.createApiKey.secret;
    const byKey = await keyGql(t.app, key, CHANGE, { input: { accountId: String(a.accountId), email: target } });
    expect(byKey.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = await setup();
    expect((await change(other.staff, a.accountId, target)).data!.changePortalLoginEmail.userErrors[0].code).toBe("NOT_FOUND");

    expect(await account(a.accountId)).toMatchObject({ email: a.patient.email, pendingLoginEmail: null });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: target })).toBe(0);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ kind: "LOGIN_EMAIL_CHANGED", accountId: a.accountId })).toBe(0);
  });

  it("limits confirmation attempts per client address like other tokens", async () => {
    const limited = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback", RATE_LIMIT_TOKEN: "2/900" });
    try {
      const browser = portalClient(limited.app);
      for (let i = 0; i < 2; i++) expect((await browser.gql(CONFIRM, { input: { token: `bad-token-${i}-xxxxxxxxxxxxxxxx` } })).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("TOKEN_INVALID");
      expect((await browser.gql(CONFIRM, { input: { token: "bad-token-z-xxxxxxxxxxxxxxxx" } })).data!.confirmPortalLoginEmail.userErrors[0].code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });
});
