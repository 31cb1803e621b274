import { foldSearchText } from "@portal/schema";
import type { QueryRunner } from "typeorm";

const BATCH = 1000;

/**
 * Fills patients.firstNameFolded/lastNameFolded for the rows written before the columns existed.
 * Neither database can strip accents in SQL, so the names are folded here, a thousand rows per
 * statement in primary-key order (one UPDATE … CASE per batch, the same SQL on both dialects).
 */
export async function backfillFoldedPatientNames(queryRunner: QueryRunner): Promise<void> {
  let lastId = 0;
  for (;;) {
    const rows = (await queryRunner.query("SELECT id, firstName, lastName FROM patients WHERE id > ? ORDER BY id LIMIT " + BATCH, [lastId])) as {
      id: number | string;
      firstName: string;
      lastName: string;
    }[];
    if (rows.length === 0) return;
    const firstCases = rows.map(() => "WHEN ? THEN ?").join(" ");
    const params: unknown[] = [];
    for (const r of rows) params.push(Number(r.id), foldSearchText(r.firstName));
    for (const r of rows) params.push(Number(r.id), foldSearchText(r.lastName));
    params.push(...rows.map((r) => Number(r.id)));
    await queryRunner.query(
      `UPDATE patients SET firstNameFolded = CASE id ${firstCases} END, lastNameFolded = CASE id ${firstCases} END WHERE id IN (${rows.map(() => "?").join(", ")})`,
      params,
    );
    lastId = Number(rows[rows.length - 1].id);
  }
}
