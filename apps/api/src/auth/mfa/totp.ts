import crypto from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { sha256 } from "../tokens";

/** Name shown in authenticator apps above the account. */
export const TOTP_ISSUER = "Portal Access";
/** Codes of the previous and next 30-second step are accepted too (clock drift of phones). */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/** The otpauth URI as an SVG QR code, drawn here: the secret never goes to an outside service. */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/**
 * Checks a 6-digit code against the secret; a code of a step at or before `afterStep` is refused
 * (replay). Returns the step the code belongs to, to be claimed by the caller, or null.
 */
export async function matchTotp(secret: string, code: string, afterStep: number | null, epochSeconds = Math.floor(Date.now() / 1000)): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epoch: epochSeconds, epochTolerance: TOLERANCE_SECONDS, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** What people type: spaces and dashes dropped, case ignored. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols, no 0/o, 1/l
export const RECOVERY_CODE_COUNT = 10;

/** A recovery code: 16 symbols of 5 bits (80 random bits), shown as four groups of four. */
export function newRecoveryCode(): string {
  const bytes = crypto.randomBytes(16);
  const symbols = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join("");
  return symbols.match(/.{4}/g)!.join("-");
}

/** High-entropy, so SHA-256 (not argon2) is the right hash, and allows a direct lookup. */
export function recoveryCodeHash(code: string): string {
  return sha256(`mfa-recovery:${normalizeCode(code)}`);
}
