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

/** What a staff sign-in attempt came to; passport carries it as "info" when there is no user. */
export type StaffSignInOutcome = { kind: "invalid" } | { kind: "locked"; retryAfterSeconds: number } | { kind: "rate_limited"; retryAfterSeconds: number };

/**
 * Email + password against the argon2id hash (a dummy hash for an unknown email), SPEC rule 18: the
 * per-IP budget and the per-email lock are both spent before the password is checked, so a burst
 * cannot outrun them, and an unknown email goes through the same counters, lock and answers as a
 * known one. A success gives both back.
 */
async function checkStaffPassword(services: Services, req: Request, email: string, password: string): Promise<StaffUser | StaffSignInOutcome> {
  const ip = clientIp(req) ?? "unknown";
  const emailNormalized = normalizeEmail(email);
  const ipWait = await services.rateLimits.consume("staffSignIn", ip);
  if (ipWait !== null) return { kind: "rate_limited", retryAfterSeconds: ipWait };
  const users = services.dataSource.getRepository(StaffUser);
  const user = await users.findOneBy({ emailNormalized });
  const lock = await services.rateLimits.attempt("staffSignIn", emailNormalized);
  if (!lock.allowed) {
    await auditSignIn(services, req, user, "staff.sign_in_locked", { lockedUntil: lock.lockedUntil.toISOString() });
    return { kind: "locked", retryAfterSeconds: lock.retryAfterSeconds };
  }
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (user && ok && !user.disabled) {
    await Promise.all([services.rateLimits.unlock("staffSignIn", emailNormalized), services.rateLimits.refund("staffSignIn", ip)]);
    if (user.failedSignInCount !== 0 || user.lockedUntil) await users.update({ id: user.id }, { failedSignInCount: 0, lockedUntil: null });
    return user;
  }
  if (user) {
    // The lock's own record, for staff screens (the decision stays with the shared counter).
    await users.update({ id: user.id }, { failedSignInCount: lock.failures, lockedUntil: lock.lockedUntil });
    await auditSignIn(services, req, user, "staff.sign_in_failed", { failedSignInCount: lock.failures, lockedUntil: lock.lockedUntil?.toISOString() ?? null });
  }
  return { kind: "invalid" };
}

/** passport-local for staff (see checkStaffPassword). */
export function registerStaffStrategy(passport: PassportStatic, services: Services) {
  passport.use(
    "staff-local",
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: false, passReqToCallback: true }, (req, email, password, done) => {
      checkStaffPassword(services, req, String(email), String(password))
        .then((result) => (result instanceof StaffUser ? done(null, result) : done(null, false, result as unknown as { message: string })))
        .catch(done);
    }),
  );
}

async function auditSignIn(services: Services, req: Request, user: StaffUser | null, action: string, after: Record<string, unknown> | null = null) {
  if (!user) return; // No organization to file an unknown email under; the log line suffices.
  await services.dataSource.getRepository(AuditEvent).insert({
    organizationId: user.organizationId,
    actorType: ActorType.STAFF,
    actorId: String(user.id),
    actorLabel: user.email,
    action,
    targetType: "StaffUser",
    targetId: String(user.id),
    after: after as never,
    ip: clientIp(req),
    requestId: String(req.id ?? ""),
  });
}

function tooMany(res: Response, seconds: number) {
  res.setHeader("Retry-After", String(seconds));
  res.status(429).json({ error: "RATE_LIMITED", message: retryMessage(seconds), retryAfterSeconds: seconds });
}

/**
 * The same answer whether or not the email belongs to someone (a lock says nothing about who
 * exists). Logged without the email, which is all an unknown email's refusal leaves (a known one is
 * audited too).
 */
export function locked(services: Services, req: Request, res: Response, seconds: number) {
  services.logger.info({ event: req.path.startsWith("/portal") ? "portal.sign_in_locked" : "staff.sign_in_locked", ip: clientIp(req) }, "sign-in refused: locked");
  res.setHeader("Retry-After", String(seconds));
  res.status(429).json({ error: "ACCOUNT_LOCKED", message: `Too many failed sign-ins. ${retryMessage(seconds).replace("Too many attempts. ", "")}`, retryAfterSeconds: seconds });
}

export function staffAuthRoutes(passport: PassportStatic, services: Services): Router {
  const router = Router();
  router.post("/auth/login", (req: Request, res: Response, next) => {
    if (!req.is("application/json") || typeof req.body?.email !== "string" || typeof req.body?.password !== "string") {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {email, password}." });
      return;
    }
    authenticate(req, res, next, Date.now());
  });

  const authenticate = (req: Request, res: Response, next: (err?: unknown) => void, startedAt: number) => {
    passport.authenticate("staff-local", { session: false }, (err: unknown, user: StaffUser | false, outcome: StaffSignInOutcome | undefined) => {
      if (err) return next(err);
      (async () => {
        if (!user) {
          if (outcome?.kind === "rate_limited") return tooMany(res, outcome.retryAfterSeconds);
          await services.rateLimits.answerRefusal(startedAt);
          if (outcome?.kind === "locked") return locked(services, req, res, outcome.retryAfterSeconds);
          res.status(401).json({ error: "INVALID_CREDENTIALS", message: "Wrong email or password." });
          return;
        }
        // A member with MFA (or required to enroll) gets a pending second step, not a session.
        if (await staffSecondStep(services, req, res, user)) return;
        const { token } = await services.sessions.create("STAFF", user.id, user.organizationId, clientIp(req));
        await services.dataSource.getRepository(StaffUser).update({ id: user.id }, { lastSignInAt: new Date() });
        await auditSignIn(services, req, user, "staff.signed_in");
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
