import { ALL_PERMISSIONS, buildOrg, buildPatient, buildStaff } from "../../test/factories";
import { errorCode, startTestApp, type TestApp, type TestClient } from "../../test/test-app";
import { BulkJob } from "../modules/bulk/bulk-job.entity";

/**
 * Issue 10 path 7: bad input never reaches SQL. Every connection's `after` is checked for the shape
 * its query wrote, and nested input objects (grid filters inside a mutation input or an argument)
 * are validated like top-level ones. Each answer is a typed BAD_USER_INPUT, never a masked 500.
 */
const b64 = (json: string) => Buffer.from(json).toString("base64url");
const BAD_CURSORS: [string, string][] = [
  ["an array inside the key", b64("[[1,2]]")],
  ["an object", b64("{}")],
  ["an object in the key", b64('[{"a":1}]')],
  ["a huge number", b64("[1e400]")],
  ["a number beyond any id", b64("[99999999999999999999999]")],
  ["a negative id", b64("[-5]")],
  ["a fraction", b64("[1.5]")],
  ["a boolean", b64("[true]")],
  ["a very long string", b64(JSON.stringify(["a".repeat(3000)]))],
  ["null", b64("[null]")],
  ["JSON null", b64("null")],
  ["too many parts", b64("[1,2,3,4,5,6]")],
  ["non-base64 garbage", "%%%not base64!!!"],
  ["an oversized cursor", "A".repeat(20_000)],
];

// Wrong for a key of ids (a string where an id belongs); a key of one string (an email) takes it as a
// plain value, compared through a bound parameter: an empty page, not an error.
const SQL_STRING = b64('["1 OR 1=1"]');

const CONNECTIONS: { name: string; query: string; path: (data: any) => unknown; stringKey?: true }[] = [
  { name: "portalAccounts", query: `query($after: String) { portalAccounts(after: $after) { edges { cursor } } }`, path: (d) => d?.portalAccounts, stringKey: true },
  { name: "patients (by name)", query: `query($after: String) { patients(after: $after) { edges { cursor } } }`, path: (d) => d?.patients },
  {
    name: "patients (by status)",
    query: `query($after: String) { patients(after: $after, orderBy: {field: STATUS, direction: DESC}) { edges { cursor } } }`,
    path: (d) => d?.patients,
  },
  {
    name: "patients (by last sign-in)",
    query: `query($after: String) { patients(after: $after, orderBy: {field: LAST_SIGN_IN, direction: ASC}) { edges { cursor } } }`,
    path: (d) => d?.patients,
  },
  { name: "apiKeys", query: `query($after: String) { apiKeys(after: $after) { edges { cursor } } }`, path: (d) => d?.apiKeys },
  { name: "auditEvents", query: `query($after: String) { auditEvents(after: $after) { edges { cursor } } }`, path: (d) => d?.auditEvents },
  { name: "bulkJobs", query: `query($after: String) { bulkJobs(after: $after) { edges { cursor } } }`, path: (d) => d?.bulkJobs },
  { name: "webhookDeliveries", query: `query($after: String) { webhookDeliveries(after: $after) { edges { cursor } } }`, path: (d) => d?.webhookDeliveries },
  { name: "devMailbox", query: `query($after: String) { devMailbox(after: $after) { edges { cursor } } }`, path: (d) => d?.devMailbox },
  {
    name: "BulkJob.items",
    query: `query($after: String, $job: ID!) { bulkJob(id: $job) { items(after: $after) { edges { cursor } } } }`,
    path: (d) => d?.bulkJob?.items,
  },
];

let t: TestApp;
let admin: TestClient;
let jobId: string;
beforeAll(async () => {
  t = await startTestApp();
  const { org } = await buildOrg(t.dataSource);
  admin = (await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS)).client;
  const patient = await buildPatient(t.dataSource, org.id);
  const res = await admin.gql(`mutation($input: BulkEnablePortalAccessInput!) { bulkEnablePortalAccess(input: $input) { job { id } userErrors { code } } }`, {
    input: { patientIds: [String(patient.id)] },
  });
  jobId = res.data!.bulkEnablePortalAccess.job.id;
});
afterAll(async () => {
  await t.close();
});

describe("every connection's `after` is validated in one place", () => {
  it.each(CONNECTIONS)("$name answers BAD_USER_INPUT for each malformed cursor", async ({ query, path, stringKey }) => {
    const answers: Record<string, string | undefined> = {};
    for (const [label, after] of BAD_CURSORS) {
      const res = await admin.gql(query, { after, job: jobId });
      answers[label] = errorCode(res);
      expect(path(res.data)).toBeFalsy();
      expect(JSON.stringify(res.errors)).not.toMatch(/SQL|syntax/i);
    }
    expect(answers).toEqual(Object.fromEntries(BAD_CURSORS.map(([label]) => [label, "BAD_USER_INPUT"])));
    const sql = await admin.gql(query, { after: SQL_STRING, job: jobId });
    if (stringKey) expect(path(sql.data)).toEqual({ edges: [] });
    else expect(errorCode(sql)).toBe("BAD_USER_INPUT");
  });

  it.each(CONNECTIONS)("$name still accepts the cursors it hands out", async ({ query, path }) => {
    const first = await admin.gql(query.replace("(after: $after", "(first: 1, after: $after").replace("items(after: $after", "items(first: 1, after: $after"), { job: jobId });
    expect(first.errors).toBeUndefined();
    const edges = (path(first.data) as { edges: { cursor: string }[] }).edges;
    if (!edges.length) return;
    const next = await admin.gql(query, { after: edges[0].cursor, job: jobId });
    expect(next.errors).toBeUndefined();
  });
});

describe("nested input objects are validated", () => {
  const HUGE = "x".repeat(70 * 1024);

  it("a 70 KB filter.search on the bulk mutations answers BAD_USER_INPUT and starts no job", async () => {
    const before = await t.dataSource.getRepository(BulkJob).count();
    for (const mutation of ["bulkEnablePortalAccess", "bulkSendPortalInvites"]) {
      const input = mutation === "bulkEnablePortalAccess" ? "BulkEnablePortalAccessInput" : "BulkSendPortalInvitesInput";
      const res = await admin.gql(`mutation($input: ${input}!) { ${mutation}(input: $input) { job { id } userErrors { code } } }`, { input: { filter: { search: HUGE } } });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
      expect(res.data?.[mutation] ?? null).toBeNull();
    }
    expect(await t.dataSource.getRepository(BulkJob).count()).toBe(before);
  });

  it("a 70 KB search in a query's filter argument answers BAD_USER_INPUT", async () => {
    const queries = [
      `query($s: String) { patients(filter: {search: $s}) { totalCount } }`,
      `query($s: String) { portalAccounts(filter: {search: $s}) { edges { cursor } } }`,
      `query($s: String) { auditEvents(filter: {action: $s}) { edges { cursor } } }`,
    ];
    for (const query of queries) expect(errorCode(await admin.gql(query, { s: HUGE }))).toBe("BAD_USER_INPUT");
  });

  it("too many statuses in a nested filter answer BAD_USER_INPUT", async () => {
    const res = await admin.gql(`{ patients(filter: {portalStatus: [ENABLED, ENABLED, ENABLED, ENABLED, ENABLED]}) { totalCount } }`);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});
