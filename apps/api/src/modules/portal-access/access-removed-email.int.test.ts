import { Language, StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { EmailKind } from "../../email/email.types";
import { OutboxMessage } from "../../email/outbox-message.entity";

/**
 * "Access removed" (the ACCESS_REVOKED template) goes to the account's login email, in the account's
 * language, in the transaction that removes the access: removing one profile, all profiles, or
 * disabling a contact. An organization may turn it off.
 */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_SETTINGS } = StaffPermission;

const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { id account { id email } } userErrors { code field message } } }`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { grant { id account { id email } } userErrors { code field message } } }`;
const LINK = `mutation($input: LinkPatientToPortalAccountInput!) { linkPatientToPortalAccount(input: $input) { grant { id } userErrors { code field } } }`;
const REVOKE = `mutation($input: RevokePortalAccessInput!) { revokePortalAccess(input: $input) { grant { id active } userErrors { code field } } }`;
const REVOKE_ALL = `mutation($input: RevokeAllPortalAccessInput!) { revokeAllPortalAccess(input: $input) { revokedCount userErrors { code field } } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { userErrors { code field message } } }`;
const SETTINGS = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { organization { accessRemovedEmail } userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_SETTINGS]);
  const family = roles.family;
  return { org, staff, family };
}

const removedEmails = (organizationId: number) =>
  t.dataSource.getRepository(OutboxMessage).find({ where: { organizationId, kind: EmailKind.ACCESS_REVOKED }, order: { id: "ASC" } });

describe("access removed email", () => {
  it("removing one profile tells the account's login email, in its language, naming the patient", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { firstName: "Élodie", lastName: "Roy", language: Language.FR });
    const enabled = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
    expect(enabled.data!.enablePortalAccess.userErrors).toEqual([]);
    const grant = enabled.data!.enablePortalAccess.grant;
    // Staff changed the patient's address on file since: the login email is where the account signs in.
    await t.dataSource.query("UPDATE patients SET email = ? WHERE id = ?", [uniqueEmail("other"), patient.id]);

    expect((await staff.gql(REVOKE, { input: { grantId: grant.id } })).data!.revokePortalAccess.userErrors).toEqual([]);
    const mails = await removedEmails(org.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: grant.account.email, language: Language.FR, accountId: Number(grant.account.id), patientId: patient.id, status: "PENDING" });
    expect(mails[0].variables).toMatchObject({ recipientName: "Élodie", patientName: "Élodie Roy" });
  });

  it("removing all profiles sends one email naming each patient", async () => {
    const { org, staff } = await setup();
    const first = await buildPatient(t.dataSource, org.id, { firstName: "Ann", lastName: "Lee" });
    const sibling = await buildPatient(t.dataSource, org.id, { firstName: "Bob", lastName: "Lee", email: first.email });
    const enabled = await staff.gql(ENABLE, { input: { patientId: String(first.id) } });
    expect((await staff.gql(LINK, { input: { patientId: String(sibling.id) } })).data!.linkPatientToPortalAccount.userErrors).toEqual([]);
    const account = enabled.data!.enablePortalAccess.grant.account;

    expect((await staff.gql(REVOKE_ALL, { input: { accountId: account.id } })).data!.revokeAllPortalAccess).toEqual({ revokedCount: 2, userErrors: [] });
    const mails = await removedEmails(org.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].toAddress).toBe(account.email);
    expect(mails[0].variables.patientName).toBe("Ann Lee and Bob Lee");
  });

  it("disabling a contact tells the contact's account, greeting the contact", async () => {
    const { org, staff, family } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { firstName: "Zoé", lastName: "Petit" });
    const contact = await buildContact(t.dataSource, patient, { firstName: "Marc", email: uniqueEmail("parent"), language: Language.EN });
    const granted = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(family.id) } });
    expect(granted.data!.grantContactPortalAccess.userErrors).toEqual([]);

    expect((await staff.gql(UPDATE_CONTACT, { input: { id: String(contact.id), active: false } })).data!.updateContact.userErrors).toEqual([]);
    const mails = await removedEmails(org.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: granted.data!.grantContactPortalAccess.grant.account.email, language: Language.EN });
    expect(mails[0].variables).toMatchObject({ recipientName: "Marc", patientName: "Zoé Petit" });
  });

  it("an organization that turned it off sends nothing; the setting is on by default", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const grant = (await staff.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.grant;
    const off = await staff.gql(SETTINGS, { input: { accessRemovedEmail: false } });
    expect(off.data!.updateOrganizationSettings).toEqual({ organization: { accessRemovedEmail: false }, userErrors: [] });

    expect((await staff.gql(REVOKE, { input: { grantId: grant.id } })).data!.revokePortalAccess.userErrors).toEqual([]);
    expect(await removedEmails(org.id)).toEqual([]);

    const { org: other, staff: otherStaff } = await setup();
    expect((await otherStaff.gql(`{ viewer { organization { accessRemovedEmail } } }`)).data!.viewer.organization.accessRemovedEmail).toBe(true);
    expect(other.accessRemovedEmail).toBe(true);
  });

  it("a refused removal sends nothing", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const grant = (await staff.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.grant;
    await staff.gql(REVOKE, { input: { grantId: grant.id } });
    const again = await staff.gql(REVOKE, { input: { grantId: grant.id } });
    expect(again.data!.revokePortalAccess.userErrors[0].code).toBe("NOT_FOUND");
    expect(await removedEmails(org.id)).toHaveLength(1);
  });
});
