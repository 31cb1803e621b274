/**
 * Rules shared by the API, the admin and the portal, so that a check shown in a form is the same
 * one the server enforces.
 */

/** Rule 2: emails are compared case-insensitively after trimming. The database indexes this form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately permissive (RFC 5322 is wider than any clinic needs, and narrower checks reject real
// addresses); the point is to catch typos such as a missing "@" or domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: string): boolean {
  const trimmed = email.trim();
  return trimmed.length <= 254 && EMAIL_PATTERN.test(trimmed);
}

/** OWASP ASVS: at least 12 characters, at most 128, all characters allowed, never truncated. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblem(password: string): "TOO_SHORT" | "TOO_LONG" | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  return null;
}

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The largest page a list query returns. */
export const MAX_PAGE_SIZE = 500;

/**
 * Rule 7: when the next invite to an account may go out, given its last invite and the
 * organization's resend cooldown; null when it may go out now. The API refuses with COOLDOWN on the
 * same rule that the admin uses to hold its Resend button.
 */
export function resendAvailableAt(lastInviteSentAt: Date | string | null | undefined, cooldownMinutes: number, now: Date = new Date()): Date | null {
  if (!lastInviteSentAt) return null;
  const at = new Date(new Date(lastInviteSentAt).getTime() + cooldownMinutes * 60_000);
  return at > now ? at : null;
}

/**
 * A CSV cell a spreadsheet will not run as a formula: text starting with =, +, -, @, tab or CR gets
 * a leading quote (OWASP CSV injection). Used by every CSV export, in the API and in the admin.
 */
export function spreadsheetSafe(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
