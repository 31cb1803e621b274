import { type ClassType, Field, ObjectType } from "type-graphql";
import { GraphQLError } from "graphql";
import { MAX_PAGE_SIZE } from "@portal/schema";

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field({ description: "Whether more items follow." })
  hasNextPage: boolean;

  @Field({ description: "Whether items precede (always false for forward pagination)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after`." })
  endCursor: string | null;
}

/** Opaque keyset cursors: the sort key of the last row seen, never an offset. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * What each part of a cursor's key may hold. A cursor comes back from the client, so it is input like
 * any other: its shape is checked here, once for every connection, before a value reaches a query.
 * - `id`: a row id (a positive integer that fits an INT column);
 * - `rank`: a small non-negative integer (a position in a fixed order, e.g. the status colours);
 * - `string`: a string of at most 1,000 characters (e.g. a normalized email or a name);
 * - `date?`: an ISO date-time string, or null for a row without that date.
 */
export type CursorPart = "id" | "rank" | "string" | "date?";
type CursorValue<P extends CursorPart> = P extends "id" | "rank" ? number : P extends "string" ? string : Date | null;
export type CursorKey<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: S[K] extends CursorPart ? CursorValue<S[K]> : never };

const MAX_ID = 2_147_483_647;
const MAX_RANK = 1000;
const MAX_STRING_PART = 1000;
// Larger than any key encodeCursor writes (a few strings of at most 1,000 characters), so decoding stays cheap.
const MAX_CURSOR_LENGTH = 8192;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function invalidCursor(): never {
  throw new GraphQLError("Invalid cursor.", { extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
}

function decodePart(part: CursorPart, value: unknown): number | string | Date | null {
  switch (part) {
    case "id":
      return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_ID ? (value as number) : invalidCursor();
    case "rank":
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_RANK ? (value as number) : invalidCursor();
    case "string":
      return typeof value === "string" && value.length <= MAX_STRING_PART ? value : invalidCursor();
    case "date?": {
      if (value === null) return null;
      if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) return invalidCursor();
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? invalidCursor() : date;
    }
  }
}

/**
 * Decodes a cursor whose key must have exactly the given shape; anything else (not base64url JSON,
 * not an array, another length, a part of the wrong type or out of range) is a BAD_USER_INPUT error.
 */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorKey<S> {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) invalidCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== shape.length) invalidCursor();
  return shape.map((part, i) => decodePart(part, (key as unknown[])[i])) as CursorKey<S>;
}

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: "BAD_USER_INPUT", argumentName: "first" } });
  }
  return n;
}

/** What every connection resolves to: the page's edges and its PageInfo. */
export interface ConnectionPage<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/**
 * Edges and pageInfo of a page already cut to size, whose cursors come from `cursorOf`. The one
 * place a PageInfo is filled in. `hasPreviousPage` is what the query says (a page after a cursor
 * has rows before it); forward-only lists that never tell pass nothing.
 */
export function connectionOf<T>(nodes: T[], hasNextPage: boolean, cursorOf: (node: T) => string, hasPreviousPage = false): ConnectionPage<T> {
  const edges = nodes.map((node) => ({ node, cursor: cursorOf(node) }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return { edges, pageInfo };
}

/** Builds edges and pageInfo from `limit + 1` rows fetched in order (the extra row says a next page exists). */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): ConnectionPage<T> {
  const hasNextPage = rows.length > limit;
  return connectionOf(hasNextPage ? rows.slice(0, limit) : rows, hasNextPage, (node) => encodeCursor(keyOf(node)));
}

/** How a connection type describes itself in the schema (the GraphQL names derive from `name`). */
export interface ConnectionDescriptions {
  /** `Patient` gives the types `PatientConnection` and `PatientEdge`. */
  name: string;
  /** Of the connection type. */
  description: string;
  /** Of an edge's `node` field, e.g. "The patient." */
  node: string;
  /** Of the `edges` field, e.g. "The patients of this page." */
  edges: string;
}

/**
 * The Relay connection type of `NodeType`: `<name>Connection { edges: [<name>Edge!]!, pageInfo }`
 * and `<name>Edge { cursor, node }`, one generic pair instead of a hand-written pair per list.
 * Use the returned class in `@Query(() => …)`, and `InstanceType<typeof …>` as the TypeScript type;
 * a connection with more fields adds them with a @FieldResolver on it (see PatientConnection).
 */
export function Connection<TNode extends object>(NodeType: ClassType<TNode>, d: ConnectionDescriptions) {
  @ObjectType(`${d.name}Edge`, { description: `An edge of ${d.name}Connection.` })
  class Edge {
    @Field({ description: "Cursor of this edge." })
    cursor: string;

    @Field(() => NodeType, { description: d.node })
    node: TNode;
  }

  @ObjectType(`${d.name}Connection`, { description: d.description })
  class ConnectionType implements ConnectionPage<TNode> {
    @Field(() => [Edge], { description: d.edges })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Pagination." })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

