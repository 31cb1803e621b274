import pino from "pino";
import pinoPretty from "pino-pretty";

/** JSON lines for machines (production, tests, log collectors); readable lines for a person. */
export type LogFormat = "json" | "pretty";

/**
 * Structured JSON logs, or the same records as readable lines (`pretty`). Redaction happens before
 * either format is written, so both carry the same censored values. Redaction is a second line of
 * defence: code never passes secrets or clinical data to the logger in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream, format: LogFormat = "json") {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "portal-access-api" },
    serializers: { err: serializeError },
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
  };
  if (format === "pretty") return pino(options, prettyStream(destination));
  return destination ? pino(options, destination) : pino(options);
}

/**
 * `LOG_FORMAT` when set; otherwise readable lines only for a person at a terminal in development
 * (`pnpm start`), and JSON in production, in tests and whenever the output goes to a pipe or a file.
 */
export function chooseLogFormat(env: { LOG_FORMAT?: LogFormat; NODE_ENV: string }, stdoutIsTty: boolean): LogFormat {
  if (env.LOG_FORMAT) return env.LOG_FORMAT;
  return env.NODE_ENV === "development" && stdoutIsTty ? "pretty" : "json";
}

/** One line per record: time, level, message, then the other fields; a request reads "GET /path 200 12 ms". */
function prettyStream(destination?: pino.DestinationStream) {
  const toTerminal = destination === undefined && process.stdout.isTTY === true;
  return pinoPretty({
    destination: destination ?? 1,
    sync: true,
    colorize: toTerminal,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname,service,req,res,responseTime",
    messageFormat: (log, messageKey) => {
      const message = String(log[messageKey] ?? "");
      const req = log.req as { method?: string; path?: string; id?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      if (!req) return message;
      if (!res) return `${message} (${req.method} ${req.path} ${req.id})`;
      const took = typeof log.responseTime === "number" ? ` ${log.responseTime} ms` : "";
      return `${req.method} ${req.path} ${res.statusCode ?? ""}${took}${message === "request completed" ? "" : ` ${message}`} (${req.id})`;
    },
  });
}

const REDACTED = "[redacted]";

// Keys that name a secret or personal data wherever they appear in a logged object (top level or
// one level down), in case a caller passes one by mistake.
const SECRET_KEYS = ["password", "currentPassword", "newPassword", "token", "secret", "secrets", "link", "activationCode", "otp", "recoveryCode", "recoveryCodes", "apiKey", "authorization", "cookie", "dateOfBirth"];
const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
];

// A path segment after one of these words is a secret (an emailed link's token or code), whatever
// the route: /portal/invite/<token>, /portal/reset/<token>, /portal/confirm-email/<token>,
// /portal/activate/<code>, /admin/accept-invite/<token>, and routes added later that follow the same shape.
const TOKEN_ROUTE = /^(invite|invites|invitation|accept-invite|reset|confirm[\w-]*|activat[\w-]*|verif[\w-]*|token|tokens|magic[\w-]*|unlock[\w-]*|unsubscribe|sign-in-link|login-link|mfa|otp|recovery[\w-]*)$/i;
const TOKEN_ALPHABET = /^[A-Za-z0-9_~+=%-]+$/;

/**
 * Whether a path segment looks like a secret by itself: long and drawn from a token alphabet, with
 * both letters and digits (a base64url token, a hex hash), or very long. Page names such as
 * "sign-in" or hashed asset file names (with a dot) stay readable.
 */
export function looksLikeSecret(segment: string): boolean {
  if (!TOKEN_ALPHABET.test(segment)) return false;
  if (segment.length >= 32) return true;
  return segment.length >= 16 && /[0-9]/.test(segment) && /[A-Za-z]/.test(segment);
}

/**
 * A request URL as it may be logged: every segment after a token route word and every segment that
 * looks like a secret are replaced, and every query value is replaced (query strings carry tokens,
 * codes and search terms with names or emails); the parameter names stay, for debugging.
 */
export function redactUrl(url: string): string {
  const [pathname, query] = url.split(/\?(.*)/s, 2);
  let afterTokenRoute = false;
  const segments = pathname.split("/").map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape is logged redacted below when it looks like a secret.
    }
    const secret = segment !== "" && (afterTokenRoute || looksLikeSecret(decoded) || looksLikeSecret(segment));
    if (TOKEN_ROUTE.test(decoded)) afterTokenRoute = true;
    return secret ? REDACTED : segment;
  });
  const path = segments.join("/");
  if (query === undefined) return path;
  const names = query
    .split("&")
    .filter(Boolean)
    .map((pair) => `${pair.split("=")[0].slice(0, 40)}=${REDACTED}`);
  return names.length ? `${path}?${names.join("&")}` : path;
}

/**
 * What the request logger writes of a request: its id, method and redacted URL. Never headers (the
 * Authorization header holds API keys, Cookie holds sessions) and never the body (patient data).
 */
export function serializeRequest(req: { id: string; method: string; url: string }): { id: string; method: string; path: string } {
  return { id: req.id, method: req.method, path: redactUrl(String(req.url ?? "")) };
}

/**
 * Errors without the SQL they carry: a failed query's text and parameters (and the driver's copy of
 * them) can hold names, emails or dates of birth, and a duplicate-key message quotes the value.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ["query", "parameters", "sql", "driverError", "sqlMessage"]) delete out[key];
  const scrub = (text: unknown) => (typeof text === "string" ? text.replace(/Duplicate entry '.*?' for key/g, "Duplicate entry [redacted] for key") : text);
  out.message = scrub(out.message);
  out.stack = scrub(out.stack);
  return out;
}

export type Logger = ReturnType<typeof createLogger>;
