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

  it("holds an accepted call open: the message and its events exist, the caller gets no answer", async () => {
    fake.failNext({ acceptAndHold: true });
    const call = client("key-right", 300).messages.create("mg.example.test", { ...base, "v:batch-id": "b-held" });
    expect(await failure(call)).toMatchObject({ message: "ECONNABORTED" });
    expect(fake.held).toHaveLength(1);
    expect(fake.messages).toHaveLength(1);
    expect(fake.events.map((e) => e.item["user-variables"])).toEqual([{ "batch-id": "b-held" }]);
  });
});

describe("fake Mailgun Events API", () => {
  const auth = `Basic ${Buffer.from("api:key-right").toString("base64")}`;
  const get = async (path: string, key = auth) => {
    const res = await fetch(path.startsWith("http") ? path : `${fake.url}${path}`, { headers: { authorization: key } });
    const text = await res.text();
    return { status: res.status, body: (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text };
  };
  const sendBatch = (batchId: string, to: string[]) =>
    client().messages.create("mg.example.test", {
      ...base,
      to,
      text: "Hello %recipient.name%",
      "v:batch-id": batchId,
      "v:outbox-id": "%recipient.id%",
      "recipient-variables": JSON.stringify(Object.fromEntries(to.map((a, i) => [a, { name: `N${i}`, id: i }]))),
    });
  const q = (params: Record<string, string>) => `/v3/mg.example.test/events?${new URLSearchParams(params)}`;

  it("answers accepted events shaped like Mailgun's, filtered by user-variables, event and recipient", async () => {
    const since = String(Math.floor(Date.now() / 1000) - 1);
    const sent = await sendBatch("b-1", ["a@example.test", "b@example.test"]);
    await sendBatch("b-2", ["c@example.test"]);
    const page = await get(q({ event: "accepted", begin: since, ascending: "yes", "user-variables": JSON.stringify({ "batch-id": "b-1" }) }));
    expect(page.status).toBe(200);
    expect(page.body.items.map((i: { recipient: string }) => i.recipient)).toEqual(["a@example.test", "b@example.test"]);
    const [first] = page.body.items;
    expect(first).toMatchObject({
      event: "accepted",
      "log-level": "info",
      recipient: "a@example.test",
      "recipient-domain": "example.test",
      "user-variables": { "batch-id": "b-1", "outbox-id": "0" },
      message: { headers: { "message-id": sent.id!.slice(1, -1), to: "a@example.test" } },
    });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(typeof first.timestamp).toBe("number");
    expect(Object.keys(page.body.paging).sort()).toEqual(["first", "last", "next", "previous"]);
    expect((await get(q({ recipient: "c@example.test", ascending: "yes", begin: since }))).body.items).toHaveLength(1);
    expect((await get(q({ event: "delivered", ascending: "yes", begin: since }))).body.items).toHaveLength(0);
    expect((await get(q({ "message-id": sent.id!, ascending: "yes", begin: since }))).body.items).toHaveLength(2);
    // Events before `begin` are outside the range.
    expect((await get(q({ begin: String(Math.floor(Date.now() / 1000) + 60), ascending: "yes" }))).body.items).toEqual([]);
  });

  it("pages with paging.next until an empty page, and an ascending query without end keeps polling", async () => {
    const since = String(Math.floor(Date.now() / 1000) - 1);
    await sendBatch("b-paged", Array.from({ length: 5 }, (_, i) => `p${i}@example.test`));
    const seen: string[] = [];
    let page = await get(q({ begin: since, ascending: "yes", limit: "2", "user-variables": JSON.stringify({ "batch-id": "b-paged" }) }));
    let pages = 0;
    while (page.body.items.length) {
      pages++;
      seen.push(...page.body.items.map((i: { recipient: string }) => i.recipient));
      expect(page.body.paging.next).toMatch(new RegExp(`^${fake.url}/v3/mg\\.example\\.test/events/[A-Za-z0-9_-]+$`));
      page = await get(page.body.paging.next);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(["p0@example.test", "p1@example.test", "p2@example.test", "p3@example.test", "p4@example.test"]);
    // The last page's next URL, asked again later, returns what arrived since.
    const last = page.body.paging.next;
    await sendBatch("b-paged", ["late@example.test"]);
    expect((await get(last)).body.items.map((i: { recipient: string }) => i.recipient)).toEqual(["late@example.test"]);
    // Newest first without `ascending`.
    const desc = await get(q({ "user-variables": JSON.stringify({ "batch-id": "b-paged" }) }));
    expect(desc.body.items[0].recipient).toBe("late@example.test");
  });

  it("hides events until eventsDelayMs after acceptance, as Mailgun's store lags", async () => {
    fake.eventsDelayMs = 400;
    try {
      const since = String(Math.floor(Date.now() / 1000) - 1);
      await sendBatch("b-lag", ["lag@example.test"]);
      const query = q({ begin: since, ascending: "yes", "user-variables": JSON.stringify({ "batch-id": "b-lag" }) });
      expect((await get(query)).body.items).toEqual([]);
      await new Promise((r) => setTimeout(r, 450));
      expect((await get(query)).body.items).toHaveLength(1);
    } finally {
      fake.eventsDelayMs = 0;
    }
  });

  it("refuses a wrong key, an unknown domain, bad options; fails on demand without touching sends", async () => {
    expect(await get(q({}), "Basic eA==")).toEqual({ status: 401, body: "Forbidden" });
    expect((await get("/v3/other.example.test/events")).status).toBe(404);
    expect(await get(q({ limit: "301" }))).toMatchObject({ status: 400, body: { message: expect.stringContaining("limit") } });
    expect(await get(q({ "user-variables": "{nope" }))).toMatchObject({ status: 400 });
    expect(await get(q({ ascending: "maybe" }))).toMatchObject({ status: 400 });
    fake.failEventsNext({ status: 503 });
    await client().messages.create("mg.example.test", base);
    expect((await get(q({}))).status).toBe(503);
    expect((await get(q({}))).status).toBe(200);
  });
});
