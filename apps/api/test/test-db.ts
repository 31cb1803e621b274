import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { openDataSource, type DatabaseOptions } from "../src/db/data-source";

/** The database a test worker uses: its own MySQL database, or a fresh SQLite file per test file. */
export function testDatabaseOptions(): DatabaseOptions {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const u = new URL(url);
    u.pathname = `/${u.pathname.slice(1) || "portal_test"}_w${process.env.JEST_WORKER_ID ?? "1"}`;
    return { kind: "mysql", url: u.toString(), poolSize: 10 };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  return { kind: "sqlite", file: path.join(dir, "test.sqlite") };
}

/** A migrated database: the test setup runs the real migrations, so they are tested too. */
export async function openTestDatabase(): Promise<DataSource> {
  const dataSource = await openDataSource(testDatabaseOptions());
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}
