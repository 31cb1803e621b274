import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, REQUEST_RESET, tokenOf } from "../../../test/portal";
import { startTestApp, type TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";

const PASSWORD = "a long enough passphrase";
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const LINK = `mutation($input: LinkPatientToPortalAccountInput!) { linkPatientToPortalAccount(input: $input) { userErrors { code } } }`;
const SET_LANGUAGE = `mutation($input: UpdatePortalAccountLanguageInput!) { updatePortalAccountLanguage(input: $input) { account { id language } userErrors { code field } } }`;
const CHECK_INVITE = `query($token: String!) { checkPortalInvite(token: $token) { usable userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "https://portal.example.test", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, staff };
}

async function signedUp(staff: TestClient, organizationId: number, overrides: Parameters<typeof buildPatient>[2] = {}) {
  const patient = await buildPatient(t.dataSource, organizationId, overrides);
  await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  const { secrets } = await lastEmailTo(t, patient.email!);
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
  expect(res.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { patient, browser, link: secrets.link as string };
}

describe("PortalProfile.isAccountHolder (rule 4 linking)", () => {
  it("a sibling linked to a parent's login reads as the sibling's profile, not the holder's own", async () => {
    const { org, staff } = await setup();
    const email = uniqueEmail("family");
    const { patient: older, browser } = await signedUp(staff, org.id, { email });
    const younger = await buildPatient(t.dataSource, org.id, { email, firstName: "Léa" });
    expect((await staff.gql(LINK, { input: { patientId: String(younger.id) } })).data!.linkPatientToPortalAccount.userErrors).toEqual([]);
    const res = await browser.gql(`{ portalViewer { profiles { accessType isAccountHolder patient { id } } } }`);
    const byPatient = new Map(res.data!.portalViewer.profiles.map((p: { patient: { id: string } }) => [p.patient.id, p]));
    expect(byPatient.get(String(older.id))).toMatchObject({ accessType: "SELF", isAccountHolder: true });
    expect(byPatient.get(String(younger.id))).toMatchObject({ accessType: "SELF", isAccountHolder: false });
  });
});

describe("updatePortalAccountLanguage", () => {
  it("saves the account's language, which its emails then follow, and audits it", async () => {
    const { org, staff } = await setup();
    const { patient, browser } = await signedUp(staff, org.id, { language: "EN" as never });
    const res = await browser.gql(SET_LANGUAGE, { input: { language: "FR" } });
    expect(res.data!.updatePortalAccountLanguage).toMatchObject({ userErrors: [], account: { language: "FR" } });
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.language).toBe("FR");
    await portalClient(t.app).gql(REQUEST_RESET, { input: { email: patient.email } });
    expect((await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET")).row.language.toUpperCase()).toBe("FR");
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_account.language_changed" });
    expect(events).toHaveLength(1);
  });

  it("is refused without a portal session", async () => {
    const res = await portalClient(t.app).gql(SET_LANGUAGE, { input: { language: "FR" } });
    expect(res.errors?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("requestPortalPasswordReset language", () => {
  it("a reset asked from the French portal arrives in French, even for an account left in English", async () => {
    const { org, staff } = await setup();
    const { patient } = await signedUp(staff, org.id, { language: "EN" as never });
    await portalClient(t.app).gql(REQUEST_RESET, { input: { email: patient.email, language: "FR" } });
    expect((await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET")).row.language.toUpperCase()).toBe("FR");
  });

  it("without a language in the request, the account's language is used", async () => {
    const { org, staff } = await setup();
    const { patient } = await signedUp(staff, org.id, { language: "FR" as never });
    await portalClient(t.app).gql(REQUEST_RESET, { input: { email: patient.email } });
    expect((await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET")).row.language.toUpperCase()).toBe("FR");
  });
});

describe("checkPortalInvite (public)", () => {
  it("says a live invite is usable and a used one is not, without naming anyone", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    const token = tokenOf((await lastEmailTo(t, patient.email!)).secrets.link);
    const visitor = portalClient(t.app);
    expect((await visitor.gql(CHECK_INVITE, { token })).data!.checkPortalInvite).toEqual({ usable: true, userErrors: [] });
    await visitor.gql(ACCEPT, { input: { token, dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
    const used = (await portalClient(t.app).gql(CHECK_INVITE, { token })).data!.checkPortalInvite;
    expect(used.usable).toBe(false);
    expect(used.userErrors[0].code).toBe("INVITE_INVALID");
    expect(JSON.stringify(used)).not.toContain(patient.lastName);
    const unknown = (await portalClient(t.app).gql(CHECK_INVITE, { token: "x".repeat(43) })).data!.checkPortalInvite;
    expect(unknown.userErrors[0].code).toBe("INVITE_INVALID");
  });
});
