import type { DataSource } from "typeorm";
import { dialectName, forceIndex, isMysql, isRetryableTransactionError, isUniqueViolation, likePrefix, onConflictAdd, onConflictReplace, queuesTransactions, utcDay } from "./dialect";

const as = (type: string) => ({ options: { type } }) as unknown as DataSource;
const mysql = as("mysql");
const mariadb = as("mariadb");
const sqlite = as("better-sqlite3");

describe("dialect", () => {
  it("names the dialect of a data source, an entity manager or a scope", () => {
    expect([dialectName(mysql), dialectName(mariadb), dialectName(sqlite)]).toEqual(["mysql", "mysql", "sqlite"]);
    expect(isMysql({ connection: mariadb } as never)).toBe(true);
    expect(isMysql({ dataSource: sqlite })).toBe(false);
    expect(() => dialectName(as("postgres"))).toThrow(/unsupported/);
  });

  it("writes each dialect's upserts", () => {
    expect(onConflictAdd(mysql, ["a", "b"], ["count"])).toBe("ON DUPLICATE KEY UPDATE count = count + VALUES(count)");
    expect(onConflictAdd(sqlite, ["a", "b"], ["count"])).toBe("ON CONFLICT (a, b) DO UPDATE SET count = count + excluded.count");
    expect(onConflictReplace(mysql, ["k"], ["p", "e"])).toBe("ON DUPLICATE KEY UPDATE p = VALUES(p), e = VALUES(e)");
    expect(onConflictReplace(sqlite, ["k"], ["p", "e"])).toBe("ON CONFLICT (k) DO UPDATE SET p = excluded.p, e = excluded.e");
  });

  it("hints an index on MySQL only, buckets UTC days, queues SQLite transactions", () => {
    expect(forceIndex(mysql, "idx_x")).toBe(" FORCE INDEX (idx_x)");
    expect(forceIndex(mysql, null)).toBe("");
    expect(forceIndex(sqlite, "idx_x")).toBe("");
    expect(utcDay(mysql, "e.at")).toBe("DATE_FORMAT(e.at, '%Y-%m-%d')");
    expect(utcDay(sqlite, "e.at")).toBe("substr(e.at, 1, 10)");
    expect([queuesTransactions(mysql), queuesTransactions(sqlite)]).toEqual([false, true]);
  });

  it("classifies driver errors of both databases", () => {
    expect(isUniqueViolation({ code: "ER_DUP_ENTRY" })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: "SQLITE_CONSTRAINT_UNIQUE" } })).toBe(true);
    expect(isUniqueViolation({ code: "SQLITE_BUSY" })).toBe(false);
    expect(isRetryableTransactionError({ driverError: { errno: 1213 } })).toBe(true);
    expect(isRetryableTransactionError({ errno: 1205 })).toBe(true);
    expect(isRetryableTransactionError({ errno: 1062 })).toBe(false);
  });

  it("escapes LIKE prefixes the same way for both", () => {
    expect(likePrefix("a_b%c!")).toBe("a!_b!%c!!%");
  });
});
