import http from "node:http";
import type { AddressInfo } from "node:net";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildStaff } from "../../../test/factories";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";

// Its own file: this app runs with the production default (private targets refused), and passport's
// staff strategy is process-wide, so it must not overlap with an app that allows them.
const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { signingSecret subscription { id url events active description } userErrors { code field message } }
}`;
const TEST = `mutation($input: WebhookSubscriptionIdInput!) { sendTestWebhookEvent(input: $input) { eventId userErrors { code field } } }`;
const DELIVERIES = `query($sub: ID) { webhookDeliveries(subscriptionId: $sub, first: 20) { edges { node { eventId eventType attempt success statusCode error } } } }`;

/** An endpoint on loopback that must never be reached. */
async function startReceiver() {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(req.url ?? "");
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("SSRF protection (ALLOW_PRIVATE_WEBHOOK_TARGETS unset)", () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await startTestApp();
  });
  afterAll(async () => {
    await strict.close();
  });

  it("refuses loopback, private, link-local and mapped addresses, by literal and by name", async () => {
    const { org } = await buildOrg(strict.dataSource);
    const { client: admin } = await buildStaff(strict.dataSource, strict.app, org.id, [StaffPermission.MANAGE_API_KEYS]);
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.1.2.3/hook",
      "http://172.20.0.5/hook",
      "http://192.168.1.10/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://[fd00::1]/hook",
      "http://0.0.0.0/hook",
      "http://does-not-exist.invalid/hook",
    ]) {
      const res = await admin.gql(CREATE, { input: { url, events: ["PORTAL_ACCESS_ENABLED"] } });
      expect([url, res.data!.createWebhookSubscription.userErrors[0]?.code]).toEqual([url, "WEBHOOK_URL_REFUSED"]);
    }
    expect(await strict.dataSource.getRepository(WebhookSubscription).countBy({ organizationId: org.id })).toBe(0);
    // A public address is accepted (an address literal: no DNS needed here).
    const ok = await admin.gql(CREATE, { input: { url: "https://93.184.216.34/hooks", events: ["PORTAL_ACCESS_ENABLED"] } });
    expect(ok.data!.createWebhookSubscription.userErrors).toEqual([]);
  });

  it("refuses an internal target again at delivery time, and logs the refusal", async () => {
    const { org } = await buildOrg(strict.dataSource);
    const { client: admin } = await buildStaff(strict.dataSource, strict.app, org.id, [StaffPermission.MANAGE_API_KEYS]);
    // As if the address had been allowed when the subscription was made (or DNS changed since).
    const sub = await strict.dataSource.getRepository(WebhookSubscription).save({
      organizationId: org.id,
      url: receiver.url.replace("127.0.0.1", "localhost"),
      events: ["portal_access.enabled"],
      secretSealed: strict.services.secretBox.seal({ secret: "whsec_x" }),
      active: true,
    } as WebhookSubscription);
    strict.services.webhookSender.o.maxAttempts = 1;
    expect((await admin.gql(TEST, { input: { id: String(sub.id) } })).data!.sendTestWebhookEvent.userErrors).toEqual([]);
    await strict.services.outboxWorker.drain({ organizationId: org.id, channel: "WEBHOOK" });
    expect(receiver.received).toEqual([]);
    const log = (await admin.gql(DELIVERIES)).data!.webhookDeliveries.edges.map((e: any) => e.node);
    expect(log).toEqual([{ eventId: expect.stringMatching(/^evt_/), eventType: "webhook.test", attempt: 1, success: false, statusCode: null, error: expect.stringMatching(/refused/) }]);
    expect(await strict.dataSource.getRepository(OutboxMessage).countBy({ organizationId: org.id, status: "FAILED" })).toBe(1);
  });
});

