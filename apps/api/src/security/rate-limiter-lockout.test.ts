import { decideAttempt, decodeLockout, encodeLockout, lockDurationMs, MemoryLockoutStore, type LockoutState } from "./rate-limiter-lockout";

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("lockDurationMs", () => {
  it("locks from the 5th failure for 1 minute, doubling to at most an hour", () => {
    expect([1, 4, 5, 6, 7, 10, 11, 20].map(lockDurationMs)).toEqual([0, 0, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  });
});

describe("decideAttempt", () => {
  it("counts each allowed attempt before its check and starts the lock the 5th would earn", () => {
    let state: LockoutState | null = null;
    for (let i = 1; i <= 5; i++) {
      const d = decideAttempt(state, T0);
      expect(d.allowed).toBe(true);
      if (d.allowed) state = d.next;
    }
    expect(state).toEqual({ failures: 5, lockedUntil: T0 + 60_000 });
    const refused = decideAttempt(state, T0 + 1_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 59_000, state });
  });

  it("allows one attempt when the lock runs out, and the next lock is twice as long; refusals do not count", () => {
    const state = { failures: 5, lockedUntil: T0 + 60_000 };
    for (let i = 0; i < 10; i++) expect(decideAttempt(state, T0 + 30_000).allowed).toBe(false);
    expect(decideAttempt(state, T0 + 60_000)).toEqual({ allowed: true, next: { failures: 6, lockedUntil: T0 + 180_000 } });
  });
});

describe("the rate_limits row encoding", () => {
  it("round-trips a lock and a count below it, and forgets both a day after", () => {
    const locked = { failures: 7, lockedUntil: T0 + 240_000 };
    expect(decodeLockout(encodeLockout(locked, T0), T0)).toEqual(locked);
    const counting = { failures: 3, lockedUntil: null };
    expect(decodeLockout(encodeLockout(counting, T0), T0 + 1000)).toEqual(counting);
    expect(decodeLockout(encodeLockout(counting, T0), T0 + 24 * 3600_000)).toBeNull();
    expect(decodeLockout({ points: 0, expire: T0 }, T0)).toBeNull();
  });
});

describe("MemoryLockoutStore", () => {
  it("lets exactly 5 of 50 simultaneous attempts through", async () => {
    const store = new MemoryLockoutStore();
    const decisions = await Promise.all(Array.from({ length: 50 }, () => store.attempt("k", T0)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    await store.reset("k");
    expect(await store.get("k", T0)).toBeNull();
  });
});
