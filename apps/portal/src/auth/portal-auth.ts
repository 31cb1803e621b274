/** The portal's sign-in routes (SPEC "Names other programs rely on"): a session cookie, no token in JS. */

export type SignInResult = { ok: true } | { ok: false; code: string };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let res: Response;
  try {
    res = await fetch("/portal/auth/login", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, code: "NETWORK" };
  }
  if (res.ok) return { ok: true };
  if (res.status === 429) return { ok: false, code: "RATE_LIMITED" };
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  return { ok: false, code: typeof body?.error === "string" ? body.error : "INVALID_CREDENTIALS" };
}

export async function signOut(): Promise<void> {
  await fetch("/portal/auth/logout", { method: "POST", credentials: "same-origin" });
}
