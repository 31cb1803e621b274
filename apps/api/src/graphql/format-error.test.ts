import { GraphQLError } from "graphql";
import { formatError } from "./format-error";

const format = formatError();

describe("formatError (the second tier of errors)", () => {
  it("masks unexpected errors: no message, stack or SQL reaches the client", () => {
    const sqlError = Object.assign(new Error("ER_DUP_ENTRY: Duplicate entry 'a@b.c' for key 'uq_portal_accounts_email' in INSERT INTO `portal_accounts`"), { sql: "INSERT INTO `portal_accounts` …" });
    const wrapped = new GraphQLError(sqlError.message, { originalError: sqlError, path: ["enablePortalAccess"] });
    const out = format({ message: sqlError.message, path: ["enablePortalAccess"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: sqlError.stack!.split("\n") } }, wrapped);
    expect(out).toEqual({ message: "Internal server error", path: ["enablePortalAccess"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(out)).not.toMatch(/INSERT|ER_DUP|portal_accounts|at /);
  });

  it("masks errors with an unknown code too", () => {
    const out = format({ message: "connect ECONNREFUSED 10.0.0.5:3306", extensions: { code: "ECONNREFUSED" } }, new GraphQLError("x"));
    expect(out.message).toBe("Internal server error");
    expect(out.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("passes expected codes through without stack traces, and never echoes submitted values", () => {
    const limit = format({ message: "Query too deep.", extensions: { code: "QUERY_TOO_COMPLEX", limit: "depth", stacktrace: ["at x"] } }, new GraphQLError("Query too deep."));
    expect(limit).toEqual({ message: "Query too deep.", extensions: { code: "QUERY_TOO_COMPLEX", limit: "depth" } });
    const validation = format(
      { message: "Argument Validation Error", extensions: { code: "BAD_USER_INPUT", validationErrors: [{ property: "name", constraints: { maxLength: "too long" }, value: "secret value", target: { name: "secret value" } }] } },
      new GraphQLError("Argument Validation Error"),
    );
    expect(JSON.stringify(validation)).not.toContain("secret value");
    expect(validation.extensions).toEqual({ code: "BAD_USER_INPUT", validationErrors: [{ property: "name", constraints: { maxLength: "too long" }, children: undefined }] });
  });
});
