import request from "supertest";
import { MAX_PAGE_SIZE, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../test/factories";
import { errorCode, keyGql, startTestApp, type TestClient, type TestApp } from "../../test/test-app";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { RateLimit } from "../auth/rate-limit.entity";
import { QUERY_LIMITS } from "./limits";

const DEEP = `{ patients(first: 1) { edges { node { portalGrants { account { grants { patient { portalGrants { account { grants { patient { portalGrants { id } } } } } } } } } } } } }`;
const COSTLY = (first: number) => `{ patients(first: ${first}) { edges { node { id portalGrants { id account { id grants { id patient { id } } } } } } } }`;

let t: TestApp;
let staff: TestClient;
let orgId: number;
beforeAll(async () => {
  t = await startTestApp();
  const { org } = await buildOrg(t.dataSource);
  orgId = org.id;
  staff = (await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS, StaffPermission.MANAGE_API_KEYS])).client;
});
afterAll(async () => {
  await t.close();
});

function post(body: unknown, app = t.app) {
  return request(app).post("/graphql").set("content-type", "application/json").send(body as object);
}

describe("query limits, enforced before execution", () => {
  it("refuses a query deeper than the limit with QUERY_TOO_COMPLEX (HTTP 400, no data)", async () => {
    const res = await staff.agent.post("/graphql").set("content-type", "application/json").send({ query: DEEP });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limit: "depth", value: 13, max: QUERY_LIMITS.maxDepth });
  });

  it("refuses a query whose estimated cost is too high, and accepts the same shape with a small page", async () => {
    const res = await staff.gql(COSTLY(500));
    expect(errorCode(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors![0].extensions).toMatchObject({ limit: "cost", max: QUERY_LIMITS.maxCost });
    expect((res.errors![0].extensions!.value as number) > QUERY_LIMITS.maxCost).toBe(true);
    // The page size comes from variables too.
    const viaVariables = await staff.gql(`query($n: Int) { patients(first: $n) { edges { node { id portalGrants { id account { id grants { id patient { id } } } } } } } }`, { n: 500 });
    expect(errorCode(viaVariables)).toBe("QUERY_TOO_COMPLEX");
    const small = await staff.gql(COSTLY(10));
    expect(small.errors).toBeUndefined();
  });

  it("refuses more aliases than allowed, so one request cannot repeat a mutation, and nothing changes", async () => {
    const patient = await buildPatient(t.dataSource, orgId);
    const fields = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: enablePortalAccess(input: {patientId: "${patient.id}"}) { userErrors { code } }`);
    const res = await staff.gql(`mutation { ${fields.join("\n")} }`);
    expect(errorCode(res)).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors![0].extensions).toMatchObject({ limit: "aliases" });
    expect(await t.dataSource.getRepository(PortalGrant).countBy({ patientId: patient.id })).toBe(0);
    const allowed = await staff.gql(`{ ${Array.from({ length: 3 }, (_, i) => `p${i}: patient(id: "${patient.id}") { id }`).join(" ")} }`);
    expect(allowed.data).toEqual({ p0: { id: String(patient.id) }, p1: { id: String(patient.id) }, p2: { id: String(patient.id) } });
  });

  it("refuses batched requests (one operation per HTTP request)", async () => {
    const res = await post([{ query: "{ viewer { user { id } } }" }, { query: "{ viewer { user { id } } }" }]);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/at .*\.js/);
  });

  it("refuses documents with too many tokens at parse time", async () => {
    const res = await post({ query: `{ viewer { ${"user { id } ".repeat(QUERY_LIMITS.maxTokens / 4)} } }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("caps the page size", async () => {
    const res = await staff.gql(`{ patients(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect((await staff.gql(`{ patients(first: ${MAX_PAGE_SIZE}) { totalCount } }`)).errors).toBeUndefined();
  });

  it("refuses request bodies over 1 MB with 413 and no stack trace", async () => {
    const res = await post({ query: "{ viewer { user { id } } }", variables: { pad: "x".repeat(1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "BAD_REQUEST", message: "Request body too large." });
    const justUnder = await post({ query: "{ viewer { user { id } } }", variables: { pad: "x".repeat(1000 * 1000) } });
    expect(justUnder.status).toBe(200);
  });

  it("answers malformed JSON with 400 and no stack trace or internals", async () => {
    const res = await request(t.app).post("/graphql").set("content-type", "application/json").send('{"query": "{ viewer');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/SyntaxError|node_modules|at JSON/);
  });
});

describe("rate limits on /graphql (429 with Retry-After)", () => {
  it("limits each client IP, sharing the counter through the database", async () => {
    const limited = await startTestApp({ GRAPHQL_RATE_LIMIT_PER_IP: "5" });
    try {
      await limited.dataSource.getRepository(RateLimit).clear();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post({ query: "{ viewer { user { id } } }" }, limited.app)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const refused = await post({ query: "{ viewer { user { id } } }" }, limited.app);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body.errors[0].extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter });
      if (limited.config.databaseKind === "mysql") {
        // The count reaches the shared table within a flush interval (250 ms).
        let keys: string[] = [];
        for (let i = 0; i < 40 && !keys.some((k) => k.startsWith("gql_ip:")); i++) {
          await new Promise((r) => setTimeout(r, 50));
          keys = (await limited.dataSource.getRepository(RateLimit).find()).map((r) => r.key);
        }
        expect(keys).toContainEqual(expect.stringMatching(/^gql_ip:/));
      }
    } finally {
      await limited.close();
    }
  });

  it("limits each API key on its own: one exhausted key does not stop another", async () => {
    const limited = await startTestApp({ GRAPHQL_RATE_LIMIT_PER_KEY: "3" });
    try {
      await limited.dataSource.getRepository(RateLimit).clear();
      const { org } = await buildOrg(limited.dataSource);
      // VIEW_PATIENTS: a key's scopes stand for permissions its creator must hold (rule 16).
      const { client: admin } = await buildStaff(limited.dataSource, limited.app, org.id, [StaffPermission.MANAGE_API_KEYS, StaffPermission.VIEW_PATIENTS]);
      const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
      const a = (await admin.gql(create, { input: { name: "a", scopes: ["PATIENTS_READ"] } })).data!.createApiKey.secret as string;
      const b = (await admin.gql(create, { input: { name: "b", scopes: ["PATIENTS_READ"] } })).data!.createApiKey.secret as string;
      const q = "{ patients(first: 1) { totalCount } }";
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await keyGql(limited.app, a, q)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await keyGql(limited.app, a, q);
      expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
      expect(refused.body.errors![0].extensions!.code).toBe("RATE_LIMITED");
      expect((await keyGql(limited.app, b, q)).status).toBe(200);
      // Staff sessions are not counted against keys.
      expect((await admin.gql("{ viewer { user { id } } }")).errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

describe("production mode", () => {
  it("turns introspection and field suggestions off", async () => {
    const prod = await startTestApp({ NODE_ENV: "production", EMAIL_TRANSPORT: "dev-mailbox" });
    try {
      const introspection = await post({ query: "{ __schema { types { name } } }" }, prod.app);
      expect(introspection.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(introspection.body.data).toBeUndefined();
      const typo = await post({ query: "{ patientz { totalCount } }" }, prod.app);
      expect(typo.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean|patients/);
    } finally {
      await prod.close();
    }
    // Development keeps both, for tools.
    const dev = await post({ query: "{ patientz { totalCount } }" });
    expect(JSON.stringify(dev.body)).toMatch(/Did you mean/);
  });
});
