import pino from "pino";

/**
 * Structured JSON logs. Redaction is a second line of defence: code never passes secrets or
 * clinical data to the logger in the first place.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "portal-access-api" },
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
  });
}

export type Logger = ReturnType<typeof createLogger>;
