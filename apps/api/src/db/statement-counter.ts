import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger } from "typeorm";

const requests = new AsyncLocalStorage<{ statements: number }>();

/**
 * Counts the SQL statements each HTTP request makes (only with SQL_STATEMENT_COUNT=true, for the
 * benchmark and for checking that a list page costs a constant number of statements). TypeORM
 * reports every query to its logger in the caller's async context, so the count is per request
 * even with a connection pool.
 */
export const statementCounter = {
  run<T>(work: () => T): T {
    return requests.run({ statements: 0 }, work);
  },
  current(): number | null {
    return requests.getStore()?.statements ?? null;
  },
  logger(): TypeOrmLogger {
    const count = () => {
      const store = requests.getStore();
      if (store) store.statements++;
    };
    return {
      logQuery: count,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
  },
};
