import { IsNull } from "typeorm";
import { AccessType, InviteMethod, Language, PortalPermission, StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, CHANGE_PASSWORD, COMPLETE_RESET, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, portalLogin, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalToken } from "../invites/portal-token.entity";
import { Organization } from "../organizations/organization.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";

const PUBLIC_URL = "https://portal.example.test";
const PASSWORD = "a long enough passphrase";
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

async function setup(orgValues: Partial<Organization> = {}) {
  const { org, roles } = await buildOrg(t.dataSource);
  if (Object.keys(orgValues).length) await t.dataSource.getRepository(Organization).update({ id: org.id }, orgValues);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, roles, staff };
}

/** Staff enable a patient's access with an invite; returns the invite link from the queued email. */
async function invitedPatient(staff: TestClient, organizationId: number, overrides: Partial<Patient> = {}) {
  const patient = await buildPatient(t.dataSource, organizationId, overrides);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  const { row, secrets } = await lastEmailTo(t, patient.email!);
  return { patient, email: row, link: secrets.link, grantId: res.data!.enablePortalAccess.grant.id as string, accountId: Number(res.data!.enablePortalAccess.grant.account.id) };
}

const statusOf = async (patientId: number) => (await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patientId })).portalStatus;

async function signedUp(staff: TestClient, organizationId: number, overrides: Partial<Patient> = {}) {
  const invited = await invitedPatient(staff, organizationId, overrides);
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf(invited.link), dateOfBirth: invited.patient.dateOfBirth, password: PASSWORD } });
  expect(res.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { ...invited, browser };
}

describe("the whole story, through HTTP", () => {
  it.each([
    ["English", Language.EN],
    ["French", Language.FR],
  ])("%s: invite → wrong then right date of birth → sign in → green → staff reset → revoke ends the session", async (_name, language) => {
    const { org, staff } = await setup();
    const { patient, email, link, grantId, accountId } = await invitedPatient(staff, org.id, { language, dateOfBirth: "1975-03-09" });
    expect(email).toMatchObject({ kind: "INVITE_LINK", language, toAddress: patient.email });
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/portal/invite/[A-Za-z0-9_-]{43}$`));
    expect(await statusOf(patient.id)).toBe("INVITED");

    const browser = portalClient(t.app);
    const wrong = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "1975-09-03", password: PASSWORD } });
    expect(wrong.data!.acceptPortalInvite.userErrors[0]).toMatchObject({ code: "DATE_OF_BIRTH_MISMATCH", field: "dateOfBirth" });
    expect(wrong.data!.acceptPortalInvite.userErrors[0].message).toContain("4 attempts left");
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");

    const accepted = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "1975-03-09", password: PASSWORD } });
    expect(accepted.data!.acceptPortalInvite).toMatchObject({ userErrors: [], account: { email: patient.email, mustChangePassword: false } });
    expect(await statusOf(patient.id)).toBe("ACTIVE");
    const viewer = await browser.gql(PORTAL_VIEWER);
    expect(viewer.data!.portalViewer.account).toMatchObject({ email: patient.email, language: language.toUpperCase(), mustChangePassword: false, needsDateOfBirth: false });
    expect(viewer.data!.portalViewer.profiles).toEqual([
      expect.objectContaining({ id: grantId, accessType: "SELF", patient: { id: String(patient.id), firstName: patient.firstName, lastName: patient.lastName }, demographics: { dateOfBirth: "1975-03-09", email: patient.email } }),
    ]);
    // The link is single use.
    const again = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "1975-03-09", password: PASSWORD } });
    expect(again.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");

    // Sign out, then in with the password through the passport route.
    expect((await browser.agent.post("/portal/auth/logout")).status).toBe(204);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    const login = await portalLogin(browser, { email: patient.email!.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({ id: String(accountId), email: patient.email, mustChangePassword: false });
    expect(String(login.headers["set-cookie"])).toMatch(/pa_portal=.*HttpOnly/i);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);
    const account = await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId });
    expect(account.signedUpAt).not.toBeNull();
    expect(account.lastSignInAt).not.toBeNull();

    // Staff reset: the old password keeps working until the link is used.
    const reset = await staff.gql(`mutation($id: ID!) { resetPortalPassword(input: {accountId: $id}) { resetExpiresAt userErrors { code } } }`, { id: String(accountId) });
    expect(reset.data!.resetPortalPassword.userErrors).toEqual([]);
    const resetMail = await lastEmailTo(t, patient.email!, "STAFF_PASSWORD_RESET");
    expect(resetMail.row.language).toBe(language);
    expect(resetMail.secrets.link).toMatch(new RegExp(`^${PUBLIC_URL}/portal/reset/[A-Za-z0-9_-]{43}$`));
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
    const phone = portalClient(t.app);
    const newPassword = "an entirely new passphrase";
    const completed = await phone.gql(COMPLETE_RESET, { input: { token: tokenOf(resetMail.secrets.link), password: newPassword } });
    expect(completed.data!.completePortalPasswordReset.userErrors).toEqual([]);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(401);
    // The reset ended the other sessions; the device that reset is signed in.
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect((await phone.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);
    expect((await portalLogin(browser, { email: patient.email!, password: newPassword })).status).toBe(200);

    // Revocation ends the session at once.
    const revoked = await staff.gql(`mutation($id: ID!) { revokePortalAccess(input: {grantId: $id}) { userErrors { code } } }`, { id: grantId });
    expect(revoked.data!.revokePortalAccess.userErrors).toEqual([]);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect(errorCode(await phone.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");

    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { organizationId: org.id }, order: { id: "ASC" } })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["portal_invite.sent", "portal_invite.dob_mismatch", "portal_invite.accepted", "portal.signed_in", "portal.signed_out", "portal_password.reset_sent", "portal_password.reset_completed", "portal.sign_in_failed", "portal_access.revoked"]),
    );
    const all = JSON.stringify(await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id }));
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(tokenOf(link));
  });
});

describe("acceptPortalInvite", () => {
  it("refuses bad, voided and expired tokens, bad dates and weak passwords without counting them", async () => {
    const { org, staff } = await setup({ resendCooldownMinutes: 0 });
    const { patient, link, accountId, grantId } = await invitedPatient(staff, org.id);
    const browser = portalClient(t.app);
    const accept = (input: Record<string, unknown>) => browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: patient.dateOfBirth, password: PASSWORD, ...input } });

    expect((await accept({ token: "not-a-token" })).data!.acceptPortalInvite.userErrors[0]).toMatchObject({ code: "INVITE_INVALID", field: "token" });
    expect((await accept({ token: "A".repeat(43) })).data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
    expect((await accept({ dateOfBirth: "12/04/1980" })).data!.acceptPortalInvite.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "dateOfBirth" });
    expect((await accept({ password: "short" })).data!.acceptPortalInvite.userErrors[0]).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
    expect((await accept({ password: "x".repeat(129) })).data!.acceptPortalInvite.userErrors[0].code).toBe("WEAK_PASSWORD");
    expect(errorCode(await accept({ password: "x".repeat(1001) }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await browser.gql(ACCEPT, { input: { token: tokenOf(link) } }))).toBe("BAD_USER_INPUT");
    const token = await t.dataSource.getRepository(PortalToken).findOneByOrFail({ accountId });
    expect(token.failedDobAttempts).toBe(0);

    // A resend voids the earlier link.
    await staff.gql(`mutation($id: ID!) { sendPortalInvite(input: {grantId: $id}) { userErrors { code } } }`, { id: grantId });
    expect((await accept({})).data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
    const fresh = await lastEmailTo(t, patient.email!);
    await t.dataSource.getRepository(PortalToken).update({ accountId, voidedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await accept({ token: tokenOf(fresh.secrets.link) })).data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_EXPIRED");
    expect(await statusOf(patient.id)).toBe("INVITED");
    expect((await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId })).passwordHash).toBeNull();
  });

  it("locks the invite after 5 wrong dates of birth, until staff send a new one", async () => {
    const { org, staff } = await setup({ resendCooldownMinutes: 0 });
    const { patient, link, grantId } = await invitedPatient(staff, org.id, { dateOfBirth: "2001-01-31" });
    const browser = portalClient(t.app);
    for (let i = 1; i <= 4; i++) {
      const res = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: `2001-01-0${i}`, password: PASSWORD } });
      expect(res.data!.acceptPortalInvite.userErrors[0].code).toBe("DATE_OF_BIRTH_MISMATCH");
    }
    const fifth = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "2001-01-05", password: PASSWORD } });
    expect(fifth.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_LOCKED");
    const right = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "2001-01-31", password: PASSWORD } });
    expect(right.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_LOCKED");
    expect(await statusOf(patient.id)).toBe("INVITED");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_invite.locked" })).toBe(1);

    await staff.gql(`mutation($id: ID!) { sendPortalInvite(input: {grantId: $id}) { userErrors { code } } }`, { id: grantId });
    const fresh = await lastEmailTo(t, patient.email!);
    const ok = await browser.gql(ACCEPT, { input: { token: tokenOf(fresh.secrets.link), dateOfBirth: "2001-01-31", password: PASSWORD } });
    expect(ok.data!.acceptPortalInvite.userErrors).toEqual([]);
  });

  it("asks a proxy for the date of birth of the patient they will see", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: "2016-07-14" });
    const contact = await buildContact(t.dataSource, patient, { dateOfBirth: "1984-02-02" });
    const res = await staff.gql(`mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { userErrors { code } } }`, {
      input: { contactId: String(contact.id), portalRoleId: String(roles.family.id), sendInvite: true },
    });
    expect(res.data!.grantContactPortalAccess.userErrors).toEqual([]);
    const { secrets } = await lastEmailTo(t, contact.email!);
    const browser = portalClient(t.app);
    const own = await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: "1984-02-02", password: PASSWORD } });
    expect(own.data!.acceptPortalInvite.userErrors[0].code).toBe("DATE_OF_BIRTH_MISMATCH");
    const ok = await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: "2016-07-14", password: PASSWORD } });
    expect(ok.data!.acceptPortalInvite.userErrors).toEqual([]);
    // The family role permits demographics and appointments, not documents or billing.
    const [profile] = (await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles;
    expect(profile).toMatchObject({ accessType: "PROXY", role: { name: "Family" }, demographics: { dateOfBirth: "2016-07-14" }, appointments: [], documents: null, statements: null });
    // A proxy signing in does not change the patient's own colour.
    expect(await statusOf(patient.id)).toBe("NO_ACCESS");
  });

  it("is limited per client address (RATE_LIMITED)", async () => {
    const limited = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback", RATE_LIMIT_TOKEN: "3/900" });
    try {
      const browser = portalClient(limited.app);
      for (let i = 0; i < 3; i++) {
        expect((await browser.gql(ACCEPT, { input: { token: `bad-token-${i}-xxxxxxxxxxxxxxxx`, dateOfBirth: "2000-01-01", password: PASSWORD } })).data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
      }
      const res = await browser.gql(ACCEPT, { input: { token: "bad-token-x-xxxxxxxxxxxxxxxx", dateOfBirth: "2000-01-01", password: PASSWORD } });
      expect(res.data!.acceptPortalInvite.userErrors[0]).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Try again in \d+ minutes?/) });
      // Another address is not affected.
      const other = await portalClient(limited.app).gql(ACCEPT, { input: { token: "bad-token-y-xxxxxxxxxxxxxxxx", dateOfBirth: "2000-01-01", password: PASSWORD } });
      expect(other.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
    } finally {
      await limited.close();
    }
  });
});

describe("POST /portal/auth/login", () => {
  it("answers the same 401 for a wrong password and an unknown email, and rejects malformed bodies", async () => {
    const { org, staff } = await setup();
    const { patient } = await signedUp(staff, org.id);
    const browser = portalClient(t.app);
    const wrong = await portalLogin(browser, { email: patient.email!, password: "not the password" });
    const unknown = await portalLogin(browser, { email: uniqueEmail("nobody"), password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect((await browser.agent.post("/portal/auth/login").set("content-type", "application/json").send({ email: patient.email })).status).toBe(400);
    expect((await browser.agent.post("/portal/auth/login").set("content-type", "application/json").send({ email: patient.email, password: PASSWORD, organizationId: "abc" })).status).toBe(400);
    const failures = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal.sign_in_failed" });
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(failures)).not.toContain("not the password");
  });

  it("locks an account after 5 failures with growing waits, even for the right password", async () => {
    const { org, staff } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    for (let i = 0; i < 5; i++) expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: `wrong ${i}` })).status).toBe(401);
    const locked = await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe("ACCOUNT_LOCKED");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(50);
    expect(Number(locked.headers["retry-after"])).toBeLessThanOrEqual(60);
    // After the wait (the locks' clock moved on), one more failure doubles it.
    const limits = t.services.rateLimits;
    let offset = 61_000;
    limits.now = () => Date.now() + offset;
    try {
      expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: "wrong again" })).status).toBe(401);
      const account = await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId });
      expect(account.failedSignInCount).toBe(6);
      expect(account.lockedUntil!.getTime() - limits.now()).toBeGreaterThan(110_000);
      offset += 121_000;
      expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
      expect((await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: accountId })).failedSignInCount).toBe(0);
    } finally {
      limits.now = Date.now;
    }
  });

  it("limits failed sign-ins per client address, for portal and staff (429)", async () => {
    const limited = await startTestApp({ TRUST_PROXY: "loopback", RATE_LIMIT_SIGN_IN: "3/900" });
    try {
      const browser = portalClient(limited.app);
      for (let i = 0; i < 3; i++) expect((await portalLogin(browser, { email: uniqueEmail("x"), password: "whatever whatever" })).status).toBe(401);
      const res = await portalLogin(browser, { email: uniqueEmail("x"), password: "whatever whatever" });
      expect(res.status).toBe(429);
      expect(res.body.error).toBe("RATE_LIMITED");
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);

      const staffBrowser = portalClient(limited.app);
      const staffLogin = () => staffBrowser.agent.post("/auth/login").set("content-type", "application/json").send({ email: uniqueEmail("s"), password: "whatever" });
      for (let i = 0; i < 3; i++) expect((await staffLogin()).status).toBe(401);
      expect((await staffLogin()).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("refuses a disabled account, and disabling ends its sessions at once", async () => {
    const { org, staff } = await setup();
    const { patient, accountId, browser } = await signedUp(staff, org.id);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);
    const res = await staff.gql(`mutation($id: ID!) { setPortalAccountDisabled(input: {accountId: $id, disabled: true}) { userErrors { code } } }`, { id: String(accountId) });
    expect(res.data!.setPortalAccountDisabled.userErrors).toEqual([]);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    const login = await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.error).toBe("ACCOUNT_DISABLED");
  });

  it("resolves one email with accounts in two organizations by organizationId or by the password that matches", async () => {
    const a = await setup();
    const b = await setup();
    const email = uniqueEmail("shared");
    const inA = await signedUp(a.staff, a.org.id, { email });
    const inB = await invitedPatient(b.staff, b.org.id, { email });
    const browser = portalClient(t.app);
    // Only org A's account has a password: the matching one is used.
    let res = await portalLogin(browser, { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.account.id).toBe(String(inA.accountId));
    await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(inB.link), dateOfBirth: inB.patient.dateOfBirth, password: PASSWORD } });
    res = await portalLogin(browser, { email, password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.organizations.map((o: { id: string }) => o.id).sort()).toEqual([String(a.org.id), String(b.org.id)].sort());
    res = await portalLogin(browser, { email, password: PASSWORD, organizationId: String(b.org.id) });
    expect(res.status).toBe(200);
    expect(res.body.account.id).toBe(String(inB.accountId));
    const viewer = await browser.gql(PORTAL_VIEWER);
    expect(viewer.data!.portalViewer.organizationName).toBe(b.org.name);
    expect(viewer.data!.portalViewer.profiles.map((p: { patient: { id: string } }) => p.patient.id)).toEqual([String(inB.patient.id)]);
  });
});

describe("portalViewer", () => {
  it("needs a portal session: anonymous callers and staff are refused", async () => {
    const { staff } = await setup();
    expect(errorCode(await portalClient(t.app).gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect(errorCode(await staff.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
  });

  it("shows each profile only what its role permits, and only the account's own profiles", async () => {
    const { org, staff } = await setup();
    const minimal = await t.dataSource.getRepository(PortalRole).save({ organizationId: org.id, name: "Scheduling only", permissions: [PortalPermission.VIEW_APPOINTMENTS], accessTypes: [AccessType.SELF, AccessType.PROXY] });
    const { patient, browser } = await signedUp(staff, org.id);
    const sibling = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, sibling, { email: patient.email });
    const linked = await staff.gql(`mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { grant { account { id } } userErrors { code } } }`, {
      input: { contactId: String(contact.id), portalRoleId: String(minimal.id), linkExistingAccount: true },
    });
    // A patient's own login is never shared with a contact (rule 2).
    expect(linked.data!.grantContactPortalAccess.userErrors[0].code).toBe("EMAIL_IN_USE");
    await staff.gql(`mutation($input: ChangePortalRoleInput!) { changePortalRole(input: $input) { userErrors { code } } }`, {
      input: { grantId: (await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles[0].id, portalRoleId: String(minimal.id) },
    });
    const [profile] = (await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles;
    expect(profile).toMatchObject({ role: { name: "Scheduling only", permissions: ["VIEW_APPOINTMENTS"] }, demographics: null, appointments: [], documents: null, statements: null });
    const other = await setup();
    const stranger = await signedUp(other.staff, other.org.id);
    const theirs = (await stranger.browser.gql(PORTAL_VIEWER)).data!.portalViewer;
    expect(theirs.profiles.map((p: { patient: { id: string } }) => p.patient.id)).toEqual([String(stranger.patient.id)]);
  });
});

describe("temporary-password invites and the forced change", () => {
  it("signs in with the temporary password, hides profiles, and completes sign-up with the date of birth", async () => {
    const { org, staff } = await setup({ inviteMethod: InviteMethod.TEMPORARY_PASSWORD });
    const { patient, email } = await invitedPatient(staff, org.id, { dateOfBirth: "1990-10-10" });
    expect(email.kind).toBe("INVITE_TEMPORARY_PASSWORD");
    const temporary = t.services.emailQueue.secretsOf(email).temporaryPassword;
    const browser = portalClient(t.app);
    const login = await portalLogin(browser, { email: patient.email!, password: temporary });
    expect(login.status).toBe(200);
    expect(login.body.account.mustChangePassword).toBe(true);
    const viewer = (await browser.gql(PORTAL_VIEWER)).data!.portalViewer;
    expect(viewer.account).toMatchObject({ mustChangePassword: true, needsDateOfBirth: true });
    expect(viewer.profiles).toEqual([]);
    // Signing in with a temporary password is not yet signing up: still orange.
    expect(await statusOf(patient.id)).toBe("INVITED");

    const change = (input: Record<string, unknown>) => browser.gql(CHANGE_PASSWORD, { input: { currentPassword: temporary, newPassword: PASSWORD, dateOfBirth: "1990-10-10", ...input } });
    expect((await change({ dateOfBirth: null })).data!.changePortalPassword.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "dateOfBirth" });
    expect((await change({ dateOfBirth: "1990-01-01" })).data!.changePortalPassword.userErrors[0].code).toBe("DATE_OF_BIRTH_MISMATCH");
    expect((await change({ currentPassword: "not the temporary one" })).data!.changePortalPassword.userErrors[0]).toMatchObject({ code: "WRONG_PASSWORD", field: "currentPassword" });
    expect((await change({ newPassword: "short" })).data!.changePortalPassword.userErrors[0].code).toBe("WEAK_PASSWORD");
    const ok = await change({});
    expect(ok.data!.changePortalPassword).toMatchObject({ userErrors: [], account: { mustChangePassword: false } });
    expect(await statusOf(patient.id)).toBe("ACTIVE");
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: temporary })).status).toBe(401);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
  });

  it("stops accepting a temporary password once its invite has expired", async () => {
    const { org, staff } = await setup({ inviteMethod: InviteMethod.TEMPORARY_PASSWORD });
    const { patient, email, accountId } = await invitedPatient(staff, org.id);
    await t.dataSource.getRepository(PortalToken).update({ accountId }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await portalLogin(portalClient(t.app), { email: patient.email!, password: t.services.emailQueue.secretsOf(email).temporaryPassword });
    expect(res.status).toBe(401);
  });
});

describe("changePortalPassword", () => {
  it("needs a portal session, checks the current password and policy, and ends other sessions", async () => {
    const { org, staff } = await setup();
    const { patient, browser } = await signedUp(staff, org.id);
    const input = { currentPassword: PASSWORD, newPassword: "my brand new passphrase" };
    expect(errorCode(await portalClient(t.app).gql(CHANGE_PASSWORD, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await staff.gql(CHANGE_PASSWORD, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await browser.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD } }))).toBe("BAD_USER_INPUT");
    expect((await browser.gql(CHANGE_PASSWORD, { input: { ...input, newPassword: PASSWORD } })).data!.changePortalPassword.userErrors[0].code).toBe("WEAK_PASSWORD");

    const other = portalClient(t.app);
    expect((await portalLogin(other, { email: patient.email!, password: PASSWORD })).status).toBe(200);
    const res = await browser.gql(CHANGE_PASSWORD, { input });
    expect(res.data!.changePortalPassword.userErrors).toEqual([]);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);
    expect(errorCode(await other.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: input.newPassword })).status).toBe(200);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_password.changed" })).toBe(1);
  });

  it("is what a staff-forced change leads to: profiles hidden until the password is changed", async () => {
    const { org, staff } = await setup();
    const { patient, accountId } = await signedUp(staff, org.id);
    await staff.gql(`mutation($id: ID!) { forcePortalPasswordChange(input: {accountId: $id}) { userErrors { code } } }`, { id: String(accountId) });
    const browser = portalClient(t.app);
    const login = await portalLogin(browser, { email: patient.email!, password: PASSWORD });
    expect(login.body.account.mustChangePassword).toBe(true);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer).toMatchObject({ account: { mustChangePassword: true, needsDateOfBirth: false }, profiles: [] });
    const res = await browser.gql(CHANGE_PASSWORD, { input: { currentPassword: PASSWORD, newPassword: "a second long passphrase" } });
    expect(res.data!.changePortalPassword.userErrors).toEqual([]);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);
  });
});
