import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logger";
import type { Context } from "./context";

// Codes a client may see as they are; anything else is an unexpected failure and is masked.
const EXPOSED = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
  "DEV_MAILBOX_DISABLED",
]);

/**
 * The second tier of errors: expected ones pass with their code; the unexpected is logged with
 * the request id and masked, so no stack trace or SQL ever reaches a client.
 */
function isExpected(code: string, error: unknown): boolean {
  const original = (error as { originalError?: { name?: string } })?.originalError;
  return EXPOSED.has(code) || original?.name === "ArgumentValidationError";
}

/** Logs unexpected errors with the request id (the client only sees a masked message). */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            const code = String(err.extensions?.code ?? "");
            if (!isExpected(code, err)) logger.error({ err: err.originalError ?? err, path: err.path, requestId: contextValue.requestId }, "unexpected GraphQL error");
          }
        },
      };
    },
  };
}

export function formatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "");
    if (EXPOSED.has(code)) {
      const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      if (Array.isArray(extensions.validationErrors)) {
        // Keep which field broke which rule; never echo the submitted values back.
        extensions.validationErrors = (extensions.validationErrors as { property?: string; constraints?: unknown; children?: unknown }[]).map((v) => ({
          property: v.property,
          constraints: v.constraints,
          children: v.children,
        }));
        if (code === "BAD_USER_INPUT" || !code) extensions.code = "BAD_USER_INPUT";
      }
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    // type-graphql's argument validation errors carry no code of their own in some versions.
    const original = (error as { originalError?: { name?: string; extensions?: { code?: string } } })?.originalError;
    if (original?.name === "ArgumentValidationError") {
      return { message: formatted.message, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    }
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
