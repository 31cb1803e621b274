import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from "graphql";
import { getSchema } from "../../src/graphql/schema";
import { ALL_PERMISSIONS, buildContact, buildOrg, buildPatient, buildStaff } from "../factories";
import { startTestApp, type TestApp, type TestClient } from "../test-app";

/**
 * Fires malformed input at every mutation of the built schema, as a staff user holding every
 * permission (so each one reaches its resolver): wrong types, huge strings, bad emails, invalid ids.
 * Every answer must be a typed error (a GraphQL error with an exposed code, or userErrors), never a 500
 * or INTERNAL_SERVER_ERROR, and no table may change.
 */
const TYPED_CODES = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "QUERY_TOO_COMPLEX"]);
const HUGE = "x".repeat(100_000);
const BAD_IDS = ["abc", "-1", "0", "99999999999999999999", "1 OR 1=1", "", "１２"];
const BAD_EMAILS = ["not an email", "a@", "@b.example", `${"x".repeat(300)}@example.test`, "a b@example.test"];
// Tables that legitimately move while requests are refused: rate-limit counters and the migration list.
const VOLATILE = new Set(["rate_limits", "migrations", "sqlite_sequence", "typeorm_metadata"]);

let t: TestApp;
let staff: TestClient;
let mutations: GraphQLField<unknown, unknown>[];

/** A value of the right type that names nothing existing: ids that are not found, one-character strings. */
function baseValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return baseValue(type.ofType);
  if (isListType(type)) return [baseValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) return baseObject(type);
  switch (type.name) {
    case "ID":
      return "2147480000";
    case "Int":
      return 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return false;
    case "DateTimeISO":
      return "2030-01-01T00:00:00.000Z";
    default:
      return "x";
  }
}

function baseObject(type: GraphQLInputObjectType): Record<string, unknown> {
  return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, baseValue(f.type)]));
}

/** Variants of one input: each field in turn replaced by something wrong for it. */
function variants(type: GraphQLInputObjectType): { label: string; value: Record<string, unknown> }[] {
  const base = baseObject(type);
  // With ids, the base value names records that do not exist; without ids it would be a valid request.
  const hasIds = Object.values(type.getFields()).some((f) => getNamedType(f.type).name === "ID");
  const out: { label: string; value: Record<string, unknown> }[] = hasIds ? [{ label: "ids that do not exist", value: base }] : [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    const wrap = (v: unknown) => (list ? [v] : v);
    const put = (label: string, v: unknown) => out.push({ label: `${field.name}: ${label}`, value: { ...base, [field.name]: v } });
    put("an object instead of a value", { nested: true });
    if (isScalarType(named) && (named.name === "String" || named.name === "ID")) {
      put("a number instead of a string", wrap(12345));
      put("a 100 000-character string", wrap(HUGE));
      if (named.name === "ID") for (const id of BAD_IDS) put(`invalid id ${JSON.stringify(id)}`, wrap(id));
      if (/email/i.test(field.name)) for (const e of BAD_EMAILS) put(`bad email ${JSON.stringify(e.slice(0, 30))}`, wrap(e));
      if (/date/i.test(field.name)) for (const d of ["2020-02-30", "tomorrow", "1980-1-1"]) put(`bad date ${d}`, wrap(d));
    } else if (isScalarType(named) && (named.name === "Int" || named.name === "Float")) {
      put("a string instead of a number", wrap("12"));
      put("a huge number", wrap(1e300));
      put("a negative number", wrap(-2147483649));
    } else if (isScalarType(named) && named.name === "Boolean") {
      put("a string instead of a boolean", wrap("true"));
    } else if (isScalarType(named)) {
      put("garbage for a scalar", wrap("not-a-valid-value"));
    } else if (isEnumType(named)) {
      put("an unknown enum value", wrap("NOT_A_VALUE"));
    }
    if (isInputObjectType(named)) {
      // A nested input is validated like a top-level one (graphql/nested-validation.ts): a huge string
      // in a grid filter inside a bulk input must not reach SQL.
      for (const sub of Object.values(named.getFields())) {
        const subNamed = getNamedType(sub.type);
        if (isScalarType(subNamed) && (subNamed.name === "String" || subNamed.name === "ID")) {
          const subList = isListType(isNonNullType(sub.type) ? sub.type.ofType : sub.type);
          put(`${sub.name} inside it: a 100 000-character string`, wrap({ ...baseObject(named), [sub.name]: subList ? [HUGE] : HUGE }));
        }
      }
    }
    if (list) put("a list of 10 000 items", Array.from({ length: 10_000 }, () => baseValue(getNamedType(field.type) as GraphQLInputType)));
    if (!isNonNullType(field.type)) continue;
    const { [field.name]: _omitted, ...missing } = base;
    out.push({ label: `${field.name}: missing`, value: missing });
  }
  return out;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = t.dataSource.entityMetadatas.map((m) => m.tableName).filter((name) => !VOLATILE.has(name));
  const counts: Record<string, number> = {};
  for (const name of tables.sort()) {
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${t.dataSource.driver.escape(name)}`);
    counts[name] = Number(n);
  }
  return counts;
}

beforeAll(async () => {
  t = await startTestApp();
  const { org } = await buildOrg(t.dataSource);
  staff = (await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS)).client;
  // Some real records, so that "not found" is not merely an empty database.
  const patient = await buildPatient(t.dataSource, org.id);
  await buildContact(t.dataSource, patient);
  const schema = await getSchema();
  mutations = Object.values(schema.getMutationType()!.getFields());
});
afterAll(async () => {
  await t.close();
});

describe("malformed input at every mutation", () => {
  it("covers every mutation of the schema that takes an input", () => {
    expect(mutations.length).toBeGreaterThan(20);
    expect(mutations.filter((m) => m.args.length > 0).every((m) => m.args.some((a) => a.name === "input" && isInputObjectType(getNamedType(a.type))))).toBe(true);
  });

  it("answers typed errors, never a 500, and changes nothing", async () => {
    const before = await tableCounts();
    const problems: string[] = [];
    let requests = 0;
    for (const mutation of mutations) {
      const inputArg = mutation.args.find((a) => a.name === "input");
      if (!inputArg) continue;
      const inputType = getNamedType(inputArg.type) as GraphQLInputObjectType;
      const payloadType = getNamedType(mutation.type);
      const selection = "userErrors" in (payloadType as { getFields(): object }).getFields() ? "{ userErrors { code field } }" : "";
      const doc = `mutation($input: ${inputType.name}!) { r: ${mutation.name}(input: $input) ${selection} }`;
      for (const { label, value } of variants(inputType)) {
        requests++;
        const res = await staff.agent.post("/graphql").set("content-type", "application/json").send({ query: doc, variables: { input: value } });
        const where = `${mutation.name} (${label})`;
        // A body over the server's limit (e.g. 10,000 patients for upsertPatients) is refused before
        // GraphQL, with its own typed answer; the table counts below still prove nothing changed.
        if (res.status === 413 && (res.body as { error?: string }).error === "BAD_REQUEST") continue;
        if (res.status >= 500 || (res.status !== 200 && res.status !== 400)) {
          problems.push(`${where}: HTTP ${res.status}`);
          continue;
        }
        const errors = (res.body.errors ?? []) as { extensions?: { code?: string }; message: string }[];
        const untyped = errors.filter((e) => !TYPED_CODES.has(String(e.extensions?.code)));
        if (untyped.length) {
          problems.push(`${where}: ${untyped.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ")}`);
          continue;
        }
        if (errors.length === 0) {
          const userErrors = res.body.data?.r?.userErrors;
          if (!Array.isArray(userErrors) || userErrors.length === 0) problems.push(`${where}: accepted (${JSON.stringify(res.body.data).slice(0, 200)})`);
        }
        if (/stacktrace|node_modules|\bat \S+\.(js|ts):\d+|SELECT |INSERT INTO|\bER_[A-Z_]+|SQLITE_[A-Z]+/.test(res.text)) problems.push(`${where}: leaks internals`);
      }
    }
    expect(problems).toEqual([]);
    expect(requests).toBeGreaterThan(300);
    expect(await tableCounts()).toEqual(before);
  }, 300_000);
});
