import { Router, type Request, type Response } from "express";
import type { PassportStatic } from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import { normalizeEmail, ActorType } from "@portal/schema";
import type { Services } from "../services";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { verifyPassword } from "./passwords";
import { retryMessage } from "./rate-limits";
import { readCookie } from "./principal";
import { STAFF_COOKIE } from "./session.service";
import { staffSecondStep } from "./mfa/staff-mfa.routes";

export function sessionCookieOptions(req: Request, maxAgeMs: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    // Secure whenever the request came over TLS (directly or through a trusted proxy).
    secure: req.secure,
    path: "/",
    maxAge: maxAgeMs,
  };
}

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

/** passport-local for staff: email + password checked against the argon2id hash. */
export function registerStaffStrategy(passport: PassportStatic, services: Services) {
  passport.use(
    "staff-local",
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: false }, (email, password, done) => {
      (async () => {
        const user = await services.dataSource.getRepository(StaffUser).findOneBy({ emailNormalized: normalizeEmail(String(email)) });
        const ok = await verifyPassword(user?.passwordHash ?? null, String(password));
        if (!user || !ok || user.disabled) return done(null, false);
        return done(null, user);
      })().catch(done);
    }),
  );
}

async function auditSignIn(services: Services, req: Request, user: StaffUser | null, email: string, ok: boolean) {
  if (!user) return; // No organization to file an unknown email under; the log line suffices.
  await services.dataSource.getRepository(AuditEvent).insert({
    organizationId: user.organizationId,
    actorType: ActorType.STAFF,
    actorId: String(user.id),
    actorLabel: user.email,
    action: ok ? "staff.signed_in" : "staff.sign_in_failed",
    targetType: "StaffUser",
    targetId: String(user.id),
    ip: clientIp(req),
    requestId: String(req.id ?? ""),
  });
}

function tooMany(res: Response, seconds: number) {
  res.setHeader("Retry-After", String(seconds));
  res.status(429).json({ error: "RATE_LIMITED", message: retryMessage(seconds), retryAfterSeconds: seconds });
}

export function staffAuthRoutes(passport: PassportStatic, services: Services): Router {
  const router = Router();
  router.post("/auth/login", (req: Request, res: Response, next) => {
    if (!req.is("application/json") || typeof req.body?.email !== "string" || typeof req.body?.password !== "string") {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {email, password}." });
      return;
    }
    services.rateLimits
      .blocked("staffSignIn", clientIp(req) ?? "unknown")
      .then((wait) => (wait !== null ? tooMany(res, wait) : authenticate(req, res, next)))
      .catch(next);
  });

  const authenticate = (req: Request, res: Response, next: (err?: unknown) => void) => {
    passport.authenticate("staff-local", { session: false }, (err: unknown, user: StaffUser | false) => {
      if (err) return next(err);
      (async () => {
        if (!user) {
          const known = await services.dataSource.getRepository(StaffUser).findOneBy({ emailNormalized: normalizeEmail(req.body.email) });
          await auditSignIn(services, req, known, req.body.email, false);
          // Failures per IP are limited; the next request is refused before any password check.
          const wait = await services.rateLimits.consume("staffSignIn", clientIp(req) ?? "unknown");
          if (wait !== null) return tooMany(res, wait);
          res.status(401).json({ error: "INVALID_CREDENTIALS", message: "Wrong email or password." });
          return;
        }
        // A member with MFA (or required to enroll) gets a pending second step, not a session.
        if (await staffSecondStep(services, req, res, user)) return;
        const { token } = await services.sessions.create("STAFF", user.id, user.organizationId, clientIp(req));
        await services.dataSource.getRepository(StaffUser).update({ id: user.id }, { lastSignInAt: new Date() });
        await auditSignIn(services, req, user, user.email, true);
        res.cookie(STAFF_COOKIE, token, sessionCookieOptions(req, services.sessions.maxAgeMs));
        res.json({ user: { id: String(user.id), email: user.email, name: user.name } });
      })().catch(next);
    })(req, res, next);
  };

  router.post("/auth/logout", (req: Request, res: Response, next) => {
    services.sessions
      .destroy(readCookie(req, STAFF_COOKIE))
      .then(() => {
        res.clearCookie(STAFF_COOKIE, { path: "/" });
        res.status(204).end();
      })
      .catch(next);
  });
  return router;
}
