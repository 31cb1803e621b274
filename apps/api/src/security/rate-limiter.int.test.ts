import { RateLimiterRes } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { unique } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { BufferedSharedLimiter, createRateLimiter } from "./rate-limiter";
import { createLockoutStore } from "./rate-limiter-lockout";
import { isMysql } from "../db/data-source";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await openTestDatabase();
});
afterAll(async () => {
  await dataSource.destroy();
});

const noError = (err: unknown) => {
  throw err;
};

describe("BufferedSharedLimiter (per-IP /graphql limit)", () => {
  it("is exact within one process, without touching the store on each request", async () => {
    const store = createRateLimiter(dataSource, { keyPrefix: unique("buf"), points: 3, durationSec: 60 });
    const limiter = new BufferedSharedLimiter(store, noError, 60_000);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume("10.0.0.1").then((r) => r.remainingPoints, (r: RateLimiterRes) => -r.msBeforeNext));
    expect(results.slice(0, 3)).toEqual([2, 1, 0]);
    expect(results[3]).toBeLessThan(0);
    // Another address has its own budget; nothing reached the store yet.
    await expect(limiter.consume("10.0.0.2")).resolves.toBeInstanceOf(RateLimiterRes);
    expect(await store.get("10.0.0.1")).toBeNull();
    await limiter.flush();
    expect((await store.get("10.0.0.1"))!.consumedPoints).toBe(3);
  });

  it("shares the count of several processes through the store at each flush", async () => {
    const store = createRateLimiter(dataSource, { keyPrefix: unique("buf"), points: 5, durationSec: 60 });
    const a = new BufferedSharedLimiter(store, noError, 60_000);
    const b = new BufferedSharedLimiter(store, noError, 60_000);
    for (let i = 0; i < 4; i++) await a.consume("10.0.0.9");
    await a.flush();
    await b.consume("10.0.0.9"); // b has not flushed yet: its own count is 1
    await b.flush(); // … and now knows the total of both: 5
    await expect(b.consume("10.0.0.9")).rejects.toBeInstanceOf(RateLimiterRes);
  });
});

describe("lockout store (per-account sign-in locks)", () => {
  it("lets exactly 5 of 50 concurrent attempts through, on the shared store of this database", async () => {
    const store = createLockoutStore(dataSource);
    const key = unique("lock:test:");
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 50 }, () => store.attempt(key, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(await store.get(key, now)).toEqual({ failures: 5, lockedUntil: now + 60_000 });
    // On MySQL a second store (another API process) sees the same lock; SQLite is one process.
    if (isMysql(dataSource)) expect((await createLockoutStore(dataSource).attempt(key, now + 1000)).allowed).toBe(false);
    await store.reset(key);
    expect(await store.get(key, now)).toBeNull();
  });
});
