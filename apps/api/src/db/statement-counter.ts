import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger } from "typeorm";

/** One statement as the driver received it (the benchmark replays a request's statements through mysql2 alone). */
export interface TracedStatement {
  sql: string;
  params: unknown[];
}

const requests = new AsyncLocalStorage<{ statements: number; trace?: TracedStatement[] }>();

/**
 * Counts the SQL statements each HTTP request makes (only with SQL_STATEMENT_COUNT=true, for the
 * benchmark and for checking that a list page costs a constant number of statements). TypeORM
 * reports every query to its logger in the caller's async context, so the count is per request
 * even with a connection pool.
 */
export const statementCounter = {
  /** `trace`: also keep each statement and its parameters (the benchmark's floor replays them). */
  run<T>(work: () => T, trace = false): T {
    return requests.run({ statements: 0, ...(trace ? { trace: [] } : {}) }, work);
  },
  current(): number | null {
    return requests.getStore()?.statements ?? null;
  },
  /** The statements of this request, when it asked for a trace. */
  trace(): TracedStatement[] | null {
    return requests.getStore()?.trace ?? null;
  },
  logger(): TypeOrmLogger {
    const count = (sql: string, params?: unknown[]) => {
      const store = requests.getStore();
      if (!store) return;
      store.statements++;
      store.trace?.push({ sql, params: params ?? [] });
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
