import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Inserts rows in multi-row `INSERT … VALUES (…), (…)` statements with positional parameters, on
 * either database. TypeORM's insert builder names every parameter and looks each one up, which
 * costs quadratic time for thousands of values; bulk work (hundreds of rows per statement) goes
 * through here instead. Values are converted by the driver exactly as TypeORM would (JSON columns,
 * dates, booleans). Columns left out of every row take their database default (ids, createdAt).
 * Nothing is read back: callers select what they need by a natural key.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[], perStatement = 500): Promise<void> {
  if (rows.length === 0) return;
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const present = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (value !== undefined) present.add(key);
  const columns = metadata.columns.filter((c) => present.has(c.propertyName) || (c.isVersion && !c.isGenerated));
  // Values go to the driver as they are: a column transformer would be skipped silently.
  const transformed = columns.find((c) => c.transformer);
  if (transformed) throw new Error(`insertRows: ${metadata.tableName}.${transformed.propertyName} has a transformer; use the repository instead`);
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column.propertyName];
        if (value === undefined && column.isVersion) params.push(1);
        else if (value === undefined && !column.isNullable) throw new Error(`insertRows: ${metadata.tableName}.${column.propertyName} is missing in a row`);
        else params.push(driver.preparePersistentValue(value ?? null, column));
      }
    }
    await manager.query(head + chunk.map(() => tuple).join(", "), params);
  }
}
