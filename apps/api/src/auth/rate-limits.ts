import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { createRateLimiter } from "../security/rate-limiter";

/** Per-IP limits against guessing (portal and staff sign-in, reset requests, invite and reset tokens). */
export type LimitName = "staffSignIn" | "portalSignIn" | "passwordReset" | "token";

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

  constructor(
    dataSource: DataSource,
    private readonly policies: LimitPolicies,
  ) {
    for (const [name, policy] of Object.entries(policies) as [LimitName, LimitPolicy][]) {
      this.limiters.set(name, createRateLimiter(dataSource, { keyPrefix: name, points: policy.points, durationSec: policy.durationSeconds }));
    }
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

  /** Whether the key is already over the limit, without counting (sign-in counts failures only). */
  async blocked(name: LimitName, key: string): Promise<number | null> {
    const res = await this.limiter(name).get(key);
    if (res && res.consumedPoints >= this.policies[name].points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return null;
  }
}

/** Thrown where a limit is hit; HTTP routes answer 429, GraphQL mutations a RATE_LIMITED user error. */
export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
