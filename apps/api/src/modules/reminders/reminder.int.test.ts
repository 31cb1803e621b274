import { In } from "typeorm";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, portalClient, tokenOf } from "../../../test/portal";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { createLogger } from "../../logger";
import { AuditEvent } from "../audit/audit-event.entity";
import { BulkJobRunner } from "../bulk/bulk-job.runner";
import { Organization } from "../organizations/organization.entity";
import { ReminderService } from "./reminder.service";

/**
 * Invite reminders (rule 23) through the real GraphQL layer and database, with the clock moved
 * (jest's system time; timers stay real so the database keeps working), never slept.
 */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, MANAGE_SETTINGS } = StaffPermission;
const DAY = 86_400_000;
const DOB = "1980-05-06";

let t: TestApp;
let start: number;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  start = Date.now();
});
afterEach(() => jest.useRealTimers());
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
});

/** Moves the clock to `start + ms`. */
const at = (ms: number) => jest.setSystemTime(start + ms);

async function setup(settings: Partial<Organization> = {}) {
  const { org } = await buildOrg(t.dataSource);
  if (Object.keys(settings).length) await t.dataSource.getRepository(Organization).update({ id: org.id }, settings);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, staff };
}

async function invited(staff: TestClient, orgId: number) {
  const patient = await buildPatient(t.dataSource, orgId, { dateOfBirth: DOB });
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  return patient;
}

const remindersTo = (patientIds: number[]) => t.dataSource.getRepository(OutboxMessage).countBy({ patientId: In(patientIds), kind: "INVITE_REMINDER" });

const GRID = `query($filter: PatientFilterInput) { patients(filter: $filter, first: 50) { totalCount edges { node { id lastReminderAt } } } }`;

it("reminds 3 and 10 days after the invite, once each, then stops; the grid filters the reminded", async () => {
  const { org, staff } = await setup();
  const patient = await invited(staff, org.id);

  at(3 * DAY - 60_000);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(0);

  at(3 * DAY + 60_000);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(1);
  const first = await lastEmailTo(t, patient.email!, "INVITE_REMINDER");
  expect(first.secrets.link).toMatch(/\/portal\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(first.row.language.toUpperCase()).toBe("EN");
  // A second pass at the same moment finds nothing more to send.
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(1);

  // Days later the front desk signs in again (a staff session idles out after 30 minutes).
  const { client: later } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const reminded = await later.gql(GRID, { filter: { reminded: true } });
  expect(reminded.errors).toBeUndefined();
  expect(reminded.data!.patients.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(patient.id)]);
  expect((await later.gql(GRID, { filter: { reminded: false } })).data!.patients.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(String(patient.id));

  at(10 * DAY - 60_000);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(1);
  at(10 * DAY + 60_000);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(2);

  at(60 * DAY);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(2);

  // Only the latest reminder's link works; it sets the account up.
  const second = await lastEmailTo(t, patient.email!, "INVITE_REMINDER");
  const old = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(first.secrets.link), dateOfBirth: DOB, password: "a long enough passphrase" } });
  expect(old.data!.acceptPortalInvite.userErrors[0].code).toBe("INVITE_INVALID");
  at(10 * DAY + 120_000); // within the second link's lifetime
  const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(second.secrets.link), dateOfBirth: DOB, password: "a long enough passphrase" } });
  expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);

  const audits = await t.dataSource.getRepository(AuditEvent).find({ where: { organizationId: org.id, action: "portal_invite.reminded" }, order: { id: "ASC" } });
  expect(audits.map((a) => (a.after as { reminder: number }).reminder)).toEqual([1, 2]);
  expect(audits[0].actorType).toBe("SYSTEM");
});

it("never reminds within the resend cooldown, nor after sign-in", async () => {
  // Reminders one day apart, but at most one invite a day: the second waits for the cooldown.
  const { org, staff } = await setup({ inviteReminderDaysCsv: "1,2", resendCooldownMinutes: 1440 });
  const patient = await invited(staff, org.id);
  const signsIn = await invited(staff, org.id);

  at(DAY / 2);
  const link = await lastEmailTo(t, signsIn.email!, "INVITE_LINK");
  const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(link.secrets.link), dateOfBirth: DOB, password: "a long enough passphrase" } });
  expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);

  at(1.5 * DAY);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(1);
  at(2 * DAY + 3600_000); // due by the schedule, 13 hours after the last reminder
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(1);
  at(2.5 * DAY + 60_000);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(2);

  expect(await remindersTo([signsIn.id])).toBe(0);
});

it("two sweeps at once (two API processes) send each reminder once", async () => {
  const { org, staff } = await setup();
  const patients = [];
  for (let i = 0; i < 6; i++) patients.push(await invited(staff, org.id));
  const other = new ReminderService(t.dataSource, t.services.emailQueue, t.config.publicUrl, createLogger("silent"));
  at(3 * DAY + 60_000);
  const [a, b] = await Promise.all([t.services.reminders.sweep(), other.sweep()]);
  expect(await remindersTo(patients.map((p) => p.id))).toBe(6);
  expect(a + b).toBeGreaterThanOrEqual(6);
  for (const p of patients) expect(await remindersTo([p.id])).toBe(1);
  expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "portal_invite.reminded" })).toBe(6);
});

it("an organization's schedule is edited in its settings, validated, and empty means no reminders", async () => {
  const { org } = await setup();
  const { client: admin } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_SETTINGS]);
  const { client: noSettings } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
  const UPDATE = `mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { organization { inviteReminderDays } userErrors { code field message } } }`;
  expect((await admin.gql(`{ viewer { organization { inviteReminderDays } } }`)).data!.viewer.organization.inviteReminderDays).toEqual([3, 10]);
  const bad = await admin.gql(UPDATE, { input: { inviteReminderDays: [10, 3] } });
  expect(bad.data!.updateOrganizationSettings.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "inviteReminderDays" });
  expect((await admin.gql(UPDATE, { input: { inviteReminderDays: [2, 200] } })).data!.updateOrganizationSettings.userErrors[0].code).toBe("INVALID_INPUT");
  expect((await noSettings.gql(UPDATE, { input: { inviteReminderDays: [2] } })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  const ok = await admin.gql(UPDATE, { input: { inviteReminderDays: [] } });
  expect(ok.data!.updateOrganizationSettings).toEqual({ organization: { inviteReminderDays: [] }, userErrors: [] });

  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const patient = await invited(staff, org.id);
  at(30 * DAY);
  await t.services.reminders.sweep();
  expect(await remindersTo([patient.id])).toBe(0);
});

const BULK = `mutation($input: BulkSendPortalInviteRemindersInput!) { bulkSendPortalInviteReminders(input: $input) { job { id kind total } userErrors { code field message } } }`;
const JOB = `query($id: ID!) { bulkJob(id: $id) { state succeeded skipped invited items(first: 50) { edges { node { patientId outcome action reason } } } } }`;

it("\"remind all N matching\" is a bulk job with a per-row report; repeating it sends nothing twice", async () => {
  const { org, staff: firstStaff } = await setup({ resendCooldownMinutes: 60 });
  let staff = firstStaff;
  const a = await invited(staff, org.id);
  const b = await invited(staff, org.id);
  const enabledOnly = await buildPatient(t.dataSource, org.id, { dateOfBirth: DOB });
  await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(enabledOnly.id) } });

  at(2 * 3600_000);
  // A staff session idles out after 30 minutes: the front desk signs in again after the clock moved.
  staff = (await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS])).client;
  const res = await staff.gql(BULK, { input: { filter: { portalStatus: ["INVITED", "ENABLED"] } } });
  expect(res.errors).toBeUndefined();
  expect(res.data!.bulkSendPortalInviteReminders.userErrors).toEqual([]);
  expect(res.data!.bulkSendPortalInviteReminders.job).toMatchObject({ kind: "SEND_INVITE_REMINDERS", total: 3 });
  const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, createLogger("silent"));
  while (await runner.runOne());
  const job = (await staff.gql(JOB, { id: res.data!.bulkSendPortalInviteReminders.job.id })).data!.bulkJob;
  expect(job).toMatchObject({ state: "DONE", succeeded: 2, skipped: 1, invited: 2 });
  const rows = Object.fromEntries(job.items.edges.map((e: { node: { patientId: string; action: string; reason: string } }) => [e.node.patientId, e.node.action ?? e.node.reason]));
  expect(rows).toEqual({ [a.id]: "REMINDED", [b.id]: "REMINDED", [enabledOnly.id]: "NO_ACCESS" });
  expect(await remindersTo([a.id, b.id])).toBe(2);

  // Again at once: within the cooldown every row is skipped.
  const again = await staff.gql(BULK, { input: { patientIds: [String(a.id), String(b.id)] } });
  while (await runner.runOne());
  const second = (await staff.gql(JOB, { id: again.data!.bulkSendPortalInviteReminders.job.id })).data!.bulkJob;
  expect(second).toMatchObject({ succeeded: 0, skipped: 2 });
  expect(second.items.edges.map((e: { node: { reason: string } }) => e.node.reason)).toEqual(["COOLDOWN", "COOLDOWN"]);
  expect(await remindersTo([a.id, b.id])).toBe(2);
});

it("the bulk reminder is refused without the permission, to no one, across organizations and with bad input", async () => {
  const { org } = await setup();
  const { org: otherOrg, staff: otherStaff } = await setup();
  const patient = await invited((await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS])).client, org.id);
  const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
  expect((await viewer.gql(BULK, { input: { patientIds: [String(patient.id)] } })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  const anonymous = await portalClient(t.app).gql(BULK, { input: { patientIds: [String(patient.id)] } });
  expect(anonymous.errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  expect((await otherStaff.gql(BULK, { input: { patientIds: ["abc"] } })).data!.bulkSendPortalInviteReminders.userErrors[0].code).toBe("INVALID_INPUT");
  expect((await otherStaff.gql(BULK, { input: {} })).data!.bulkSendPortalInviteReminders.userErrors[0].code).toBe("INVALID_INPUT");

  // Another organization's patient is a row of the job skipped as not found; nothing is sent.
  at(4 * DAY);
  const { client: otherLater } = await buildStaff(t.dataSource, t.app, otherOrg.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const cross = await otherLater.gql(BULK, { input: { patientIds: [String(patient.id)] } });
  const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, createLogger("silent"));
  while (await runner.runOne());
  const job = (await otherLater.gql(JOB, { id: cross.data!.bulkSendPortalInviteReminders.job.id })).data!.bulkJob;
  expect(job.items.edges[0].node).toMatchObject({ outcome: "SKIPPED", reason: "NOT_FOUND" });
  expect(await remindersTo([patient.id])).toBe(0);
});
