/** Applies pending migrations to DATABASE_URL (or the embedded database): `pnpm db:migrate`. */
import "reflect-metadata";
import { loadConfig } from "../config";
import { openDataSource, databaseOptionsFrom } from "../db/data-source";

async function main() {
  const config = loadConfig();
  const dataSource = await openDataSource(databaseOptionsFrom(config));
  const applied = await dataSource.runMigrations({ transaction: "each" });
  console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(", ")}` : "database is up to date");
  await dataSource.destroy();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
