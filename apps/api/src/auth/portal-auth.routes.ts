import { Router, type Request, type Response } from "express";
import type { PassportStatic } from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { Services } from "../services";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import type { SignInOutcome } from "../modules/portal-auth/portal-auth.service";
import { readCookie } from "./principal";
import { retryMessage } from "./rate-limits";
import { PORTAL_COOKIE } from "./session.service";
import { portalSecondStep } from "./mfa/portal-mfa.routes";
import { clientIp, locked, sessionCookieOptions } from "./staff-auth.routes";

function organizationIdOf(body: { organizationId?: unknown }): number | null | undefined {
  const v = body.organizationId;
  if (v === undefined || v === null) return null;
  const s = String(v);
  return /^\d{1,10}$/.test(s) && Number(s) > 0 && Number(s) <= 2147483647 ? Number(s) : undefined;
}

/** passport-local for portal accounts: email + password (+ organizationId when one email has accounts in several). */
export function registerPortalStrategy(passport: PassportStatic, services: Services) {
  passport.use(
    "portal-local",
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: false, passReqToCallback: true }, (req, email, password, done) => {
      services.portalAuth
        .signIn({ email: String(email), password: String(password), organizationId: organizationIdOf(req.body) ?? null }, { ip: clientIp(req), requestId: String(req.id ?? "") })
        // The outcome travels as passport's "info" so the route can answer 401, 403, 409 or 429.
        .then((outcome) => (outcome.kind === "ok" ? done(null, outcome.account) : done(null, false, outcome as unknown as { message: string })))
        .catch(done);
    }),
  );
}

/** The account as the sign-in answer shows it (no staff-only fields). */
export function portalAccountJson(account: PortalAccount) {
  return { id: String(account.id), email: account.email, language: account.language, mustChangePassword: account.mustChangePassword };
}

export function portalAuthRoutes(passport: PassportStatic, services: Services): Router {
  const router = Router();
  router.post("/portal/auth/login", (req: Request, res: Response, next) => {
    if (!req.is("application/json") || typeof req.body?.email !== "string" || typeof req.body?.password !== "string" || organizationIdOf(req.body) === undefined) {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {email, password, organizationId?}." });
      return;
    }
    const startedAt = Date.now();
    passport.authenticate("portal-local", { session: false }, (err: unknown, account: PortalAccount | false, outcome: SignInOutcome | undefined) => {
      if (err) return next(err);
      (async () => {
        if (account) {
          // An account with a second factor (its own, or required of proxies) gets a pending step, not a session.
          if (await portalSecondStep(services, req, res, account)) return;
          const { token } = await services.sessions.create("PORTAL", account.id, account.organizationId, clientIp(req));
          res.cookie(PORTAL_COOKIE, token, sessionCookieOptions(req, services.sessions.maxAgeMs));
          res.json({ account: portalAccountJson(account) });
          return;
        }
        switch (outcome?.kind) {
          case "locked":
            await services.rateLimits.answerRefusal(startedAt);
            locked(services, req, res, outcome.retryAfterSeconds);
            return;
          case "rate_limited":
            res.setHeader("Retry-After", String(outcome.retryAfterSeconds));
            res.status(429).json({ error: "RATE_LIMITED", message: retryMessage(outcome.retryAfterSeconds), retryAfterSeconds: outcome.retryAfterSeconds });
            return;
          case "disabled":
            res.status(403).json({ error: "ACCOUNT_DISABLED", message: "This portal account is disabled. Contact your clinic." });
            return;
          case "no_access":
            res.status(403).json({ error: "NO_ACCESS", message: "This account no longer gives access to any profile. Contact your clinic." });
            return;
          case "choose_organization":
            res.status(409).json({ error: "CHOOSE_ORGANIZATION", message: "This email signs in to several clinics: choose one.", organizations: outcome.organizations.map((o) => ({ id: String(o.id), name: o.name })) });
            return;
          case "invalid":
          case "ok":
          case undefined:
            await services.rateLimits.answerRefusal(startedAt);
            res.status(401).json({ error: "INVALID_CREDENTIALS", message: "Wrong email or password." });
        }
      })().catch(next);
    })(req, res, next);
  });

  router.post("/portal/auth/logout", (req: Request, res: Response, next) => {
    (async () => {
      const token = readCookie(req, PORTAL_COOKIE);
      const session = await services.sessions.find("PORTAL", token);
      await services.sessions.destroy(token);
      if (session) {
        const account = await services.dataSource.getRepository(PortalAccount).findOneBy({ id: session.principalId });
        if (account) await services.portalAuth.signedOut(account, { ip: clientIp(req), requestId: String(req.id ?? "") });
      }
      res.clearCookie(PORTAL_COOKIE, { path: "/" });
      res.status(204).end();
    })().catch(next);
  });
  return router;
}
