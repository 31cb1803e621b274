import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { PassportStatic } from "passport";
import { Strategy as BearerStrategy } from "passport-http-bearer";
import type { ApiKey } from "../modules/api-keys/api-key.entity";
import type { Services } from "../services";
import { clientIp } from "./staff-auth.routes";

const MESSAGES: Record<string, string> = {
  REVOKED: "This API key has been revoked.",
  EXPIRED: "This API key has expired.",
};

/** passport-http-bearer for partner apps: `Authorization: Bearer pak_live_…` on /graphql. */
export function registerApiKeyStrategy(passport: PassportStatic, services: Services) {
  passport.use(
    "api-key",
    new BearerStrategy({ passReqToCallback: true }, (req: Request, token: string, done: (err: unknown, key?: ApiKey | false, info?: string) => void) => {
      services.apiKeys
        .authenticate(services.dataSource, token, clientIp(req))
        .then((result) => (typeof result === "string" ? done(null, false, result) : done(null, result)))
        .catch(done);
    }),
  );
}

/**
 * Requests without an Authorization header go on as cookie sessions or anonymous callers. A request
 * that presents a key and fails gets 401 before GraphQL runs, in the GraphQL-over-HTTP error shape.
 */
export function apiKeyAuthentication(passport: PassportStatic): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.headers.authorization) return next();
    passport.authenticate("api-key", { session: false }, (err: unknown, key: ApiKey | false, info?: unknown) => {
      if (err) return next(err);
      if (!key) {
        // passport hands the strategy's challenge over: `Bearer realm=…, error="invalid_token", error_description="REVOKED"`.
        const reason = /error_description="(\w+)"/.exec(String(info))?.[1];
        res.setHeader("WWW-Authenticate", 'Bearer realm="portal-access", error="invalid_token"');
        res.status(401).json({
          errors: [{ message: MESSAGES[reason ?? ""] ?? "Invalid API key.", extensions: { code: "UNAUTHENTICATED" } }],
        });
        return;
      }
      res.locals.apiKey = key;
      next();
    })(req, res, next);
  };
}
