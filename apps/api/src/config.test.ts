import { ConfigError, loadConfig, startupWarnings } from "./config";

describe("configuration", () => {
  it("defaults to the embedded database and a local public URL", () => {
    const c = loadConfig({});
    expect(c.databaseKind).toBe("sqlite");
    expect(c.publicUrl).toBe("http://localhost:4000");
    expect(c.PORT).toBe(4000);
  });

  it("names the variable of a bad value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL: must be a mysql:\/\/ URL/);
    expect(() => loadConfig({ PUBLIC_URL: "not a url" })).toThrow(ConfigError);
    expect(() => loadConfig({ MAILGUN_API_KEY: "key" })).toThrow(/set both or neither/);
  });

  it("requires a real session secret in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), PUBLIC_URL: "https://portal.example/", EMAIL_TRANSPORT: "dev-mailbox" }).publicUrl).toBe("https://portal.example");
  });

  describe("email transport (rule 16: the dev mailbox is never the production transport unless asked for)", () => {
    const prod = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) };
    const mailgun = { MAILGUN_API_KEY: "key-1", MAILGUN_DOMAIN: "mg.example" };

    it("refuses to start in production without Mailgun, naming EMAIL_TRANSPORT", () => {
      expect(() => loadConfig(prod)).toThrow(ConfigError);
      expect(() => loadConfig(prod)).toThrow(/EMAIL_TRANSPORT: production needs Mailgun/);
      // Empty values are unset: an env file's `MAILGUN_API_KEY=` does not count as configured.
      expect(() => loadConfig({ ...prod, MAILGUN_API_KEY: "", MAILGUN_DOMAIN: "" })).toThrow(/EMAIL_TRANSPORT/);
    });

    it("uses Mailgun when configured, and the dev mailbox in production only when asked for by name", () => {
      expect(loadConfig({ ...prod, ...mailgun }).emailTransport).toBe("mailgun");
      expect(loadConfig({ ...prod, EMAIL_TRANSPORT: "dev-mailbox" }).emailTransport).toBe("dev-mailbox");
      expect(loadConfig({ ...prod, ...mailgun, EMAIL_TRANSPORT: "mailgun" }).emailTransport).toBe("mailgun");
    });

    it("keeps the dev mailbox as the default outside production", () => {
      expect(loadConfig({}).emailTransport).toBe("dev-mailbox");
      expect(loadConfig({ NODE_ENV: "test" }).emailTransport).toBe("dev-mailbox");
      expect(loadConfig(mailgun).emailTransport).toBe("mailgun");
    });

    it("refuses contradictory or unknown settings", () => {
      expect(() => loadConfig({ EMAIL_TRANSPORT: "mailgun" })).toThrow(/EMAIL_TRANSPORT: mailgun needs MAILGUN_API_KEY/);
      expect(() => loadConfig({ ...mailgun, EMAIL_TRANSPORT: "dev-mailbox" })).toThrow(/choose one/);
      expect(() => loadConfig({ EMAIL_TRANSPORT: "smtp" })).toThrow(/EMAIL_TRANSPORT/);
    });

    it("warns at every start while production keeps emails in the dev mailbox", () => {
      expect(startupWarnings(loadConfig({ ...prod, EMAIL_TRANSPORT: "dev-mailbox" }))).toEqual([expect.stringMatching(/EMAIL_TRANSPORT=dev-mailbox in production/)]);
      expect(startupWarnings(loadConfig({ ...prod, ...mailgun }))).toEqual([]);
      expect(startupWarnings(loadConfig({}))).toEqual([]);
    });
  });

  it("treats empty strings as unset (env files often carry KEY=)", () => {
    expect(loadConfig({ DATABASE_URL: "", MAILGUN_API_KEY: "", MAILGUN_DOMAIN: "" }).databaseKind).toBe("sqlite");
  });
});
