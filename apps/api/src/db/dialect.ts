import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * Every difference between the two databases the API runs on — MySQL/MariaDB (mysql2) in
 * production, the embedded SQLite (better-sqlite3) otherwise — in one place. Code elsewhere asks
 * this module instead of testing the driver type itself, so a third dialect or a changed rule is
 * one edit. It imports no entity and nothing from the modules: the data source, the entities and
 * the query modules can all depend on it without an import cycle.
 */
export type DialectName = "mysql" | "sqlite";

/** Anything that knows its connection: a DataSource, an EntityManager or an OrgScope-like holder. */
export type HasConnection = DataSource | EntityManager | { dataSource: DataSource };

function optionsOf(target: HasConnection): { type: string } {
  if ("dataSource" in target && !("options" in target)) return target.dataSource.options;
  if ("connection" in target && (target as EntityManager).connection) return (target as EntityManager).connection.options;
  return (target as DataSource).options;
}

export function dialectName(target: HasConnection): DialectName {
  const type = optionsOf(target).type;
  if (type === "mysql" || type === "mariadb") return "mysql";
  if (type === "better-sqlite3" || type === "sqlite") return "sqlite";
  throw new Error(`unsupported database type: ${type}`);
}

export function isMysql(target: HasConnection): boolean {
  return dialectName(target) === "mysql";
}

// ---- Transactions and locks -------------------------------------------------------------------

/**
 * Row locks (SELECT … FOR UPDATE) exist on MySQL only, and only mean something inside a
 * transaction; SQLite serializes writing transactions, so there is nothing to lock. Spread the
 * result into TypeORM find options.
 */
export function forUpdate(manager: EntityManager): { lock?: { mode: "pessimistic_write" } } {
  return isMysql(manager) && manager.queryRunner?.isTransactionActive ? { lock: { mode: "pessimistic_write" as const } } : {};
}

/**
 * Locks the selected rows for a claim (jobs, outbox rows), passing over rows another process is
 * claiming right now (FOR UPDATE SKIP LOCKED) instead of waiting for them. SQLite has a single
 * writer, so a claim there needs no lock.
 */
export function lockForClaim<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isMysql(qb.connection) ? qb.setLock("pessimistic_write").setOnLocked("skip_locked") : qb;
}

/**
 * SQLite has one connection: two transactions started concurrently would interleave on it, so they
 * are queued one after another. MySQL runs them side by side on pooled connections.
 */
export function queuesTransactions(dataSource: DataSource): boolean {
  return !isMysql(dataSource);
}

const RETRYABLE_MYSQL_ERRORS = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);

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

// ---- SQL text ---------------------------------------------------------------------------------

/**
 * The tail of an `INSERT … VALUES …` that, on a duplicate key, adds the inserted values of
 * `addColumns` to the stored ones instead of failing (counters).
 */
export function onConflictAdd(target: HasConnection, conflictColumns: string[], addColumns: string[]): string {
  return isMysql(target)
    ? `ON DUPLICATE KEY UPDATE ${addColumns.map((c) => `${c} = ${c} + VALUES(${c})`).join(", ")}`
    : `ON CONFLICT (${conflictColumns.join(", ")}) DO UPDATE SET ${addColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`;
}

/** The tail of an `INSERT … VALUES …` that, on a duplicate key, overwrites `columns` with the inserted values. */
export function onConflictReplace(target: HasConnection, conflictColumns: string[], columns: string[]): string {
  return isMysql(target)
    ? `ON DUPLICATE KEY UPDATE ${columns.map((c) => `${c} = VALUES(${c})`).join(", ")}`
    : `ON CONFLICT (${conflictColumns.join(", ")}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(", ")}`;
}

/**
 * An index hint for a table in FROM (MySQL's planner sometimes picks a worse index for a keyset
 * walk); SQLite's planner needs none, and has no such syntax.
 */
export function forceIndex(target: HasConnection, index: string | null): string {
  return index && isMysql(target) ? ` FORCE INDEX (${index})` : "";
}

/**
 * The UTC calendar day (`YYYY-MM-DD`) of a timestamp column. Timestamps are stored in UTC on both
 * databases: MySQL as DATETIME, SQLite as an ISO-like text.
 */
export function utcDay(target: HasConnection, column: string): string {
  return isMysql(target) ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `substr(${column}, 1, 10)`;
}

/**
 * A LIKE pattern matching values that start with `prefix`, for `column LIKE :p ESCAPE '!'`.
 * '!' is the escape character because SQLite has none by default and MySQL's backslash would need
 * different quoting in each dialect.
 */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[!%_]/g, (c) => `!${c}`) + "%";
}

export const LIKE_ESCAPE = "ESCAPE '!'";
