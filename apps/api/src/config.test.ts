import { ConfigError, loadConfig } from "./config";

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
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), PUBLIC_URL: "https://portal.example/" }).publicUrl).toBe("https://portal.example");
  });

  it("treats empty strings as unset (env files often carry KEY=)", () => {
    expect(loadConfig({ DATABASE_URL: "", MAILGUN_API_KEY: "", MAILGUN_DOMAIN: "" }).databaseKind).toBe("sqlite");
  });
});
