import { Router, type Request, type Response } from "express";
import { ActorType } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { UserFacingError } from "../../graphql/user-error";
import { audit as writeAudit } from "../../modules/audit/audit.service";
import { Organization } from "../../modules/organizations/organization.entity";
import { StaffUser } from "../../modules/staff/staff-user.entity";
import type { Services } from "../../services";
import { readCookie } from "../principal";
import { STAFF_COOKIE } from "../session.service";
import { CHALLENGE_TTL_MS, MfaRateLimited, STAFF_MFA_COOKIE, type SecondFactor } from "./mfa.service";
import type { MfaChallenge } from "./mfa.entities";

function ipOf(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

/** Same flags as the session cookie; strict same-site, since only our own sign-in page posts with it. */
function pendingCookieOptions(req: Request, maxAgeMs: number) {
  return { httpOnly: true, sameSite: "strict" as const, secure: req.secure, path: "/", maxAge: maxAgeMs };
}

function staffScope(services: Services, req: Request, user: StaffUser): OrgScope {
  return new OrgScope(services.dataSource, services.dataSource.manager, user.organizationId, {
    type: ActorType.STAFF,
    id: String(user.id),
    label: user.email,
    staffId: user.id,
    ip: ipOf(req),
    requestId: String(req.id ?? ""),
  });
}

/**
 * Called by POST /auth/login once the password is right, before any session exists. When the
 * member has MFA on, or the organization requires it and they have none yet, it answers
 * `{ mfaRequired: true, enrollmentRequired }` with a pending cookie that opens only the second-step
 * routes, and returns true; otherwise it returns false and the caller signs in as before.
 */
export async function staffSecondStep(services: Services, req: Request, res: Response, user: StaffUser): Promise<boolean> {
  const [method, org] = await Promise.all([
    services.mfa.methodOf("STAFF", user.id),
    services.dataSource.getRepository(Organization).findOneBy({ id: user.organizationId }),
  ]);
  const purpose = method ? "VERIFY" : org?.requireStaffMfa ? "ENROLL" : null;
  if (!purpose) return false;
  const { token } = await services.mfa.createChallenge({ kind: "STAFF", id: user.id, organizationId: user.organizationId }, purpose);
  res.cookie(STAFF_MFA_COOKIE, token, pendingCookieOptions(req, CHALLENGE_TTL_MS));
  res.json({ mfaRequired: true, enrollmentRequired: purpose === "ENROLL" });
  return true;
}

function tooMany(res: Response, seconds: number) {
  res.setHeader("Retry-After", String(seconds));
  res.status(429).json({ error: "RATE_LIMITED", message: new MfaRateLimited(seconds).message, retryAfterSeconds: seconds });
}

function wrongStep(res: Response) {
  res.status(409).json({ error: "MFA_WRONG_STEP", message: "This sign-in is waiting for another step (enrollment or code)." });
}

function expired(res: Response) {
  res.clearCookie(STAFF_MFA_COOKIE, { path: "/" });
  res.status(401).json({ error: "MFA_EXPIRED", message: "This sign-in has expired. Sign in again with your password." });
}

/** The second step of staff sign-in, and the enrollment an organization's requirement sends a member to. */
export function staffMfaRoutes(services: Services): Router {
  const router = Router();

  /** The pending sign-in and its (still enabled) staff member, or null. */
  const pending = async (req: Request, purpose: MfaChallenge["purpose"]) => {
    const challenge = await services.mfa.findChallenge("STAFF", readCookie(req, STAFF_MFA_COOKIE));
    if (!challenge) return null;
    if (challenge.purpose !== purpose) return "wrong_step" as const;
    const user = await services.dataSource.getRepository(StaffUser).findOneBy({ id: challenge.principalId });
    if (!user || user.disabled) return null;
    return { challenge, user };
  };

  const signIn = async (req: Request, res: Response, user: StaffUser, secondFactor: SecondFactor) => {
    const { token } = await services.sessions.create("STAFF", user.id, user.organizationId, ipOf(req), secondFactor);
    await services.dataSource.getRepository(StaffUser).update({ id: user.id }, { lastSignInAt: new Date() });
    res.clearCookie(STAFF_MFA_COOKIE, { path: "/" });
    res.cookie(STAFF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/", maxAge: services.sessions.maxAgeMs });
  };

  router.post("/auth/login/mfa", (req: Request, res: Response, next) => {
    const body = req.body as { code?: unknown; recoveryCode?: unknown } | undefined;
    const code = typeof body?.code === "string" ? body.code : undefined;
    const recoveryCode = typeof body?.recoveryCode === "string" ? body.recoveryCode : undefined;
    if (!req.is("application/json") || (code === undefined) === (recoveryCode === undefined) || (code ?? recoveryCode)!.length > 64) {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {code} or {recoveryCode}." });
      return;
    }
    (async () => {
      const found = await pending(req, "VERIFY");
      if (!found) return expired(res);
      if (found === "wrong_step") return wrongStep(res);
      const { challenge, user } = found;
      const scope = staffScope(services, req, user);
      let passed: SecondFactor | null;
      try {
        passed = await services.mfa.verifyChallenge(challenge, { code, recoveryCode });
      } catch (err) {
        if (err instanceof MfaRateLimited) {
          await audit(scope, "staff.mfa_failed", user.id, { limited: true });
          return tooMany(res, err.retryAfterSeconds);
        }
        throw err;
      }
      if (!passed) {
        await audit(scope, "staff.mfa_failed", user.id, { with: recoveryCode !== undefined ? "RECOVERY_CODE" : "TOTP" });
        res.status(401).json({ error: "MFA_CODE_INVALID", message: "That code is not right." });
        return;
      }
      await signIn(req, res, user, passed);
      await audit(scope, "staff.signed_in", user.id, { secondFactor: passed });
      res.json({ user: { id: String(user.id), email: user.email, name: user.name }, recoveryCodesLeft: await services.mfa.remainingRecoveryCodes("STAFF", user.id) });
    })().catch(next);
  });

  router.post("/auth/login/mfa/enroll", (req: Request, res: Response, next) => {
    (async () => {
      const found = await pending(req, "ENROLL");
      if (!found) return expired(res);
      if (found === "wrong_step") return wrongStep(res);
      const { user } = found;
      const started = await services.mfa.startEnrollment({ kind: "STAFF", id: user.id, organizationId: user.organizationId, label: user.email });
      res.json(started);
    })().catch(next);
  });

  router.post("/auth/login/mfa/enroll/confirm", (req: Request, res: Response, next) => {
    const code = (req.body as { code?: unknown } | undefined)?.code;
    if (!req.is("application/json") || typeof code !== "string" || code.length > 64) {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {code}." });
      return;
    }
    (async () => {
      const found = await pending(req, "ENROLL");
      if (!found) return expired(res);
      if (found === "wrong_step") return wrongStep(res);
      const { challenge, user } = found;
      const scope = staffScope(services, req, user);
      try {
        const { recoveryCodes } = await services.mfa.confirmEnrollment(scope, { kind: "STAFF", id: user.id, organizationId: user.organizationId, label: user.email }, code);
        await services.mfa.endChallenge(challenge);
        await signIn(req, res, user, "TOTP");
        await audit(scope, "staff.signed_in", user.id, { secondFactor: "TOTP", enrolled: true });
        res.json({ user: { id: String(user.id), email: user.email, name: user.name }, recoveryCodes });
      } catch (err) {
        if (err instanceof UserFacingError) {
          const status = err.code === "RATE_LIMITED" ? 429 : 400;
          res.status(status).json({ error: err.code, message: err.message });
          return;
        }
        throw err;
      }
    })().catch(next);
  });

  return router;
}

function audit(scope: OrgScope, action: string, userId: number, after: Record<string, unknown>) {
  return writeAudit(scope, { action, targetType: "StaffUser", targetId: userId, after });
}
