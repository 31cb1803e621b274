import { verify } from "@node-rs/argon2";
import { IsNull } from "typeorm";
import { InviteMethod, Language, StaffPermission } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { sha256 } from "../../auth/tokens";
import { systemScope } from "../../db/org-scope";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { Organization } from "../organizations/organization.entity";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalToken } from "./portal-token.entity";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const PUBLIC_URL = "https://portal.example.test";
const INVITE_LINK = new RegExp(`^${PUBLIC_URL.replace(/\./g, "\\.")}/portal/invite/[A-Za-z0-9_-]{43}$`);

const ENABLE = `mutation($input: EnablePortalAccessInput!) {
  enablePortalAccess(input: $input) { grant { id account { id lastInviteSentAt } } patient { id portalStatus lastInviteSentAt } userErrors { code field message } }
}`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) {
  grantContactPortalAccess(input: $input) { grant { id accessType account { id lastInviteSentAt } } userErrors { code field message } }
}`;
const SEND = `mutation($input: SendPortalInviteInput!) {
  sendPortalInvite(input: $input) { grant { id } account { id lastInviteSentAt } patient { id portalStatus } method inviteExpiresAt resent userErrors { code field message } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL });
});
afterAll(async () => {
  await t.close();
});

async function setup(orgValues: Partial<Organization> = {}) {
  const { org, roles } = await buildOrg(t.dataSource);
  if (Object.keys(orgValues).length) await t.dataSource.getRepository(Organization).update({ id: org.id }, orgValues);
  const { client: staff, user } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, roles, staff, user };
}

async function enabled(staff: TestClient, patient: Patient) {
  const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id) } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  return { grantId: res.data!.enablePortalAccess.grant.id as string, accountId: Number(res.data!.enablePortalAccess.grant.account.id) };
}

const outboxOf = (accountId: number) => t.dataSource.getRepository(OutboxMessage).find({ where: { accountId }, order: { id: "ASC" } });
const tokensOf = (accountId: number) => t.dataSource.getRepository(PortalToken).find({ where: { accountId }, order: { id: "ASC" } });
const accountById = (id: number) => t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id });

describe("sendPortalInvite", () => {
  it("queues an invite link for the patient, stores only the token's hash, turns the patient orange and audits it", async () => {
    const { org, staff, user } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const { grantId, accountId } = await enabled(staff, patient);
    const res = await staff.gql(SEND, { input: { grantId } });
    const payload = res.data!.sendPortalInvite;
    expect(payload.userErrors).toEqual([]);
    expect(payload).toMatchObject({ method: "LINK", resent: false, patient: { portalStatus: "INVITED" } });
    expect(new Date(payload.inviteExpiresAt).getTime() - Date.now()).toBeGreaterThan(167 * 3600_000);

    const [email] = await outboxOf(accountId);
    expect(email).toMatchObject({ kind: "INVITE_LINK", toAddress: patient.email, language: "en", patientId: patient.id, status: "PENDING" });
    const secrets = t.services.emailQueue.secretsOf(email);
    expect(secrets.link).toMatch(INVITE_LINK);
    expect(JSON.stringify(email.variables)).not.toContain("/portal/invite/");
    expect(email.variables).toMatchObject({ organizationName: org.name, patientName: `${patient.firstName} ${patient.lastName}` });

    const raw = secrets.link.split("/").pop()!;
    const [token] = await tokensOf(accountId);
    expect(token).toMatchObject({ kind: "INVITE", method: "LINK", patientId: patient.id, tokenHash: sha256(raw), usedAt: null, voidedAt: null, createdByStaffId: user.id });
    expect(JSON.stringify(await t.dataSource.query("SELECT * FROM portal_tokens"))).not.toContain(raw);

    expect((await accountById(accountId)).lastInviteSentAt).not.toBeNull();
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "portal_invite.sent" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: String(user.id), patientId: patient.id, targetId: String(accountId) });
    expect(JSON.stringify(events[0])).not.toContain(raw);
  });

  it("refuses anonymous callers and staff without Manage portal access", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const { grantId, accountId } = await enabled(staff, patient);
    expect(errorCode(await new TestClient(t.app).gql(SEND, { input: { grantId } }))).toBe("UNAUTHENTICATED");
    const { client: billing } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await billing.gql(SEND, { input: { grantId } }))).toBe("FORBIDDEN");
    expect(await outboxOf(accountId)).toHaveLength(0);
  });

  it("cannot reach another organization's grant", async () => {
    const a = await setup();
    const b = await setup();
    const patient = await buildPatient(t.dataSource, b.org.id);
    const { grantId, accountId } = await enabled(b.staff, patient);
    const res = await a.staff.gql(SEND, { input: { grantId } });
    expect(res.data!.sendPortalInvite.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "grantId" });
    expect(await outboxOf(accountId)).toHaveLength(0);
    expect(await tokensOf(accountId)).toHaveLength(0);
  });

  it("refuses bad input with a typed error and changes nothing", async () => {
    const { org, staff } = await setup();
    let res = await staff.gql(SEND, { input: { grantId: "abc" } });
    expect(res.data!.sendPortalInvite.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "grantId" });
    res = await staff.gql(SEND, { input: {} });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");

    const noDob = await buildPatient(t.dataSource, org.id, { dateOfBirth: null });
    const { grantId, accountId } = await enabled(staff, noDob);
    res = await staff.gql(SEND, { input: { grantId } });
    expect(res.data!.sendPortalInvite.userErrors[0]).toMatchObject({ code: "MISSING_DATE_OF_BIRTH", field: "grantId" });
    expect(await outboxOf(accountId)).toHaveLength(0);
    expect(await tokensOf(accountId)).toHaveLength(0);
    expect((await accountById(accountId)).lastInviteSentAt).toBeNull();
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: noDob.id })).portalStatus).toBe("ENABLED");
  });

  it("refuses once the account has signed in (ALREADY_ACTIVE), a disabled account, and a revoked grant", async () => {
    const { org, staff } = await setup();
    const active = await buildPatient(t.dataSource, org.id);
    const a = await enabled(staff, active);
    await t.dataSource.getRepository(PortalAccount).update({ id: a.accountId }, { signedUpAt: new Date(), lastSignInAt: new Date() });
    let res = await staff.gql(SEND, { input: { grantId: a.grantId } });
    expect(res.data!.sendPortalInvite.userErrors[0].code).toBe("ALREADY_ACTIVE");

    const disabled = await buildPatient(t.dataSource, org.id);
    const d = await enabled(staff, disabled);
    await t.dataSource.getRepository(PortalAccount).update({ id: d.accountId }, { disabled: true });
    res = await staff.gql(SEND, { input: { grantId: d.grantId } });
    expect(res.data!.sendPortalInvite.userErrors[0].code).toBe("ACCOUNT_DISABLED");

    const revoked = await buildPatient(t.dataSource, org.id);
    const r = await enabled(staff, revoked);
    await staff.gql(`mutation($id: ID!) { revokePortalAccess(input: {grantId: $id}) { userErrors { code } } }`, { id: r.grantId });
    res = await staff.gql(SEND, { input: { grantId: r.grantId } });
    expect(res.data!.sendPortalInvite.userErrors[0].code).toBe("NOT_FOUND");
    // No invite went out (the revoked grant's holder was told its access was removed, nothing else).
    for (const id of [a.accountId, d.accountId, r.accountId]) expect((await outboxOf(id)).filter((m) => m.kind !== "ACCESS_REVOKED")).toHaveLength(0);
  });

  it("holds resends for the organization's cooldown, then voids the earlier invite", async () => {
    const { org, staff } = await setup({ resendCooldownMinutes: 5 });
    const patient = await buildPatient(t.dataSource, org.id);
    const { grantId, accountId } = await enabled(staff, patient);
    expect((await staff.gql(SEND, { input: { grantId } })).data!.sendPortalInvite.userErrors).toEqual([]);
    const refused = await staff.gql(SEND, { input: { grantId } });
    expect(refused.data!.sendPortalInvite.userErrors[0]).toMatchObject({ code: "COOLDOWN", field: "grantId" });
    expect(refused.data!.sendPortalInvite.userErrors[0].message).toMatch(/another can be sent from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(in 5 minutes\)/);
    expect(await outboxOf(accountId)).toHaveLength(1);

    await t.dataSource.getRepository(PortalAccount).update({ id: accountId }, { lastInviteSentAt: new Date(Date.now() - 5 * 60_000 - 1000) });
    const again = await staff.gql(SEND, { input: { grantId } });
    expect(again.data!.sendPortalInvite).toMatchObject({ userErrors: [], resent: true });
    const [first, second] = await tokensOf(accountId);
    expect(first.voidedAt).not.toBeNull();
    expect(second.voidedAt).toBeNull();
    expect(await outboxOf(accountId)).toHaveLength(2);
  });

  it("invites a proxy in the contact's language, checking the date of birth of the patient they will see", async () => {
    const { org, roles, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: "2015-06-01" });
    const contact = await buildContact(t.dataSource, patient, { language: Language.FR, dateOfBirth: null });
    const res = await staff.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id), sendInvite: true } });
    expect(res.data!.grantContactPortalAccess.userErrors).toEqual([]);
    const accountId = Number(res.data!.grantContactPortalAccess.grant.account.id);
    expect(res.data!.grantContactPortalAccess.grant.account.lastInviteSentAt).not.toBeNull();
    const [email] = await outboxOf(accountId);
    expect(email).toMatchObject({ kind: "INVITE_LINK", toAddress: contact.email, language: "fr", patientId: patient.id });
    expect(email.variables.recipientName).toBe(contact.firstName);
    expect((await tokensOf(accountId))[0].patientId).toBe(patient.id);
    // A proxy invite leaves the patient's own colour alone.
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id })).portalStatus).toBe("NO_ACCESS");
  });

  it("sends a temporary password (argon2id at rest) that must be changed, when the organization says so", async () => {
    const { org, staff } = await setup({ inviteMethod: InviteMethod.TEMPORARY_PASSWORD });
    const patient = await buildPatient(t.dataSource, org.id);
    const { grantId, accountId } = await enabled(staff, patient);
    const res = await staff.gql(SEND, { input: { grantId } });
    expect(res.data!.sendPortalInvite).toMatchObject({ userErrors: [], method: "TEMPORARY_PASSWORD" });
    const [email] = await outboxOf(accountId);
    expect(email.kind).toBe("INVITE_TEMPORARY_PASSWORD");
    const secrets = t.services.emailQueue.secretsOf(email);
    expect(Object.keys(secrets)).toEqual(["temporaryPassword"]);
    expect(secrets.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const account = await accountById(accountId);
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(account.passwordHash!, secrets.temporaryPassword)).toBe(true);
    expect(account.mustChangePassword).toBe(true);
    expect(JSON.stringify(email)).not.toContain(secrets.temporaryPassword);
  });
});

describe("PortalAccount.latestInvite", () => {
  it("shows staff where the latest invite stands: pending, expired, locked, accepted", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const { grantId, accountId } = await enabled(staff, patient);
    const LATEST = `query($search: String) { portalAccounts(filter: {search: $search}) { edges { node { id latestInvite { state method sentAt expiresAt failedDateOfBirthAttempts } } } } }`;
    const latest = async () => (await staff.gql(LATEST, { search: patient.email })).data!.portalAccounts.edges[0].node.latestInvite;
    expect(await latest()).toBeNull();
    await staff.gql(SEND, { input: { grantId } });
    expect(await latest()).toMatchObject({ state: "PENDING", method: "LINK", failedDateOfBirthAttempts: 0 });
    const tokens = t.dataSource.getRepository(PortalToken);
    await tokens.update({ accountId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await latest()).state).toBe("EXPIRED");
    await tokens.update({ accountId }, { failedDobAttempts: 5, lockedAt: new Date() });
    expect(await latest()).toMatchObject({ state: "LOCKED", failedDateOfBirthAttempts: 5 });
    await tokens.update({ accountId }, { usedAt: new Date() });
    expect((await latest()).state).toBe("ACCEPTED");
    const { client: billing } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await billing.gql(LATEST, { search: patient.email }))).toBe("FORBIDDEN");
  });
});

describe("enablePortalAccess with sendInvite", () => {
  it("enables and invites in one action: the patient turns orange", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { language: Language.FR });
    const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id), sendInvite: true } });
    expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
    expect(res.data!.enablePortalAccess.patient.portalStatus).toBe("INVITED");
    expect(res.data!.enablePortalAccess.patient.lastInviteSentAt).not.toBeNull();
    const [email] = await outboxOf(Number(res.data!.enablePortalAccess.grant.account.id));
    expect(email).toMatchObject({ kind: "INVITE_LINK", language: "fr" });
  });

  it("enables nothing when the invite cannot be sent (no date of birth)", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: null });
    const res = await staff.gql(ENABLE, { input: { patientId: String(patient.id), sendInvite: true } });
    expect(res.data!.enablePortalAccess.userErrors[0].code).toBe("MISSING_DATE_OF_BIRTH");
    expect(await t.dataSource.getRepository(PortalAccount).countBy({ organizationId: org.id })).toBe(0);
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id })).portalStatus).toBe("NO_ACCESS");
  });
});

describe("InviteService.sendInvite (the entry point bulk onboarding uses)", () => {
  it("takes a patient, and never queues a second email for the same dedupe key", async () => {
    const { org, staff } = await setup({ resendCooldownMinutes: 0 });
    const patient = await buildPatient(t.dataSource, org.id);
    const { accountId } = await enabled(staff, patient);
    const scope = systemScope(t.dataSource, org.id);
    const first = await t.services.invites.sendInvite(scope, { patientId: patient.id }, { dedupeKey: `bulk-1:${patient.id}` });
    expect(first).toMatchObject({ queued: true, resent: false });
    const second = await t.services.invites.sendInvite(scope, { patientId: patient.id }, { dedupeKey: `bulk-1:${patient.id}` });
    expect(second.queued).toBe(false);
    expect(await outboxOf(accountId)).toHaveLength(1);
    expect(await t.dataSource.getRepository(PortalToken).countBy({ accountId, voidedAt: IsNull() })).toBe(1);

    const other = await buildPatient(t.dataSource, org.id);
    await expect(t.services.invites.sendInvite(scope, { patientId: other.id })).rejects.toMatchObject({ code: "NO_ACCESS" });
  });
});


