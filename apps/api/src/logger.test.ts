import { Writable } from "node:stream";
import { QueryFailedError } from "typeorm";
import { createLogger } from "./logger";

describe("logger", () => {
  it("logs a failed query's error without its SQL, parameters or the duplicated value", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const driverError = Object.assign(new Error("Duplicate entry 'jane.doe@example.com' for key 'uq_portal_accounts_org_email'"), {
      sql: "INSERT INTO portal_accounts (email) VALUES ('jane.doe@example.com')",
    });
    const err = new QueryFailedError("INSERT INTO portal_accounts (email) VALUES (?)", ["jane.doe@example.com", "1990-04-01"], driverError);
    createLogger("info", sink).error({ err }, "unexpected error");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/jane\.doe|1990-04-01/);
    expect(JSON.parse(lines[0]).err).toMatchObject({ type: "QueryFailedError", message: expect.stringContaining("Duplicate entry [redacted] for key") });
  });
});
