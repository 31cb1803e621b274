import { Field, ObjectType } from "type-graphql";
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

/** Builds edges and pageInfo from `limit + 1` rows fetched in order. */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]) {
  const hasNextPage = rows.length > limit;
  const nodes = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage: false,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return { edges, pageInfo };
}

