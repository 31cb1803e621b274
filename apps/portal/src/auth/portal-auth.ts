/** The portal's sign-in routes (SPEC "Names other programs rely on"): a session cookie, no token in JS. */

export interface Organization {
  id: string;
  name: string;
}

export type SignInResult = { ok: true } | { ok: false; code: string; organizations?: Organization[] };

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
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: unknown; organizations?: Organization[] } | null;
  if (res.status === 429) return { ok: false, code: "RATE_LIMITED" };
  // One email may sign in to several clinics (each has its own account): the user picks one.
  if (res.status === 409 && body?.error === "CHOOSE_ORGANIZATION") return { ok: false, code: "CHOOSE_ORGANIZATION", organizations: body.organizations ?? [] };
  return { ok: false, code: typeof body?.error === "string" ? body.error : "INVALID_CREDENTIALS" };
}

export async function signOut(): Promise<void> {
  await fetch("/portal/auth/logout", { method: "POST", credentials: "same-origin" });
}
