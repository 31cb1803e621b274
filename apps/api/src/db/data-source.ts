import fs from "node:fs";
import path from "node:path";
import { DataSource } from "typeorm";
import { entities } from "./entities";
import { PatientSearchNamesSubscriber } from "../modules/patients/patient-search-names";
import { statementCounter } from "./statement-counter";
import { mysqlMigrations } from "./migrations/mysql";
import { sqliteMigrations } from "./migrations/sqlite";

export type DatabaseOptions =
  | { kind: "mysql"; url: string; poolSize?: number; flavor?: "mysql" | "mariadb" }
  | { kind: "sqlite"; file: string };

export function databaseOptionsFrom(config: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseOptions {
  return config.DATABASE_URL
    ? { kind: "mysql", url: config.DATABASE_URL }
    : { kind: "sqlite", file: path.join(config.DATA_DIR, "portal-access.sqlite") };
}

/** One code path, two databases: MySQL/MariaDB through mysql2 in production, embedded SQLite otherwise. */
export function createDataSource(options: DatabaseOptions): DataSource {
  if (options.kind === "mysql") {
    return new DataSource({
      // MariaDB reports column defaults differently from MySQL; TypeORM needs to know which it
      // talks to, or it sees schema drift where there is none.
      type: options.flavor ?? "mysql",
      url: options.url.replace(/^mariadb:/, "mysql:"),
      entities,
      subscribers: [PatientSearchNamesSubscriber],
      migrations: mysqlMigrations,
      migrationsTableName: "migrations",
      synchronize: false,
      // Stored in UTC whatever the server's time zone.
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      poolSize: options.poolSize ?? 20,
      // Big bulk jobs use multi-row statements.
      extra: { maxPreparedStatements: 256 },
      // Counts only inside statementCounter.run (SQL_STATEMENT_COUNT requests, tests of statement budgets).
      logger: statementCounter.logger(),
    });
  }
  if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
  return new DataSource({
    type: "better-sqlite3",
    database: options.file,
    entities,
    subscribers: [PatientSearchNamesSubscriber],
    migrations: sqliteMigrations,
    migrationsTableName: "migrations",
    synchronize: false,
    logger: statementCounter.logger(),
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 5000");
      db.pragma("foreign_keys = ON");
    },
  });
}

/** Creates and connects the data source, asking a MySQL-protocol server whether it is MariaDB first. */
export async function openDataSource(options: DatabaseOptions): Promise<DataSource> {
  if (options.kind === "mysql" && !options.flavor) {
    const mysql = await import("mysql2/promise");
    const connection = await mysql.createConnection(options.url.replace(/^mariadb:/, "mysql:"));
    try {
      const [rows] = await connection.query("SELECT VERSION() AS version");
      const version = String((rows as { version: string }[])[0]?.version ?? "");
      options = { ...options, flavor: /mariadb/i.test(version) ? "mariadb" : "mysql" };
    } finally {
      await connection.end();
    }
  }
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  return dataSource;
}

/** The dialect test lives in dialect.ts (no entity imports); re-exported for existing imports. */
export { isMysql } from "./dialect";
