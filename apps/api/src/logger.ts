import pino from "pino";

/**
 * Structured JSON logs. Redaction is a second line of defence: code never passes secrets or
 * clinical data to the logger in the first place.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "portal-access-api" },
    serializers: { err: serializeError },
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
        "*.dateOfBirth",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
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
