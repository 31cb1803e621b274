import type { MigrationInterface, QueryRunner } from "typeorm";

export class PatientImports1795351000000 implements MigrationInterface {
    name = "PatientImports1795351000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `patients` ADD `externalId` varchar(64) NULL");
        await queryRunner.query("CREATE UNIQUE INDEX `uq_patients_org_external` ON `patients` (`organizationId`, `externalId`)");
        await queryRunner.query("ALTER TABLE `contacts` ADD `externalId` varchar(64) NULL");
        await queryRunner.query("CREATE UNIQUE INDEX `uq_contacts_org_external` ON `contacts` (`organizationId`, `externalId`)");
        await queryRunner.query("CREATE TABLE `import_jobs` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `source` varchar(16) NOT NULL, `fileName` varchar(255) NULL, `state` varchar(16) NOT NULL DEFAULT 'PREVIEW', `actorType` varchar(16) NOT NULL, `actorId` varchar(64) NULL, `actorLabel` varchar(255) NULL, `requestedByStaffId` int NULL, `options` text NOT NULL, `columns` text NOT NULL, `preview` text NOT NULL, `total` int NOT NULL DEFAULT '0', `toCreate` int NOT NULL DEFAULT '0', `toUpdate` int NOT NULL DEFAULT '0', `toLeave` int NOT NULL DEFAULT '0', `toRefuse` int NOT NULL DEFAULT '0', `duplicates` int NOT NULL DEFAULT '0', `missing` int NOT NULL DEFAULT '0', `processed` int NOT NULL DEFAULT '0', `created` int NOT NULL DEFAULT '0', `updated` int NOT NULL DEFAULT '0', `unchanged` int NOT NULL DEFAULT '0', `refused` int NOT NULL DEFAULT '0', `failed` int NOT NULL DEFAULT '0', `activeSlot` int NULL, `runnerId` varchar(64) NULL, `heartbeatAt` datetime(3) NULL, `resumeCount` int NOT NULL DEFAULT '0', `bulkJobId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `confirmedAt` datetime(3) NULL, `startedAt` datetime(3) NULL, `finishedAt` datetime(3) NULL, INDEX `ix_import_jobs_org_created` (`organizationId`, `id`), INDEX `ix_import_jobs_state` (`state`, `heartbeatAt`), UNIQUE INDEX `uq_import_jobs_org_active` (`organizationId`, `activeSlot`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `import_job_rows` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `jobId` int NOT NULL, `rowNumber` int NOT NULL, `externalId` varchar(64) NULL, `mrn` varchar(64) NULL, `firstName` varchar(100) NULL, `lastName` varchar(100) NULL, `plan` varchar(16) NOT NULL, `outcome` varchar(16) NOT NULL DEFAULT 'PENDING', `patientId` int NULL, `data` text NULL, `problems` text NULL, `notes` text NULL, `processedAt` datetime(3) NULL, INDEX `ix_import_job_rows_job` (`jobId`, `id`), INDEX `ix_import_job_rows_job_outcome` (`jobId`, `outcome`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE `import_job_rows`");
        await queryRunner.query("DROP TABLE `import_jobs`");
        await queryRunner.query("DROP INDEX `uq_contacts_org_external` ON `contacts`");
        await queryRunner.query("ALTER TABLE `contacts` DROP COLUMN `externalId`");
        await queryRunner.query("DROP INDEX `uq_patients_org_external` ON `patients`");
        await queryRunner.query("ALTER TABLE `patients` DROP COLUMN `externalId`");
    }
}
