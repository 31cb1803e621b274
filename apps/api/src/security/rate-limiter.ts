import type { NextFunction, Request, RequestHandler, Response } from "express";
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { isMysql } from "../db/data-source";
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

/** Seconds until a refused caller may retry, for the Retry-After header (at least 1). */
export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * Express middleware consuming one point per request for the subject `keyOf` returns (null: not
 * limited here). Over the limit: 429 with Retry-After and a GraphQL-shaped RATE_LIMITED error. If the
 * store itself fails the request goes on (logged): a database hiccup must not lock everyone out.
 */
export function rateLimitMiddleware(limiter: RateLimiterAbstract, keyOf: (req: Request, res: Response) => string | null, logger: Logger): RequestHandler {
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
