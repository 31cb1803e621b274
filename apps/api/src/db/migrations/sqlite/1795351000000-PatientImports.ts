import type { MigrationInterface, QueryRunner } from "typeorm";

export class PatientImports1795351000000 implements MigrationInterface {
    name = "PatientImports1795351000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"patients\" ADD COLUMN \"externalId\" varchar(64)");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_patients_org_external\" ON \"patients\" (\"organizationId\", \"externalId\") ");
        await queryRunner.query("ALTER TABLE \"contacts\" ADD COLUMN \"externalId\" varchar(64)");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_contacts_org_external\" ON \"contacts\" (\"organizationId\", \"externalId\") ");
        await queryRunner.query("CREATE TABLE \"import_jobs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"source\" varchar(16) NOT NULL, \"fileName\" varchar(255), \"state\" varchar(16) NOT NULL DEFAULT ('PREVIEW'), \"actorType\" varchar(16) NOT NULL, \"actorId\" varchar(64), \"actorLabel\" varchar(255), \"requestedByStaffId\" integer, \"options\" text NOT NULL, \"columns\" text NOT NULL, \"preview\" text NOT NULL, \"total\" integer NOT NULL DEFAULT (0), \"toCreate\" integer NOT NULL DEFAULT (0), \"toUpdate\" integer NOT NULL DEFAULT (0), \"toLeave\" integer NOT NULL DEFAULT (0), \"toRefuse\" integer NOT NULL DEFAULT (0), \"duplicates\" integer NOT NULL DEFAULT (0), \"missing\" integer NOT NULL DEFAULT (0), \"processed\" integer NOT NULL DEFAULT (0), \"created\" integer NOT NULL DEFAULT (0), \"updated\" integer NOT NULL DEFAULT (0), \"unchanged\" integer NOT NULL DEFAULT (0), \"refused\" integer NOT NULL DEFAULT (0), \"failed\" integer NOT NULL DEFAULT (0), \"activeSlot\" integer, \"runnerId\" varchar(64), \"heartbeatAt\" datetime(3), \"resumeCount\" integer NOT NULL DEFAULT (0), \"bulkJobId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"confirmedAt\" datetime(3), \"startedAt\" datetime(3), \"finishedAt\" datetime(3))");
        await queryRunner.query("CREATE INDEX \"ix_import_jobs_org_created\" ON \"import_jobs\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_import_jobs_state\" ON \"import_jobs\" (\"state\", \"heartbeatAt\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_import_jobs_org_active\" ON \"import_jobs\" (\"organizationId\", \"activeSlot\") ");
        await queryRunner.query("CREATE TABLE \"import_job_rows\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"jobId\" integer NOT NULL, \"rowNumber\" integer NOT NULL, \"externalId\" varchar(64), \"mrn\" varchar(64), \"firstName\" varchar(100), \"lastName\" varchar(100), \"plan\" varchar(16) NOT NULL, \"outcome\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"patientId\" integer, \"data\" text, \"problems\" text, \"notes\" text, \"processedAt\" datetime(3))");
        await queryRunner.query("CREATE INDEX \"ix_import_job_rows_job\" ON \"import_job_rows\" (\"jobId\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_import_job_rows_job_outcome\" ON \"import_job_rows\" (\"jobId\", \"outcome\", \"id\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE \"import_job_rows\"");
        await queryRunner.query("DROP TABLE \"import_jobs\"");
        await queryRunner.query("DROP INDEX \"uq_contacts_org_external\"");
        await queryRunner.query("ALTER TABLE \"contacts\" DROP COLUMN \"externalId\"");
        await queryRunner.query("DROP INDEX \"uq_patients_org_external\"");
        await queryRunner.query("ALTER TABLE \"patients\" DROP COLUMN \"externalId\"");
    }
}
