import { EMAIL_PROBLEM_MESSAGES, StaffPermission } from "@portal/schema";
import { OutboxMessage } from "../../src/email/outbox-message.entity";
import { PortalAccount } from "../../src/modules/portal-access/portal-account.entity";
import { StaffUser } from "../../src/modules/staff/staff-user.entity";
import { buildContact, buildOrg, buildPatient, buildStaff, unique } from "../factories";
import { ENABLE_AND_INVITE, portalClient, REQUEST_RESET } from "../portal";
import { startTestApp, type TestApp, type TestClient } from "../test-app";

/**
 * Issue 11 finding 7: `x@dom.` (trailing dot), `"x"@dom` (quoted local part) and an address with a
 * soft hyphen reach the same mailbox as x@dom but compared different, so each got a second account.
 * Every place that accepts an email refuses them with INVALID_EMAIL and the shared rule's message.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

const TRICKS = [
  { name: "trailing dot", spell: (local: string, domain: string) => `${local}@${domain}.`, message: EMAIL_PROBLEM_MESSAGES.en.DOMAIN_DOTS },
  { name: "quoted local part", spell: (local: string, domain: string) => `"${local}"@${domain}`, message: EMAIL_PROBLEM_MESSAGES.en.SPECIAL_CHARACTERS },
  { name: "soft hyphen", spell: (local: string, domain: string) => `${local.slice(0, 3)}\u00AD${local.slice(3)}@${domain}`, message: EMAIL_PROBLEM_MESSAGES.en.INVISIBLE_CHARACTER },
  { name: "zero-width space", spell: (local: string, domain: string) => `${local}\u200B@${domain}`, message: EMAIL_PROBLEM_MESSAGES.en.INVISIBLE_CHARACTER },
];
const DOMAIN = "example.test";

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id } userErrors { code field message } } }`;
const UPDATE_PATIENT = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patient { id } userErrors { code field message } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } userErrors { code field message } } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { contact { id } userErrors { code field message } } }`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { grant { id } userErrors { code field message } } }`;
const CHANGE_EMAIL = `mutation($input: ChangePortalLoginEmailInput!) { changePortalLoginEmail(input: $input) { account { id } userErrors { code field message } } }`;
const CREATE_STAFF = `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { staffUser { id } userErrors { code field message } } }`;
const ROLES = `{ portalRoles { id accessTypes } staffRoles { id } }`;

async function firstUserError(client: TestClient, query: string, input: Record<string, unknown>) {
  const res = await client.gql(query, { input });
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { userErrors: { code: string; field: string; message: string }[] };
  return payload.userErrors[0];
}

describe.each(TRICKS)("an email spelled with a $name", ({ spell, message }) => {
  it("is refused everywhere an email is accepted, and never makes a second account", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, Object.values(StaffPermission));
    const roles = (await staff.gql(ROLES)).data!;
    const proxyRoleId = roles.portalRoles.find((r: { accessTypes: string[] }) => r.accessTypes.includes("PROXY")).id;
    const local = unique("jane").replace(/[^a-z0-9]/gi, "");
    const plain = `${local}@${DOMAIN}`;
    const tricked = spell(local, DOMAIN);
    const refused = { code: "INVALID_EMAIL", field: "email", message };

    // The person already holds an account with the plain address.
    const owner = await buildPatient(t.dataSource, org.id, { email: plain });
    expect((await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(owner.id) } })).data!.enablePortalAccess.userErrors).toEqual([]);

    expect(await firstUserError(staff, CREATE_PATIENT, { mrn: unique("MRN"), firstName: "Jane", lastName: "Twin", email: tricked })).toEqual(refused);
    const sibling = await buildPatient(t.dataSource, org.id, { email: null });
    expect(await firstUserError(staff, UPDATE_PATIENT, { id: String(sibling.id), email: tricked })).toEqual(refused);
    expect(await firstUserError(staff, ENABLE_AND_INVITE, { patientId: String(sibling.id), email: tricked })).toEqual(refused);
    expect(await firstUserError(staff, CREATE_CONTACT, { patientId: String(sibling.id), firstName: "Jane", lastName: "Twin", relationship: "MOTHER", email: tricked })).toEqual(refused);
    const contact = await buildContact(t.dataSource, sibling, { email: null });
    expect(await firstUserError(staff, UPDATE_CONTACT, { id: String(contact.id), email: tricked })).toEqual(refused);
    expect(await firstUserError(staff, GRANT_CONTACT, { contactId: String(contact.id), portalRoleId: proxyRoleId, email: tricked })).toEqual(refused);
    // A contact whose record already carries the tricked spelling (written before this rule) cannot be granted with it either.
    const legacy = await buildContact(t.dataSource, sibling, { email: tricked });
    expect(await firstUserError(staff, GRANT_CONTACT, { contactId: String(legacy.id), portalRoleId: proxyRoleId })).toEqual(refused);

    const other = await buildPatient(t.dataSource, org.id);
    const otherAccount = (await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(other.id) } })).data!.enablePortalAccess.grant.account.id;
    expect(await firstUserError(staff, CHANGE_EMAIL, { accountId: otherAccount, email: tricked })).toEqual(refused);
    expect(await firstUserError(staff, CREATE_STAFF, { email: tricked, name: "Jane Twin", password: "a long enough passphrase", staffRoleId: roles.staffRoles[0].id })).toEqual(refused);

    // A reset asked for the tricked spelling finds nothing and sends nothing.
    const before = await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: org.id });
    const reset = await portalClient(t.app).gql(REQUEST_RESET, { input: { email: tricked } });
    expect(reset.errors).toBeUndefined();
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: org.id })).toBe(before);

    // One account for the person, and the login of the other patient unchanged.
    const accounts = await t.dataSource.getRepository(PortalAccount).findBy({ organizationId: org.id });
    expect(accounts.map((a) => a.email).sort()).toEqual([plain, other.email].sort());
    expect(await t.dataSource.getRepository(StaffUser).countBy({ organizationId: org.id })).toBe(1);
  });
});
