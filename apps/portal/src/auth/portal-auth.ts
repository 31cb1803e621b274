/** The portal's sign-in routes (SPEC "Names other programs rely on"): a session cookie, no token in JS. */

export interface Organization {
  id: string;
  name: string;
}

/** The second sign-in step the server asks for after a correct password (rule 18). */
export type MfaMethod = "EMAIL" | "TOTP";

export type SignInResult = { ok: true; mfa?: MfaMethod } | { ok: false; code: string; organizations?: Organization[] };

export async function signIn(email: string, password: string, organizationId?: string): Promise<SignInResult> {
  let res: Response;
  try {
    res = await fetch("/portal/auth/login", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, ...(organizationId ? { organizationId } : {}) }),
    });
  } catch {
    return { ok: false, code: "NETWORK" };
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { mfaRequired?: boolean; method?: MfaMethod } | null;
    // No session yet: a pending cookie opens only the second-step routes.
    return body?.mfaRequired ? { ok: true, mfa: body.method ?? "EMAIL" } : { ok: true };
  }
  const body = (await res.json().catch(() => null)) as { error?: unknown; organizations?: Organization[] } | null;
  if (res.status === 429) return { ok: false, code: "RATE_LIMITED" };
  // One email may sign in to several clinics (each has its own account): the user picks one.
  if (res.status === 409 && body?.error === "CHOOSE_ORGANIZATION")
    return { ok: false, code: "CHOOSE_ORGANIZATION", organizations: body.organizations ?? [] };
  return { ok: false, code: typeof body?.error === "string" ? body.error : "INVALID_CREDENTIALS" };
}

export async function signOut(): Promise<void> {
  await fetch("/portal/auth/logout", { method: "POST", credentials: "same-origin" });
}

async function postJson(path: string, body: unknown): Promise<{ ok: true } | { ok: false; code: string }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: "NETWORK" };
  }
  if (res.ok) return { ok: true };
  const answer = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (res.status === 429) return { ok: false, code: "RATE_LIMITED" };
  return { ok: false, code: typeof answer?.error === "string" ? answer.error : "MFA_CODE_INVALID" };
}

/** The second step: the emailed or authenticator code, or a recovery code; sets the session cookie. */
export function verifySecondStep(body: { code: string } | { recoveryCode: string }) {
  return postJson("/portal/auth/login/mfa", body);
}

/** Emails a new code for the pending sign-in (once a minute). */
export function resendCode() {
  return postJson("/portal/auth/login/mfa/resend", {});
}
