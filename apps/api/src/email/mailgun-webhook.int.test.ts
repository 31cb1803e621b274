import request from "supertest";
import { In } from "typeorm";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildStaff } from "../../test/factories";
import { mailgunEnv, patientWithInvite, queueEmails, testWorker } from "../../test/email-helpers";
import { buildWebhook, startFakeMailgun, type FakeMailgun } from "../../test/fake-mailgun";
import { startTestApp, type TestApp } from "../../test/test-app";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { Patient } from "../modules/patients/patient.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { OutboxMessage } from "./outbox-message.entity";

const KEY = "webhook-signing-key-for-tests";
let fake: FakeMailgun;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-webhook-test", domains: ["mg.example.test"] });
  t = await startTestApp({ ...mailgunEnv(fake, 5000), MAILGUN_WEBHOOK_SIGNING_KEY: KEY });
  // Emails other suites of this worker left unsent must not reach this fake.
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => fake.reset());

/** An invite sent through the worker to the fake: its outbox row and what Mailgun accepted. */
async function sentInvite() {
  const { org } = await buildOrg(t.dataSource);
  const invite = await patientWithInvite(t, org.id);
  const [row] = await queueEmails(t, org.id, [invite.email]);
  await testWorker(t).drain({ organizationId: org.id });
  const message = fake.messages.find((m) => m.to.includes(invite.patient.email!))!;
  return { org, invite, row: row!, message };
}

const post = (body: unknown) => request(t.app).post("/webhooks/mailgun").set("content-type", "application/json").send(body as object);
const rowOf = (id: number) => t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });

describe("POST /webhooks/mailgun", () => {
  it("records a delivery once; a replayed token is acknowledged without processing", async () => {
    const { row, message } = await sentInvite();
    const body = buildWebhook(KEY, "delivered", message);
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("recorded");
    expect(await rowOf(row.id)).toMatchObject({ deliveryStatus: "DELIVERED" });
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(replay.body.status).toBe("duplicate");
    // A late deferral never overwrites the final outcome.
    expect((await post(buildWebhook(KEY, "temporary_fail", message))).body.status).toBe("unchanged");
    expect(await rowOf(row.id)).toMatchObject({ deliveryStatus: "DELIVERED" });
  });

  it("marks a permanently failed invite on the account and the patient, audits it, and shows it to staff", async () => {
    const { org, invite, row, message } = await sentInvite();
    const res = await post(buildWebhook(KEY, "permanent_fail", message));
    expect(res.body.status).toBe("recorded");
    const account = await t.dataSource.getRepository(PortalAccount).findOneByOrFail({ id: invite.accountId });
    expect(account.inviteDeliveryFailedAt).toBeInstanceOf(Date);
    expect((await t.dataSource.getRepository(Patient).findOneByOrFail({ id: invite.patient.id })).inviteDeliveryFailedAt).toBeInstanceOf(Date);
    const [event] = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "email.delivery_failed" });
    expect(event).toMatchObject({ actorType: "SYSTEM", targetId: String(row.id), patientId: invite.patient.id });
    expect(JSON.stringify(event.after)).not.toContain(invite.patient.email!);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS]);
    const view = await client.gql(`query($id: ID!) { patient(id: $id) { portalAccess { account { inviteDelivery { status reason at } } } } }`, { id: String(invite.patient.id) });
    expect(view.data!.patient.portalAccess.account.inviteDelivery).toMatchObject({ status: "FAILED", reason: expect.stringContaining("does not exist") });
  });

  it("refuses bad signatures (401), stale timestamps (406) and malformed bodies (400), changing nothing", async () => {
    const { row, message } = await sentInvite();
    const forged = buildWebhook("not-the-key", "permanent_fail", message);
    expect((await post(forged)).status).toBe(401);
    const stale = buildWebhook(KEY, "permanent_fail", message, { signature: { timestamp: Math.floor(Date.now() / 1000) - 3600 } });
    expect((await post(stale)).status).toBe(406);
    expect((await post({ "event-data": {} })).status).toBe(400);
    expect((await post({ signature: { timestamp: "x", token: "y", signature: "z" } })).status).toBe(400);
    expect((await rowOf(row.id)).deliveryStatus).toBeNull();
  });

  it("ignores events about messages it did not send and events it does not track", async () => {
    const { message } = await sentInvite();
    expect((await post(buildWebhook(KEY, "opened", message))).body.status).toBe("ignored");
    const stranger = buildWebhook(KEY, "delivered", { ...message, messageId: "nobody@mg.example.test", perRecipient: [], userVariables: {} }, { recipient: "someone-else@example.test" });
    expect((await post(stranger)).body.status).toBe("unknown-message");
  });

  it("is off (404) when no signing key is configured", async () => {
    const bare = await startTestApp();
    try {
      expect((await request(bare.app).post("/webhooks/mailgun").send({})).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
