import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * How many passwords this process has checked (real or dummy hashes alike): the figure the sign-in
 * burst tests read to show that a limit is spent before secrets are checked, not after.
 */
export const passwordMetrics = { verifications: 0 };

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  passwordMetrics.verifications += 1;
  if (!passwordHash) {
    // Spend the same time as a real check so that timing does not tell which accounts exist.
    await verify(await dummy(), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

// A hash of a random string nobody knows, computed once per process.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hash(crypto.randomBytes(32).toString("hex"), OPTIONS);
  return dummyHash;
}
