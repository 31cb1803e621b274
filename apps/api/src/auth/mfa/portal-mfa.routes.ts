import { Router, type Request, type Response } from "express";
import { PortalAccount } from "../../modules/portal-access/portal-account.entity";
import { audit } from "../../modules/audit/audit.service";
import type { Services } from "../../services";
import { readCookie } from "../principal";
import { PORTAL_COOKIE } from "../session.service";
import { CHALLENGE_TTL_MS, MfaRateLimited, PORTAL_MFA_COOKIE, type SecondFactor } from "./mfa.service";

function ipOf(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

function meta(req: Request) {
  return { ip: ipOf(req), requestId: String(req.id ?? "") };
}

/**
 * Called by POST /portal/auth/login once the password is right, before any session exists. When a
 * second factor applies (the account's choice, or the organization's requirement for proxies), it
 * answers `{ mfaRequired: true, method }` with a pending cookie (and emails a code for EMAIL) and
 * returns true; otherwise false and the caller signs in as before.
 */
export async function portalSecondStep(services: Services, req: Request, res: Response, account: PortalAccount): Promise<boolean> {
  const begun = await services.portalMfa.begin(account);
  if (!begun) return false;
  res.cookie(PORTAL_MFA_COOKIE, begun.token, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/", maxAge: CHALLENGE_TTL_MS });
  res.json({ mfaRequired: true, method: begun.method });
  return true;
}

function expired(res: Response) {
  res.clearCookie(PORTAL_MFA_COOKIE, { path: "/" });
  res.status(401).json({ error: "MFA_EXPIRED", message: "This sign-in has expired. Sign in again with your password." });
}

/** The second step of portal sign-in: the emailed code, an authenticator code, or a recovery code. */
export function portalMfaRoutes(services: Services): Router {
  const router = Router();

  const pending = async (req: Request) => {
    const challenge = await services.mfa.findChallenge("PORTAL", readCookie(req, PORTAL_MFA_COOKIE));
    if (!challenge || challenge.purpose !== "VERIFY") return null;
    const account = await services.dataSource.getRepository(PortalAccount).findOneBy({ id: challenge.principalId });
    if (!account || account.disabled) return null;
    return { challenge, account };
  };

  router.post("/portal/auth/login/mfa", (req: Request, res: Response, next) => {
    const body = req.body as { code?: unknown; recoveryCode?: unknown } | undefined;
    const code = typeof body?.code === "string" ? body.code : undefined;
    const recoveryCode = typeof body?.recoveryCode === "string" ? body.recoveryCode : undefined;
    if (!req.is("application/json") || (code === undefined) === (recoveryCode === undefined) || (code ?? recoveryCode)!.length > 64) {
      res.status(400).json({ error: "BAD_REQUEST", message: "Send JSON {code} or {recoveryCode}." });
      return;
    }
    (async () => {
      const found = await pending(req);
      if (!found) return expired(res);
      const { challenge, account } = found;
      const scope = services.portalMfa.scopeFor(account, meta(req));
      // No factor of its own: the organization's requirement, met by the emailed code.
      const own = await services.mfa.factorOf("PORTAL", account.id);
      let passed: SecondFactor | null;
      try {
        passed = own?.confirmedAt
          ? await services.mfa.verifyChallenge(challenge, { code, recoveryCode }, (c, value) => services.portalMfa.checkEmailCode(c, value))
          : await services.mfa.verifyImplicitEmail(challenge, code, (c, value) => services.portalMfa.checkEmailCode(c, value));
      } catch (err) {
        if (err instanceof MfaRateLimited) {
          await audit(scope, { action: "portal.mfa_failed", targetType: "PortalAccount", targetId: account.id, after: { limited: true } });
          res.setHeader("Retry-After", String(err.retryAfterSeconds));
          res.status(429).json({ error: "RATE_LIMITED", message: err.message, retryAfterSeconds: err.retryAfterSeconds });
          return;
        }
        throw err;
      }
      if (!passed) {
        await audit(scope, { action: "portal.mfa_failed", targetType: "PortalAccount", targetId: account.id });
        res.status(401).json({ error: "MFA_CODE_INVALID", message: "That code is not right." });
        return;
      }
      const { token } = await services.sessions.create("PORTAL", account.id, account.organizationId, ipOf(req), passed);
      await audit(scope, { action: "portal.mfa_passed", targetType: "PortalAccount", targetId: account.id, after: { secondFactor: passed } });
      res.clearCookie(PORTAL_MFA_COOKIE, { path: "/" });
      res.cookie(PORTAL_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/", maxAge: services.sessions.maxAgeMs });
      res.json({ account: { id: String(account.id), email: account.email, language: account.language, mustChangePassword: account.mustChangePassword } });
    })().catch(next);
  });

  router.post("/portal/auth/login/mfa/resend", (req: Request, res: Response, next) => {
    (async () => {
      const found = await pending(req);
      if (!found) return expired(res);
      const { method } = await services.portalMfa.state(found.account);
      if (method !== "EMAIL") {
        res.status(409).json({ error: "NOT_EMAIL", message: "This sign-in uses an authenticator app." });
        return;
      }
      const sent = await services.portalMfa.sendCode(found.account, found.challenge);
      if (!sent) {
        res.setHeader("Retry-After", "60");
        res.status(429).json({ error: "RATE_LIMITED", message: "A code was just sent. Wait a minute before asking for another.", retryAfterSeconds: 60 });
        return;
      }
      res.json({ sent: true });
    })().catch(next);
  });

  return router;
}
