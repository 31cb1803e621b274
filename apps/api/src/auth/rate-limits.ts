import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { createRateLimiter } from "../security/rate-limiter";
import { createLockoutStore, type AttemptDecision, type LockoutState, type LockoutStore } from "../security/rate-limiter-lockout";
import { sha256 } from "./tokens";

/** Per-IP limits against guessing (portal and staff sign-in, reset requests, invite and reset tokens). */
export type LimitName = "staffSignIn" | "portalSignIn" | "passwordReset" | "token";

/**
 * Per-subject locks (5 failures, then waits doubling from 1 minute to 1 hour): staff sign-in by
 * email, portal sign-in by email (known or not, so a lock says nothing about who has an account),
 * a signed-in portal account's wrong current passwords, and the dates of birth given to ask for a
 * new invite (rule 22), by account.
 */
export type LockName = "staffSignIn" | "portalSignIn" | "portalPasswordChange" | "inviteRecovery";

/** The outcome of counting one attempt on a lock. */
export type LockAttempt =
  | { allowed: true; failures: number; lockedUntil: Date | null }
  | { allowed: false; retryAfterSeconds: number; failures: number; lockedUntil: Date };

export interface LimitPolicy {
  points: number;
  durationSeconds: number;
}

export type LimitPolicies = Record<LimitName, LimitPolicy>;

/** Parses `points/seconds`, e.g. `20/900` for 20 per 15 minutes. */
export function parseLimit(value: string): LimitPolicy | null {
  const m = /^(\d{1,7})\/(\d{1,7})$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return null;
  return { points: Number(m[1]), durationSeconds: Number(m[2]) };
}

/**
 * rate-limiter-flexible counters (see createRateLimiter: the shared `rate_limits` table on MySQL,
 * process memory on the embedded SQLite database, whose single connection would otherwise make a
 * counter write part of whatever transaction another request has open, and roll back with it).
 */
export class RateLimits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();
  private readonly lockouts: LockoutStore;
  /** The clock of the locks; tests move it instead of waiting out a lock. */
  now: () => number = Date.now;
  /**
   * A refused sign-in (wrong password or locked) is answered no sooner than this after the request
   * arrived, so the audit and lock records a known email costs (a commit or two) do not tell it from
   * an unknown one. Tests that fail sign-ins by the dozen lower it.
   */
  refusalMinMs = 300;

  /** Waits out the rest of refusalMinMs for a request that arrived at `startedAt`. */
  async answerRefusal(startedAt: number): Promise<void> {
    const left = this.refusalMinMs - (Date.now() - startedAt);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }

  constructor(
    dataSource: DataSource,
    private readonly policies: LimitPolicies,
  ) {
    for (const [name, policy] of Object.entries(policies) as [LimitName, LimitPolicy][]) {
      this.limiters.set(name, createRateLimiter(dataSource, { keyPrefix: name, points: policy.points, durationSec: policy.durationSeconds }));
    }
    this.lockouts = createLockoutStore(dataSource);
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    return this.limiters.get(name)!;
  }

  /** Counts one attempt. Returns null when allowed, or the seconds to wait when over the limit. */
  async consume(name: LimitName, key: string): Promise<number | null> {
    try {
      await this.limiter(name).consume(key);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw err;
    }
  }

  /**
   * Gives back the point of an attempt that succeeded: the per-IP budgets count failures, but they
   * are spent before the secret is checked so that a burst cannot overtake them.
   */
  async refund(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).reward(key, 1);
  }

  // Hashed: an email never sits in the limiter table, and every key has the same length.
  private lockKey(name: LockName, subject: string): string {
    return `lock:${name}:${sha256(subject)}`;
  }

  /**
   * Counts one attempt on a lock before its secret is checked (see decideAttempt): refused while
   * locked, otherwise counted as a failure until `unlock` says it succeeded.
   */
  async attempt(name: LockName, subject: string): Promise<LockAttempt> {
    const now = this.now();
    const decision: AttemptDecision = await this.lockouts.attempt(this.lockKey(name, subject), now);
    if (decision.allowed) return { allowed: true, failures: decision.next.failures, lockedUntil: toDate(decision.next.lockedUntil) };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), failures: decision.state.failures, lockedUntil: new Date(decision.state.lockedUntil!) };
  }

  /** The lock's state now (null: no failures remembered). */
  async lockState(name: LockName, subject: string): Promise<{ failures: number; lockedUntil: Date | null } | null> {
    const state: LockoutState | null = await this.lockouts.get(this.lockKey(name, subject), this.now());
    return state && { failures: state.failures, lockedUntil: toDate(state.lockedUntil) };
  }

  /** Forgets every failure of the subject: a success, or staff unlocking the account. */
  async unlock(name: LockName, subject: string): Promise<void> {
    await this.lockouts.reset(this.lockKey(name, subject));
  }
}

function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** Thrown where a limit is hit; HTTP routes answer 429, GraphQL mutations a RATE_LIMITED user error. */
export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
