import { IsNull, Not } from "typeorm";
import { StaffPermission, WebhookEventType } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, portalLogin, tokenOf } from "../../../test/portal";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { WebhookSubscription } from "../webhooks/webhook-subscription.entity";

/**
 * Issue 11 finding 6 and SPEC rule 18: an inactive patient (discharged, deceased, merged) has no
 * portal access, at once; making the patient active again does not restore it by itself.
 */
const PASSWORD = "a long enough passphrase";
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS } = StaffPermission;
const UPDATE = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) {
  patient { id active portalStatus portalAccess { id active suspendedAt suspendedReason } portalGrants { id accessType active suspendedAt } } userErrors { code field message } } }`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) {
  grant { id active account { id } } userErrors { code field message } } }`;
const SEND_INVITE = `mutation($input: SendPortalInviteInput!) { sendPortalInvite(input: $input) { userErrors { code field message } } }`;
const GRID = `query($search: String) { patients(first: 5, filter: { search: $search }) { edges { node { id active portalStatus } } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

async function accept(link: string, dateOfBirth: string | null) {
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth, password: PASSWORD } });
  return { browser, res };
}

const profilesOf = async (browser: TestClient) => {
  const res = await browser.gql(PORTAL_VIEWER);
  return res.data?.portalViewer ? (res.data.portalViewer.profiles as { patient: { id: string } }[]).map((p) => p.patient.id).sort() : null;
};

/**
 * A child with her own account (signed in), her mother holding proxy access to her and to her
 * brother (one account, signed in), and her father invited as a proxy but not signed up yet.
 */
async function family() {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS]);
  await t.dataSource.getRepository(WebhookSubscription).save({
    organizationId: org.id,
    url: "https://partner.example.test/hooks",
    events: [WebhookEventType.PATIENT_DEACTIVATED, WebhookEventType.PATIENT_REACTIVATED],
    secretSealed: t.services.secretBox.seal({ secret: "whsec_test" }),
  });
  const proxyRoleId = String(roles.family.id);
  const child = await buildPatient(t.dataSource, org.id, { firstName: "Chloe" });
  const brother = await buildPatient(t.dataSource, org.id, { firstName: "Brice" });
  const enabled = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(child.id), sendInvite: true } });
  expect(enabled.data!.enablePortalAccess.userErrors).toEqual([]);
  const childAccountId = enabled.data!.enablePortalAccess.grant.account.id as string;
  const childSession = await accept((await lastEmailTo(t, child.email!)).secrets.link, child.dateOfBirth);
  expect(childSession.res.data!.acceptPortalInvite.userErrors).toEqual([]);

  const motherEmail = uniqueEmail("mother");
  const mother = await buildContact(t.dataSource, child, { firstName: "Maude", email: motherEmail });
  const motherOfBrother = await buildContact(t.dataSource, brother, { firstName: "Maude", email: motherEmail });
  const granted = await staff.gql(GRANT_CONTACT, { input: { contactId: String(mother.id), portalRoleId: proxyRoleId, sendInvite: true } });
  expect(granted.data!.grantContactPortalAccess.userErrors).toEqual([]);
  const motherSession = await accept((await lastEmailTo(t, motherEmail)).secrets.link, child.dateOfBirth);
  expect(motherSession.res.data!.acceptPortalInvite.userErrors).toEqual([]);
  const linked = await staff.gql(GRANT_CONTACT, { input: { contactId: String(motherOfBrother.id), portalRoleId: proxyRoleId, linkExistingAccount: true } });
  expect(linked.data!.grantContactPortalAccess.userErrors).toEqual([]);

  const father = await buildContact(t.dataSource, child, { firstName: "Fabien", email: uniqueEmail("father") });
  const fatherGrant = await staff.gql(GRANT_CONTACT, { input: { contactId: String(father.id), portalRoleId: proxyRoleId, sendInvite: true } });
  expect(fatherGrant.data!.grantContactPortalAccess.userErrors).toEqual([]);
  const fatherLink = (await lastEmailTo(t, father.email!)).secrets.link;
  const fatherGrantId = fatherGrant.data!.grantContactPortalAccess.grant.id as string;

  expect(await profilesOf(motherSession.browser)).toEqual([String(brother.id), String(child.id)].sort());
  return { org, staff, proxyRoleId, child, brother, childAccountId, childSession, mother, motherEmail, motherSession, father, fatherLink, fatherGrantId };
}

describe("updatePatient(active: false)", () => {
  it("suspends every grant to the patient, cuts sessions left with nothing, refuses sign-ins and invites, audits and emits a webhook event", async () => {
    const f = await family();
    const res = await f.staff.gql(UPDATE, { input: { id: String(f.child.id), active: false } });
    const payload = res.data!.updatePatient;
    expect(payload.userErrors).toEqual([]);
    expect(payload.patient).toMatchObject({ active: false, portalStatus: "NO_ACCESS", portalAccess: { active: false, suspendedReason: "PATIENT_INACTIVE" } });
    // Suspended, not revoked: the Portal tab still lists all three grants.
    expect(payload.patient.portalGrants).toHaveLength(3);
    expect(payload.patient.portalGrants.every((g: { active: boolean; suspendedAt: string | null }) => !g.active && g.suspendedAt)).toBe(true);
    expect(await t.dataSource.getRepository(PortalGrant).countBy({ patientId: f.child.id, revokedAt: Not(IsNull()) })).toBe(0);

    // The child's session is cut and she cannot sign in again; the mother keeps her son only.
    expect((await f.childSession.browser.gql(PORTAL_VIEWER)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const refused = await portalLogin(portalClient(t.app), { email: f.child.email!, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("NO_ACCESS");
    expect(await profilesOf(f.motherSession.browser)).toEqual([String(f.brother.id)]);
    const motherAgain = portalClient(t.app);
    expect((await portalLogin(motherAgain, { email: f.motherEmail, password: PASSWORD })).status).toBe(200);
    expect(await profilesOf(motherAgain)).toEqual([String(f.brother.id)]);
    // The father's pending invite opens nothing now.
    expect((await accept(f.fatherLink, f.child.dateOfBirth)).res.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");

    // Nothing can be granted or sent while inactive.
    expect((await f.staff.gql(SEND_INVITE, { input: { grantId: f.fatherGrantId } })).data!.sendPortalInvite.userErrors[0].code).toBe("PATIENT_INACTIVE");
    expect((await f.staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(f.child.id) } })).data!.enablePortalAccess.userErrors[0].code).toBe("PATIENT_INACTIVE");
    expect((await f.staff.gql(GRANT_CONTACT, { input: { contactId: String(f.mother.id), portalRoleId: f.proxyRoleId } })).data!.grantContactPortalAccess.userErrors[0].code).toBe(
      "PATIENT_INACTIVE",
    );

    // The grid shows the patient inactive, with no access.
    const grid = await f.staff.gql(GRID, { search: f.child.lastName });
    expect(grid.data!.patients.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id: String(f.child.id), active: false, portalStatus: "NO_ACCESS" });

    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: f.org.id, patientId: f.child.id });
    expect(audits.filter((a) => a.action === "patient.deactivated")).toHaveLength(1);
    expect(audits.filter((a) => a.action === "portal_access.suspended")).toHaveLength(3);
    const hooks = await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: f.org.id, channel: "WEBHOOK", kind: WebhookEventType.PATIENT_DEACTIVATED });
    expect(hooks).toHaveLength(1);
    expect(JSON.parse(hooks[0].variables.body).data).toEqual({ patientId: String(f.child.id), suspendedGrantCount: 3 });
  });
});

describe("updatePatient(active: true)", () => {
  it("restores nothing by itself; enabling or granting access again lifts each suspension, keeping the account", async () => {
    const f = await family();
    await f.staff.gql(UPDATE, { input: { id: String(f.child.id), active: false } });
    const back = (await f.staff.gql(UPDATE, { input: { id: String(f.child.id), active: true } })).data!.updatePatient;
    expect(back.userErrors).toEqual([]);
    expect(back.patient).toMatchObject({ active: true, portalStatus: "NO_ACCESS", portalAccess: { active: false } });
    expect((await portalLogin(portalClient(t.app), { email: f.child.email!, password: PASSWORD })).status).toBe(403);
    expect(await profilesOf(f.motherSession.browser)).toEqual([String(f.brother.id)]);
    expect((await f.staff.gql(SEND_INVITE, { input: { grantId: f.fatherGrantId } })).data!.sendPortalInvite.userErrors[0].code).toBe("NO_ACCESS");
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: f.org.id, patientId: f.child.id, action: "patient.reactivated" })).toBe(1);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: f.org.id, channel: "WEBHOOK", kind: WebhookEventType.PATIENT_REACTIVATED })).toBe(1);

    // Staff enable the child again: the same grant and account resume, green again (she had signed in).
    const enabled = (await f.staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(f.child.id) } })).data!.enablePortalAccess;
    expect(enabled.userErrors).toEqual([]);
    expect(enabled.grant.account.id).toBe(f.childAccountId);
    expect(enabled.grant.id).toBe(back.patient.portalAccess.id);
    expect(enabled.patient.portalStatus).toBe("ACTIVE");
    const child = portalClient(t.app);
    expect((await portalLogin(child, { email: f.child.email!, password: PASSWORD })).status).toBe(200);
    expect(await profilesOf(child)).toEqual([String(f.child.id)]);
    // The mother's proxy stays suspended until it is granted again.
    expect(await profilesOf(f.motherSession.browser)).toEqual([String(f.brother.id)]);
    const regranted = (await f.staff.gql(GRANT_CONTACT, { input: { contactId: String(f.mother.id), portalRoleId: f.proxyRoleId } })).data!.grantContactPortalAccess;
    expect(regranted.userErrors).toEqual([]);
    expect(regranted.grant.active).toBe(true);
    expect(await profilesOf(f.motherSession.browser)).toEqual([String(f.brother.id), String(f.child.id)].sort());
    // The father, resumed, can use the invite he was sent (still within its validity) again.
    expect((await f.staff.gql(GRANT_CONTACT, { input: { contactId: String(f.father.id), portalRoleId: f.proxyRoleId } })).data!.grantContactPortalAccess.userErrors).toEqual([]);
    expect((await accept(f.fatherLink, f.child.dateOfBirth)).res.data!.acceptPortalInvite.userErrors).toEqual([]);

    const resumed = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: f.org.id, patientId: f.child.id, action: "portal_access.enabled" });
    expect(resumed.filter((a) => (a.after as Record<string, unknown> | null)?.resumedFromSuspension)).toHaveLength(3);
    expect(await t.dataSource.getRepository(PortalGrant).countBy({ patientId: f.child.id, suspendedAt: Not(IsNull()) })).toBe(0);
  });
});
