import { RateLimiterRes } from "rate-limiter-flexible";
import type { DataSource } from "typeorm";
import { unique } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { BufferedSharedLimiter, createRateLimiter } from "./rate-limiter";

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
