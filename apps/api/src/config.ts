import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the API reads, parsed and validated once. Nothing else reads
 * process.env: a bad value stops the process at start-up with a message naming the variable.
 */
const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

// `points/seconds`, both at least 1.
const limit = z.string().regex(/^[1-9]\d{0,6}\/[1-9]\d{0,6}$/, "must be points/seconds, e.g. 20/900");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(mysql|mariadb):\/\//.test(v), "must be a mysql:// URL (leave unset for the embedded SQLite database)")
    .optional(),
  DATA_DIR: z.string().default(path.resolve(process.cwd(), "data")),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  // Sessions end after this long without a request (SPEC rule 18).
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
  PORTAL_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  TRUST_PROXY: z.string().optional(),
  MAILGUN_API_KEY: z.string().min(1).optional(),
  MAILGUN_DOMAIN: z.string().min(1).optional(),
  MAILGUN_URL: z.url().optional(),
  MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(1).optional(),
  MAILGUN_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  // How long after a call Mailgun's events may still be arriving: a batch in doubt whose events show
  // nothing is resent only after this (README, "Email delivery guarantees").
  MAILGUN_EVENTS_SETTLE_SECONDS: z.coerce.number().int().min(0).default(600),
  MAIL_FROM: z.string().default("Portal Access <no-reply@portal.localhost>"),
  // Which transport delivers email. Unset: Mailgun when configured, else the dev mailbox — except in
  // production, where keeping emails (with their links) in the database must be asked for by name.
  EMAIL_TRANSPORT: z.enum(["mailgun", "dev-mailbox"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Unset: readable lines at a terminal in development, JSON otherwise (see chooseLogFormat).
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  DEMO_DATA: boolish.optional(),
  // Per-IP limits, `points/seconds`: failed sign-ins (staff and portal each), reset requests, and
  // invite/reset token attempts.
  RATE_LIMIT_SIGN_IN: limit.default("20/900"),
  RATE_LIMIT_PASSWORD_RESET: limit.default("5/900"),
  RATE_LIMIT_TOKEN: limit.default("20/900"),
  // Benchmark aid: count SQL statements per request and return them in an x-sql-statements header.
  SQL_STATEMENT_COUNT: boolish.default(false),
  ALLOW_PRIVATE_WEBHOOK_TARGETS: boolish.default(false),
  GRAPHQL_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(1200),
  GRAPHQL_RATE_LIMIT_PER_KEY: z.coerce.number().int().positive().default(600),
  ADMIN_DIST_DIR: z.string().optional(),
  PORTAL_DIST_DIR: z.string().optional(),
});

/** apps/ of the repository: found from this file, whether it runs compiled (dist/src) or under jest (src). */
function appsDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.dirname(dir);
}

export type Config = z.infer<typeof schema> & {
  publicUrl: string;
  sessionSecret: string;
  databaseKind: "mysql" | "sqlite";
  /** The email transport in force (see chooseEmailTransport). */
  emailTransport: EmailTransport;
  /** Folders of the built admin and portal (Vite output) that the API serves at /admin and /portal. */
  adminDist: string;
  portalDist: string;
};

export class ConfigError extends Error {}

export type EmailTransport = "mailgun" | "dev-mailbox";

/**
 * Decides the email transport (SPEC rule 16): the dev mailbox keeps every email, links included, in
 * the database, so production never falls back to it silently when Mailgun is missing.
 */
export function chooseEmailTransport(c: Pick<z.infer<typeof schema>, "NODE_ENV" | "EMAIL_TRANSPORT" | "MAILGUN_API_KEY" | "MAILGUN_DOMAIN">): EmailTransport {
  const mailgun = Boolean(c.MAILGUN_API_KEY && c.MAILGUN_DOMAIN);
  if (c.EMAIL_TRANSPORT === "mailgun" && !mailgun) {
    throw new ConfigError("Invalid configuration:\n  EMAIL_TRANSPORT: mailgun needs MAILGUN_API_KEY and MAILGUN_DOMAIN");
  }
  if (c.EMAIL_TRANSPORT === "dev-mailbox" && mailgun) {
    throw new ConfigError("Invalid configuration:\n  EMAIL_TRANSPORT: dev-mailbox while MAILGUN_API_KEY and MAILGUN_DOMAIN are set; choose one");
  }
  if (c.EMAIL_TRANSPORT) return c.EMAIL_TRANSPORT;
  if (mailgun) return "mailgun";
  if (c.NODE_ENV === "production") {
    throw new ConfigError(
      "Invalid configuration:\n  EMAIL_TRANSPORT: production needs Mailgun (MAILGUN_API_KEY and MAILGUN_DOMAIN); set EMAIL_TRANSPORT=dev-mailbox to keep emails in the database on purpose",
    );
  }
  return "dev-mailbox";
}

/** Warnings the server logs at every start (main.ts): settings that work but should not last. */
export function startupWarnings(config: Pick<Config, "NODE_ENV" | "emailTransport">): string[] {
  const warnings: string[] = [];
  if (config.NODE_ENV === "production" && config.emailTransport === "dev-mailbox") {
    warnings.push("EMAIL_TRANSPORT=dev-mailbox in production: no email leaves this server; invites and resets are kept in the dev mailbox (development and demos only)");
  }
  return warnings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" (docker env files often carry `KEY=`).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === "production" && !c.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)");
  }
  if (Boolean(c.MAILGUN_API_KEY) !== Boolean(c.MAILGUN_DOMAIN)) {
    throw new ConfigError("Invalid configuration:\n  MAILGUN_API_KEY and MAILGUN_DOMAIN: set both or neither");
  }
  return {
    ...c,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    // Development only: a fixed secret would let anyone forge cookies in production (refused above).
    sessionSecret: c.SESSION_SECRET ?? "development-only-session-secret-change-me!!",
    databaseKind: c.DATABASE_URL ? "mysql" : "sqlite",
    emailTransport: chooseEmailTransport(c),
    adminDist: path.resolve(c.ADMIN_DIST_DIR ?? path.join(appsDir(), "admin", "dist")),
    portalDist: path.resolve(c.PORTAL_DIST_DIR ?? path.join(appsDir(), "portal", "dist")),
  };
}
