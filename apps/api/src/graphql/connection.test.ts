import "reflect-metadata";
import { graphql, printSchema } from "graphql";
import { buildSchema, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Connection, connectionOf, decodeCursor, encodeCursor, toConnection } from "./connection";

const b64 = (json: string) => Buffer.from(json).toString("base64url");

/** The error code decodeCursor throws, or "ok". */
function code(decode: () => unknown): string {
  try {
    decode();
    return "ok";
  } catch (err) {
    return String((err as { extensions?: { code?: string } }).extensions?.code);
  }
}

describe("decodeCursor", () => {
  it("gives back the key encodeCursor wrote, typed by its shape", () => {
    expect(decodeCursor(encodeCursor([42]), ["id"])).toEqual([42]);
    expect(decodeCursor(encodeCursor(["doe", "jane", 7]), ["string", "string", "id"])).toEqual(["doe", "jane", 7]);
    expect(decodeCursor(encodeCursor([2, "doe", "jane", 7]), ["rank", "string", "string", "id"])).toEqual([2, "doe", "jane", 7]);
    expect(decodeCursor(encodeCursor(["2026-11-30T10:00:00.000Z", 3]), ["date?", "id"])).toEqual([new Date("2026-11-30T10:00:00.000Z"), 3]);
    expect(decodeCursor(encodeCursor([null, 3]), ["date?", "id"])).toEqual([null, 3]);
  });

  it.each([
    ["an array inside", b64("[[1,2]]"), ["id"]],
    ["an object", b64("{}"), ["id"]],
    ["a huge number", b64("[1e400]"), ["id"]],
    ["beyond an INT id", b64("[2147483648]"), ["id"]],
    ["zero", b64("[0]"), ["id"]],
    ["a fraction", b64("[1.5]"), ["id"]],
    ["a string for an id", b64('["1 OR 1=1"]'), ["id"]],
    ["a number for a string", b64("[12]"), ["string"]],
    ["a 1,001-character string", b64(JSON.stringify(["a".repeat(1001)])), ["string"]],
    ["a rank out of range", b64("[1001]"), ["rank"]],
    ["a date that is not ISO", b64('["yesterday"]'), ["date?"]],
    ["an impossible date", b64('["2026-02-30T25:00:00Z"]'), ["date?"]],
    ["the wrong length", b64("[1,2]"), ["id"]],
    ["not base64url", "%%%", ["id"]],
    ["not JSON", b64("[1"), ["id"]],
    ["too long to decode", "A".repeat(8193), ["id"]],
  ] as const)("refuses %s with BAD_USER_INPUT", (_label, cursor, shape) => {
    expect(code(() => decodeCursor(cursor, shape))).toBe("BAD_USER_INPUT");
  });
});

describe("connections", () => {
  it("fill PageInfo in one place: cursors of the first and last edge, next page from the extra row", () => {
    const rows = [{ id: 3 }, { id: 2 }, { id: 1 }];
    const page = toConnection(rows, 2, (r) => [r.id]);
    expect(page.edges.map((e) => e.node.id)).toEqual([3, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor([3]), endCursor: encodeCursor([2]) });
    expect(decodeCursor(page.pageInfo.endCursor!, ["id"])).toEqual([2]);
    expect(toConnection(rows, 3, (r) => [r.id]).pageInfo.hasNextPage).toBe(false);
    const empty = connectionOf([], false, () => "x", true);
    expect(empty).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it("are one generic type whose GraphQL names and descriptions come from its node", async () => {
    @ObjectType("ProbeNode", { description: "A probe." })
    class ProbeNode {
      @Field(() => Int, { description: "Id." })
      id: number;
    }
    const ProbeConnection = Connection(ProbeNode, { name: "Probe", description: "A page of probes.", node: "The probe.", edges: "The probes of this page." });
    @Resolver()
    class ProbeResolver {
      @Query(() => ProbeConnection, { description: "Probes." })
      probes(): InstanceType<typeof ProbeConnection> {
        return toConnection([Object.assign(new ProbeNode(), { id: 1 })], 1, (p) => [p.id]);
      }
    }
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    const sdl = printSchema(schema);
    expect(sdl).toContain('"""A page of probes."""\ntype ProbeConnection {\n  """The probes of this page."""\n  edges: [ProbeEdge!]!');
    expect(sdl).toContain('"""An edge of ProbeConnection."""\ntype ProbeEdge {\n  """Cursor of this edge."""\n  cursor: String!\n\n  """The probe."""\n  node: ProbeNode!');
    const result = await graphql({ schema, source: "{ probes { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }" });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ probes: { edges: [{ cursor: encodeCursor([1]), node: { id: 1 } }], pageInfo: { hasNextPage: false, endCursor: encodeCursor([1]) } } });
  });
});
