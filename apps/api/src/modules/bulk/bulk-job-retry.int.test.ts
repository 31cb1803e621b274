import { In } from "typeorm";
import { BulkJobOutcome, BulkJobState, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { isMysql } from "../../db/dialect";
import type { OrgScope } from "../../db/org-scope";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { createLogger } from "../../logger";
import { BulkJob, BulkJobItem } from "./bulk-job.entity";
import { BulkJobRunner } from "./bulk-job.runner";
import type { BulkJobService } from "./bulk-job.service";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const BULK_ENABLE = `mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } userErrors { code } } }`;

let t: TestApp;
const logger = createLogger((process.env.LOG_LEVEL as "silent") ?? "silent");
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.services.bulkRunner.stop();
  await t.close();
});

type ProcessChunk = BulkJobService["processChunk"];

/** The app's bulk service, with `before` run at the start of each chunk (in the chunk's transaction). */
function serviceWith(before: (tx: OrgScope, chunk: number, patientIds: number[]) => Promise<void>): BulkJobService {
  const real = t.services.bulkJobs;
  let chunk = 0;
  const processChunk: ProcessChunk = async (tx, job, items, onUnexpected) => {
    await before(tx, ++chunk, items.map((i) => i.patientId));
    return real.processChunk(tx, job, items, onUnexpected);
  };
  return Object.assign(Object.create(real) as BulkJobService, { processChunk });
}

/** A job enabling and inviting `n` new patients, and the patients. */
async function enableJob(n: number) {
  const { org, roles } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await buildPatient(t.dataSource, org.id)).id);
  const res = await staff.gql(BULK_ENABLE, { input: { patientIds: ids.map(String), portalRoleId: String(roles.patientRole.id), sendInvite: true } });
  return { jobId: Number(res.data!.bulkEnablePortalAccess.job.id), ids };
}

const invitesTo = (ids: number[]) => t.dataSource.getRepository(OutboxMessage).countBy({ patientId: In(ids), kind: In(["INVITE_LINK", "INVITE_TEMPORARY_PASSWORD"]) });

/** A connection-level failure, as mysql2 reports a connection the server killed. */
const connectionLost = () => Object.assign(new Error("Connection lost: The server closed the connection."), { code: "PROTOCOL_CONNECTION_LOST", fatal: true });

describe("bulk jobs and a database that goes away for a moment", () => {
  it("retries a chunk whose connection is lost mid-job, with backoff, and finishes every row once", async () => {
    const { jobId, ids } = await enableJob(300);
    let failures = 0;
    const service = serviceWith(async (tx, chunk) => {
      // The second chunk loses its connection twice in a row, after some of its work began.
      if (chunk < 2 || failures >= 2) return;
      failures++;
      if (isMysql(t.dataSource)) {
        // MariaDB: the connection of the chunk's transaction is killed from another session.
        const [{ id }] = await tx.query<{ id: number }>("SELECT CONNECTION_ID() AS id");
        await t.dataSource.query(`KILL ${Number(id)}`);
        await tx.query("SELECT 1");
      }
      // SQLite has one connection and nothing to kill: its pool fails the way mysql2 reports it.
      throw connectionLost();
    });
    const runner = new BulkJobRunner(t.dataSource, service, logger, { chunkSize: 100, retryBaseMs: 5, retryMaxMs: 20 });
    while (await runner.runOne());

    expect(failures).toBe(2);
    const job = await t.dataSource.getRepository(BulkJob).findOneByOrFail({ id: jobId });
    expect(job).toMatchObject({ state: BulkJobState.DONE, total: 300, processed: 300, succeeded: 300, failed: 0, skipped: 0 });
    expect(await t.dataSource.getRepository(BulkJobItem).countBy({ jobId, outcome: BulkJobOutcome.PENDING })).toBe(0);
    // Nothing twice: the lost attempts were rolled back whole.
    expect(await invitesTo(ids)).toBe(300);
  });

  it("fails only the rows a permanent error concerns, and finishes the others", async () => {
    const { jobId, ids } = await enableJob(5);
    const broken = ids[2];
    const service = serviceWith(async (_tx, _chunk, patientIds) => {
      // A bug that only this patient's row meets (not a lost connection: retrying cannot help).
      if (patientIds.includes(broken)) throw new Error("unexpected state for this row");
    });
    const runner = new BulkJobRunner(t.dataSource, service, logger, { chunkSize: 100, retryBaseMs: 5, retryMaxMs: 20 });
    while (await runner.runOne());

    const job = await t.dataSource.getRepository(BulkJob).findOneByOrFail({ id: jobId });
    expect(job).toMatchObject({ state: BulkJobState.DONE, processed: 5, succeeded: 4, failed: 1 });
    const failed = await t.dataSource.getRepository(BulkJobItem).findBy({ jobId, outcome: BulkJobOutcome.FAILED });
    expect(failed.map((i) => i.patientId)).toEqual([broken]);
    expect(await invitesTo(ids.filter((id) => id !== broken))).toBe(4);
    expect(await invitesTo([broken])).toBe(0);
  });
});
