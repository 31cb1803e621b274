import { ContactRelationship, StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, lastEmailTo, portalClient, portalLogin, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { Contact } from "./contact.entity";

/**
 * Issue 13 item 2: contacts are added and edited in the admin (a guardian not on file, "Paul
 * Physician" without an email). A contact's email on file is the record's; the login is the
 * account's. An edit of a contact holding access never moves its login by itself (rules 14, 18):
 * with Manage portal access the new address is asked to confirm, the old one is told, pending links
 * die at confirmation, all audited; without it the login stays, and the answer says so.
 */
const { VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS } = StaffPermission;
const PASSWORD = "a long enough passphrase";
const CONTACT_FIELDS = `id firstName lastName relationship email phone language active`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { ${CONTACT_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { contact { ${CONTACT_FIELDS} } revokedGrantCount loginEmailChange userErrors { code field message } } }`;
const GRANT = `mutation($input: GrantContactPortalAccessInput!) {
  grantContactPortalAccess(input: $input) { grant { id account { id email pendingLoginEmail } } userErrors { code field message } }
}`;
const CONTACTS_TAB = `query($id: ID!) { patient(id: $id) { contacts { ${CONTACT_FIELDS} portalGrant { account { email pendingLoginEmail } } } } }`;
const CONFIRM = `mutation($input: ConfirmPortalLoginEmailInput!) { confirmPortalLoginEmail(input: $input) { loginEmail userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_TOKEN: "1000/900" });
});
afterAll(async () => {
  await t.close();
});

async function setup(permissions = [VIEW_PATIENTS, MANAGE_PORTAL_ACCESS]) {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client, user } = await buildStaff(t.dataSource, t.app, org.id, permissions);
  const patient = await buildPatient(t.dataSource, org.id);
  return { org, roles, staff: client, user, patient };
}

const account = (id: number | string) => t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: Number(id) });
const contactRow = (id: number | string) => t.dataSource.getRepository(Contact).findOneByOrFail({ id: Number(id) });
const emailsTo = (address: string) => t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: address });

/** A contact holding proxy access with an invite sent to `email`. */
async function proxy(staff: TestClient, patientId: number, familyRoleId: number, email = uniqueEmail("guardian")) {
  const created = await staff.gql(CREATE, { input: { patientId: String(patientId), firstName: "Gail", lastName: "Guardian", relationship: "GUARDIAN", email } });
  expect(created.data!.createContact.userErrors).toEqual([]);
  const contactId = created.data!.createContact.contact.id;
  const granted = await staff.gql(GRANT, { input: { contactId, portalRoleId: String(familyRoleId), sendInvite: true } });
  expect(granted.data!.grantContactPortalAccess.userErrors).toEqual([]);
  return { contactId, email, accountId: granted.data!.grantContactPortalAccess.grant.account.id as string };
}

describe("adding and editing contacts", () => {
  it("lets a clinician (Manage portal access, not Edit patients) add a guardian with a phone and grant proxy access", async () => {
    const { org, roles, staff, patient } = await setup();
    const email = uniqueEmail("Guardian");
    const res = await staff.gql(CREATE, {
      input: { patientId: String(patient.id), firstName: " Gail ", lastName: "Guardian", relationship: "GUARDIAN", email: ` ${email} `, phone: " +1 (514) 555-0199 ext. 12 ", language: "FR" },
    });
    expect(res.data!.createContact).toEqual({
      contact: { id: expect.any(String), firstName: "Gail", lastName: "Guardian", relationship: "GUARDIAN", email, phone: "+1 (514) 555-0199 ext. 12", language: "FR", active: true },
      userErrors: [],
    });
    const contactId = res.data!.createContact.contact.id;
    const granted = await staff.gql(GRANT, { input: { contactId, portalRoleId: String(roles.family.id), sendInvite: true } });
    expect(granted.data!.grantContactPortalAccess).toMatchObject({ grant: { account: { email } }, userErrors: [] });
    expect((await lastEmailTo(t, email, "INVITE_LINK")).row.language).toBe("fr");
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "contact.created" });
    expect(event).toMatchObject({ targetId: contactId, patientId: patient.id });
  });

  it("gives a contact without an email (Paul Physician) one, so that access can be granted", async () => {
    const { roles, staff, patient } = await setup();
    const paul = await buildContact(t.dataSource, patient, { firstName: "Paul", lastName: "Physician", relationship: ContactRelationship.PHYSICIAN, email: null });
    const refused = await staff.gql(GRANT, { input: { contactId: String(paul.id), portalRoleId: String(roles.physician.id) } });
    expect(refused.data!.grantContactPortalAccess.userErrors[0]).toMatchObject({ code: "MISSING_EMAIL", field: "email" });
    const email = uniqueEmail("paul");
    const res = await staff.gql(UPDATE, { input: { id: String(paul.id), email, phone: "514 555 0100" } });
    expect(res.data!.updateContact).toMatchObject({ contact: { email, phone: "514 555 0100" }, loginEmailChange: null, userErrors: [] });
    const granted = await staff.gql(GRANT, { input: { contactId: String(paul.id), portalRoleId: String(roles.physician.id) } });
    expect(granted.data!.grantContactPortalAccess).toMatchObject({ grant: { account: { email } }, userErrors: [] });
  });

  it("refuses bad emails (the shared rule), bad phones and blank names at their field, changing nothing", async () => {
    const { staff, patient } = await setup();
    const contact = await buildContact(t.dataSource, patient, { phone: "555 0100" });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: "x@dom.example." }, "INVALID_EMAIL", "email"],
      [{ email: '"x"@dom.example' }, "INVALID_EMAIL", "email"],
      [{ email: "no-at-sign" }, "INVALID_EMAIL", "email"],
      [{ phone: "call me maybe" }, "INVALID_INPUT", "phone"],
      [{ phone: "12" }, "INVALID_INPUT", "phone"],
      [{ phone: "=HYPERLINK(1)" }, "INVALID_INPUT", "phone"],
      [{ firstName: "   " }, "INVALID_INPUT", "firstName"],
    ];
    for (const [fields, code, field] of cases) {
      const updated = await staff.gql(UPDATE, { input: { id: String(contact.id), ...fields } });
      expect(updated.data!.updateContact.userErrors[0]).toMatchObject({ code, field });
      const created = await staff.gql(CREATE, { input: { patientId: String(patient.id), firstName: "A", lastName: "B", relationship: "OTHER", ...fields } });
      expect(created.data!.createContact.userErrors[0]).toMatchObject({ code, field });
    }
    expect(errorCode(await staff.gql(UPDATE, { input: { id: String(contact.id), phone: "1".repeat(33) } }))).toBe("BAD_USER_INPUT");
    expect(await contactRow(contact.id)).toMatchObject({ email: contact.email, phone: "555 0100", firstName: "Casey" });
    // An empty string clears the phone.
    expect((await staff.gql(UPDATE, { input: { id: String(contact.id), phone: "" } })).data!.updateContact.contact.phone).toBeNull();
  });

  it("refuses anonymous callers, staff who neither edit patients nor manage portal access, and other organizations", async () => {
    const { org, patient } = await setup();
    const contact = await buildContact(t.dataSource, patient);
    const input = { patientId: String(patient.id), firstName: "A", lastName: "B", relationship: "OTHER" };
    expect(errorCode(await new TestClient(t.app).gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
    const billing = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS])).client;
    expect(errorCode(await billing.gql(CREATE, { input }))).toBe("FORBIDDEN");
    expect(errorCode(await billing.gql(UPDATE, { input: { id: String(contact.id), email: uniqueEmail() } }))).toBe("FORBIDDEN");
    const other = await setup();
    expect((await other.staff.gql(UPDATE, { input: { id: String(contact.id), email: uniqueEmail() } })).data!.updateContact.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "id" });
    expect((await other.staff.gql(CREATE, { input })).data!.createContact.userErrors[0].code).toBe("NOT_FOUND");
    expect((await contactRow(contact.id)).email).toBe(contact.email);
    expect(await t.dataSource.getRepository(Contact).countBy({ patientId: patient.id })).toBe(1);
  });
});

describe("a new email for a contact holding portal access (rules 14, 18)", () => {
  it("changes the email on file at once but not the login: the new address confirms it, the old one is told, audited", async () => {
    const { org, roles, staff, user, patient } = await setup();
    const { contactId, email: old, accountId } = await proxy(staff, patient.id, roles.family.id);
    const invite = await lastEmailTo(t, old, "INVITE_LINK");
    const fresh = uniqueEmail("Moved");

    const res = await staff.gql(UPDATE, { input: { id: contactId, email: ` ${fresh} ` } });
    expect(res.data!.updateContact).toMatchObject({ contact: { email: fresh }, loginEmailChange: "REQUESTED", userErrors: [] });
    // The login did not move: whoever typed the address cannot take the account over with it.
    expect(await account(accountId)).toMatchObject({ email: old, pendingLoginEmail: fresh });
    expect((await staff.gql(CONTACTS_TAB, { id: String(patient.id) })).data!.patient.contacts[0]).toMatchObject({
      email: fresh,
      portalGrant: { account: { email: old, pendingLoginEmail: fresh } },
    });
    expect((await lastEmailTo(t, old, "LOGIN_EMAIL_CHANGED")).row.accountId).toBe(Number(accountId));
    const link = (await lastEmailTo(t, fresh, "LOGIN_EMAIL_CONFIRM")).secrets.link;
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id });
    expect(audits.find((e) => e.action === "portal_account.login_email_change_requested")).toMatchObject({
      actorId: String(user.id),
      targetId: accountId,
      before: expect.objectContaining({ loginEmail: old }),
      after: expect.objectContaining({ pendingLoginEmail: fresh }),
    });
    expect(audits.find((e) => e.action === "contact.updated")).toMatchObject({ targetId: contactId, after: { changed: ["email"], revokedGrantCount: 0, loginEmailChange: "REQUESTED" } });

    // Confirmed by the new address: the login moves and the invite sent to the old one dies.
    const confirmed = await portalClient(t.app).gql(CONFIRM, { input: { token: tokenOf(link) } });
    expect(confirmed.data!.confirmPortalLoginEmail).toEqual({ loginEmail: fresh, userErrors: [] });
    expect(await account(accountId)).toMatchObject({ email: fresh, pendingLoginEmail: null });
    const accept = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(invite.secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
    expect(accept.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
  });

  it("keeps the login of a signed-up contact until confirmation: the old address still signs in, the new one does not", async () => {
    const { roles, staff, patient } = await setup();
    const { contactId, email: old } = await proxy(staff, patient.id, roles.family.id);
    const invite = await lastEmailTo(t, old, "INVITE_LINK");
    const browser = portalClient(t.app);
    expect((await browser.gql(ACCEPT, { input: { token: tokenOf(invite.secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } })).data!.acceptPortalInvite.userErrors).toEqual([]);
    const attacker = uniqueEmail("attacker");
    expect((await staff.gql(UPDATE, { input: { id: contactId, email: attacker } })).data!.updateContact.loginEmailChange).toBe("REQUESTED");
    expect((await portalLogin(portalClient(t.app), { email: attacker, password: PASSWORD })).status).toBe(401);
    expect((await portalLogin(portalClient(t.app), { email: old, password: PASSWORD })).status).toBe(200);
  });

  it("without Manage portal access, changes the email on file only and says the login was kept; nothing is sent", async () => {
    const { org, roles, staff, patient } = await setup();
    const { contactId, email: old, accountId } = await proxy(staff, patient.id, roles.family.id);
    const editor = (await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, EDIT_PATIENTS])).client;
    const fresh = uniqueEmail("records");
    const res = await editor.gql(UPDATE, { input: { id: contactId, email: fresh } });
    // (The editor may not read portal fields; the payload's own field says what happened.)
    expect(res.data!.updateContact).toMatchObject({ contact: { email: fresh }, loginEmailChange: "KEPT", userErrors: [] });
    expect(await account(accountId)).toMatchObject({ email: old, pendingLoginEmail: null });
    expect(await emailsTo(fresh)).toBe(0);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: old, kind: "LOGIN_EMAIL_CHANGED" })).toBe(0);
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "contact.updated" });
    expect(event.after).toEqual({ changed: ["email"], revokedGrantCount: 0, loginEmailChange: "KEPT" });
  });

  it("refuses another account's login (rule 2) and clearing the email of a contact holding access; nothing changes", async () => {
    const { roles, staff, patient } = await setup();
    const { contactId, email: old, accountId } = await proxy(staff, patient.id, roles.family.id);
    const taken = await proxy(staff, patient.id, roles.family.id);
    let res = await staff.gql(UPDATE, { input: { id: contactId, email: taken.email.toUpperCase(), firstName: "Gabrielle" } });
    expect(res.data!.updateContact.userErrors[0]).toMatchObject({ code: "EMAIL_IN_USE", field: "email" });
    res = await staff.gql(UPDATE, { input: { id: contactId, email: "" } });
    expect(res.data!.updateContact.userErrors[0]).toMatchObject({ code: "MISSING_EMAIL", field: "email" });
    expect(res.data!.updateContact.userErrors[0].message).toContain(old);
    expect(await contactRow(contactId)).toMatchObject({ email: old, firstName: "Gail" });
    expect(await account(accountId)).toMatchObject({ email: old, pendingLoginEmail: null });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: taken.email.toUpperCase(), kind: "LOGIN_EMAIL_CONFIRM" })).toBe(0);
  });

  it("withdraws the pending change when the email is set back to the login; a case-only edit changes no login", async () => {
    const { roles, staff, patient } = await setup();
    const { contactId, email: old, accountId } = await proxy(staff, patient.id, roles.family.id);
    await staff.gql(UPDATE, { input: { id: contactId, email: uniqueEmail("typo") } });
    expect((await account(accountId)).pendingLoginEmail).not.toBeNull();
    const back = await staff.gql(UPDATE, { input: { id: contactId, email: old } });
    expect(back.data!.updateContact).toMatchObject({ contact: { email: old }, loginEmailChange: "CANCELLED", userErrors: [] });
    expect(await account(accountId)).toMatchObject({ email: old, pendingLoginEmail: null });
    const upper = await staff.gql(UPDATE, { input: { id: contactId, email: old.toUpperCase() } });
    expect(upper.data!.updateContact).toMatchObject({ contact: { email: old.toUpperCase() }, loginEmailChange: null, userErrors: [] });
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ toAddress: old, kind: "LOGIN_EMAIL_CHANGED" })).toBe(1);
  });

  it("disabling a contact while changing its email revokes access and starts no login change", async () => {
    const { roles, staff, patient } = await setup();
    const { contactId, accountId } = await proxy(staff, patient.id, roles.family.id);
    const fresh = uniqueEmail("gone");
    const res = await staff.gql(UPDATE, { input: { id: contactId, email: fresh, active: false } });
    expect(res.data!.updateContact).toMatchObject({ contact: { email: fresh, active: false }, revokedGrantCount: 1, loginEmailChange: null, userErrors: [] });
    expect((await account(accountId)).pendingLoginEmail).toBeNull();
    expect(await emailsTo(fresh)).toBe(0);
  });
});
