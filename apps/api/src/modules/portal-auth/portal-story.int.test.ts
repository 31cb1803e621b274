import { In } from "typeorm";
import { InviteMethod, Language, StaffPermission } from "@portal/schema";
import { mailgunEnv, testWorker } from "../../../test/email-helpers";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { startFakeMailgun, type FakeMailgun } from "../../../test/fake-mailgun";
import { ACCEPT, CHANGE_PASSWORD, COMPLETE_RESET, ENABLE_AND_INVITE, PORTAL_VIEWER, portalClient, portalLogin, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { Organization } from "../organizations/organization.entity";
import { Patient } from "../patients/patient.entity";

const PUBLIC_URL = "https://portal.example.test";
const PASSWORD = "a long enough passphrase";
const LINK = (kind: "invite" | "reset") => new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}/portal/${kind}/[A-Za-z0-9_-]{43}`);

let fake: FakeMailgun;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-portal-story", domains: ["mg.example.test"] });
  t = await startTestApp({ ...mailgunEnv(fake), PUBLIC_URL, TRUST_PROXY: "loopback" });
  // On MySQL the suites of one jest worker share a database: rows other suites queued and never
  // delivered would otherwise reach this fake.
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => fake.reset());

/** Delivers what the organization queued through the real worker and mailgun.js, and returns the copy sent to `address`. */
async function mailTo(organizationId: number, address: string) {
  await testWorker(t).drain({ organizationId });
  const copies = fake.copies().filter((c) => c.recipient === address);
  expect(copies.length).toBeGreaterThan(0);
  return copies[copies.length - 1];
}

const statusOf = async (id: number) => (await t.dataSource.getRepository(Patient).findOneByOrFail({ id })).portalStatus;

describe("the whole story through the fake Mailgun", () => {
  it.each([
    ["an English-speaking patient", Language.EN, /Hello Pat,/, /valid for 24 hours/],
    ["a French-speaking patient", Language.FR, /Bonjour Pat,/, /valable 24 heures/],
  ])("%s: invite email → wrong then right date of birth → sign in → green → staff reset → revoke ends the session", async (_who, language, greeting, resetWording) => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS]);
    const patient = await buildPatient(t.dataSource, org.id, { firstName: "Pat", language, dateOfBirth: "1962-12-24" });

    const enabled = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    expect(enabled.data!.enablePortalAccess).toMatchObject({ userErrors: [], patient: { portalStatus: "INVITED" } });
    const grantId = enabled.data!.enablePortalAccess.grant.id;
    const invite = await mailTo(org.id, patient.email!);
    expect(invite.text).toMatch(greeting);
    const link = invite.text.match(LINK("invite"))![0];
    expect(invite.html).toContain(`href="${link}"`);
    // Once delivered, the outbox no longer holds the link.
    expect((await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ toAddress: patient.email!, kind: "INVITE_LINK" })).secretsSealed).toBeNull();

    const browser = portalClient(t.app);
    const wrong = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "1962-12-25", password: PASSWORD } });
    expect(wrong.data!.acceptPortalInvite.userErrors[0].code).toBe("DATE_OF_BIRTH_MISMATCH");
    expect(await statusOf(patient.id)).toBe("INVITED");
    const right = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: "1962-12-24", password: PASSWORD } });
    expect(right.data!.acceptPortalInvite.userErrors).toEqual([]);
    expect(await statusOf(patient.id)).toBe("ACTIVE");

    const laptop = portalClient(t.app);
    expect((await portalLogin(laptop, { email: patient.email!, password: PASSWORD })).status).toBe(200);
    expect((await laptop.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);

    const account = enabled.data!.enablePortalAccess.grant.account.id;
    expect((await staff.gql(`mutation($id: ID!) { resetPortalPassword(input: {accountId: $id}) { userErrors { code } } }`, { id: account })).data!.resetPortalPassword.userErrors).toEqual([]);
    const reset = await mailTo(org.id, patient.email!);
    expect(reset.text).toMatch(resetWording);
    const resetLink = reset.text.match(LINK("reset"))![0];
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(200);
    const newPassword = "the second long passphrase";
    expect((await portalClient(t.app).gql(COMPLETE_RESET, { input: { token: tokenOf(resetLink), password: newPassword } })).data!.completePortalPasswordReset.userErrors).toEqual([]);
    expect((await portalLogin(portalClient(t.app), { email: patient.email!, password: PASSWORD })).status).toBe(401);
    expect((await portalLogin(laptop, { email: patient.email!, password: newPassword })).status).toBe(200);
    expect((await laptop.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);

    expect((await staff.gql(`mutation($id: ID!) { revokePortalAccess(input: {grantId: $id}) { userErrors { code } } }`, { id: grantId })).data!.revokePortalAccess.userErrors).toEqual([]);
    expect(errorCode(await laptop.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    // An account left without any grant cannot start a new session either.
    const again = await portalLogin(portalClient(t.app), { email: patient.email!, password: newPassword });
    expect(again.status).toBe(403);
    expect(again.body.error).toBe("NO_ACCESS");
  });

  it("a temporary-password invite arrives by email and leads to the forced change", async () => {
    const { org } = await buildOrg(t.dataSource);
    await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteMethod: InviteMethod.TEMPORARY_PASSWORD });
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS]);
    const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: "1999-09-09" });
    await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    const mail = await mailTo(org.id, patient.email!);
    const temporary = /temporary password is: ([a-z2-9]{4}(?:-[a-z2-9]{4}){3})/.exec(mail.text)![1];
    expect(mail.text).toContain(`${PUBLIC_URL}/portal/sign-in`);
    const browser = portalClient(t.app);
    expect((await portalLogin(browser, { email: patient.email!, password: temporary })).body.account.mustChangePassword).toBe(true);
    const res = await browser.gql(CHANGE_PASSWORD, { input: { currentPassword: temporary, newPassword: PASSWORD, dateOfBirth: "1999-09-09" } });
    expect(res.data!.changePortalPassword.userErrors).toEqual([]);
    expect(await statusOf(patient.id)).toBe("ACTIVE");
  });
});
