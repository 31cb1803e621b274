import type { MigrationInterface, QueryRunner } from "typeorm";

export class BulkJobRowAction1795340600001 implements MigrationInterface {
    name = "BulkJobRowAction1795340600001";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"bulk_job_items\" ADD COLUMN \"action\" varchar(24)");
        await queryRunner.query("ALTER TABLE \"bulk_jobs\" ADD COLUMN \"invited\" integer NOT NULL DEFAULT (0)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"bulk_jobs\" DROP COLUMN \"invited\"");
        await queryRunner.query("ALTER TABLE \"bulk_job_items\" DROP COLUMN \"action\"");
    }
}
