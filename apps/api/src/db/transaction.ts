import type { DataSource, EntityManager } from "typeorm";
import { isMysql } from "./data-source";

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();
const RETRYABLE_MYSQL_ERRORS = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);

/**
 * Runs `work` in one database transaction. On MySQL a deadlock victim is retried (the whole
 * transaction, so it stays atomic). SQLite has a single connection: concurrent transactions would
 * interleave on it, so they are queued one after another instead.
 */
export async function runInTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!isMysql(dataSource)) {
    const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
    sqliteQueues.set(dataSource, next.catch(() => undefined));
    return next;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (err) {
      if (attempt >= 4 || !isRetryableTransactionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

/**
 * A deadlock victim or lock wait timeout (MySQL): the transaction is gone or must be redone as a
 * whole, so code catching errors inside a transaction (savepoints) must let these through.
 */
export function isRetryableTransactionError(err: unknown): boolean {
  const errno = (err as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ?? (err as { errno?: number }).errno;
  return errno !== undefined && RETRYABLE_MYSQL_ERRORS.has(errno);
}

/** True when the error is a unique-index violation, on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Name of the violated unique index, when the driver tells (MySQL does; SQLite names columns). */
export function violatedIndex(err: unknown): string {
  const e = err as { message?: string; driverError?: { message?: string } };
  return e.driverError?.message ?? e.message ?? "";
}
