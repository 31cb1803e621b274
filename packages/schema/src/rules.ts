/**
 * Rules shared by the API, the admin and the portal, so that a check shown in a form is the same
 * one the server enforces.
 */

/**
 * Rule 2: emails are compared case-insensitively after trimming, in Unicode's composed form (NFC:
 * an "é" typed as e + combining accent is the same address). The database indexes this form.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

// Deliberately permissive (RFC 5322 is wider than any clinic needs, and narrower checks reject real
// addresses); the point is to catch typos such as a missing "@" or domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Why an address cannot be accepted. Besides typos, three spellings reach the same mailbox as a
 * plain address while comparing different, which would give one person two accounts (issue 11):
 * a trailing dot on the domain, a quoted local part, and invisible characters.
 */
export type EmailProblem = "INVALID" | "TOO_LONG" | "DOMAIN_DOTS" | "SPECIAL_CHARACTERS" | "INVISIBLE_CHARACTER";

// Unicode default-ignorable code points (soft hyphen, zero-width space and joiners, word joiner,
// variation selectors, bidi controls, tags…), every other format or control character, and every
// kind of space: none belongs in an address, and most print as nothing.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Zs}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u;
// Quotes make `"x"@dom` the same mailbox as x@dom; parentheses are comments, brackets an IP literal,
// the others separate addresses. No clinic patient needs them.
const SPECIAL = /["()<>[\]\\,;:]/;

/** The first thing wrong with an email address (after trimming), or null when it may be used. */
export function emailProblem(value: string): EmailProblem | null {
  const email = value.trim();
  if (INVISIBLE.test(email)) return "INVISIBLE_CHARACTER";
  if (SPECIAL.test(email)) return "SPECIAL_CHARACTERS";
  if (email.length > 254) return "TOO_LONG";
  const at = email.lastIndexOf("@");
  const domain = at >= 0 ? email.slice(at + 1) : "";
  // "x@dom." is the fully qualified spelling of x@dom; "x@dom..org" and "x@.dom" are typos.
  if (domain.endsWith(".") || domain.startsWith(".") || domain.includes("..")) return "DOMAIN_DOTS";
  if (!EMAIL_PATTERN.test(email)) return "INVALID";
  return null;
}

export function isValidEmail(email: string): boolean {
  return emailProblem(email) === null;
}

/** The message for each email problem, in English and French: the API's userErrors and the admin's forms show the same text. */
export const EMAIL_PROBLEM_MESSAGES: Record<"en" | "fr", Record<EmailProblem, string>> = {
  en: {
    INVALID: "This is not a valid email address.",
    TOO_LONG: "This email address is too long (254 characters at most).",
    DOMAIN_DOTS: "The part after @ must not end with a dot or contain two dots in a row (as in name@clinic.org. or name@clinic..org).",
    SPECIAL_CHARACTERS: "Quotes, brackets, parentheses, commas, colons and semicolons are not accepted in an email address.",
    INVISIBLE_CHARACTER: "This email address contains an invisible character or a space (such as a soft hyphen or a zero-width space). Type it again rather than pasting it.",
  },
  fr: {
    INVALID: "Cette adresse courriel n'est pas valide.",
    TOO_LONG: "Cette adresse courriel est trop longue (254 caractères au plus).",
    DOMAIN_DOTS: "La partie après @ ne doit pas finir par un point ni contenir deux points de suite (comme nom@clinique.org. ou nom@clinique..org).",
    SPECIAL_CHARACTERS: "Les guillemets, crochets, parenthèses, virgules, deux-points et points-virgules ne sont pas acceptés dans une adresse courriel.",
    INVISIBLE_CHARACTER: "Cette adresse courriel contient un caractère invisible ou une espace (comme un trait d'union conditionnel ou une espace sans chasse). Saisissez-la à nouveau plutôt que de la coller.",
  },
};

/** The message for an address's problem in a language (English for any other), or null when the address may be used. */
export function emailProblemMessage(value: string, language: string = "en"): string | null {
  const problem = emailProblem(value);
  return problem ? EMAIL_PROBLEM_MESSAGES[language.toLowerCase().startsWith("fr") ? "fr" : "en"][problem] : null;
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
