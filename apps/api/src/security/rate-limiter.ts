import type { NextFunction, Request, RequestHandler, Response } from "express";
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { isMysql } from "../db/dialect";
import type { Logger } from "../logger";

export interface LimiterOptions {
  /** Distinguishes limiters sharing the table (e.g. `gql_ip`, `gql_key`, `portal_login`). */
  keyPrefix: string;
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSec: number;
  /** Once exceeded, refuse for this many seconds (default: until the window ends). */
  blockDurationSec?: number;
}

/**
 * A rate limiter whose counters every API process shares: on MySQL the `rate_limits` table (see auth/rate-limit.entity.ts; through
 * TypeORM's own mysql2 pool), so limits hold behind a load balancer; on the embedded SQLite database
 * (one process by construction) process memory.
 */
export function createRateLimiter(dataSource: DataSource, options: LimiterOptions): RateLimiterAbstract {
  const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSec, blockDuration: options.blockDurationSec ?? 0 };
  if (!isMysql(dataSource)) return new RateLimiterMemory(base);
  const driver = dataSource.driver as unknown as { pool: unknown; database?: string };
  return new RateLimiterMySQL({
    ...base,
    storeClient: driver.pool,
    storeType: "pool",
    dbName: driver.database,
    tableName: "rate_limits",
    tableCreated: true,
    // Expired rows are purged by each process in the background (hourly sweep of rows older than an hour).
    clearExpiredByTimeout: true,
  });
}

/** What the middleware needs of a limiter. */
export interface Limiter {
  readonly keyPrefix: string;
  readonly points: number;
  /** Resolves with the counter after this request; rejects with a RateLimiterRes when over the limit. */
  consume(key: string): Promise<RateLimiterRes>;
}

/**
 * A per-IP limiter for every /graphql request. Writing the shared counter on each request makes all
 * requests from one address (a clinic behind one NAT, a load test) queue on one row lock. Instead,
 * each process counts in memory and adds its count to the shared row every `flushMs`, learning the
 * total of all processes in return: a process alone is exact, and several processes together can
 * exceed the limit by at most what they admit in one flush interval. Sign-in and token limits, which
 * guard secrets, keep writing through on every attempt (createRateLimiter).
 */
export class BufferedSharedLimiter implements Limiter {
  readonly keyPrefix: string;
  readonly points: number;
  private readonly counts = new Map<string, { pending: number; shared: number; resetAt: number }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly shared: RateLimiterAbstract,
    private readonly onError: (err: unknown) => void,
    private readonly flushMs = 250,
  ) {
    this.keyPrefix = shared.keyPrefix;
    this.points = shared.points;
  }

  consume(key: string): Promise<RateLimiterRes> {
    const now = Date.now();
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { pending: 0, shared: 0, resetAt: now + this.shared.duration * 1000 };
      this.counts.set(key, entry);
    }
    const used = entry.shared + entry.pending;
    if (used >= this.points) return Promise.reject(new RateLimiterRes(0, entry.resetAt - now, used + 1, false));
    entry.pending++;
    this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    return Promise.resolve(new RateLimiterRes(this.points - used - 1, entry.resetAt - now, used + 1, false));
  }

  /** Adds every pending count to the shared counters and reads their totals back. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    this.timer = null;
    const work = async () => {
      for (const [key, entry] of this.counts) {
        if (entry.pending === 0) {
          if (entry.resetAt <= Date.now()) this.counts.delete(key);
          continue;
        }
        const n = entry.pending;
        entry.pending = 0;
        try {
          const res = await this.shared.penalty(key, n);
          entry.shared = res.consumedPoints;
          entry.resetAt = Date.now() + res.msBeforeNext;
        } catch (err) {
          entry.pending += n;
          this.onError(err);
        }
      }
    };
    this.flushing = work().finally(() => (this.flushing = null));
    await this.flushing;
  }
}

/** Seconds until a refused caller may retry, for the Retry-After header (at least 1). */
export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Express middleware consuming one point per request for the subject `keyOf` returns (null: not
 * limited here). Over the limit: 429 with Retry-After and a GraphQL-shaped RATE_LIMITED error. If the
 * store itself fails the request goes on (logged): a database hiccup must not lock everyone out.
 */
export function rateLimitMiddleware(limiter: Limiter, keyOf: (req: Request, res: Response) => string | null, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req, res);
    if (!key) return next();
    limiter.consume(key).then(
      (result) => {
        res.setHeader("RateLimit-Limit", String(limiter.points));
        res.setHeader("RateLimit-Remaining", String(result.remainingPoints));
        next();
      },
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          logger.warn({ err: rejection, limiter: limiter.keyPrefix }, "rate limiter store failed; request allowed");
          return next();
        }
        const retryAfter = retryAfterSeconds(rejection);
        res.setHeader("Retry-After", String(retryAfter));
        res.setHeader("RateLimit-Limit", String(limiter.points));
        res.setHeader("RateLimit-Remaining", "0");
        res.status(429).json({
          errors: [{ message: `Too many requests; retry in ${retryAfter} s.`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter } }],
        });
      },
    );
  };
}
