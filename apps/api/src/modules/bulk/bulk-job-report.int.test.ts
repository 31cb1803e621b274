import { parse } from "csv-parse/sync";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { createLogger } from "../../logger";
import { Organization } from "../organizations/organization.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { BulkJobRunner } from "./bulk-job.runner";

/**
 * The report of a bulk job says, for each row done, what was done to it — enabled only, enabled and
 * invited, invited, or invited again — in the API, in the job's counters and in the CSV.
 */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;

const BULK_ENABLE = `mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } userErrors { code field message } } }`;
const BULK_INVITE = `mutation($input: BulkSendPortalInvitesInput!) { bulkSendPortalInvites(input: $input) { job { id } userErrors { code field message } } }`;
const JOB = `query($id: ID!) {
  bulkJob(id: $id) { id state succeeded skipped invited resultsCsvUrl
    items(first: 100, outcome: SUCCEEDED) { edges { node { patientId outcome action } } } }
}`;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`;

let t: TestApp;
const logger = createLogger("silent");
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.services.bulkRunner.stop();
  await t.close();
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  // No cooldown: the test resends at once.
  await t.dataSource.getRepository(Organization).update({ id: org.id }, { resendCooldownMinutes: 0 });
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, staff };
}

async function drain() {
  const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, logger);
  while (await runner.runOne());
}

async function report(staff: TestClient, id: string) {
  const res = await staff.gql(JOB, { id });
  expect(res.errors).toBeUndefined();
  const job = res.data!.bulkJob;
  const csv = await staff.agent.get(job.resultsCsvUrl);
  expect(csv.status).toBe(200);
  const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
  return {
    job,
    actions: Object.fromEntries(job.items.edges.map((e: { node: { patientId: string; action: string } }) => [e.node.patientId, e.node.action])),
    csv: Object.fromEntries(rows.map((r) => [r.patientId, { outcome: r.outcome, action: r.action }])),
  };
}

it("an enable-only job reports its rows as enabled only, and an enable-and-invite job as enabled and invited", async () => {
  const { org, staff } = await setup();
  const a = await buildPatient(t.dataSource, org.id);
  const b = await buildPatient(t.dataSource, org.id);
  const noEmail = await buildPatient(t.dataSource, org.id, { email: null });

  const only = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(a.id), String(noEmail.id)] } });
  const both = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(b.id)], sendInvite: true } });
  await drain();

  const r1 = await report(staff, only.data!.bulkEnablePortalAccess.job.id);
  expect(r1.job).toMatchObject({ state: "DONE", succeeded: 1, skipped: 1, invited: 0 });
  expect(r1.actions).toEqual({ [a.id]: "ENABLED" });
  expect(r1.csv).toEqual({ [a.id]: { outcome: "SUCCEEDED", action: "ENABLED" }, [noEmail.id]: { outcome: "SKIPPED", action: "" } });

  const r2 = await report(staff, both.data!.bulkEnablePortalAccess.job.id);
  expect(r2.job).toMatchObject({ state: "DONE", succeeded: 1, invited: 1 });
  expect(r2.actions).toEqual({ [b.id]: "ENABLED_AND_INVITED" });
  expect(r2.csv).toEqual({ [b.id]: { outcome: "SUCCEEDED", action: "ENABLED_AND_INVITED" } });
});

it("an invite job tells a first invite from a resend", async () => {
  const { org, staff } = await setup();
  const fresh = await buildPatient(t.dataSource, org.id);
  const again = await buildPatient(t.dataSource, org.id);
  for (const p of [fresh, again]) expect((await staff.gql(ENABLE, { input: { patientId: String(p.id) } })).data!.enablePortalAccess.userErrors).toEqual([]);
  const first = await staff.gql(BULK_INVITE, { input: { patientIds: [String(again.id)] } });
  await drain();
  expect((await report(staff, first.data!.bulkSendPortalInvites.job.id)).actions).toEqual({ [again.id]: "INVITED" });
  // The cooldown is 0, but the previous invite is at most this very millisecond: move it back.
  await t.dataSource.getRepository(PortalAccount).update({ email: again.email! }, { lastInviteSentAt: new Date(Date.now() - 60_000) });

  const second = await staff.gql(BULK_INVITE, { input: { patientIds: [String(fresh.id), String(again.id)] } });
  await drain();
  const r = await report(staff, second.data!.bulkSendPortalInvites.job.id);
  expect(r.job).toMatchObject({ succeeded: 2, invited: 2 });
  expect(r.actions).toEqual({ [fresh.id]: "INVITED", [again.id]: "INVITE_RESENT" });
  expect(r.csv[fresh.id]).toEqual({ outcome: "SUCCEEDED", action: "INVITED" });
  expect(r.csv[again.id]).toEqual({ outcome: "SUCCEEDED", action: "INVITE_RESENT" });
});
