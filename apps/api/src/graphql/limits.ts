import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  getVariableValues,
  Kind,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { MAX_PAGE_SIZE } from "@portal/schema";
import type { Context } from "./context";

/**
 * Limits checked after parsing and validation, before anything executes. The numbers leave the admin
 * and the documented partner queries far below them (the admin grid's heaviest page, 500 rows with
 * grants, costs about 40 000) while refusing queries whose work grows multiplicatively.
 */
export const QUERY_LIMITS = {
  /** Nesting of selections; the deepest real query (patient → grants → account → grants → patient) is 7. */
  maxDepth: 12,
  /** Aliases per document: aliasing is how one request repeats a field (or a mutation) many times. */
  maxAliases: 30,
  /** Estimated cost (see listCostEstimator). */
  maxCost: 50_000,
  /** Tokens per document, checked by the parser itself so a huge document is never walked. */
  maxTokens: 10_000,
  /** A list without a `first` argument (grants of a patient, contacts) is assumed to hold this many items. */
  assumedListSize: 10,
  /** Page size assumed for a connection called without `first` (the server's default). */
  defaultPageSize: 50,
} as const;

export class QueryLimitError extends GraphQLError {
  constructor(message: string, limit: string, value: number, max: number) {
    super(message, { extensions: { code: "QUERY_TOO_COMPLEX", limit, value, max, http: { status: 400 } } });
  }
}

function unwrapList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Every field costs 1 plus its children. A connection (a field with `first`) multiplies its children by
 * the page size asked; the `edges`/`nodes` lists inside it are already counted by that page size; any
 * other list multiplies by an assumed size.
 */
export const listCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  // Introspection is off in production; in development it must stay usable by tools.
  if (isIntrospection(field.name)) return 0;
  if (field.args.some((a) => a.name === "first")) {
    // Above MAX_PAGE_SIZE the resolver refuses the page itself (BAD_USER_INPUT), so it never costs more.
    const first = typeof args.first === "number" && args.first >= 0 ? Math.min(args.first, MAX_PAGE_SIZE) : QUERY_LIMITS.defaultPageSize;
    return 1 + Math.max(first, 1) * childComplexity;
  }
  if (unwrapList(field.type) && field.name !== "edges" && field.name !== "nodes" && childComplexity > 0) {
    return 1 + QUERY_LIMITS.assumedListSize * childComplexity;
  }
  return 1 + childComplexity;
};

function isIntrospection(name: string): boolean {
  return name.startsWith("__");
}

/** Depth of the deepest selection (fragments followed), ignoring introspection fields. */
export function queryDepth(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let max = 0;
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      if (isIntrospection(sel.name.value)) continue;
      max = Math.max(max, 1 + (sel.selectionSet ? queryDepth(sel.selectionSet, fragments, seen) : 0));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, queryDepth(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      // A fragment cycle is a validation error already; the guard keeps this walk finite regardless.
      if (!fragment || seen.has(name)) continue;
      max = Math.max(max, queryDepth(fragment.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return max;
}

export function aliasCount(document: DocumentNode): number {
  let count = 0;
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) count++;
        if (sel.selectionSet) walk(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
    }
  };
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) walk(def.selectionSet);
  }
  return count;
}

export function checkLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;

  const aliases = aliasCount(document);
  if (aliases > QUERY_LIMITS.maxAliases) {
    throw new QueryLimitError(`Too many aliases (${aliases}; at most ${QUERY_LIMITS.maxAliases}).`, "aliases", aliases, QUERY_LIMITS.maxAliases);
  }
  const depth = queryDepth(operation.selectionSet, fragments);
  if (depth > QUERY_LIMITS.maxDepth) {
    throw new QueryLimitError(`Query too deep (${depth} levels; at most ${QUERY_LIMITS.maxDepth}).`, "depth", depth, QUERY_LIMITS.maxDepth);
  }
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT) before any resolver runs.
  if (errors?.length) return;
  const cost = getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables,
    estimators: [listCostEstimator],
  });
  if (cost > QUERY_LIMITS.maxCost) {
    throw new QueryLimitError(`Query too costly (estimated ${cost}; at most ${QUERY_LIMITS.maxCost}). Ask for smaller pages or fewer nested lists.`, "cost", cost, QUERY_LIMITS.maxCost);
  }
}

/** Refuses too deep, too aliased or too costly operations with QUERY_TOO_COMPLEX before they execute. */
export function queryLimitsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkLimits(schema, document, operation, request.variables ?? {});
        },
      };
    },
  };
}
