import type { DataSource, EntityManager } from "typeorm";
import { isRetryableTransactionError, queuesTransactions } from "./dialect";

// Error classification is a dialect matter (dialect.ts); re-exported for existing imports.
export { isRetryableTransactionError, isUniqueViolation, violatedIndex } from "./dialect";

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction. On MySQL a deadlock victim is retried (the whole
 * transaction, so it stays atomic). SQLite has a single connection: concurrent transactions would
 * interleave on it, so they are queued one after another instead.
 */
export async function runInTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (queuesTransactions(dataSource)) {
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
