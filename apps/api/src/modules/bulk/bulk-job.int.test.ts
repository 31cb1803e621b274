import { parse } from "csv-parse/sync";
import request from "supertest";
import { In } from "typeorm";
import { BulkJobState, PortalStatus, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, unique, uniqueEmail } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { statementCounter } from "../../db/statement-counter";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { createLogger } from "../../logger";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { BulkJob, BulkJobItem } from "./bulk-job.entity";
import { BulkJobRunner } from "./bulk-job.runner";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;

const BULK_ENABLE = `mutation($input: BulkEnablePortalAccessInput!) {
  bulkEnablePortalAccess(input: $input) { job { id kind state total } userErrors { code field message } }
}`;
const BULK_INVITE = `mutation($input: BulkSendPortalInvitesInput!) {
  bulkSendPortalInvites(input: $input) { job { id kind state total } userErrors { code field message } }
}`;
const JOB = `query($id: ID!, $outcome: BulkJobOutcome, $after: String) {
  bulkJob(id: $id) { id state total processed succeeded skipped failed resultsCsvUrl
    items(first: 500, outcome: $outcome, after: $after) { pageInfo { hasNextPage endCursor } edges { node { patientId outcome reason message patient { id } } } } }
}`;

type Item = { patientId: string; outcome: string; reason: string | null };

let t: TestApp;
const logger = createLogger((process.env.LOG_LEVEL as "silent") ?? "silent");
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.services.bulkRunner.stop();
  await t.close();
});

async function setup() {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff, user } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  return { org, roles, staff, user };
}

/** Runs queued jobs to the end with a runner of its own (the app's runner stays stopped). */
async function drain(options: ConstructorParameters<typeof BulkJobRunner>[3] = {}) {
  const runner = new BulkJobRunner(t.dataSource, t.services.bulkJobs, logger, options);
  while (await runner.runOne());
}

async function jobOf(staff: TestClient, id: string) {
  const res = await staff.gql(JOB, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.bulkJob;
}

const reasons = (items: { edges: { node: Item }[] }) => Object.fromEntries(items.edges.map((e) => [e.node.patientId, e.node.reason ?? e.node.outcome]));
const invitesTo = async (patientIds: number[]) => t.dataSource.getRepository(OutboxMessage).countBy({ patientId: In(patientIds), kind: In(["INVITE_LINK", "INVITE_TEMPORARY_PASSWORD"]) });

describe("bulkEnablePortalAccess", () => {
  it("enables and invites by ids, skipping every row the single action would refuse, with its reason", async () => {
    const { org, staff, roles } = await setup();
    const ok = await buildPatient(t.dataSource, org.id);
    const noEmail = await buildPatient(t.dataSource, org.id, { email: null });
    const badEmail = await buildPatient(t.dataSource, org.id, { email: "not-an-email" });
    const taken = uniqueEmail("taken");
    const holder = await buildPatient(t.dataSource, org.id, { email: taken });
    const sibling = await buildPatient(t.dataSource, org.id, { email: taken });
    const inactive = await buildPatient(t.dataSource, org.id, { active: false });
    const noDob = await buildPatient(t.dataSource, org.id, { dateOfBirth: null });
    const already = await buildPatient(t.dataSource, org.id);
    await staff.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`, { input: { patientId: String(already.id) } });
    await staff.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`, { input: { patientId: String(holder.id) } });
    const { org: other } = await buildOrg(t.dataSource);
    const foreign = await buildPatient(t.dataSource, other.id);

    const ids = [ok, noEmail, badEmail, sibling, inactive, noDob, already, foreign].map((p) => String(p.id));
    const res = await staff.gql(BULK_ENABLE, { input: { patientIds: ids, portalRoleId: String(roles.patientRole.id), sendInvite: true } });
    expect(res.data!.bulkEnablePortalAccess.userErrors).toEqual([]);
    expect(res.data!.bulkEnablePortalAccess.job).toMatchObject({ kind: "ENABLE_PORTAL_ACCESS", state: "QUEUED", total: 8 });
    await drain();
    const job = await jobOf(staff, res.data!.bulkEnablePortalAccess.job.id);
    expect(job).toMatchObject({ state: "DONE", total: 8, processed: 8, succeeded: 1, skipped: 7, failed: 0 });
    expect(reasons(job.items)).toEqual({
      [ok.id]: "SUCCEEDED",
      [noEmail.id]: "MISSING_EMAIL",
      [badEmail.id]: "INVALID_EMAIL",
      [sibling.id]: "EMAIL_IN_USE",
      [inactive.id]: "PATIENT_INACTIVE",
      [noDob.id]: "MISSING_DATE_OF_BIRTH",
      [already.id]: "ALREADY_HAS_ACCESS",
      [foreign.id]: "NOT_FOUND",
    });
    // Another organization's patient is not revealed, and nothing changed for any skipped row.
    expect(job.items.edges.find((e: { node: Item }) => e.node.patientId === String(foreign.id)).node.patient).toBeNull();
    const statuses = Object.fromEntries((await t.dataSource.getRepository(Patient).findBy({ id: In([ok.id, noDob.id, foreign.id, inactive.id]) })).map((p) => [p.id, p.portalStatus]));
    expect(statuses).toEqual({ [ok.id]: "INVITED", [noDob.id]: "NO_ACCESS", [foreign.id]: "NO_ACCESS", [inactive.id]: "NO_ACCESS" });
    expect(await invitesTo([ok.id])).toBe(1);
    expect(await invitesTo([noDob.id, noEmail.id, foreign.id])).toBe(0);
    // Skipped rows are listed by outcome for the report.
    const skipped = (await staff.gql(JOB, { id: job.id, outcome: "SKIPPED" })).data!.bulkJob.items.edges;
    expect(skipped).toHaveLength(7);
  });

  it("takes the full 10,000 ids of a selection, large ids included", async () => {
    const { staff } = await setup();
    const ids = Array.from({ length: 10_000 }, (_, i) => String(1_000_000 + i));
    const res = await staff.gql(BULK_ENABLE, { input: { patientIds: ids } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.bulkEnablePortalAccess).toMatchObject({ userErrors: [], job: { state: "QUEUED", total: 10_000 } });
    // No such patient in this organization: every row is skipped as NOT_FOUND.
    await drain();
    const job = await jobOf(staff, res.data!.bulkEnablePortalAccess.job.id);
    expect(job).toMatchObject({ state: "DONE", processed: 10_000, skipped: 10_000 });
  });

  it("acts on every patient matching the grid filter", async () => {
    const { org, staff } = await setup();
    const tag = unique("Bulk");
    const matching = [await buildPatient(t.dataSource, org.id, { lastName: `${tag}A` }), await buildPatient(t.dataSource, org.id, { lastName: `${tag}B` })];
    const enabledAlready = await buildPatient(t.dataSource, org.id, { lastName: `${tag}C` });
    await staff.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`, { input: { patientId: String(enabledAlready.id) } });
    await buildPatient(t.dataSource, org.id, { lastName: unique("Other") });
    const res = await staff.gql(BULK_ENABLE, { input: { filter: { search: tag, portalStatus: ["NO_ACCESS"] } } });
    expect(res.data!.bulkEnablePortalAccess.job.total).toBe(2);
    await drain();
    const job = await jobOf(staff, res.data!.bulkEnablePortalAccess.job.id);
    expect(job).toMatchObject({ state: "DONE", succeeded: 2, skipped: 0 });
    const after = await t.dataSource.getRepository(Patient).findBy({ id: In(matching.map((p) => p.id)) });
    expect(after.map((p) => p.portalStatus)).toEqual([PortalStatus.ENABLED, PortalStatus.ENABLED]);
    // The counters moved with the rows.
    const counts = (await staff.gql(`{ patients(first: 0) { statusCounts { status count } } }`)).data!.patients.statusCounts;
    expect(counts.find((c: { status: string }) => c.status === "ENABLED").count).toBe(3);
  });

  it("refuses anonymous callers, staff without the permission, bad input, and another organization's job", async () => {
    const { org, staff } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const anon = await new TestClient(t.app).gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)] } });
    expect(errorCode(anon)).toBe("UNAUTHENTICATED");
    const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await viewer.gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)] } }))).toBe("FORBIDDEN");
    expect(errorCode(await viewer.gql(BULK_INVITE, { input: { patientIds: [String(patient.id)] } }))).toBe("FORBIDDEN");
    const before = await t.dataSource.getRepository(BulkJob).countBy({ organizationId: org.id });
    const both = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)], filter: { search: "x" } } });
    expect(both.data!.bulkEnablePortalAccess).toEqual({ job: null, userErrors: [{ code: "INVALID_INPUT", field: "patientIds", message: expect.any(String) }] });
    const neither = await staff.gql(BULK_INVITE, { input: {} });
    expect(neither.data!.bulkSendPortalInvites.userErrors[0].code).toBe("INVALID_INPUT");
    const junk = await staff.gql(BULK_ENABLE, { input: { patientIds: ["abc"] } });
    expect(junk.data!.bulkEnablePortalAccess.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "patientIds" });
    const tooMany = await staff.gql(BULK_ENABLE, { input: { patientIds: Array.from({ length: 10_001 }, (_, i) => String(i + 1)) } });
    expect(tooMany.data!.bulkEnablePortalAccess.userErrors[0].code).toBe("INVALID_INPUT");
    const { roles: otherRoles } = await buildOrg(t.dataSource);
    const wrongRole = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)], portalRoleId: String(otherRoles.patientRole.id) } });
    expect(wrongRole.data!.bulkEnablePortalAccess.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: "portalRoleId" });
    expect(await t.dataSource.getRepository(BulkJob).countBy({ organizationId: org.id })).toBe(before);

    const mine = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)] } });
    const jobId = mine.data!.bulkEnablePortalAccess.job.id;
    const { org: other } = await buildOrg(t.dataSource);
    const { client: stranger } = await buildStaff(t.dataSource, t.app, other.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    expect((await stranger.gql(JOB, { id: jobId })).data!.bulkJob).toBeNull();
    expect(errorCode(await viewer.gql(JOB, { id: jobId }))).toBe("FORBIDDEN");
    expect(errorCode(await new TestClient(t.app).gql(JOB, { id: jobId }))).toBe("UNAUTHENTICATED");
    await drain();
  });
});

describe("bulkSendPortalInvites", () => {
  async function invitable(staff: TestClient, orgId: number, overrides: Partial<Patient> = {}) {
    const p = await buildPatient(t.dataSource, orgId, overrides);
    const res = await staff.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { account { id } } userErrors { code } } }`, {
      input: { patientId: String(p.id) },
    });
    return { patient: p, accountId: Number(res.data!.enablePortalAccess.grant.account.id) };
  }

  it("skips rows within the cooldown, already active, without access or DOB; a re-run sends nothing twice", async () => {
    const { org, staff } = await setup();
    const a = await invitable(staff, org.id);
    const b = await invitable(staff, org.id);
    const active = await invitable(staff, org.id);
    await t.dataSource.getRepository(PortalAccount).update({ id: active.accountId }, { signedUpAt: new Date(), lastSignInAt: new Date() });
    const noDob = await invitable(staff, org.id);
    await t.dataSource.getRepository(Patient).update({ id: noDob.patient.id }, { dateOfBirth: null });
    const disabled = await invitable(staff, org.id);
    await t.dataSource.getRepository(PortalAccount).update({ id: disabled.accountId }, { disabled: true });
    const none = await buildPatient(t.dataSource, org.id);
    const ids = [a.patient, b.patient, active.patient, noDob.patient, disabled.patient, none].map((p) => String(p.id));

    const first = await staff.gql(BULK_INVITE, { input: { patientIds: ids } });
    await drain();
    const job1 = await jobOf(staff, first.data!.bulkSendPortalInvites.job.id);
    expect(job1).toMatchObject({ state: "DONE", succeeded: 2, skipped: 4 });
    expect(reasons(job1.items)).toEqual({
      [a.patient.id]: "SUCCEEDED",
      [b.patient.id]: "SUCCEEDED",
      [active.patient.id]: "ALREADY_ACTIVE",
      [noDob.patient.id]: "MISSING_DATE_OF_BIRTH",
      [disabled.patient.id]: "ACCOUNT_DISABLED",
      [none.id]: "NO_ACCESS",
    });
    const second = await staff.gql(BULK_INVITE, { input: { patientIds: ids } });
    await drain();
    const job2 = await jobOf(staff, second.data!.bulkSendPortalInvites.job.id);
    expect(job2).toMatchObject({ state: "DONE", succeeded: 0, skipped: 6 });
    expect(reasons(job2.items)[a.patient.id]).toBe("COOLDOWN");
    expect(await invitesTo([a.patient.id])).toBe(1);
    expect(await invitesTo([b.patient.id])).toBe(1);
  });

  it("decides rows of one chunk against each other as if one by one: a shared email, a shared account", async () => {
    const { org, staff, roles } = await setup();
    // Two patients of one chunk with the same email no account uses yet: the first gets the account.
    const shared = uniqueEmail("family");
    const first = await buildPatient(t.dataSource, org.id, { email: shared });
    const second = await buildPatient(t.dataSource, org.id, { email: shared.toUpperCase() });
    const res = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(first.id), String(second.id)], portalRoleId: String(roles.patientRole.id), sendInvite: true } });
    await drain();
    const job = await jobOf(staff, res.data!.bulkEnablePortalAccess.job.id);
    expect(reasons(job.items)).toEqual({ [first.id]: "SUCCEEDED", [second.id]: "EMAIL_IN_USE" });
    expect(await t.dataSource.getRepository(PortalAccount).countBy({ organizationId: org.id })).toBe(1);

    // The second patient is linked to that account (rule 4): both patients now follow one account,
    // and inviting both in one chunk sends the first and holds the second for the cooldown.
    const linked = await staff.gql(`mutation($input: LinkPatientToPortalAccountInput!) { linkPatientToPortalAccount(input: $input) { userErrors { code } } }`, {
      input: { patientId: String(second.id) },
    });
    expect(linked.data!.linkPatientToPortalAccount.userErrors).toEqual([]);
    await t.dataSource.getRepository(PortalAccount).update({ organizationId: org.id }, { lastInviteSentAt: null });
    const again = await staff.gql(BULK_INVITE, { input: { patientIds: [String(first.id), String(second.id)] } });
    await drain();
    const job2 = await jobOf(staff, again.data!.bulkSendPortalInvites.job.id);
    expect(reasons(job2.items)).toEqual({ [first.id]: "SUCCEEDED", [second.id]: "COOLDOWN" });
    const statuses = (await t.dataSource.getRepository(Patient).findBy({ id: In([first.id, second.id]) })).map((p) => p.portalStatus);
    expect(statuses).toEqual([PortalStatus.INVITED, PortalStatus.INVITED]);
  });

  it("works a chunk in a constant number of SQL statements, whatever its size", async () => {
    const { org, staff, roles } = await setup();
    const statementsFor = async (n: number) => {
      const ids = [];
      for (let i = 0; i < n; i++) ids.push(String((await buildPatient(t.dataSource, org.id)).id));
      const res = await staff.gql(BULK_ENABLE, { input: { patientIds: ids, portalRoleId: String(roles.patientRole.id), sendInvite: true } });
      const jobId = res.data!.bulkEnablePortalAccess.job.id;
      const count = await statementCounter.run(async () => {
        await drain({ chunkSize: 100 });
        return statementCounter.current()!;
      });
      expect(await jobOf(staff, jobId)).toMatchObject({ state: "DONE", succeeded: n });
      return count;
    };
    const few = await statementsFor(3);
    const many = await statementsFor(60);
    // 20 times the rows, the same statements: nothing is done row by row.
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(70);
  });

  it("two staff starting the same bulk at once send each invite once", async () => {
    const { org, staff } = await setup();
    const { client: colleague } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await invitable(staff, org.id));
    const ids = rows.map((r) => String(r.patient.id));
    const [j1, j2] = await Promise.all([
      staff.gql(BULK_INVITE, { input: { patientIds: ids } }),
      colleague.gql(BULK_INVITE, { input: { patientIds: [...ids].reverse() } }),
    ]);
    // Two runners, as two API processes would have, working at the same time.
    await Promise.all([drain({ chunkSize: 2 }), drain({ chunkSize: 3 })]);
    const [r1, r2] = [await jobOf(staff, j1.data!.bulkSendPortalInvites.job.id), await jobOf(staff, j2.data!.bulkSendPortalInvites.job.id)];
    expect([r1.state, r2.state]).toEqual(["DONE", "DONE"]);
    expect(r1.succeeded + r2.succeeded).toBe(6);
    expect(r1.skipped + r2.skipped).toBe(6);
    expect(await invitesTo(rows.map((r) => r.patient.id))).toBe(6);
  });

  it("a restart mid-job loses nothing and does nothing twice", async () => {
    const { org, staff } = await setup();
    const rows = [];
    for (let i = 0; i < 7; i++) rows.push(await invitable(staff, org.id));
    const res = await staff.gql(BULK_INVITE, { input: { patientIds: rows.map((r) => String(r.patient.id)) } });
    const jobId = Number(res.data!.bulkSendPortalInvites.job.id);

    // The first runner stops after its first chunk, as on SIGTERM.
    let stopped: Promise<void> = Promise.resolve();
    let first!: BulkJobRunner;
    const chunkDone = new Promise<void>((resolve) => {
      first = new BulkJobRunner(t.dataSource, t.services.bulkJobs, logger, {
        chunkSize: 3,
        afterChunk: () => {
          stopped = first.stop();
          resolve();
        },
      });
    });
    first.start();
    await chunkDone;
    await stopped;
    const mid = await t.dataSource.getRepository(BulkJob).findOneByOrFail({ id: jobId });
    expect(mid).toMatchObject({ state: BulkJobState.RUNNING, processed: 3, succeeded: 3 });
    const done = await t.dataSource.getRepository(BulkJobItem).findBy({ jobId, outcome: In(["SUCCEEDED"]) });
    // Every row reported done is done, and no other row is.
    const invited = await t.dataSource.getRepository(Patient).findBy({ id: In(rows.map((r) => r.patient.id)), portalStatus: PortalStatus.INVITED });
    expect(invited.map((p) => p.id).sort()).toEqual(done.map((i) => i.patientId).sort());

    // A process that died holding the lease: its job is resumed by the next runner once the lease is stale.
    await t.dataSource.getRepository(BulkJob).update({ id: jobId }, { runnerId: "runner-dead", heartbeatAt: new Date(Date.now() - 60_000) });
    await drain({ leaseMs: 30_000 });
    const end = await t.dataSource.getRepository(BulkJob).findOneByOrFail({ id: jobId });
    expect(end).toMatchObject({ state: BulkJobState.DONE, total: 7, processed: 7, succeeded: 7, resumeCount: 1 });
    expect(await invitesTo(rows.map((r) => r.patient.id))).toBe(7);
  });
});

describe("results CSV", () => {
  it("streams the per-row report, neutralizing formula cells, to staff of the job's organization only", async () => {
    const { org, staff } = await setup();
    const evil = await buildPatient(t.dataSource, org.id, { firstName: "=HYPERLINK(\"http://x.test\")", lastName: "+Plus", email: null });
    const fine = await buildPatient(t.dataSource, org.id, { firstName: "Ann", lastName: "Lee" });
    const res = await staff.gql(BULK_ENABLE, { input: { patientIds: [String(evil.id), String(fine.id)] } });
    await drain();
    const url = (await jobOf(staff, res.data!.bulkEnablePortalAccess.job.id)).resultsCsvUrl;
    const csv = await staff.agent.get(url);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ patientId: String(evil.id), firstName: "'=HYPERLINK(\"http://x.test\")", lastName: "'+Plus", outcome: "SKIPPED", reason: "MISSING_EMAIL" });
    expect(rows[1]).toMatchObject({ patientId: String(fine.id), firstName: "Ann", outcome: "SUCCEEDED", reason: "" });

    expect((await request(t.app).get(url)).status).toBe(401);
    const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect((await viewer.agent.get(url)).status).toBe(403);
    const { org: other } = await buildOrg(t.dataSource);
    const { client: stranger } = await buildStaff(t.dataSource, t.app, other.id, [MANAGE_PORTAL_ACCESS]);
    expect((await stranger.agent.get(url)).status).toBe(404);
    expect((await staff.agent.get("/bulk-jobs/x1/results.csv")).status).toBe(404);
  });
});

describe("bulkJobs", () => {
  const JOBS = `query($first: Int, $after: String) {
    bulkJobs(first: $first, after: $after) { edges { cursor node { id kind state total processed succeeded skipped requestedByName resultsCsvUrl } } pageInfo { hasNextPage endCursor } }
  }`;

  it("lists the organization's jobs newest first, page by page, with who started them", async () => {
    const { org, staff, user } = await setup();
    const patient = await buildPatient(t.dataSource, org.id);
    const first = (await staff.gql(BULK_ENABLE, { input: { patientIds: [String(patient.id)] } })).data!.bulkEnablePortalAccess.job.id;
    await drain();
    const second = (await staff.gql(BULK_INVITE, { input: { patientIds: [String(patient.id)] } })).data!.bulkSendPortalInvites.job.id;
    // A job of another organization never shows up.
    const { org: other } = await buildOrg(t.dataSource);
    const { client: stranger } = await buildStaff(t.dataSource, t.app, other.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    const foreign = await buildPatient(t.dataSource, other.id);
    const foreignJob = (await stranger.gql(BULK_INVITE, { input: { patientIds: [String(foreign.id)] } })).data!.bulkSendPortalInvites.job.id;

    const all = await staff.gql(JOBS, {});
    expect(all.errors).toBeUndefined();
    expect(all.data!.bulkJobs.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([second, first]);
    expect(all.data!.bulkJobs.edges[0].node).toMatchObject({ kind: "SEND_PORTAL_INVITES", state: "QUEUED", total: 1, requestedByName: user.name, resultsCsvUrl: `/bulk-jobs/${second}/results.csv` });
    expect(all.data!.bulkJobs.edges[1].node).toMatchObject({ kind: "ENABLE_PORTAL_ACCESS", state: "DONE", total: 1, processed: 1, succeeded: 1 });
    expect(all.data!.bulkJobs.pageInfo.hasNextPage).toBe(false);

    const page1 = (await staff.gql(JOBS, { first: 1 })).data!.bulkJobs;
    expect(page1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([second]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[0].cursor });
    const page2 = (await staff.gql(JOBS, { first: 1, after: page1.pageInfo.endCursor })).data!.bulkJobs;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const theirs = (await stranger.gql(JOBS, {})).data!.bulkJobs.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(theirs).toEqual([foreignJob]);
    await drain();
  });

  it("refuses anonymous callers, staff without the permission, and a bad cursor", async () => {
    const { org, staff } = await setup();
    expect(errorCode(await new TestClient(t.app).gql(JOBS, {}))).toBe("UNAUTHENTICATED");
    const { client: viewer } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await viewer.gql(JOBS, {}))).toBe("FORBIDDEN");
    expect(errorCode(await staff.gql(JOBS, { after: "nonsense" }))).toBe("BAD_USER_INPUT");
    // A new organization has no jobs yet.
    expect((await staff.gql(JOBS, {})).data!.bulkJobs).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
