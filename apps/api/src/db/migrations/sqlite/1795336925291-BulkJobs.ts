import type { MigrationInterface, QueryRunner } from "typeorm";

export class BulkJobs1795336925291 implements MigrationInterface {
    name = "BulkJobs1795336925291";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"bulk_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"kind\" varchar(32) NOT NULL, \"requestedByStaffId\" integer, \"request\" text NOT NULL, \"state\" varchar(16) NOT NULL DEFAULT ('QUEUED'), \"total\" integer NOT NULL DEFAULT (0), \"processed\" integer NOT NULL DEFAULT (0), \"succeeded\" integer NOT NULL DEFAULT (0), \"skipped\" integer NOT NULL DEFAULT (0), \"failed\" integer NOT NULL DEFAULT (0), \"runnerId\" varchar(64), \"heartbeatAt\" datetime(3), \"resumeCount\" integer NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"startedAt\" datetime(3), \"finishedAt\" datetime(3))");
        await queryRunner.query("CREATE INDEX \"ix_bulk_jobs_state\" ON \"bulk_jobs\" (\"state\", \"heartbeatAt\") ");
        await queryRunner.query("CREATE INDEX \"ix_bulk_jobs_org_created\" ON \"bulk_jobs\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"bulk_job_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"jobId\" integer NOT NULL, \"patientId\" integer NOT NULL, \"outcome\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"reason\" varchar(40), \"message\" varchar(500), \"processedAt\" datetime(3))");
        await queryRunner.query("CREATE INDEX \"ix_bulk_job_items_job_outcome\" ON \"bulk_job_items\" (\"jobId\", \"outcome\", \"id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_bulk_job_items_job_patient\" ON \"bulk_job_items\" (\"jobId\", \"patientId\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"uq_bulk_job_items_job_patient\"");
        await queryRunner.query("DROP INDEX \"ix_bulk_job_items_job_outcome\"");
        await queryRunner.query("DROP TABLE \"bulk_job_items\"");
        await queryRunner.query("DROP INDEX \"ix_bulk_jobs_org_created\"");
        await queryRunner.query("DROP INDEX \"ix_bulk_jobs_state\"");
        await queryRunner.query("DROP TABLE \"bulk_jobs\"");
    }
}
