import type { DataSource, EntityManager } from "typeorm";
import { isMysql } from "../db/dialect";

/** Failed attempts a subject (an account, an email) is allowed before it is locked. */
export const ATTEMPTS_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Failures are forgotten this long after the last attempt or the end of the last lock. */
export const LOCKOUT_MEMORY_MS = 24 * 3600_000;

/** How long a subject is locked after `failures` consecutive failures: 1 minute after the 5th, doubling to 1 hour. */
export function lockDurationMs(failures: number): number {
  if (failures < ATTEMPTS_BEFORE_LOCK) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - ATTEMPTS_BEFORE_LOCK), MAX_LOCK_MS);
}

/** What a lockout remembers of one subject. `lockedUntil` in milliseconds since the epoch. */
export interface LockoutState {
  failures: number;
  lockedUntil: number | null;
}

export type AttemptDecision =
  | { allowed: true; next: LockoutState }
  | { allowed: false; retryAfterMs: number; state: LockoutState };

/**
 * The one rule of every per-account lock (staff and portal sign-in, portal password changes): an
 * attempt is refused while the subject is locked; otherwise it is counted *before* the secret is
 * checked, as if it will fail, and the lock the failure would earn starts at once. A success then
 * resets the subject. So concurrent attempts see each other's count and lock, and a burst checks at
 * most ATTEMPTS_BEFORE_LOCK secrets; a refused attempt does not count, so the waits only grow with
 * secrets actually checked.
 */
export function decideAttempt(state: LockoutState | null, now: number): AttemptDecision {
  const current = state ?? { failures: 0, lockedUntil: null };
  if (current.lockedUntil !== null && current.lockedUntil > now) return { allowed: false, retryAfterMs: current.lockedUntil - now, state: current };
  const failures = current.failures + 1;
  const lockMs = lockDurationMs(failures);
  return { allowed: true, next: { failures, lockedUntil: lockMs > 0 ? now + lockMs : null } };
}

/**
 * A row of the shared `rate_limits` table holds a lockout as (points, expire): points = failures,
 * expire = the end of the lock (or the last attempt) + LOCKOUT_MEMORY_MS, after which the row is
 * stale and rate-limiter-flexible's sweep removes it. A lock exists exactly when failures reach 5
 * (decideAttempt sets one with every counted attempt from then on).
 */
export function encodeLockout(state: LockoutState, now: number): { points: number; expire: number } {
  return { points: state.failures, expire: (state.lockedUntil ?? now) + LOCKOUT_MEMORY_MS };
}

export function decodeLockout(row: { points: number; expire: number | null } | undefined, now: number): LockoutState | null {
  if (!row || row.expire === null || row.expire <= now) return null;
  const failures = Number(row.points);
  return { failures, lockedUntil: failures >= ATTEMPTS_BEFORE_LOCK ? Number(row.expire) - LOCKOUT_MEMORY_MS : null };
}

/** Where lockouts live: shared by every API process on MySQL, process memory on the embedded SQLite. */
export interface LockoutStore {
  /** Decides and records one attempt in one atomic step. */
  attempt(key: string, now: number): Promise<AttemptDecision>;
  get(key: string, now: number): Promise<LockoutState | null>;
  /** Forgets the subject: a success, or staff unlocking it. */
  reset(key: string): Promise<void>;
}

/** SQLite runs in one process: a Map changed synchronously is atomic (no await between read and write). */
export class MemoryLockoutStore implements LockoutStore {
  private readonly rows = new Map<string, { points: number; expire: number }>();

  attempt(key: string, now: number): Promise<AttemptDecision> {
    const decision = decideAttempt(decodeLockout(this.rows.get(key), now), now);
    if (decision.allowed) this.rows.set(key, encodeLockout(decision.next, now));
    if (this.rows.size > 10_000) this.sweep(now);
    return Promise.resolve(decision);
  }

  get(key: string, now: number): Promise<LockoutState | null> {
    return Promise.resolve(decodeLockout(this.rows.get(key), now));
  }

  reset(key: string): Promise<void> {
    this.rows.delete(key);
    return Promise.resolve();
  }

  private sweep(now: number) {
    for (const [key, row] of this.rows) if (row.expire <= now) this.rows.delete(key);
  }
}

const DEADLOCK = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);

/**
 * MySQL: one transaction per attempt holding the subject's row lock between reading and writing it,
 * so attempts from every process are serialized on that row (not on the password check, which runs
 * after the commit).
 */
export class MysqlLockoutStore implements LockoutStore {
  constructor(private readonly dataSource: DataSource) {}

  async attempt(key: string, now: number): Promise<AttemptDecision> {
    // The row must exist before it can be locked: a locking read of a missing key takes a gap lock,
    // and two such transactions inserting the same key deadlock each other.
    await this.dataSource.query("INSERT IGNORE INTO `rate_limits` (`key`, `points`, `expire`) VALUES (?, 0, ?)", [key, now]);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (m: EntityManager) => {
          const rows: { points: number; expire: string | number | null }[] = await m.query("SELECT `points`, `expire` FROM `rate_limits` WHERE `key` = ? FOR UPDATE", [key]);
          const row = rows[0] ? { points: Number(rows[0].points), expire: rows[0].expire === null ? null : Number(rows[0].expire) } : undefined;
          const decision = decideAttempt(decodeLockout(row, now), now);
          if (decision.allowed) {
            const { points, expire } = encodeLockout(decision.next, now);
            await m.query("INSERT INTO `rate_limits` (`key`, `points`, `expire`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `points` = VALUES(`points`), `expire` = VALUES(`expire`)", [key, points, expire]);
          }
          return decision;
        });
      } catch (err) {
        if (attempt < 3 && DEADLOCK.has((err as { code?: string }).code ?? "")) continue;
        throw err;
      }
    }
  }

  async get(key: string, now: number): Promise<LockoutState | null> {
    const rows: { points: number; expire: string | number | null }[] = await this.dataSource.query("SELECT `points`, `expire` FROM `rate_limits` WHERE `key` = ?", [key]);
    return rows[0] ? decodeLockout({ points: Number(rows[0].points), expire: rows[0].expire === null ? null : Number(rows[0].expire) }, now) : null;
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query("DELETE FROM `rate_limits` WHERE `key` = ?", [key]);
  }
}

export function createLockoutStore(dataSource: DataSource): LockoutStore {
  return isMysql(dataSource) ? new MysqlLockoutStore(dataSource) : new MemoryLockoutStore();
}
