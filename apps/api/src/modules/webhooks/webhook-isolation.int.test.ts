import http from "node:http";
import type { AddressInfo } from "node:net";
import { In } from "typeorm";
import { Language } from "@portal/schema";
import { mailgunEnv, queueEmails, testWorker } from "../../../test/email-helpers";
import { buildOrg } from "../../../test/factories";
import { startFakeMailgun, type FakeMailgun } from "../../../test/fake-mailgun";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { EmailKind } from "../../email/email.types";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";

/** A partner endpoint: answers 204, or (hang) takes the request and never answers. */
async function endpoint(hang: boolean) {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(String(req.headers["portal-event-id"]));
      if (!hang) {
        res.statusCode = 204;
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

let fake: FakeMailgun;
let t: TestApp;
beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-isolation", domains: ["mg.example.test"] });
  t = await startTestApp({ ...mailgunEnv(fake), ALLOW_PRIVATE_WEBHOOK_TARGETS: "true" });
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "CLAIMED", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

async function subscription(organizationId: number, url: string): Promise<WebhookSubscription> {
  return t.dataSource.getRepository(WebhookSubscription).save({
    organizationId,
    url,
    description: null,
    events: [],
    secretSealed: t.services.secretBox.seal({ secret: "whsec_isolation" }),
    active: true,
    createdByStaffId: null,
  } as Partial<WebhookSubscription>);
}

async function queueEvents(organizationId: number, sub: WebhookSubscription, n: number): Promise<OutboxMessage[]> {
  const rows = Array.from({ length: n }, (_, i) => {
    const eventId = `evt_iso_${sub.id}_${i}`;
    return t.dataSource.getRepository(OutboxMessage).create({
      organizationId,
      channel: "WEBHOOK",
      kind: "portal_access.enabled",
      toAddress: `webhook:${sub.id}`,
      language: "en",
      variables: { subscriptionId: String(sub.id), eventId, body: JSON.stringify({ id: eventId, type: "portal_access.enabled", data: {} }) },
      status: "PENDING",
      nextAttemptAt: new Date(),
    });
  });
  return t.dataSource.getRepository(OutboxMessage).save(rows);
}

describe("webhook deliveries and email never wait on each other", () => {
  it("an endpoint that never answers delays neither the emails nor other endpoints, and is backed off alone", async () => {
    const hanging = await endpoint(true);
    const healthy = await endpoint(false);
    const sender = t.services.webhookSender;
    const saved = { timeoutMs: sender.o.timeoutMs, backoffMs: sender.o.backoffMs };
    sender.o.timeoutMs = 3_000;
    sender.o.backoffMs = [60_000];
    const worker = testWorker(t, { webhooks: sender });
    try {
      const { org } = await buildOrg(t.dataSource);
      const stuck = await queueEvents(org.id, await subscription(org.id, hanging.url), 3);
      const fine = await queueEvents(org.id, await subscription(org.id, healthy.url), 3);
      worker.start();
      // The hanging endpoint now holds a delivery; an email queued meanwhile goes out at once.
      await fake.waitFor(() => hanging.received.length === 1, 5_000, "a delivery held by the hanging endpoint");
      const queuedAt = Date.now();
      await queueEmails(t, org.id, [{ kind: EmailKind.ACCESS_REVOKED, to: `isolation-${org.id}@example.test`, language: Language.EN, variables: {} }]);
      worker.nudge();
      await fake.waitForCopies(1, 5_000);
      const emailMs = Date.now() - queuedAt;
      await fake.waitFor(() => healthy.received.length === 3, 5_000, "the healthy endpoint's three events");
      // Past the hanging endpoint's timeout: its first row failed, the two others were deferred untried.
      await fake.waitFor(() => Date.now() - queuedAt > 3_500, 6_000);
      await worker.stop();
      console.log(`email delivered ${emailMs} ms after queueing while a webhook endpoint hung`);
      expect(emailMs).toBeLessThan(1_500);
      expect(hanging.received).toHaveLength(1);
      const after = await t.dataSource.getRepository(OutboxMessage).findBy({ id: In(stuck.map((r) => r.id)) });
      expect(after.every((r) => r.status === "PENDING" && r.nextAttemptAt.getTime() > Date.now() + 30_000)).toBe(true);
      expect(after.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
      const ok = await t.dataSource.getRepository(OutboxMessage).findBy({ id: In(fine.map((r) => r.id)) });
      expect(ok.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    } finally {
      await worker.stop();
      Object.assign(sender.o, saved);
      await hanging.close();
      await healthy.close();
    }
  });
});
