import { In } from "typeorm";
import { addDays, addYears, dayOf, StaffPermission, WebhookEventType } from "@portal/schema";
import { buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ACCEPT, lastEmailTo, PORTAL_VIEWER, portalClient, tokenOf } from "../../../test/portal";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { openDataSource } from "../../db/data-source";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { createLogger } from "../../logger";
import { AuditEvent } from "../audit/audit-event.entity";
import { BulkJobRunner } from "../bulk/bulk-job.runner";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";
import { WebhookSubscription } from "../webhooks/webhook-subscription.entity";
import { AccessScheduleRun } from "./access-schedule.entity";
import { AccessScheduleJob } from "./access-schedule.job";

/**
 * Access over time (SPEC rules 20 and 21) through the real GraphQL layer and the daily job, with the
 * clock moved instead of waited for: the job takes the day it runs for, and the mutations' own clock
 * (Date) is moved with jest's fake timers where a check happens "later".
 */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, MANAGE_SETTINGS } = StaffPermission;
const PASSWORD = "a long enough passphrase";
const logger = createLogger("silent");

const SETTINGS = `query { accessScheduleSettings { ageRulePreset matchesPreset selfAccessMinAge proxyLimitedAtAge proxyLimitedRoleId proxyEndsAtAge ageNoticeDays proxyEndReminderDays proxyEndReminderEmail } }`;
const UPDATE_SETTINGS = `mutation($input: UpdateAccessScheduleSettingsInput!) { updateAccessScheduleSettings(input: $input) {
  settings { ageRulePreset matchesPreset selfAccessMinAge proxyLimitedAtAge proxyLimitedRoleId proxyEndsAtAge ageNoticeDays } userErrors { code field message } } }`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) {
  grant { id proxyBasis basisDocumentRef basisVerifiedAt basisVerifiedByName endsOn scheduledChange { grantId kind on reason portalRoleId } } userErrors { code field message } } }`;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { id } userErrors { code field message } } }`;
const LINK = `mutation($input: LinkPatientToPortalAccountInput!) { linkPatientToPortalAccount(input: $input) { grant { id } userErrors { code field message } } }`;
const PATIENT = `query($id: ID!) { patient(id: $id) { id selfAccessAllowedFrom upcomingAccessChange { grantId kind on reason }
  portalGrants { id accessType endsOn proxyBasis scheduledChange { kind on reason } } } }`;
const RENEW = `mutation($input: RenewProxyAccessInput!) { renewProxyAccess(input: $input) { grant { id endsOn basisVerifiedByName scheduledChange { kind on reason } } userErrors { code field message } } }`;
const UPDATE_AUTH = `mutation($input: UpdateProxyAuthorizationInput!) { updateProxyAuthorization(input: $input) { grant { id proxyBasis endsOn basisDocumentRef } userErrors { code field message } } }`;
const BULK_ENABLE = `mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } userErrors { code field message } } }`;
const JOB = `query($id: ID!) { bulkJob(id: $id) { state items(first: 50) { edges { node { patientId outcome reason message } } } } }`;

const QUEBEC = { ageRulePreset: "QUEBEC", selfAccessMinAge: 14, proxyLimitedAtAge: null, proxyLimitedRoleId: null, proxyEndsAtAge: 14, ageNoticeDays: 30, proxyEndReminderDays: 14, proxyEndReminderEmail: null };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
});

const today = () => dayOf(new Date());
/** Noon UTC of a day: the instant the job is told it runs at. */
const at = (day: string) => new Date(`${day}T12:00:00.000Z`);
const job = () => t.services.accessScheduleJob;

async function clinic(settings: Record<string, unknown> | null = QUEBEC) {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: admin } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_SETTINGS, MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const { client: staff, user: frontDesk } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  if (settings) {
    const res = await admin.gql(UPDATE_SETTINGS, { input: settings });
    expect(res.data!.updateAccessScheduleSettings.userErrors).toEqual([]);
  }
  await t.dataSource.getRepository(WebhookSubscription).save({
    organizationId: org.id,
    url: "https://partner.example.test/hooks",
    events: [WebhookEventType.PORTAL_ACCESS_REVOKED, WebhookEventType.PORTAL_ACCESS_LIMITED],
    secretSealed: t.services.secretBox.seal({ secret: "whsec_test" }),
  });
  return { org, roles, admin, staff, frontDesk };
}

/** A signed-in portal browser of the proxy, through the invite link and the patient's date of birth. */
async function proxySession(email: string, dateOfBirth: string) {
  const browser = portalClient(t.app);
  const res = await browser.gql(ACCEPT, { input: { token: tokenOf((await lastEmailTo(t, email)).secrets.link), dateOfBirth, password: PASSWORD } });
  expect(res.data!.acceptPortalInvite.userErrors).toEqual([]);
  expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);
  return browser;
}

const auditOf = (grantId: string | number, action: string) => t.dataSource.getRepository(AuditEvent).findBy({ targetType: "PortalGrant", targetId: String(grantId), action });
const webhooksOf = (organizationId: number, kind: string) => t.dataSource.getRepository(OutboxMessage).findBy({ organizationId, channel: "WEBHOOK", kind });
const emailsTo = (address: string, kind: string) => t.dataSource.getRepository(OutboxMessage).findBy({ toAddress: address, kind });

describe("age rules for minors (rule 20), Quebec preset", () => {
  it("a child turning 14: SELF refused before (single and bulk), the parent's proxy noticed 30 days before and ended on the birthday, SELF allowed after", async () => {
    const c = await clinic();
    const birthday = addDays(today(), 10);
    const child = await buildPatient(t.dataSource, c.org.id, { firstName: "Léo", dateOfBirth: addYears(birthday, -14) });
    const mother = await buildContact(t.dataSource, child, { firstName: "Maude", email: uniqueEmail("mother") });

    // The parent's proxy, with its basis recorded; the server says when it ends.
    const granted = await c.staff.gql(GRANT_CONTACT, {
      input: { contactId: String(mother.id), portalRoleId: String(c.roles.family.id), sendInvite: true, authorization: { basis: "PARENT", basisDocumentRef: "Birth certificate seen" } },
    });
    const grant = granted.data!.grantContactPortalAccess.grant;
    expect(granted.data!.grantContactPortalAccess.userErrors).toEqual([]);
    expect(grant).toMatchObject({ proxyBasis: "PARENT", basisDocumentRef: "Birth certificate seen", basisVerifiedByName: "Test Staff", endsOn: null });
    expect(grant.scheduledChange).toEqual({ grantId: grant.id, kind: "ENDS", on: birthday, reason: "AGE_RULE", portalRoleId: null });
    const [enabledAudit] = await auditOf(grant.id, "portal_access.enabled");
    expect(enabledAudit.after).toMatchObject({ proxyBasis: "PARENT", basisDocumentRef: "Birth certificate seen" });
    const view = (await c.staff.gql(PATIENT, { id: String(child.id) })).data!.patient;
    expect(view.selfAccessAllowedFrom).toBe(birthday);
    expect(view.upcomingAccessChange).toEqual({ grantId: grant.id, kind: "ENDS", on: birthday, reason: "AGE_RULE" });
    const browser = await proxySession(mother.email!, child.dateOfBirth!);

    // Under 14: no own account, neither alone nor in bulk (the report says why, per row).
    const refused = await c.staff.gql(ENABLE, { input: { patientId: String(child.id), sendInvite: true } });
    expect(refused.data!.enablePortalAccess.userErrors).toEqual([expect.objectContaining({ code: "BELOW_SELF_ACCESS_AGE", field: "patientId" })]);
    expect(refused.data!.enablePortalAccess.userErrors[0].message).toContain(birthday);
    const adult = await buildPatient(t.dataSource, c.org.id);
    const bulk = await c.staff.gql(BULK_ENABLE, { input: { patientIds: [String(child.id), String(adult.id)], sendInvite: true } });
    expect(bulk.data!.bulkEnablePortalAccess.userErrors).toEqual([]);
    const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, logger);
    while (await runner.runOne());
    const report = (await c.staff.gql(JOB, { id: bulk.data!.bulkEnablePortalAccess.job.id })).data!.bulkJob;
    const rows = Object.fromEntries(report.items.edges.map((e: { node: { patientId: string; outcome: string; reason: string } }) => [e.node.patientId, e.node]));
    expect(rows[child.id]).toMatchObject({ outcome: "SKIPPED", reason: "BELOW_SELF_ACCESS_AGE" });
    expect(rows[adult.id]).toMatchObject({ outcome: "SUCCEEDED" });

    // 31 days before: nothing yet. 30 days before: the notice, to the proxy and to the patient, once.
    expect((await job().runOrganization(c.org.id, at(addDays(birthday, -31)))).summary).toMatchObject({ notices: 0, ended: 0 });
    expect((await job().runOrganization(c.org.id, at(addDays(birthday, -30)))).summary).toMatchObject({ notices: 1, ended: 0 });
    expect((await job().runOrganization(c.org.id, at(addDays(birthday, -29)))).summary).toMatchObject({ notices: 0, ended: 0 });
    const [notice] = await emailsTo(mother.email!, "ACCESS_CHANGE_NOTICE");
    expect(notice.variables).toMatchObject({ changeDate: birthday, changeDescription: "will end", proxyName: `Maude ${child.lastName}`, recipientName: "Maude" });
    expect(await emailsTo(child.email!, "ACCESS_CHANGE_NOTICE")).toHaveLength(1);
    expect(await auditOf(grant.id, "portal_access.change_notice_sent")).toHaveLength(1);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.profiles).toHaveLength(1);

    // The birthday: the proxy ends — audited, a webhook event, the email, and the session cut.
    const run = await job().runOrganization(c.org.id, at(birthday));
    expect(run).toMatchObject({ ran: true, summary: { ended: 1 } });
    const ended = await t.dataSource.getRepository(PortalGrant).findOneByOrFail({ id: Number(grant.id) });
    expect(ended.revokedAt).not.toBeNull();
    const [audited] = await auditOf(grant.id, "portal_access.ended_by_age");
    expect(audited).toMatchObject({ actorType: "SYSTEM", after: { revoked: true, reason: "age_rule", on: birthday } });
    const hooks = (await webhooksOf(c.org.id, "portal_access.revoked")).map((m) => JSON.parse(String(m.variables.body)).data);
    expect(hooks).toEqual([expect.objectContaining({ grantId: String(grant.id), reason: "age_rule" })]);
    expect(await emailsTo(mother.email!, "ACCESS_REVOKED")).toHaveLength(1);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    expect((await c.staff.gql(PATIENT, { id: String(child.id) })).data!.patient.upcomingAccessChange).toBeNull();

    // From the birthday on, the teenager may hold an own account (the mutations' clock moves).
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
    jest.setSystemTime(at(birthday));
    try {
      const { client: later } = await buildStaff(t.dataSource, t.app, c.org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
      expect((await later.gql(PATIENT, { id: String(child.id) })).data!.patient.selfAccessAllowedFrom).toBeNull();
      const allowed = await later.gql(ENABLE, { input: { patientId: String(child.id), sendInvite: true } });
      expect(allowed.data!.enablePortalAccess.userErrors).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("refuses linking a patient under the minimum age to an existing account, and a SELF invite enabled before the rules", async () => {
    const c = await clinic(null);
    const young = await buildPatient(t.dataSource, c.org.id, { dateOfBirth: addYears(addDays(today(), 100), -14) });
    const enabled = await c.staff.gql(ENABLE, { input: { patientId: String(young.id) } });
    expect(enabled.data!.enablePortalAccess.userErrors).toEqual([]);
    const res = await c.admin.gql(UPDATE_SETTINGS, { input: QUEBEC });
    expect(res.data!.updateAccessScheduleSettings.settings).toMatchObject({ ageRulePreset: "QUEBEC", matchesPreset: true });
    const invite = await c.staff.gql(`mutation($input: SendPortalInviteInput!) { sendPortalInvite(input: $input) { userErrors { code } } }`, { input: { grantId: enabled.data!.enablePortalAccess.grant.id } });
    expect(invite.data!.sendPortalInvite.userErrors).toEqual([{ code: "BELOW_SELF_ACCESS_AGE" }]);

    const sibling = await buildPatient(t.dataSource, c.org.id, { email: young.email, dateOfBirth: addYears(addDays(today(), 5), -14) });
    const link = await c.staff.gql(LINK, { input: { patientId: String(sibling.id) } });
    expect(link.data!.linkPatientToPortalAccount.userErrors).toEqual([expect.objectContaining({ code: "BELOW_SELF_ACCESS_AGE" })]);
  });
});

describe("US common-practice preset: a parent's proxy limited at 12", () => {
  it("switches the role on the 12th birthday once, audited with a webhook event, and cuts the session", async () => {
    const c = await clinic(null);
    const narrow = await t.dataSource.getRepository(PortalRole).save({ organizationId: c.org.id, name: "Adolescent proxy", permissions: [], accessTypes: ["PROXY"] } as Partial<PortalRole>);
    const saved = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, ageRulePreset: "US_COMMON", selfAccessMinAge: 12, proxyLimitedAtAge: 12, proxyLimitedRoleId: String(narrow.id), proxyEndsAtAge: 18 } });
    expect(saved.data!.updateAccessScheduleSettings.settings).toMatchObject({ ageRulePreset: "US_COMMON", matchesPreset: true, proxyLimitedRoleId: String(narrow.id) });
    const birthday = addDays(today(), 3);
    const child = await buildPatient(t.dataSource, c.org.id, { dateOfBirth: addYears(birthday, -12) });
    // A father recorded before the basis existed counts as a parent.
    const father = await buildContact(t.dataSource, child, { relationship: "FATHER" as never, firstName: "Frank", email: uniqueEmail("father") });
    const granted = await c.staff.gql(GRANT_CONTACT, { input: { contactId: String(father.id), portalRoleId: String(c.roles.family.id), sendInvite: true } });
    const grantId = granted.data!.grantContactPortalAccess.grant.id as string;
    expect(granted.data!.grantContactPortalAccess.grant.scheduledChange).toEqual({ grantId, kind: "LIMITED", on: birthday, reason: "AGE_RULE", portalRoleId: String(narrow.id) });
    const browser = await proxySession(father.email!, child.dateOfBirth!);

    expect((await job().runOrganization(c.org.id, at(birthday))).summary).toMatchObject({ limited: 1, ended: 0 });
    const limited = await t.dataSource.getRepository(PortalGrant).findOneByOrFail({ id: Number(grantId) });
    expect(limited).toMatchObject({ portalRoleId: narrow.id, revokedAt: null });
    expect(limited.ageLimitedAt).not.toBeNull();
    expect((await auditOf(grantId, "portal_access.limited_by_age"))[0].after).toMatchObject({ portalRoleId: narrow.id, reason: "age_rule" });
    expect((await webhooksOf(c.org.id, "portal_access.limited")).map((m) => JSON.parse(String(m.variables.body)).data)).toEqual([
      expect.objectContaining({ grantId, portalRoleId: String(narrow.id), previousPortalRoleId: String(c.roles.family.id) }),
    ]);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    // The next change is the end at 18; staff may give the broader role back without the job undoing it.
    const view = (await c.staff.gql(PATIENT, { id: String(child.id) })).data!.patient;
    expect(view.upcomingAccessChange).toMatchObject({ kind: "ENDS", on: addYears(birthday, 6) });
    await t.dataSource.getRepository(PortalGrant).update({ id: Number(grantId) }, { portalRoleId: c.roles.family.id });
    expect((await job().runOrganization(c.org.id, at(addDays(birthday, 1)))).summary).toMatchObject({ limited: 0 });
  });
});

describe("proxy end dates and renewal (rule 21)", () => {
  async function attorney(c: Awaited<ReturnType<typeof clinic>>, endsOn: string) {
    const patient = await buildPatient(t.dataSource, c.org.id, { dateOfBirth: "1941-05-02" });
    const contact = await buildContact(t.dataSource, patient, { relationship: "AUTHORIZED_REPRESENTATIVE" as never, firstName: "Paul", email: uniqueEmail("poa") });
    const res = await c.staff.gql(GRANT_CONTACT, {
      input: { contactId: String(contact.id), portalRoleId: String(c.roles.representative.id), sendInvite: true, authorization: { basis: "POWER_OF_ATTORNEY", basisDocumentRef: "Mandate 2026-118", endsOn } },
    });
    expect(res.data!.grantContactPortalAccess.userErrors).toEqual([]);
    return { patient, contact, grant: res.data!.grantContactPortalAccess.grant };
  }

  it("reminds staff holding MANAGE_PORTAL_ACCESS N days before, then ends the grant on the date: audited, session cut", async () => {
    const c = await clinic(null);
    const endsOn = addDays(today(), 20);
    const { patient, contact, grant } = await attorney(c, endsOn);
    expect(grant).toMatchObject({ endsOn, proxyBasis: "POWER_OF_ATTORNEY", scheduledChange: { kind: "ENDS", on: endsOn, reason: "END_DATE" } });
    const browser = await proxySession(contact.email!, patient.dateOfBirth!);

    expect((await job().runOrganization(c.org.id, at(addDays(endsOn, -15)))).summary).toMatchObject({ staffReminders: 0 });
    expect((await job().runOrganization(c.org.id, at(addDays(endsOn, -14)))).summary).toMatchObject({ staffReminders: 1 });
    expect((await job().runOrganization(c.org.id, at(addDays(endsOn, -13)))).summary).toMatchObject({ staffReminders: 0 });
    const [reminder] = await emailsTo(c.frontDesk.email, "PROXY_END_REMINDER");
    expect(reminder.variables).toMatchObject({ changeDate: endsOn, proxyName: `Paul ${patient.lastName}` });
    expect(String(reminder.variables.patientUrl)).toMatch(new RegExp(`/admin/patients/${patient.id}/portal$`));
    expect(await auditOf(grant.id, "portal_access.end_reminder_sent")).toHaveLength(1);
    // The proxy hears nothing from the job before an end date (staff renew or let it end).
    expect(await emailsTo(contact.email!, "ACCESS_CHANGE_NOTICE")).toHaveLength(0);

    expect((await job().runOrganization(c.org.id, at(endsOn))).summary).toMatchObject({ ended: 1 });
    expect((await auditOf(grant.id, "portal_access.ended_on_date"))[0]).toMatchObject({ actorType: "SYSTEM", after: { reason: "end_date", on: endsOn } });
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
    // Ended is ended: renewal is refused, access is granted again instead.
    const renew = await c.staff.gql(RENEW, { input: { grantId: grant.id } });
    expect(renew.data!.renewProxyAccess.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
  });

  it("renews in one click (one more year, verified now by the caller, audited) and sends reminders to a configured address", async () => {
    const c = await clinic({ ...QUEBEC, ageRulePreset: "NONE", selfAccessMinAge: null, proxyEndsAtAge: null, proxyEndReminderEmail: "records@clinic.example.test" });
    const endsOn = addDays(today(), 5);
    const { grant } = await attorney(c, endsOn);
    expect((await job().runOrganization(c.org.id, at(today()))).summary).toMatchObject({ staffReminders: 1 });
    expect(await emailsTo("records@clinic.example.test", "PROXY_END_REMINDER")).toHaveLength(1);
    expect(await emailsTo(c.frontDesk.email, "PROXY_END_REMINDER")).toHaveLength(0);

    const res = await c.staff.gql(RENEW, { input: { grantId: grant.id } });
    expect(res.data!.renewProxyAccess.userErrors).toEqual([]);
    expect(res.data!.renewProxyAccess.grant).toMatchObject({ endsOn: addYears(endsOn, 1), basisVerifiedByName: "Test Staff", scheduledChange: { kind: "ENDS", on: addYears(endsOn, 1) } });
    const [renewed] = await auditOf(grant.id, "portal_access.renewed");
    expect(renewed).toMatchObject({ before: { endsOn }, after: { endsOn: addYears(endsOn, 1), how: "renewed", proxyBasis: "POWER_OF_ATTORNEY" } });
    // The old date passes without an end.
    expect((await job().runOrganization(c.org.id, at(addDays(endsOn, 1)))).summary).toMatchObject({ ended: 0 });

    const edited = await c.staff.gql(UPDATE_AUTH, { input: { grantId: grant.id, basis: "LEGAL_GUARDIAN", basisDocumentRef: "Court order 55-A", endsOn: null } });
    expect(edited.data!.updateProxyAuthorization).toMatchObject({ userErrors: [], grant: { proxyBasis: "LEGAL_GUARDIAN", endsOn: null, basisDocumentRef: "Court order 55-A" } });
  });

  it("refuses bad input, another organization's grant, a SELF grant, callers without the permission, and anonymous callers", async () => {
    const c = await clinic(null);
    const { grant } = await attorney(c, addDays(today(), 40));
    const past = await c.staff.gql(RENEW, { input: { grantId: grant.id, endsOn: addDays(today(), -1) } });
    expect(past.data!.renewProxyAccess.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "endsOn" })]);
    const notADay = await c.staff.gql(UPDATE_AUTH, { input: { grantId: grant.id, basis: "PARENT", endsOn: "2027-02-30" } });
    expect(notADay.data!.updateProxyAuthorization.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "endsOn" })]);
    expect((await c.staff.gql(RENEW, { input: { grantId: "abc" } })).data!.renewProxyAccess.userErrors[0].code).toBe("NOT_FOUND");
    const self = await buildPatient(t.dataSource, c.org.id);
    const selfGrant = (await c.staff.gql(ENABLE, { input: { patientId: String(self.id) } })).data!.enablePortalAccess.grant.id;
    expect((await c.staff.gql(RENEW, { input: { grantId: selfGrant } })).data!.renewProxyAccess.userErrors[0].code).toBe("INVALID_INPUT");

    const other = await clinic(null);
    expect((await other.staff.gql(RENEW, { input: { grantId: grant.id } })).data!.renewProxyAccess.userErrors[0].code).toBe("NOT_FOUND");
    expect((await other.staff.gql(UPDATE_AUTH, { input: { grantId: grant.id, basis: "PARENT" } })).data!.updateProxyAuthorization.userErrors[0].code).toBe("NOT_FOUND");
    const { client: viewer } = await buildStaff(t.dataSource, t.app, c.org.id, [VIEW_PATIENTS]);
    expect(errorCode(await viewer.gql(RENEW, { input: { grantId: grant.id } }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(RENEW, { input: { grantId: grant.id } }))).toBe("UNAUTHENTICATED");
    const unchanged = await t.dataSource.getRepository(PortalGrant).findOneByOrFail({ id: Number(grant.id) });
    expect(unchanged.endsOn).toBe(addDays(today(), 40));
  });
});

describe("access-schedule settings", () => {
  it("are read by staff managing portal access, changed only with MANAGE_SETTINGS, validated and audited", async () => {
    const c = await clinic(null);
    expect((await c.staff.gql(SETTINGS)).data!.accessScheduleSettings).toMatchObject({ ageRulePreset: "NONE", matchesPreset: true, selfAccessMinAge: null, ageNoticeDays: 30, proxyEndReminderDays: 14 });
    expect(errorCode(await c.staff.gql(UPDATE_SETTINGS, { input: QUEBEC }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(SETTINGS))).toBe("UNAUTHENTICATED");
    const { client: viewer } = await buildStaff(t.dataSource, t.app, c.org.id, [VIEW_PATIENTS]);
    expect(errorCode(await viewer.gql(SETTINGS))).toBe("FORBIDDEN");

    const noRole = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, ageRulePreset: "CUSTOM", proxyLimitedAtAge: 12 } });
    expect(noRole.data!.updateAccessScheduleSettings.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "proxyLimitedRoleId" })]);
    const selfRole = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, ageRulePreset: "CUSTOM", proxyLimitedAtAge: 12, proxyLimitedRoleId: String(c.roles.patientRole.id) } });
    expect(selfRole.data!.updateAccessScheduleSettings.userErrors).toEqual([expect.objectContaining({ code: "ROLE_NOT_APPLICABLE" })]);
    const other = await clinic(null);
    const foreign = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, ageRulePreset: "CUSTOM", proxyLimitedAtAge: 12, proxyLimitedRoleId: String(other.roles.family.id) } });
    expect(foreign.data!.updateAccessScheduleSettings.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    const badAge = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, selfAccessMinAge: 0 } });
    expect(badAge.data!.updateAccessScheduleSettings.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT", field: "selfAccessMinAge" })]);
    const badEmail = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, proxyEndReminderEmail: "records@clinic" } });
    expect(badEmail.data!.updateAccessScheduleSettings.userErrors[0]).toMatchObject({ code: "INVALID_EMAIL", field: "proxyEndReminderEmail" });
    expect((await c.staff.gql(SETTINGS)).data!.accessScheduleSettings.ageRulePreset).toBe("NONE");

    const edited = await c.admin.gql(UPDATE_SETTINGS, { input: { ...QUEBEC, proxyEndsAtAge: 16 } });
    expect(edited.data!.updateAccessScheduleSettings.settings).toMatchObject({ ageRulePreset: "QUEBEC", matchesPreset: false, proxyEndsAtAge: 16 });
    const audits = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: c.org.id, action: "organization.settings_updated" });
    expect(audits.map((a) => a.after)).toEqual([expect.objectContaining({ section: "access_schedule", ageRulePreset: "QUEBEC", proxyEndsAtAge: 16 })]);
  });
});

describe("the daily job", () => {
  it("runs at most once per organization and day with two processes on one database", async () => {
    const c = await clinic();
    const birthday = addDays(today(), 20);
    const child = await buildPatient(t.dataSource, c.org.id, { dateOfBirth: addYears(birthday, -14) });
    const mother = await buildContact(t.dataSource, child, { email: uniqueEmail("mother") });
    await c.staff.gql(GRANT_CONTACT, { input: { contactId: String(mother.id), portalRoleId: String(c.roles.family.id), authorization: { basis: "PARENT" } } });

    // A second "process": its own connections and its own job, on the same database.
    const options = t.dataSource.options as { type: string; database?: string; url?: string };
    const second = await openDataSource(options.type === "better-sqlite3" ? { kind: "sqlite", file: String(options.database) } : { kind: "mysql", url: String(options.url) });
    try {
      const other = new AccessScheduleJob({ dataSource: second, emails: t.services.emailQueue, sessions: t.services.sessions, logger, publicUrl: t.config.publicUrl });
      const day = at(addDays(birthday, -10));
      const results = await Promise.all([job().runOrganization(c.org.id, day), other.runOrganization(c.org.id, day), job().runOrganization(c.org.id, day)]);
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      expect((await other.runDue(day)).find((r) => r.organizationId === c.org.id)).toMatchObject({ ran: false });
      expect(await t.dataSource.getRepository(AccessScheduleRun).findBy({ organizationId: c.org.id })).toEqual([expect.objectContaining({ day: dayOf(day), summary: expect.objectContaining({ notices: 1 }) })]);
      expect(await emailsTo(mother.email!, "ACCESS_CHANGE_NOTICE")).toHaveLength(1);
      // The next day is a new run (which has nothing new to send).
      expect(await other.runOrganization(c.org.id, at(addDays(birthday, -9)))).toMatchObject({ ran: true, summary: { notices: 0 } });
      expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: c.org.id, kind: In(["ACCESS_CHANGE_NOTICE"]) })).toBe(2);
    } finally {
      await second.destroy();
    }
  });
});
