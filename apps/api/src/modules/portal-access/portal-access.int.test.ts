import { IsNull } from "typeorm";
import { AccessType, StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { AuditEvent } from "../audit/audit-event.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;

const ENABLE = `mutation($input: EnablePortalAccessInput!) {
  enablePortalAccess(input: $input) {
    grant { id accessType portalRole { name } account { id email } }
    patient { id portalStatus }
    userErrors { code field message }
  }
}`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) {
  grantContactPortalAccess(input: $input) { grant { id accessType contact { id } account { id email } } userErrors { code field message } }
}`;
const LINK = `mutation($input: LinkPatientToPortalAccountInput!) {
  linkPatientToPortalAccount(input: $input) { grant { id account { id } } patient { portalStatus } userErrors { code field } }
}`;
const CHANGE_ROLE = `mutation($input: ChangePortalRoleInput!) { changePortalRole(input: $input) { grant { id portalRole { id name } } userErrors { code field } } }`;
const REVOKE = `mutation($input: RevokePortalAccessInput!) { revokePortalAccess(input: $input) { grant { id active } userErrors { code field } } }`;
const REVOKE_ALL = `mutation($input: RevokeAllPortalAccessInput!) { revokeAllPortalAccess(input: $input) { revokedCount userErrors { code field } } }`;
const DISABLE = `mutation($input: SetPortalAccountDisabledInput!) { setPortalAccountDisabled(input: $input) { account { id disabled } userErrors { code field } } }`;
const FORCE = `mutation($input: ForcePortalPasswordChangeInput!) { forcePortalPasswordChange(input: $input) { account { id mustChangePassword } userErrors { code field } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff, user } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, roles, staff, user };
}

async function grantsOf(patientId: number) {
  return t.dataSource.getRepository(PortalGrant).findBy({ patientId, revokedAt: IsNull() });
}

describe("enablePortalAccess", () => {
  it("creates the account and SELF grant, turns the patient gray and audits it", async () => {
    const { org, roles, staff, user } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id), portalRoleId: String(roles.patientRole.id) } });
    const payload = res.data!.enablePortalAccess;
    expect(payload.userErrors).toEqual([]);
    expect(payload.grant.accessType).toBe("SELF");
    expect(payload.grant.portalRole.name).toBe("Patient");
    expect(payload.grant.account.email).toBe(patient.email);
    expect(payload.patient.portalStatus).toBe("ENABLED");
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_access.enabled" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "STAFF", actorId: String(user.id), patientId: patient.id, targetType: "PortalGrant" });
    expect(events[0].ip).toBeTruthy();
  });

  it("uses the organization's default role when none is given, and an edited email", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const email = uniqueEmail("Typed");
    const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id), email: `  ${email} ` } });
    expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
    expect(res.data!.enablePortalAccess.grant.portalRole.name).toBe("Patient");
    expect(res.data!.enablePortalAccess.grant.account.email).toBe(email);
  });

  it("refuses without an email on file (MISSING_EMAIL) and changes nothing", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { email: null });
    const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    expect(res.data!.enablePortalAccess.userErrors).toEqual([{ code: "MISSING_EMAIL", field: "email", message: expect.any(String) }]);
    expect(await grantsOf(patient.id)).toHaveLength(0);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_access.enabled" })).toBe(0);
  });

  it("refuses an email already used by another account, case-insensitively (EMAIL_IN_USE)", async () => {
    const { org, staff } = await setup();
    const first = await buildPatient(t.dataSource, org.id);
    await staff.gql(ENABLE, { input: { patientId: String(first.id) } });
    const second = await buildPatient(t.dataSource, org.id);
    const res = await staff.gql(ENABLE, { input: { patientId: String(second.id), email: ` ${first.email!.toUpperCase()} ` } });
    expect(res.data!.enablePortalAccess.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE", field: "email" });
    expect(await grantsOf(second.id)).toHaveLength(0);
  });

  it("refuses a second SELF grant (ALREADY_HAS_ACCESS), a PROXY-only role (ROLE_NOT_APPLICABLE), an inactive patient and bad ids", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    let res = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    expect(res.data!.enablePortalAccess.userErrors[0].code).toBe("ALREADY_HAS_ACCESS");

    const other = await buildPatient(t.dataSource, org.id);
    res = await staff.gql(ENABLE, { input: { patientId: String(other.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.enablePortalAccess.userErrors[0]).toMatchObject({ code: "ROLE_NOT_APPLICABLE", field: "portalRoleId" });

    const inactive = await buildPatient(t.dataSource, org.id, { active: false });
    res = await staff.gql(ENABLE, { input: { patientId: String(inactive.id) } });
    expect(res.data!.enablePortalAccess.userErrors[0].code).toBe("PATIENT_INACTIVE");

    res = await staff.gql(ENABLE, { input: { patientId: "not-a-number" } });
    expect(res.data!.enablePortalAccess.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "patientId" });

    res = await staff.gql(ENABLE, { input: { patientId: String(other.id), email: "not an email" } });
    expect(res.data!.enablePortalAccess.userErrors[0]).toMatchObject({ code: "INVALID_EMAIL", field: "email" });

    res = await staff.gql(ENABLE, { input: { patientId: String(other.id), email: "x".repeat(300) } });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(await grantsOf(other.id)).toHaveLength(0);
  });

  it("re-enabling reuses the person's account; its login email cannot be changed there (rule 1)", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const first = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    await staff.gql(REVOKE, { input: { grantId: first.data!.enablePortalAccess.grant.id } });
    const refused = await staff.gql(ENABLE, { input: { patientId: String(patient.id), email: uniqueEmail("other") } });
    expect(refused.data!.enablePortalAccess.userErrors[0]).toMatchObject({ code: "EMAIL_LOCKED_TO_ACCOUNT", field: "email" });
    const again = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    expect(again.data!.enablePortalAccess.grant.account.id).toBe(first.data!.enablePortalAccess.grant.account.id);
  });

  it("yields exactly one account when 20 requests race for the same email (rule 2)", async () => {
    const { org, staff } = await setup();
    const email = uniqueEmail("race");
    const patients = await Promise.all(Array.from({ length: 20 }, () => buildPatient(t.dataSource, org.id, { email })));
    const results = await Promise.all(patients.map((p) => staff.gql(ENABLE, { input: { patientId: String(p.id) } })));
    const ok = results.filter((r) => r.data?.enablePortalAccess.userErrors.length === 0);
    const inUse = results.filter((r) => r.data?.enablePortalAccess.userErrors[0]?.code === "EMAIL_IN_USE");
    expect(ok).toHaveLength(1);
    expect(inUse).toHaveLength(19);
    expect(await t.dataSource.getRepository(PortalAccount).countBy({ organizationId: org.id })).toBe(1);
  });

  it("gives one SELF grant when 10 requests race for the same patient", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => staff.gql(ENABLE, { input: { patientId: String(patient.id) } })));
    expect(results.filter((r) => r.data?.enablePortalAccess.userErrors.length === 0)).toHaveLength(1);
    expect(await grantsOf(patient.id)).toHaveLength(1);
  });
});

describe("grantContactPortalAccess", () => {
  it("grants proxy access to an active contact on the record", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, patient);
    const res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors).toEqual([]);
    expect(res.data!.grantContactPortalAccess.grant).toMatchObject({ accessType: "PROXY", contact: { id: String(contact.id) }, account: { email: contact.email } });
    // A proxy does not change the patient's own colour.
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id })).portalStatus).toBe("NO_ACCESS");
  });

  it("refuses the patient's own login email for a contact, and vice versa (rule 2)", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    const contact = await buildContact(t.dataSource, patient, { email: patient.email });
    let res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE", field: "email" });
    res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id), linkExistingAccount: true } });
    expect(res.data!.grantContactPortalAccess.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE" });

    const sibling = await buildPatient(t.dataSource, org.id);
    const mother = await buildContact(t.dataSource, sibling);
    await staff.gql(GRANT_CONTACT, { input: { contactId: String(mother.id), portalRoleId: String(roles.family.id) } });
    const other = await buildPatient(t.dataSource, org.id, { email: mother.email });
    res = await staff.gql(ENABLE, { input: { patientId: String(other.id) } });
    expect(res.data!.enablePortalAccess.userErrors[0].code).toBe("EMAIL_IN_USE");
  });

  it("lets a parent's proxy account hold several children, by explicit choice", async () => {
    const { org, roles, staff } = await setup();
    const email = uniqueEmail("parent");
    const kids = await Promise.all([1, 2, 3].map(() => buildPatient(t.dataSource, org.id)));
    const contacts = await Promise.all(kids.map((k) => buildContact(t.dataSource, k, { email })));
    const first = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contacts[0].id), portalRoleId: String(roles.family.id) } });
    const accountId = first.data!.grantContactPortalAccess.grant.account.id;
    const implicit = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contacts[1].id), portalRoleId: String(roles.family.id) } });
    expect(implicit.data!.grantContactPortalAccess.userErrors[0].code).toBe("EMAIL_IN_USE");
    for (const c of contacts.slice(1)) {
      const res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(c.id), portalRoleId: String(roles.family.id), linkExistingAccount: true } });
      expect(res.data!.grantContactPortalAccess.grant.account.id).toBe(accountId);
    }
    const grants = await t.dataSource.getRepository(PortalGrant).findBy({ accountId: Number(accountId), revokedAt: IsNull() });
    expect(grants.map((g) => g.patientId).sort()).toEqual(kids.map((k) => k.id).sort());
  });

  it("refuses disabled contacts, SELF-only roles, missing emails and another organization's contact", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const disabled = await buildContact(t.dataSource, patient, { active: false });
    let res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(disabled.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0].code).toBe("CONTACT_INACTIVE");
    const contact = await buildContact(t.dataSource, patient);
    res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.patientRole.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0].code).toBe("ROLE_NOT_APPLICABLE");
    const noEmail = await buildContact(t.dataSource, patient, { email: null });
    res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(noEmail.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0].code).toBe("MISSING_EMAIL");

    const elsewhere = await buildOrg(t.dataSource);
    const foreignPatient = await buildPatient(t.dataSource, elsewhere.org.id);
    const foreignContact = await buildContact(t.dataSource, foreignPatient);
    res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(foreignContact.id), portalRoleId: String(roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0].code).toBe("NOT_FOUND");
    // Our role id in their organization is not found either.
    res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(elsewhere.roles.family.id) } });
    expect(res.data!.grantContactPortalAccess.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "portalRoleId" });
    expect(await t.dataSource.getRepository(PortalGrant).countBy({ organizationId: elsewhere.org.id })).toBe(0);
  });
});

describe("linkPatientToPortalAccount (rule 4)", () => {
  it("links a sibling whose email on file is an account's login, and is offered on the patient", async () => {
    const { org, staff } = await setup();
    const email = uniqueEmail("family");
    const older = await buildPatient(t.dataSource, org.id, { email });
    const younger = await buildPatient(t.dataSource, org.id, { email: email.toUpperCase() });
    const enabled = await staff.gql(ENABLE, { input: { patientId: String(older.id) } });
    const offer = await staff.gql(`query($id: ID!) { patient(id: $id) { linkableAccount { id email } } }`, { id: String(younger.id) });
    expect(offer.data!.patient.linkableAccount.id).toBe(enabled.data!.enablePortalAccess.grant.account.id);
    const res = await staff.gql(LINK, { input: { patientId: String(younger.id) } });
    expect(res.data!.linkPatientToPortalAccount.userErrors).toEqual([]);
    expect(res.data!.linkPatientToPortalAccount.grant.account.id).toBe(enabled.data!.enablePortalAccess.grant.account.id);
    expect(res.data!.linkPatientToPortalAccount.patient.portalStatus).toBe("ENABLED");
    const again = await staff.gql(LINK, { input: { patientId: String(younger.id) } });
    expect(again.data!.linkPatientToPortalAccount.userErrors[0].code).toBe("ALREADY_HAS_ACCESS");
  });

  it("refuses when no account uses the email on file", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await staff.gql(LINK, { input: { patientId: String(patient.id) } });
    expect(res.data!.linkPatientToPortalAccount.userErrors[0].code).toBe("NOT_LINKABLE");
  });
});

describe("changing and removing access", () => {
  async function enabled() {
    const ctx = await setup();
    const patient = await buildPatient(t.dataSource, ctx.org.id);
    const res = await ctx.staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    const grant = res.data!.enablePortalAccess.grant;
    return { ...ctx, patient, grantId: grant.id as string, accountId: grant.account.id as string };
  }

  it("changes a grant's role to an applicable one only, auditing before and after", async () => {
    const { org, roles, staff, grantId } = await enabled();
    let res = await staff.gql(CHANGE_ROLE, { input: { grantId, portalRoleId: String(roles.representative.id) } });
    expect(res.data!.changePortalRole.grant.portalRole.name).toBe("Authorized representative");
    res = await staff.gql(CHANGE_ROLE, { input: { grantId, portalRoleId: String(roles.family.id) } });
    expect(res.data!.changePortalRole.userErrors[0].code).toBe("ROLE_NOT_APPLICABLE");
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_access.role_changed" });
    expect(event.before).toEqual({ portalRoleId: roles.patientRole.id });
    expect(event.after).toEqual({ portalRoleId: roles.representative.id });
  });

  it("revokes one grant and turns the patient red; a second revoke is NOT_FOUND", async () => {
    const { patient, staff, grantId } = await enabled();
    let res = await staff.gql(REVOKE, { input: { grantId } });
    expect(res.data!.revokePortalAccess).toMatchObject({ grant: { active: false }, userErrors: [] });
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id })).portalStatus).toBe("NO_ACCESS");
    res = await staff.gql(REVOKE, { input: { grantId } });
    expect(res.data!.revokePortalAccess.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("revokes every grant of an account", async () => {
    const { org, roles, staff, accountId, patient } = await enabled();
    const other = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, other, { email: patient.email });
    const proxy = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.representative.id), linkExistingAccount: true } });
    // A patient's own login cannot become a proxy: the link is refused and only the SELF grant exists.
    expect(proxy.data!.grantContactPortalAccess.userErrors[0].code).toBe("EMAIL_IN_USE");
    const res = await staff.gql(REVOKE_ALL, { input: { accountId } });
    expect(res.data!.revokeAllPortalAccess).toEqual({ revokedCount: 1, userErrors: [] });
    const again = await staff.gql(REVOKE_ALL, { input: { accountId } });
    expect(again.data!.revokeAllPortalAccess.userErrors[0].code).toBe("NO_ACCESS");
  });

  it("disables and re-enables an account, and forces a password change", async () => {
    const { org, staff, accountId } = await enabled();
    let res = await staff.gql(DISABLE, { input: { accountId, disabled: true } });
    expect(res.data!.setPortalAccountDisabled.account.disabled).toBe(true);
    res = await staff.gql(DISABLE, { input: { accountId, disabled: false } });
    expect(res.data!.setPortalAccountDisabled.account.disabled).toBe(false);
    res = await staff.gql(FORCE, { input: { accountId } });
    expect(res.data!.forcePortalPasswordChange.account.mustChangePassword).toBe(true);
    const actions = (await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["portal_account.disabled", "portal_account.enabled", "portal_account.password_change_forced"]));
  });

  it("disabling a contact revokes its grants (rule 3)", async () => {
    const { org, roles, staff } = await setup();
    // Reading the contact back in the payload needs VIEW_PATIENTS too (the access policy).
    const editor = (await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.EDIT_PATIENTS, StaffPermission.VIEW_PATIENTS])).client;
    const patient = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, patient);
    await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id) } });
    const res = await editor.gql(`mutation($input: UpdateContactInput!) { updateContact(input: $input) { contact { active } revokedGrantCount userErrors { code } } }`, {
      input: { id: String(contact.id), active: false },
    });
    expect(res.data!.updateContact).toEqual({ contact: { active: false }, revokedGrantCount: 1, userErrors: [] });
    expect(await t.dataSource.getRepository(PortalGrant).countBy({ contactId: contact.id, revokedAt: IsNull() })).toBe(0);
  });
});

describe("who may call the access mutations (rule 12) and tenancy", () => {
  const cases: [string, string, (ids: { patientId: string; grantId: string; accountId: string; contactId: string; roleId: string }) => object][] = [
    ["enablePortalAccess", ENABLE, (i) => ({ patientId: i.patientId })],
    ["grantContactPortalAccess", GRANT_CONTACT, (i) => ({ contactId: i.contactId, portalRoleId: i.roleId })],
    ["linkPatientToPortalAccount", LINK, (i) => ({ patientId: i.patientId })],
    ["changePortalRole", CHANGE_ROLE, (i) => ({ grantId: i.grantId, portalRoleId: i.roleId })],
    ["revokePortalAccess", REVOKE, (i) => ({ grantId: i.grantId })],
    ["revokeAllPortalAccess", REVOKE_ALL, (i) => ({ accountId: i.accountId })],
    ["setPortalAccountDisabled", DISABLE, (i) => ({ accountId: i.accountId, disabled: true })],
    ["forcePortalPasswordChange", FORCE, (i) => ({ accountId: i.accountId })],
  ];

  async function target() {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, patient);
    const enabled = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    const grant = enabled.data!.enablePortalAccess.grant;
    const unlinked = await buildPatient(t.dataSource, org.id);
    return {
      org,
      ids: { patientId: String(unlinked.id), grantId: grant.id, accountId: grant.account.id, contactId: String(contact.id), roleId: String(roles.family.id) },
    };
  }

  it.each(cases)("%s: unauthenticated callers get UNAUTHENTICATED", async (_name, mutation, input) => {
    const { ids } = await target();
    const res = await new TestClient(t.app).gql(mutation, { input: input(ids) });
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
  });

  it.each(cases)("%s: staff without MANAGE_PORTAL_ACCESS get FORBIDDEN and nothing changes", async (_name, mutation, input) => {
    const { org, ids } = await target();
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    const before = await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id });
    const res = await billing.gql(mutation, { input: input(ids) });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id })).toBe(before);
  });

  it.each(cases)("%s: another organization's records are NOT_FOUND and untouched", async (_name, mutation, input) => {
    const { org, ids } = await target();
    const intruder = await setup();
    const before = await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id });
    const res = await intruder.staff.gql(mutation, { input: input(ids) });
    const payload = Object.values(res.data ?? {})[0] as { userErrors: { code: string }[] };
    expect(payload.userErrors[0].code).toBe("NOT_FOUND");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id })).toBe(before);
  });

  it("never lists or reads another organization's patients", async () => {
    const mine = await setup();
    const theirs = await buildOrg(t.dataSource);
    const foreign = await buildPatient(t.dataSource, theirs.org.id, { lastName: "Zzforeign" });
    const list = await mine.staff.gql(`{ patients(first: 500) { totalCount edges { node { id } } } }`);
    expect(list.data!.patients.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(String(foreign.id));
    const one = await mine.staff.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: String(foreign.id) });
    expect(one.data!.patient).toBeNull();
    expect(list.data!.patients.totalCount).toBe(0);
  });

  it("shows the Portal tab facts of rule 11 to staff with the permission only", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const contact = await buildContact(t.dataSource, patient);
    await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id) } });
    const query = `query($id: ID!) { patient(id: $id) {
      portalStatus
      portalAccess { accessType portalRole { name } account { email lastInviteSentAt signedUpAt lastSignInAt disabled } otherProfiles { patient { id } } }
      contacts { id relationship portalGrant { portalRole { name } account { lastSignInAt } } }
    } }`;
    const res = await staff.gql(query, { id: String(patient.id) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.patient.portalAccess).toMatchObject({ accessType: AccessType.SELF, portalRole: { name: "Patient" }, account: { email: patient.email, disabled: false }, otherProfiles: [] });
    expect(res.data!.patient.contacts[0].portalGrant.portalRole.name).toBe("Family");
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    const denied = await billing.gql(query, { id: String(patient.id) });
    expect(errorCode(denied)).toBe("FORBIDDEN");
    const basic = await billing.gql(`query($id: ID!) { patient(id: $id) { firstName contacts { relationship } } }`, { id: String(patient.id) });
    expect(basic.data!.patient.firstName).toBe("Pat");
  });
});
