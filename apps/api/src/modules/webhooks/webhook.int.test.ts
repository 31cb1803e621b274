import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, lastEmailTo, portalClient, tokenOf } from "../../../test/portal";
import { errorCode, keyGql, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { recordInviteFailure } from "../../email/invite-delivery";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { signingSecret subscription { id url events active description } userErrors { code field message } }
}`;
const UPDATE = `mutation($input: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $input) { subscription { id url events active } userErrors { code field } } }`;
const DELETE = `mutation($input: WebhookSubscriptionIdInput!) { deleteWebhookSubscription(input: $input) { deletedId userErrors { code field } } }`;
const TEST = `mutation($input: WebhookSubscriptionIdInput!) { sendTestWebhookEvent(input: $input) { eventId userErrors { code field } } }`;
const LIST = `{ webhookSubscriptions { id url events } }`;
const DELIVERIES = `query($sub: ID) { webhookDeliveries(subscriptionId: $sub, first: 20) { edges { node { eventId eventType attempt success statusCode error } } } }`;
const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { id account { id } } userErrors { code } } }`;
const INVITE = `mutation($input: SendPortalInviteInput!) { sendPortalInvite(input: $input) { userErrors { code } } }`;

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A partner's endpoint: records what it receives and answers with the next planned status (default 204). */
async function startReceiver() {
  const received: Received[] = [];
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = plan.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, plan, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The verification recipe of docs/partner-api.md, as a partner would write it. */
function verify(secret: string, header: string, rawBody: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=", 2)));
  const expected = crypto.createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest("hex");
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && typeof parts.v1 === "string" && parts.v1.length === expected.length && crypto.timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await startTestApp({ ALLOW_PRIVATE_WEBHOOK_TARGETS: "true" });
  t.services.webhookSender.o.backoffMs = [20];
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.plan.length = 0;
});

async function setup() {
  const { org } = await buildOrg(t.dataSource);
  // VIEW_AUDIT_LOG too: a key's scopes stand for permissions its creator must hold (rule 16).
  const { client: admin, user } = await buildStaff(t.dataSource, t.app, org.id, [
    StaffPermission.MANAGE_API_KEYS,
    StaffPermission.MANAGE_PORTAL_ACCESS,
    StaffPermission.VIEW_PATIENTS,
    StaffPermission.VIEW_AUDIT_LOG,
  ]);
  return { org, admin, user };
}

async function subscribe(admin: TestClient, events = ["PORTAL_ACCESS_ENABLED", "PORTAL_INVITE_SENT"]) {
  const res = await admin.gql(CREATE, { input: { url: receiver.url, events, description: "Scheduling (test)" } });
  expect(res.data!.createWebhookSubscription.userErrors).toEqual([]);
  return { id: res.data!.createWebhookSubscription.subscription.id as string, secret: res.data!.createWebhookSubscription.signingSecret as string };
}

const deliver = (organizationId: number) => t.services.outboxWorker.drain({ organizationId, channel: "WEBHOOK", timeoutMs: 10_000 });

describe("createWebhookSubscription", () => {
  it("returns the signing secret once, keeps it sealed, and audits", async () => {
    const { org, admin } = await setup();
    const { id, secret } = await subscribe(admin);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = await t.dataSource.getRepository(WebhookSubscription).findOneByOrFail({ id: Number(id) });
    expect(row.organizationId).toBe(org.id);
    expect(row.secretSealed).not.toContain(secret.slice(6));
    expect(t.services.secretBox.open(row.secretSealed)).toEqual({ secret });
    expect((await admin.gql(LIST)).data!.webhookSubscriptions).toEqual([{ id, url: receiver.url, events: ["PORTAL_ACCESS_ENABLED", "PORTAL_INVITE_SENT"] }]);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "webhook_subscription.created" })).toBe(1);
  });

  it("is staff-only: anonymous, missing permission and API keys are refused", async () => {
    const { org, admin } = await setup();
    const input = { input: { url: receiver.url, events: ["PORTAL_ACCESS_ENABLED"] } };
    expect(errorCode(await new TestClient(t.app).gql(CREATE, input))).toBe("UNAUTHENTICATED");
    const { client: clinician } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await clinician.gql(CREATE, input))).toBe("FORBIDDEN");
    expect(errorCode(await clinician.gql(LIST))).toBe("FORBIDDEN");
    const key = (await admin.gql(`mutation { createApiKey(input: {name: "k", scopes: [PORTAL_ACCESS_WRITE, AUDIT_READ]}) { secret } }`)).data!.createApiKey.secret;
    expect(errorCode((await keyGql(t.app, key, CREATE, input)).body)).toBe("FORBIDDEN");
    expect(errorCode((await keyGql(t.app, key, DELIVERIES)).body)).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(WebhookSubscription).countBy({ organizationId: org.id })).toBe(0);
  });

  it("refuses bad input with typed errors and creates nothing", async () => {
    const { org, admin } = await setup();
    const refused = async (url: string) => (await admin.gql(CREATE, { input: { url, events: ["PORTAL_ACCESS_ENABLED"] } })).data!.createWebhookSubscription.userErrors;
    expect(await refused("ftp://example.com/hook")).toEqual([{ code: "WEBHOOK_URL_REFUSED", field: "url", message: "Only http and https URLs are accepted." }]);
    expect(await refused("not a url")).toEqual([{ code: "WEBHOOK_URL_REFUSED", field: "url", message: expect.any(String) }]);
    expect(await refused("https://user:pw@example.com/")).toEqual([expect.objectContaining({ code: "WEBHOOK_URL_REFUSED" })]);
    const testOnly = await admin.gql(CREATE, { input: { url: receiver.url, events: ["TEST"] } });
    expect(testOnly.data!.createWebhookSubscription.userErrors).toEqual([{ code: "INVALID_INPUT", field: "events", message: expect.any(String) }]);
    expect(errorCode(await admin.gql(CREATE, { input: { url: receiver.url, events: [] } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await admin.gql(CREATE, { input: { url: `https://example.com/${"x".repeat(2000)}`, events: ["PORTAL_ACCESS_ENABLED"] } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await admin.gql(CREATE, { input: { url: receiver.url, events: ["NOPE"] } }))).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(WebhookSubscription).countBy({ organizationId: org.id })).toBe(0);
  });
});

describe("deliveries", () => {
  it("delivers an access change, signed as documented, once, from the outbox", async () => {
    const { org, admin } = await setup();
    const { id, secret } = await subscribe(admin);
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await admin.gql(ENABLE, { input: { patientId: String(patient.id) } });
    expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
    // Written in the change's transaction, delivered after commit by the worker.
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: org.id, channel: "WEBHOOK", status: "PENDING" })).toBe(1);
    await deliver(org.id);
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received;
    expect(verify(secret, String(headers["portal-signature"]), body)).toBe(true);
    expect(verify("whsec_wrong", String(headers["portal-signature"]), body)).toBe(false);
    expect(verify(secret, String(headers["portal-signature"]), body.replace(String(patient.id), "999999"))).toBe(false);
    const event = JSON.parse(body);
    expect(event).toEqual({
      id: headers["portal-event-id"],
      type: "portal_access.enabled",
      createdAt: expect.any(String),
      organizationId: String(org.id),
      data: { patientId: String(patient.id), grantId: res.data!.enablePortalAccess.grant.id, accountId: res.data!.enablePortalAccess.grant.account.id, accessType: "SELF", contactId: null },
    });
    expect(headers["portal-event-type"]).toBe("portal_access.enabled");
    expect(headers["portal-delivery-attempt"]).toBe("1");
    expect(body).not.toContain(patient.email!);
    const log = (await admin.gql(DELIVERIES, { sub: id })).data!.webhookDeliveries.edges.map((e: any) => e.node);
    expect(log).toEqual([{ eventId: event.id, eventType: "portal_access.enabled", attempt: 1, success: true, statusCode: 204, error: null }]);
    await deliver(org.id);
    expect(receiver.received).toHaveLength(1);
  });

  it("emits nothing when the change is refused (the transaction rolled back)", async () => {
    const { org, admin } = await setup();
    await subscribe(admin);
    const patient = await buildPatient(t.dataSource, org.id, { email: null });
    expect((await admin.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.userErrors).toEqual([{ code: "MISSING_EMAIL" }]);
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: org.id, channel: "WEBHOOK" })).toBe(0);
  });

  it("retries a failed delivery with the same event id until the endpoint accepts it", async () => {
    const { org, admin } = await setup();
    const { secret } = await subscribe(admin);
    receiver.plan.push(500, 503);
    const patient = await buildPatient(t.dataSource, org.id);
    await admin.gql(ENABLE, { input: { patientId: String(patient.id) } });
    await deliver(org.id);
    expect(receiver.received.map((r) => r.headers["portal-delivery-attempt"])).toEqual(["1", "2", "3"]);
    expect(new Set(receiver.received.map((r) => r.headers["portal-event-id"])).size).toBe(1);
    expect(receiver.received.every((r) => verify(secret, String(r.headers["portal-signature"]), r.body))).toBe(true);
    const log = (await admin.gql(DELIVERIES)).data!.webhookDeliveries.edges.map((e: any) => [e.node.attempt, e.node.success, e.node.statusCode]);
    expect(log).toEqual([[3, true, 204], [2, false, 503], [1, false, 500]]);
  });

  it("sends portal_invite.sent and a test event; only subscribed events are delivered", async () => {
    const { org, admin } = await setup();
    const { id } = await subscribe(admin, ["PORTAL_INVITE_SENT"]);
    const patient = await buildPatient(t.dataSource, org.id);
    const grantId = (await admin.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.grant.id;
    expect((await admin.gql(INVITE, { input: { grantId } })).data!.sendPortalInvite.userErrors).toEqual([]);
    const test = await admin.gql(TEST, { input: { id } });
    expect(test.data!.sendTestWebhookEvent.userErrors).toEqual([]);
    await deliver(org.id);
    const types = receiver.received.map((r) => JSON.parse(r.body).type).sort();
    expect(types).toEqual(["portal_invite.sent", "webhook.test"]);
    const invite = JSON.parse(receiver.received.find((r) => r.body.includes("portal_invite.sent"))!.body);
    expect(invite.data).toMatchObject({ patientId: String(patient.id), grantId, accessType: "SELF", resent: false });
  });

  it("sends portal_invite.accepted when the invitee signs up", async () => {
    const { org, admin } = await setup();
    await subscribe(admin, ["PORTAL_INVITE_ACCEPTED"]);
    const patient = await buildPatient(t.dataSource, org.id);
    const grantId = (await admin.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.grant.id;
    await admin.gql(INVITE, { input: { grantId } });
    const { secrets } = await lastEmailTo(t, patient.email!);
    const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: "a long enough passphrase" } });
    expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);
    await deliver(org.id);
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({ type: "portal_invite.accepted", data: { accountId: accepted.data!.acceptPortalInvite.account.id, patientId: String(patient.id), method: "LINK" } }),
    ]);
  });

  it("sends portal_invite.delivery_failed when an invite email is given up or bounces", async () => {
    const { org, admin } = await setup();
    await subscribe(admin, ["PORTAL_INVITE_DELIVERY_FAILED"]);
    const patient = await buildPatient(t.dataSource, org.id);
    const grantId = (await admin.gql(ENABLE, { input: { patientId: String(patient.id) } })).data!.enablePortalAccess.grant.id;
    await admin.gql(INVITE, { input: { grantId } });
    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ organizationId: org.id, channel: "EMAIL", patientId: patient.id });
    // What the outbox worker (given up) and the Mailgun webhook (bounce) call, in their transaction.
    await t.dataSource.transaction((manager) => recordInviteFailure(manager, email, "bounce: 550 5.1.1 mailbox unknown"));
    await deliver(org.id);
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({ type: "portal_invite.delivery_failed", data: { accountId: String(email.accountId), patientId: String(patient.id), reason: "bounce: 550 5.1.1 mailbox unknown" } }),
    ]);
  });

  it("stops delivering to a paused or deleted subscription", async () => {
    const { org, admin } = await setup();
    const { id } = await subscribe(admin);
    const paused = await admin.gql(UPDATE, { input: { id, active: false } });
    expect(paused.data!.updateWebhookSubscription.subscription.active).toBe(false);
    await admin.gql(ENABLE, { input: { patientId: String((await buildPatient(t.dataSource, org.id)).id) } });
    await admin.gql(UPDATE, { input: { id, active: true } });
    await admin.gql(ENABLE, { input: { patientId: String((await buildPatient(t.dataSource, org.id)).id) } });
    expect((await admin.gql(DELETE, { input: { id } })).data!.deleteWebhookSubscription).toEqual({ deletedId: id, userErrors: [] });
    await deliver(org.id);
    expect(receiver.received).toEqual([]);
    expect(await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId: org.id, channel: "WEBHOOK" })).toEqual([expect.objectContaining({ status: "FAILED", lastError: "subscription deleted" })]);
    expect((await admin.gql(LIST)).data!.webhookSubscriptions).toEqual([]);
  });
});

describe("update, delete, test and the log across organizations", () => {
  it("never reaches another organization's subscriptions and refuses bad ids, changing nothing", async () => {
    const { admin: other } = await setup();
    const { id } = await subscribe(other);
    const { org, admin } = await setup();
    for (const [doc, input] of [
      [UPDATE, { id, active: false }],
      [DELETE, { id }],
      [TEST, { id }],
      [UPDATE, { id: "x1", active: false }],
      [DELETE, { id: "-1" }],
    ] as const) {
      const res = await admin.gql(doc, { input });
      const payload = Object.values(res.data!)[0] as { userErrors: unknown[] };
      expect(payload.userErrors).toEqual([{ code: "NOT_FOUND", field: "id" }]);
    }
    const bad = await admin.gql(UPDATE, { input: { id, url: "gopher://x" } });
    expect(bad.data!.updateWebhookSubscription.userErrors).toEqual([{ code: "WEBHOOK_URL_REFUSED", field: "url" }]);
    expect((await t.dataSource.getRepository(WebhookSubscription).findOneByOrFail({ id: Number(id) })).active).toBe(true);
    expect((await admin.gql(DELIVERIES, { sub: id })).data!.webhookDeliveries.edges).toEqual([]);
    expect(await t.dataSource.getRepository(WebhookDelivery).countBy({ organizationId: org.id })).toBe(0);
    expect(errorCode(await new TestClient(t.app).gql(DELETE, { input: { id } }))).toBe("UNAUTHENTICATED");
  });
});
