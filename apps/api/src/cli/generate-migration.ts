/**
 * Generates one migration per dialect from the difference between the entities and the schema that
 * the existing migrations build: `pnpm --filter @portal/api migration:generate AddSomething`.
 * Uses a scratch MySQL database (MIGRATION_DATABASE_URL, default root@127.0.0.1/portal_migrations)
 * and a temporary SQLite file, so it never touches real data.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { openDataSource, type DatabaseOptions } from "../db/data-source";

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error("usage: migration:generate <PascalCaseName>");
  process.exit(2);
}
const srcDir = path.resolve(__dirname, "../../../src/db/migrations");
const timestamp = Date.now();

function render(className: string, up: string[], down: string[]): string {
  const q = (s: string) => "        await queryRunner.query(" + JSON.stringify(s) + ");";
  return `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
    name = "${className}";

    public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join("\n")}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join("\n")}
    }
}
`;
}

async function generate(dialect: "mysql" | "sqlite", options: DatabaseOptions) {
  const ds = await openDataSource(options);
  try {
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${dialect}: no changes`);
      return;
    }
    const className = `${name}${timestamp}`;
    const file = path.join(srcDir, dialect, `${timestamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      render(className, sql.upQueries.map((q) => q.query), sql.downQueries.reverse().map((q) => q.query)),
    );
    const indexFile = path.join(srcDir, dialect, "index.ts");
    let index = fs.readFileSync(indexFile, "utf8");
    const listName = dialect === "mysql" ? "mysqlMigrations" : "sqliteMigrations";
    index = `import { ${className} } from "./${timestamp}-${name}";\n` + index;
    index = index.replace(new RegExp(`(${listName}: Function\\[\\] = \\[)([^\\]]*)\\]`), (_m, head: string, body: string) => {
      const items = body.split(",").map((s) => s.trim()).filter(Boolean);
      items.push(className);
      return `${head}\n  ${items.join(",\n  ")},\n]`;
    });
    fs.writeFileSync(indexFile, index);
    console.log(`${dialect}: wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements)`);
  } finally {
    await ds.destroy();
  }
}

async function main() {
  const url = process.env.MIGRATION_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/portal_migrations";
  const u = new URL(url);
  const dbName = u.pathname.slice(1);
  const admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await generate("mysql", { kind: "mysql", url });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));
  await generate("sqlite", { kind: "sqlite", file: path.join(tmp, "scratch.sqlite") });
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
