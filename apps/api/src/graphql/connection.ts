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

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    /* fall through to the typed error */
  }
  throw new GraphQLError("Invalid cursor.", { extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
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

