import crypto from "node:crypto";
import { hmacSha256 } from "../../auth/tokens";

/**
 * Front-desk activation codes (SPEC rule 23, seed 004: credentials handed over in person).
 * Crockford's base 32 without I, L, O and U: read aloud, copied from paper or typed on a phone, a
 * code survives the usual confusions (0/O, 1/I/L), which normalizeActivationCode folds back.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 8;

/** 8 random characters (40 bits): with the per-address limit and the date of birth, not guessable online. */
export function generateActivationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join("");
}

/** As printed on the sheet: two groups of four. */
export function formatActivationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, as the code it stands for, or null when it cannot be one: case, spaces and
 * dashes do not matter, and O, I and L read as 0, 1 and 1 (Crockford's decoding).
 */
export function normalizeActivationCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

/**
 * What the database keeps: an HMAC under the server's secret, not a bare SHA-256, because 40 bits
 * could be searched exhaustively from a leaked table; without the secret the hash says nothing.
 */
export function hashActivationCode(secret: string, code: string): string {
  return hmacSha256(secret, `portal-activation-code:${code}`);
}
