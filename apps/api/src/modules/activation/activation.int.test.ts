import { StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, PORTAL_VIEWER, portalClient, tokenOf } from "../../../test/portal";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalToken } from "../invites/portal-token.entity";
import { Organization } from "../organizations/organization.entity";

/** Front-desk activation codes (rule 23, seed 004) through GraphQL, with the clock moved, not slept. */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const DOB = "1975-11-30";
const PASSWORD = "a long enough passphrase";
const ISSUE = `mutation($input: IssuePortalActivationCodeInput!) { issuePortalActivationCode(input: $input) {
  sheet { code inviteUrl activateUrl qrCodeSvg expiresAt patientName loginEmail organizationName accessType } userErrors { code field message } } }`;
const ACTIVATE = `mutation($input: ActivatePortalAccountInput!) { activatePortalAccount(input: $input) { account { id email } userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterEach(() => jest.useRealTimers());
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: DOB });
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id) } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  return { org, staff, patient, grantId: res.data!.enablePortalAccess.grant.id as string };
}

async function issue(staff: TestClient, input: Record<string, string>) {
  const res = await staff.gql(ISSUE, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.issuePortalActivationCode;
}

const activate = (code: string, dateOfBirth: string, client = portalClient(t.app)) => client.gql(ACTIVATE, { input: { code, dateOfBirth, password: PASSWORD } });

it("staff issue a sheet; the patient types the code with the date of birth and is signed in; the code then no longer works", async () => {
  const { org, staff, patient } = await setup();
  const { sheet, userErrors } = await issue(staff, { patientId: String(patient.id) });
  expect(userErrors).toEqual([]);
  expect(sheet.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(sheet.inviteUrl).toMatch(/\/portal\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(sheet.activateUrl).toMatch(/\/portal\/activate$/);
  expect(sheet.qrCodeSvg).toMatch(/^<svg/);
  expect(sheet).toMatchObject({ patientName: `${patient.firstName} ${patient.lastName}`, loginEmail: patient.email, accessType: "SELF" });
  // One lifetime with the link: the organization's (7 days by default).
  expect(new Date(sheet.expiresAt).getTime() - Date.now()).toBeGreaterThan(167 * 3600_000);
  // Stored hashed: neither the code nor the link token is in the database.
  const tokens = await t.dataSource.getRepository(PortalToken).findBy({ organizationId: org.id });
  const raw = sheet.code.replace("-", "");
  expect(JSON.stringify(tokens)).not.toContain(raw);
  expect(JSON.stringify(tokens)).not.toContain(tokenOf(sheet.inviteUrl));
  const issued = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ organizationId: org.id, action: "portal_activation_code.issued" });
  expect(JSON.stringify(issued)).not.toContain(raw);
  // Staff see the patient invited (orange).
  expect((await staff.gql(`query($id: ID!) { patient(id: $id) { portalStatus } }`, { id: String(patient.id) })).data!.patient.portalStatus).toBe("INVITED");

  const browser = portalClient(t.app);
  const wrong = await activate(sheet.code, "1975-11-29", browser);
  expect(wrong.data!.activatePortalAccount.userErrors[0]).toMatchObject({ code: "DATE_OF_BIRTH_MISMATCH", field: "dateOfBirth" });
  // Typed in lower case without the dash, as people do.
  const ok = await activate(raw.toLowerCase(), DOB, browser);
  expect(ok.data!.activatePortalAccount.userErrors).toEqual([]);
  expect(ok.data!.activatePortalAccount.account.email).toBe(patient.email);
  expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);

  const used = await activate(sheet.code, DOB);
  expect(used.data!.activatePortalAccount.userErrors[0].code).toBe("INVITE_INVALID");
  // The sheet's QR link was voided with it.
  const link = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(sheet.inviteUrl), dateOfBirth: DOB, password: PASSWORD } });
  expect(link.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
  const accepted = await t.dataSource.getRepository(AuditEvent).findOneByOrFail({ organizationId: org.id, action: "portal_invite.accepted" });
  expect(accepted.after).toMatchObject({ method: "CODE" });
});

it("a code expires with the invite's lifetime", async () => {
  const { org, staff, patient } = await setup();
  await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteLinkTtlHours: 2 });
  const { sheet } = await issue(staff, { patientId: String(patient.id) });
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  jest.setSystemTime(Date.now() + 2 * 3600_000 + 60_000);
  const res = await activate(sheet.code, DOB);
  expect(res.data!.activatePortalAccount.userErrors[0]).toMatchObject({ code: "INVITE_EXPIRED", field: "code" });
});

it("five wrong dates of birth lock the sheet (code and QR link alike); a new sheet replaces the old one", async () => {
  const { staff, patient } = await setup();
  const { sheet } = await issue(staff, { patientId: String(patient.id) });
  const codes: string[] = [];
  for (let i = 0; i < 5; i++) codes.push((await activate(sheet.code, "2001-01-01")).data!.activatePortalAccount.userErrors[0].code);
  expect(codes).toEqual(["DATE_OF_BIRTH_MISMATCH", "DATE_OF_BIRTH_MISMATCH", "DATE_OF_BIRTH_MISMATCH", "DATE_OF_BIRTH_MISMATCH", "INVITE_LOCKED"]);
  expect((await activate(sheet.code, DOB)).data!.activatePortalAccount.userErrors[0].code).toBe("INVITE_LOCKED");
  const link = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(sheet.inviteUrl), dateOfBirth: DOB, password: PASSWORD } });
  expect(link.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_LOCKED");
  expect((await staff.gql(`query($id: ID!) { patient(id: $id) { inviteProblem } }`, { id: String(patient.id) })).data!.patient.inviteProblem).toBe("LOCKED");

  const next = (await issue(staff, { patientId: String(patient.id) })).sheet;
  expect((await activate(sheet.code, DOB)).data!.activatePortalAccount.userErrors[0].code).toBe("INVITE_INVALID");
  expect((await activate(next.code, DOB)).data!.activatePortalAccount.userErrors).toEqual([]);
});

it("wrong codes spend the per-address token limit before anything is checked", async () => {
  const limited = await startTestApp({ TRUST_PROXY: "loopback", RATE_LIMIT_TOKEN: "3/900" });
  try {
    const browser = portalClient(limited.app);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await browser.gql(ACTIVATE, { input: { code: "ZZZZ-ZZZZ", dateOfBirth: DOB, password: PASSWORD } });
      answers.push(res.data!.activatePortalAccount.userErrors[0].code);
    }
    expect(answers).toEqual(["INVITE_INVALID", "INVITE_INVALID", "INVITE_INVALID", "RATE_LIMITED"]);
  } finally {
    await limited.close();
  }
});

it("a proxy's sheet asks for the date of birth of the patient they will see", async () => {
  const { org, staff, patient } = await setup();
  const contact = await buildContact(t.dataSource, patient);
  const roles = await staff.gql(`{ portalRoles { id accessTypes } }`);
  const proxyRole = roles.data!.portalRoles.find((r: { accessTypes: string[] }) => r.accessTypes.includes("PROXY"));
  const granted = await staff.gql(`mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { grant { id } userErrors { code message } } }`, {
    input: { contactId: String(contact.id), portalRoleId: proxyRole.id },
  });
  expect(granted.data!.grantContactPortalAccess.userErrors).toEqual([]);
  const { sheet } = await issue(staff, { grantId: granted.data!.grantContactPortalAccess.grant.id });
  expect(sheet).toMatchObject({ accessType: "PROXY", loginEmail: contact.email, organizationName: expect.any(String) });
  expect((await activate(sheet.code, DOB)).data!.activatePortalAccount.userErrors).toEqual([]);
  void org;
});

it("issuing is refused without the permission, to no one, across organizations and with bad input", async () => {
  const { org, patient } = await setup();
  const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
  expect((await viewer.gql(ISSUE, { input: { patientId: String(patient.id) } })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect((await portalClient(t.app).gql(ISSUE, { input: { patientId: String(patient.id) } })).errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  const other = await setup();
  expect((await issue(other.staff, { patientId: String(patient.id) })).userErrors[0].code).toBe("NOT_FOUND");
  expect((await issue(other.staff, { patientId: "abc" })).userErrors[0].code).toBe("NOT_FOUND");
  const noDob = await buildPatient(t.dataSource, other.org.id, { dateOfBirth: null });
  await other.staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(noDob.id) } });
  expect((await issue(other.staff, { patientId: String(noDob.id) })).userErrors[0].code).toBe("MISSING_DATE_OF_BIRTH");
  const red = await buildPatient(t.dataSource, other.org.id, { dateOfBirth: DOB });
  expect((await issue(other.staff, { patientId: String(red.id) })).userErrors[0].code).toBe("NO_ACCESS");
  // Bad input to the public mutation changes nothing and is typed.
  expect((await activate("short", DOB)).data!.activatePortalAccount.userErrors[0].code).toBe("INVITE_INVALID");
});
