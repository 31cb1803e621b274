import crypto from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { Passport, type PassportStatic } from "passport";
import { pinoHttp } from "pino-http";
import { apiKeyAuthentication, registerApiKeyStrategy } from "./auth/api-key.strategy";
import { loadPrincipals } from "./auth/principal";
import { portalAuthRoutes, registerPortalStrategy } from "./auth/portal-auth.routes";
import { registerStaffStrategy, staffAuthRoutes, clientIp, sessionCookieOptions } from "./auth/staff-auth.routes";
import { PORTAL_COOKIE } from "./auth/session.service";
import { createContext, type Context } from "./graphql/context";
import { errorLoggingPlugin, formatError } from "./graphql/format-error";
import { QUERY_LIMITS, queryLimitsPlugin } from "./graphql/limits";
import { getSchema } from "./graphql/schema";
import { serializeRequest } from "./logger";
import { BufferedSharedLimiter, createRateLimiter, rateLimitMiddleware } from "./security/rate-limiter";
import { mailgunWebhookRoutes } from "./email/mailgun-webhook.routes";
import { staffMfaRoutes } from "./auth/mfa/staff-mfa.routes";
import { portalMfaRoutes } from "./auth/mfa/portal-mfa.routes";
import { bulkJobRoutes } from "./modules/bulk/bulk-job.routes";
import { importRoutes } from "./modules/imports/import.routes";
import { statementCounter } from "./db/statement-counter";
import type { Services } from "./services";
import { defaultWebApps, serveWebApps } from "./web/static-apps";

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Largest JSON body accepted (413 beyond): far above any real query or bulk selection, small enough to parse cheaply. */
export const REQUEST_BODY_LIMIT = "1mb";

/** Builds the Express app: security headers, request ids and logs, sign-in routes, /graphql, /healthz. */
/** Dates and buffers survive the trace's JSON, so a replay binds the same values. */
function traceValue(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: raw.toISOString() };
  if (Buffer.isBuffer(raw)) return { $buf: raw.toString("base64") };
  return value;
}

export async function createApp(services: Services) {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      // Method, redacted URL and status only: paths and query strings carry tokens, bodies patient data.
      serializers: {
        req: serializeRequest,
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
    }),
  );
  // The built admin and portal load only same-origin scripts; MUI's emotion injects <style> tags,
  // which helmet's default style-src ('unsafe-inline') allows. No upgrade-insecure-requests: on a
  // plain-HTTP install (a laptop, an intranet IP) it would send every asset request to https.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { "script-src": ["'self'"], "img-src": ["'self'", "data:"], "connect-src": ["'self'"], "upgrade-insecure-requests": null },
      },
    }),
  );
  // A request with "x-sql-trace: 1" also gets its statements back (benchmark only, never in a real deployment).
  if (config.SQL_STATEMENT_COUNT) app.use((req, _res, next) => statementCounter.run(next, req.headers["x-sql-trace"] === "1"));
  app.use(express.json({ limit: REQUEST_BODY_LIMIT }));
  // One passport per app: strategies hold this app's services (tests run several apps in one process).
  const passport = new Passport() as unknown as PassportStatic;
  app.use(passport.initialize());
  registerStaffStrategy(passport, services);
  registerPortalStrategy(passport, services);
  registerApiKeyStrategy(passport, services);

  app.get("/healthz", (_req, res) => {
    services.dataSource
      .query("SELECT 1")
      .then(() => res.json({ status: "ok", database: config.databaseKind }))
      .catch(() => res.status(503).json({ status: "unavailable" }));
  });

  app.use(staffAuthRoutes(passport, services));
  app.use(staffMfaRoutes(services));
  app.use(portalMfaRoutes(services));
  app.use(portalAuthRoutes(passport, services));
  app.use(mailgunWebhookRoutes(services));
  app.use(bulkJobRoutes(services));
  app.use(importRoutes(services));

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT (drain HTTP, stop Apollo, close the pool); Apollo's own handlers would
    // stop it first and leave main's stop() waiting until the forced exit.
    stopOnTerminationSignals: false,
    introspection: config.NODE_ENV !== "production",
    // No "Did you mean …?" in production: suggestions let a caller map the schema without introspection.
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === "production",
    includeStacktraceInErrorResponses: false,
    // One operation per HTTP request: batches would multiply the work one request may ask for.
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    formatError: formatError(),
    plugins: [
      // No response is cacheable (every answer depends on who asks; the /graphql route sends
      // no-store itself), and without this plugin Apollo does not wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(logger),
      queryLimitsPlugin(),
      ...(config.SQL_STATEMENT_COUNT
        ? [
            {
              async requestDidStart() {
                return {
                  async willSendResponse({ response }: { response: { http: { headers: Map<string, string> } } }) {
                    response.http.headers.set("x-sql-statements", String(statementCounter.current() ?? -1));
                    const trace = statementCounter.trace();
                    if (trace) response.http.headers.set("x-sql-trace", Buffer.from(JSON.stringify(trace, traceValue)).toString("base64url"));
                  },
                };
              },
            },
          ]
        : []),
      ...(config.NODE_ENV === "production" ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();
  // Per IP for every caller (it also slows down key guessing), then per key for partner apps.
  // Per IP: counted in memory and added to the shared counter every 250 ms (no row-lock queue on the hot path).
  const ipLimiter = new BufferedSharedLimiter(createRateLimiter(services.dataSource, { keyPrefix: "gql_ip", points: config.GRAPHQL_RATE_LIMIT_PER_IP, durationSec: 60 }), (err) =>
    logger.warn({ err, limiter: "gql_ip" }, "rate limiter store failed; counts kept for the next flush"),
  );
  const keyLimiter = createRateLimiter(services.dataSource, { keyPrefix: "gql_key", points: config.GRAPHQL_RATE_LIMIT_PER_KEY, durationSec: 60 });
  app.use(
    "/graphql",
    (_req: Request, res: Response, next: NextFunction) => {
      // Answers carry patient data: never stored by a browser or a proxy.
      res.setHeader("Cache-Control", "no-store");
      next();
    },
    rateLimitMiddleware(ipLimiter, (req) => clientIp(req) ?? "unknown", logger),
    apiKeyAuthentication(passport),
    rateLimitMiddleware(keyLimiter, (_req, res) => (res.locals.apiKey ? String((res.locals.apiKey as { id: number }).id) : null), logger),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const principals = await loadPrincipals(req, services.dataSource, services.sessions, res.locals.apiKey);
        const portalCookie = {
          set: (token: string) => void res.cookie(PORTAL_COOKIE, token, sessionCookieOptions(req, services.sessions.maxAgeMs)),
          clear: () => void res.clearCookie(PORTAL_COOKIE, { path: "/" }),
        };
        return createContext({ requestId: String(req.id), ip: clientIp(req), ...principals, services, portalCookie });
      },
    }),
  );

  // The built admin and portal, after every API route so those take precedence over the SPA fallback.
  serveWebApps(app, defaultWebApps(config.adminDist, config.portalDist), logger);
  app.get("/", (_req, res) => res.redirect(302, "/admin/"));

  // Malformed JSON and oversized bodies are the client's fault; anything else is masked.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.status && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ error: "BAD_REQUEST", message: err.type === "entity.too.large" ? "Request body too large." : "Malformed request." });
      return;
    }
    req.log?.error({ err }, "unhandled error");
    res.status(500).json({ error: "INTERNAL_SERVER_ERROR", message: "Internal server error", requestId: String(req.id ?? "") });
  });

  return { app, apollo };
}
