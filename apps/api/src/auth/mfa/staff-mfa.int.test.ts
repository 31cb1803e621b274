import { generate } from "otplib";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildStaff, STAFF_PASSWORD } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../../modules/audit/audit-event.entity";
import { Organization } from "../../modules/organizations/organization.entity";
import { Session } from "../session.entity";
import { MfaFactor, MfaRecoveryCode } from "./mfa.entities";

const { MANAGE_STAFF, MANAGE_SETTINGS, VIEW_PATIENTS } = StaffPermission;
const START = `mutation { startMfaEnrollment { secret otpauthUri qrCodeSvg userErrors { code field message } } }`;
const CONFIRM = `mutation($input: MfaCodeInput!) { confirmMfaEnrollment(input: $input) { recoveryCodes userErrors { code field message } } }`;
const REGENERATE = `mutation($input: MfaCodeInput!) { regenerateRecoveryCodes(input: $input) { recoveryCodes userErrors { code field message } } }`;
const DISABLE = `mutation($input: MfaCodeInput!) { disableMfa(input: $input) { mfaEnabled userErrors { code field message } } }`;
const RESET = `mutation($input: ResetStaffMfaInput!) { resetStaffMfa(input: $input) { staffUser { id mfaEnabled } userErrors { code field message } } }`;
const VIEWER = `{ viewer { user { email } mfaEnabled mfaRequired recoveryCodesLeft } }`;
const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { organization { requireStaffMfa requireProxyMfa } userErrors { code field } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A TOTP code `stepsAhead` 30-second steps from now (the server accepts one step either side). */
function codeAt(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** A staff member who enrolled TOTP through GraphQL; returns the secret and the recovery codes. */
async function enrolledStaff(permissions: StaffPermission[] = [], organizationId?: number) {
  const orgId = organizationId ?? (await buildOrg(t.dataSource)).org.id;
  const staff = await buildStaff(t.dataSource, t.app, orgId, permissions);
  const started = await staff.client.gql(START);
  const { secret } = started.data!.startMfaEnrollment;
  const confirmed = await staff.client.gql(CONFIRM, { input: { code: await codeAt(secret, -1) } });
  expect(confirmed.data!.confirmMfaEnrollment.userErrors).toEqual([]);
  return { ...staff, orgId, secret, recoveryCodes: confirmed.data!.confirmMfaEnrollment.recoveryCodes as string[] };
}

function passwordStep(client: TestClient, email: string, password = STAFF_PASSWORD) {
  return client.agent.post("/auth/login").set("content-type", "application/json").send({ email, password });
}

function secondStep(client: TestClient, body: Record<string, string>) {
  return client.agent.post("/auth/login/mfa").set("content-type", "application/json").send(body);
}

function cookiesOf(res: { headers: Record<string, unknown> }): string[] {
  return ((res.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => c.split(";")[0]);
}

describe("staff TOTP enrollment (GraphQL)", () => {
  it("enrolls with a QR code, confirms with a first code, and keeps the secret sealed and the recovery codes hashed", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client, user } = await buildStaff(t.dataSource, t.app, org.id, []);
    expect((await client.gql(VIEWER)).data!.viewer).toMatchObject({ mfaEnabled: false, mfaRequired: false, recoveryCodesLeft: null });
    const started = (await client.gql(START)).data!.startMfaEnrollment;
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toContain(`secret=${started.secret}`);
    expect(started.otpauthUri).toContain("issuer=Portal%20Access");
    expect(started.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Not active until confirmed: the password alone still signs in.
    expect((await passwordStep(new TestClient(t.app), user.email)).body.user).toBeDefined();

    const wrong = await client.gql(CONFIRM, { input: { code: "000000" } });
    expect(wrong.data!.confirmMfaEnrollment.userErrors[0]).toMatchObject({ code: "MFA_CODE_INVALID", field: "code" });
    const bad = await client.gql(CONFIRM, { input: { code: "not a code" } });
    expect(bad.data!.confirmMfaEnrollment.userErrors[0].code).toBe("MFA_CODE_INVALID");

    const confirmed = (await client.gql(CONFIRM, { input: { code: await codeAt(started.secret) } })).data!.confirmMfaEnrollment;
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.recoveryCodes[0]).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await client.gql(VIEWER)).data!.viewer).toMatchObject({ mfaEnabled: true, recoveryCodesLeft: 10 });

    const factor = await t.dataSource.getRepository(MfaFactor).findOneByOrFail({ principalKind: "STAFF", principalId: user.id });
    expect(factor.secretSealed).not.toContain(started.secret);
    const stored = await t.dataSource.getRepository(MfaRecoveryCode).findBy({ principalKind: "STAFF", principalId: user.id });
    expect(stored).toHaveLength(10);
    const raw = JSON.stringify(stored);
    for (const c of confirmed.recoveryCodes) expect(raw).not.toContain(c.replace(/-/g, ""));
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: "staff.mfa_enabled", targetId: String(user.id) })).toBe(1);

    // A second enrollment needs the first turned off.
    expect((await client.gql(START)).data!.startMfaEnrollment.userErrors[0].code).toBe("MFA_ALREADY_ENABLED");
  });

  it("answers UNAUTHENTICATED to every self-service mutation without a staff session", async () => {
    const anon = new TestClient(t.app);
    expect(errorCode(await anon.gql(START))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(CONFIRM, { input: { code: "123456" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(REGENERATE, { input: { code: "123456" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(DISABLE, { input: { code: "123456" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await anon.gql(RESET, { input: { staffUserId: "1", reason: "x" } }))).toBe("UNAUTHENTICATED");
  });

  it("confirms only a started enrollment", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, []);
    const res = await client.gql(CONFIRM, { input: { code: "123456" } });
    expect(res.data!.confirmMfaEnrollment.userErrors[0].code).toBe("MFA_NOT_ENABLED");
  });
});

describe("staff sign-in with a second factor", () => {
  it("the password step alone yields no session; a TOTP code does, and the session records it", async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new TestClient(t.app);
    const first = await passwordStep(browser, user.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, enrollmentRequired: false });
    expect(cookiesOf(first).some((c) => c.startsWith("pa_staff="))).toBe(false);
    // The pending cookie opens nothing of the API.
    expect((await browser.gql(VIEWER)).data!.viewer).toBeNull();
    expect(errorCode(await browser.gql(`{ staffUsers { id } }`))).toBe("UNAUTHENTICATED");

    const wrong = await secondStep(browser, { code: "000000" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("MFA_CODE_INVALID");
    const ok = await secondStep(browser, { code: await codeAt(secret, 1) });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(user.email);
    expect((await browser.gql(VIEWER)).data!.viewer).toMatchObject({ user: { email: user.email }, mfaEnabled: true });
    const sessions = await t.dataSource.getRepository(Session).findBy({ kind: "STAFF", principalId: user.id });
    expect(sessions.map((s) => s.secondFactor)).toContain("TOTP");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: "staff.mfa_failed", targetId: String(user.id) })).toBe(1);
    // The pending sign-in is single use.
    expect((await secondStep(browser, { code: await codeAt(secret, 1) })).status).toBe(401);
  });

  it("refuses a replayed code: the same time step is accepted once", async () => {
    const { user, secret } = await enrolledStaff();
    const code = await codeAt(secret, 1);
    const a = new TestClient(t.app);
    await passwordStep(a, user.email);
    expect((await secondStep(a, { code })).status).toBe(200);
    const b = new TestClient(t.app);
    await passwordStep(b, user.email);
    const replay = await secondStep(b, { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe("MFA_CODE_INVALID");
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolledStaff();
    const a = new TestClient(t.app);
    await passwordStep(a, user.email);
    const ok = await secondStep(a, { recoveryCode: recoveryCodes[3].toUpperCase().replace(/-/g, " ") });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodesLeft).toBe(9);
    const session = await t.dataSource.getRepository(Session).findOneByOrFail({ kind: "STAFF", principalId: user.id, secondFactor: "RECOVERY_CODE" });
    expect(session).toBeDefined();
    const b = new TestClient(t.app);
    await passwordStep(b, user.email);
    expect((await secondStep(b, { recoveryCode: recoveryCodes[3] })).status).toBe(401);
  });

  it("counts guesses before checking them: a burst of 12 checks at most 5, and the right code after is refused", async () => {
    const { user, secret } = await enrolledStaff();
    const browser = new TestClient(t.app);
    await passwordStep(browser, user.email);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => secondStep(browser, { code: String(100000 + i) })));
    const statuses = burst.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    console.log(`MFA burst: 12 wrong codes sent at once, ${checked} checked, ${statuses.filter((s) => s === 429).length} refused before any check`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    const late = await secondStep(browser, { code: await codeAt(secret, 1) });
    expect(late.status).toBe(429);
    // A new password step does not buy new guesses: the limit is per person.
    const again = new TestClient(t.app);
    await passwordStep(again, user.email);
    expect((await secondStep(again, { code: await codeAt(secret, 1) })).status).toBe(429);
  });

  it("refuses malformed second steps and a missing or expired pending sign-in", async () => {
    const browser = new TestClient(t.app);
    expect((await secondStep(browser, { code: "123456", recoveryCode: "x" })).status).toBe(400);
    expect((await browser.agent.post("/auth/login/mfa").set("content-type", "application/json").send({ code: 123456 })).status).toBe(400);
    const none = await secondStep(browser, { code: "123456" });
    expect(none.status).toBe(401);
    expect(none.body.error).toBe("MFA_EXPIRED");
    expect((await browser.agent.post("/auth/login/mfa/enroll").set("content-type", "application/json").send({})).status).toBe(401);
  });
});

describe("an organization that requires MFA", () => {
  it("sends a member without MFA to enrollment before any other use, then signs them in with recovery codes shown once", async () => {
    const { org } = await buildOrg(t.dataSource);
    const admin = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_SETTINGS]);
    const member = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    const set = await admin.client.gql(SETTINGS, { input: { requireStaffMfa: true } });
    expect(set.data!.updateOrganizationSettings).toEqual({ organization: { requireStaffMfa: true, requireProxyMfa: false }, userErrors: [] });
    // Applies at the next sign-in: the member's current session goes on.
    expect((await member.client.gql(VIEWER)).data!.viewer).toMatchObject({ mfaEnabled: false, mfaRequired: true });

    const browser = new TestClient(t.app);
    const first = await passwordStep(browser, member.user.email);
    expect(first.body).toEqual({ mfaRequired: true, enrollmentRequired: true });
    expect(cookiesOf(first).some((c) => c.startsWith("pa_staff="))).toBe(false);
    expect((await browser.gql(VIEWER)).data!.viewer).toBeNull();
    // An enrollment-only pending sign-in cannot pass a code step.
    expect((await secondStep(browser, { code: "123456" })).status).toBe(409);

    const started = await browser.agent.post("/auth/login/mfa/enroll").set("content-type", "application/json").send({});
    expect(started.status).toBe(200);
    expect(started.body.qrCodeSvg).toContain("<svg");
    const confirm = (code: string) => browser.agent.post("/auth/login/mfa/enroll/confirm").set("content-type", "application/json").send({ code });
    expect((await confirm("000000")).body.error).toBe("MFA_CODE_INVALID");
    const done = await confirm(await codeAt(started.body.secret));
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect((await browser.gql(VIEWER)).data!.viewer).toMatchObject({ mfaEnabled: true, mfaRequired: true });

    // Turning it off is refused while the organization requires it.
    const off = await browser.gql(DISABLE, { input: { code: await codeAt(started.body.secret, 1) } });
    expect(off.data!.disableMfa.userErrors[0].code).toBe("MFA_REQUIRED");
  });

  it("changing the requirement needs MANAGE_SETTINGS", async () => {
    const { org } = await buildOrg(t.dataSource);
    const other = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_STAFF]);
    expect(errorCode(await other.client.gql(SETTINGS, { input: { requireStaffMfa: true } }))).toBe("FORBIDDEN");
    expect((await t.dataSource.getRepository(Organization).findOneByOrFail({ id: org.id })).requireStaffMfa).toBe(false);
  });
});

describe("recovery codes, turning off, and an administrator's reset", () => {
  it("regenerates recovery codes with a current code; the old ones stop working", async () => {
    const { client, secret, recoveryCodes, user } = await enrolledStaff();
    expect((await client.gql(REGENERATE, { input: { code: "000000" } })).data!.regenerateRecoveryCodes.userErrors[0].code).toBe("MFA_CODE_INVALID");
    const res = (await client.gql(REGENERATE, { input: { code: await codeAt(secret, 1) } })).data!.regenerateRecoveryCodes;
    expect(res.recoveryCodes).toHaveLength(10);
    const browser = new TestClient(t.app);
    await passwordStep(browser, user.email);
    expect((await secondStep(browser, { recoveryCode: recoveryCodes[0] })).status).toBe(401);
    expect((await secondStep(browser, { recoveryCode: res.recoveryCodes[0] })).status).toBe(200);
  });

  it("turns off with a current code only", async () => {
    const { client, secret, user } = await enrolledStaff();
    expect((await client.gql(DISABLE, { input: { code: "000000" } })).data!.disableMfa.userErrors[0].code).toBe("MFA_CODE_INVALID");
    expect((await client.gql(DISABLE, { input: { code: await codeAt(secret, 1) } })).data!.disableMfa).toEqual({ mfaEnabled: false, userErrors: [] });
    expect((await client.gql(VIEWER)).data!.viewer.mfaEnabled).toBe(false);
    expect((await passwordStep(new TestClient(t.app), user.email)).body.user).toBeDefined();
    expect((await client.gql(DISABLE, { input: { code: "123456" } })).data!.disableMfa.userErrors[0].code).toBe("MFA_NOT_ENABLED");
  });

  it("an administrator resets a member's MFA (audited with the reason; their sessions end)", async () => {
    const member = await enrolledStaff([VIEW_PATIENTS]);
    const admin = await buildStaff(t.dataSource, t.app, member.orgId, [MANAGE_STAFF]);
    const list = await admin.client.gql(`{ staffUsers { id mfaEnabled } }`);
    expect(list.data!.staffUsers).toContainEqual({ id: String(member.user.id), mfaEnabled: true });
    const res = await admin.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "Lost phone; identity checked at the desk" } });
    expect(res.data!.resetStaffMfa).toEqual({ staffUser: { id: String(member.user.id), mfaEnabled: false }, userErrors: [] });
    expect((await member.client.gql(VIEWER)).data!.viewer).toBeNull();
    const row = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ action: "staff.mfa_reset", targetId: String(member.user.id) });
    expect(row.after).toEqual({ reason: "Lost phone; identity checked at the desk" });
    expect(row.actorId).toBe(String(admin.user.id));
    expect((await passwordStep(new TestClient(t.app), member.user.email)).body.user).toBeDefined();
    // Nothing left to reset.
    const again = await admin.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "again" } });
    expect(again.data!.resetStaffMfa.userErrors[0].code).toBe("MFA_NOT_ENABLED");
  });

  it("reset needs MANAGE_STAFF, stays in the organization, and refuses bad input", async () => {
    const member = await enrolledStaff([VIEW_PATIENTS]);
    const noPerm = await buildStaff(t.dataSource, t.app, member.orgId, [VIEW_PATIENTS, MANAGE_SETTINGS]);
    expect(errorCode(await noPerm.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "x" } }))).toBe("FORBIDDEN");
    const { org: otherOrg } = await buildOrg(t.dataSource);
    const outsider = await buildStaff(t.dataSource, t.app, otherOrg.id, [MANAGE_STAFF]);
    const cross = await outsider.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "x" } });
    expect(cross.data!.resetStaffMfa.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "staffUserId" });
    const admin = await buildStaff(t.dataSource, t.app, member.orgId, [MANAGE_STAFF]);
    expect((await admin.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "   " } })).data!.resetStaffMfa.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "reason" });
    expect((await admin.client.gql(RESET, { input: { staffUserId: "abc", reason: "x" } })).data!.resetStaffMfa.userErrors[0].code).toBe("NOT_FOUND");
    expect((await admin.client.gql(RESET, { input: { staffUserId: String(admin.user.id), reason: "x" } })).data!.resetStaffMfa.userErrors[0].code).toBe("INVALID_INPUT");
    expect(errorCode(await admin.client.gql(RESET, { input: { staffUserId: String(member.user.id), reason: "x".repeat(501) } }))).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(MfaFactor).countBy({ principalKind: "STAFF", principalId: member.user.id })).toBe(1);
  });
});
