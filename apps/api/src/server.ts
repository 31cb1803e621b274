import crypto from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import passport from "passport";
import { pinoHttp } from "pino-http";
import { loadPrincipals } from "./auth/principal";
import { registerStaffStrategy, staffAuthRoutes, clientIp } from "./auth/staff-auth.routes";
import { createContext, type Context } from "./graphql/context";
import { errorLoggingPlugin, formatError } from "./graphql/format-error";
import { getSchema } from "./graphql/schema";
import type { Services } from "./services";

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Builds the Express app: security headers, request ids and logs, sign-in routes, /graphql, /healthz. */
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
      // Method, path and status only: query strings may carry tokens, bodies carry patient data.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" },
    }),
  );
  app.use(helmet({ contentSecurityPolicy: { directives: { "script-src": ["'self'"], "img-src": ["'self'", "data:"] } } }));
  app.use(express.json({ limit: "1mb" }));
  app.use(passport.initialize());
  registerStaffStrategy(services);

  app.get("/healthz", (_req, res) => {
    services.dataSource
      .query("SELECT 1")
      .then(() => res.json({ status: "ok", database: config.databaseKind }))
      .catch(() => res.status(503).json({ status: "unavailable" }));
  });

  app.use(staffAuthRoutes(services));

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    csrfPrevention: true,
    introspection: config.NODE_ENV !== "production",
    includeStacktraceInErrorResponses: false,
    formatError: formatError(),
    plugins: [errorLoggingPlugin(logger), ...(config.NODE_ENV === "production" ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();
  app.use(
    "/graphql",
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const principals = await loadPrincipals(req, services.dataSource, services.sessions);
        return createContext({ requestId: String(req.id), ip: clientIp(req), ...principals, services });
      },
    }),
  );

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
