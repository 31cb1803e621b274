import mysql from "mysql2/promise";

/**
 * With TEST_DATABASE_URL (CI sets it) the suites run on MySQL/MariaDB: each jest worker gets its own
 * database `<name>_w<N>`, created here fresh so that a run never sees a previous run's rows.
 * Without it they run on embedded SQLite files (see test-db.ts).
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const u = new URL(url);
  const base = u.pathname.slice(1) || "portal_test";
  const connection = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  for (let worker = 1; worker <= 8; worker++) {
    await connection.query(`DROP DATABASE IF EXISTS \`${base}_w${worker}\``);
    await connection.query(`CREATE DATABASE \`${base}_w${worker}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await connection.end();
}
