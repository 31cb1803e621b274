import { Writable } from "node:stream";
import { QueryFailedError } from "typeorm";
import { chooseLogFormat, createLogger, redactUrl, serializeRequest } from "./logger";

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

  it("redacts every segment after a token route, any token-like segment and every query value", () => {
    const token = "IoeJnPfDc54p-MM9iSZPfqkyY2S0p2mJg06noLQxbyQ";
    expect(redactUrl(`/portal/invite/${token}`)).toBe("/portal/invite/[redacted]");
    expect(redactUrl(`/portal/reset/${token}?lang=fr`)).toBe("/portal/reset/[redacted]?lang=[redacted]");
    expect(redactUrl("/portal/confirm-email/abc")).toBe("/portal/confirm-email/[redacted]");
    expect(redactUrl("/portal/activate/ABCD-1234")).toBe("/portal/activate/[redacted]");
    expect(redactUrl(`/anything/${token}/next`)).toBe("/anything/[redacted]/next");
    expect(redactUrl(`/portal/?token=${token}&x`)).toBe("/portal/?token=[redacted]&x=[redacted]");
    expect(redactUrl(`/portal/${encodeURIComponent(token + "%")}`)).toBe("/portal/[redacted]");
    // Pages and assets stay readable.
    expect(redactUrl("/portal/sign-in")).toBe("/portal/sign-in");
    expect(redactUrl("/admin/assets/index-BkX3a9Qz.js")).toBe("/admin/assets/index-BkX3a9Qz.js");
    expect(redactUrl("/imports/42/results.csv")).toBe("/imports/42/results.csv");
    expect(redactUrl("/graphql")).toBe("/graphql");
  });

  it("censors secret-named keys a caller passes by mistake", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger("info", sink).info({ token: "t0ps3cr3t-token", input: { password: "hunter2-hunter2", newPassword: "other-pass-123" }, err: { code: "ER_DUP_ENTRY" } }, "oops");
    expect(lines[0]).not.toMatch(/t0ps3cr3t|hunter2|other-pass/);
    expect(lines[0]).toContain("ER_DUP_ENTRY");
  });

  describe("formats", () => {
    const capture = () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _enc, done) {
          lines.push(...String(chunk).split("\n").filter(Boolean));
          done();
        },
      });
      return { lines, sink };
    };

    it("prints readable lines at a terminal in development, JSON in production, tests and pipes", () => {
      expect(chooseLogFormat({ NODE_ENV: "development" }, true)).toBe("pretty");
      expect(chooseLogFormat({ NODE_ENV: "development" }, false)).toBe("json");
      expect(chooseLogFormat({ NODE_ENV: "production" }, true)).toBe("json");
      expect(chooseLogFormat({ NODE_ENV: "test" }, true)).toBe("json");
      expect(chooseLogFormat({ NODE_ENV: "production", LOG_FORMAT: "pretty" }, false)).toBe("pretty");
      expect(chooseLogFormat({ NODE_ENV: "development", LOG_FORMAT: "json" }, true)).toBe("json");
    });

    it("writes one readable line per record, not JSON", () => {
      const { lines, sink } = capture();
      createLogger("info", sink, "pretty").info({ url: "http://localhost:4000", database: "sqlite" }, "Portal Access is listening");
      expect(lines).toHaveLength(1);
      expect(() => JSON.parse(lines[0])).toThrow();
      expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Portal Access is listening /);
      expect(lines[0]).toContain('"database":"sqlite"');
      expect(lines[0]).not.toContain("\u001b["); // no colour codes when not writing to a terminal
    });

    it("shows a request as method, redacted path, status and time", () => {
      const { lines, sink } = capture();
      const token = "IoeJnPfDc54p-MM9iSZPfqkyY2S0p2mJg06noLQxbyQ";
      const req = serializeRequest({ id: "req-1", method: "GET", url: `/portal/invite/${token}?email=jane@example.com` });
      createLogger("info", sink, "pretty").info({ req, res: { statusCode: 200 }, responseTime: 12 }, "request completed");
      expect(lines).toEqual([expect.stringMatching(/INFO: GET \/portal\/invite\/\[redacted\]\?email=\[redacted\] 200 12 ms \(req-1\)$/)]);
    });

    it.each(["json", "pretty"] as const)("keeps secrets and SQL values out of %s lines", (format) => {
      const { lines, sink } = capture();
      const logger = createLogger("info", sink, format);
      logger.info({ token: "t0ps3cr3t-token", input: { password: "hunter2-hunter2", newPassword: "other-pass-123", dateOfBirth: "1990-04-01" } }, "oops");
      logger.info({ req: { headers: { cookie: "portal_session=s3ss10n", authorization: "Bearer pak_live_k3y" } } }, "headers");
      const driverError = Object.assign(new Error("Duplicate entry 'jane.doe@example.com' for key 'uq_portal_accounts_org_email'"), { sql: "INSERT ... 'jane.doe@example.com'" });
      logger.error({ err: new QueryFailedError("INSERT INTO portal_accounts (email) VALUES (?)", ["jane.doe@example.com"], driverError) }, "unexpected error");
      const text = lines.join("\n");
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(text).not.toMatch(/t0ps3cr3t|hunter2|other-pass|1990-04-01|s3ss10n|pak_live_k3y|jane\.doe/);
      expect(text).toContain("[redacted]");
    });
  });
});
