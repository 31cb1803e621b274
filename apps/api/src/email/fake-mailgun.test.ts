import Mailgun from "mailgun.js";
import { buildWebhook, makeWebhookVerifier, startFakeMailgun, type FakeMailgun } from "../../test/fake-mailgun";

let fake: FakeMailgun;
beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-right", domains: ["mg.example.test"] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const client = (key = "key-right", timeout = 2000) => new Mailgun(FormData).client({ username: "api", key, url: fake.url, timeout });
const base = { from: "Clinic <no-reply@mg.example.test>", to: ["a@example.test"], subject: "Hi", text: "Hello" };
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: { status: number; details: string; message: string }) => e);

describe("fake Mailgun, as the real mailgun.js client sees it", () => {
  it("refuses a wrong key with 401 Forbidden and an unknown domain with 404", async () => {
    expect(await failure(client("key-wrong").messages.create("mg.example.test", base))).toMatchObject({ status: 401, details: "Forbidden" });
    expect(await failure(client().messages.create("other.example.test", base))).toMatchObject({ status: 404, details: "Domain not found: other.example.test" });
    expect(fake.messages).toHaveLength(0);
  });

  it("validates fields the way Mailgun does", async () => {
    expect(await failure(client().messages.create("mg.example.test", { ...base, from: "" }))).toMatchObject({ status: 400, details: "'from' parameter is missing" });
    expect(await failure(client().messages.create("mg.example.test", { ...base, to: ["not-an-address"] }))).toMatchObject({ status: 400, details: expect.stringContaining("'to' parameter is not a valid address") });
    expect(await failure(client().messages.create("mg.example.test", { from: base.from, to: base.to, subject: "x" } as never))).toMatchObject({ status: 400, details: expect.stringContaining("Need at least one of") });
    expect(await failure(client().messages.create("mg.example.test", { ...base, "recipient-variables": "{oops" }))).toMatchObject({ status: 400, details: "'recipient-variables' parameter is not a valid JSON" });
    const many = Array.from({ length: 1001 }, (_, i) => `r${i}@example.test`);
    expect(await failure(client().messages.create("mg.example.test", { ...base, to: many }))).toMatchObject({ status: 400, details: "Too many recipients, max is 1000" });
  });

  it("accepts a batch, substitutes recipient variables per copy, and answers with a bracketed id", async () => {
    const res = await client().messages.create("mg.example.test", {
      ...base,
      to: ["a@example.test", "Bob <b@example.test>"],
      subject: "Hi %recipient.name%",
      text: "Go to %recipient.link% (%recipient.missing%) %recipient%",
      "v:id": "%recipient.id%",
      "recipient-variables": JSON.stringify({ "a@example.test": { name: "Ann", link: "L1", id: 1 }, "b@example.test": { name: "Bob", link: "L2", id: 2 } }),
    });
    expect(res.id).toMatch(/^<\d{14}\.[0-9a-f]{16}@mg\.example\.test>$/);
    expect(fake.messages[0].messageId).toBe(res.id!.slice(1, -1));
    expect(fake.messages[0].perRecipient).toEqual([
      { recipient: "a@example.test", subject: "Hi Ann", text: "Go to L1 (%recipient.missing%) a@example.test", html: "", userVariables: { id: "1" } },
      { recipient: "b@example.test", subject: "Hi Bob", text: "Go to L2 (%recipient.missing%) b@example.test", html: "", userVariables: { id: "2" } },
    ]);
  });

  it("fails on demand: a status once, then a hang the client times out on", async () => {
    fake.failNext({ status: 503 });
    expect(await failure(client().messages.create("mg.example.test", base))).toMatchObject({ status: 503 });
    fake.failNext({ hang: true });
    expect(await failure(client("key-right", 200).messages.create("mg.example.test", base))).toMatchObject({ status: 400, message: "ECONNABORTED" });
    await client().messages.create("mg.example.test", base);
    expect(fake.messages).toHaveLength(1);
  });

  it("builds signed webhooks that the reference verifier accepts once", () => {
    const verify = makeWebhookVerifier("signing-key");
    const hook = buildWebhook("signing-key", "permanent_fail", { messageId: "m1@mg.example.test", domain: "mg.example.test" }, { recipient: "a@example.test" });
    expect(hook["event-data"]).toMatchObject({ event: "failed", severity: "permanent", recipient: "a@example.test", message: { headers: { "message-id": "m1@mg.example.test" } } });
    expect(verify(hook.signature)).toBe("ok");
    expect(verify(hook.signature)).toBe("replay");
    expect(verify({ ...hook.signature, signature: "0".repeat(64) })).toBe("bad-signature");
    expect(verify(buildWebhook("signing-key", "delivered", { messageId: "m", domain: "d" }, { signature: { timestamp: Math.floor(Date.now() / 1000) - 3600 } }).signature)).toBe("stale");
  });
});
