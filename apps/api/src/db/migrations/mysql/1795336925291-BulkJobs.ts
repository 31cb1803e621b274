import type { MigrationInterface, QueryRunner } from "typeorm";

export class BulkJobs1795336925291 implements MigrationInterface {
    name = "BulkJobs1795336925291";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `bulk_jobs` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `kind` varchar(32) NOT NULL, `requestedByStaffId` int NULL, `request` text NOT NULL, `state` varchar(16) NOT NULL DEFAULT 'QUEUED', `total` int NOT NULL DEFAULT '0', `processed` int NOT NULL DEFAULT '0', `succeeded` int NOT NULL DEFAULT '0', `skipped` int NOT NULL DEFAULT '0', `failed` int NOT NULL DEFAULT '0', `runnerId` varchar(64) NULL, `heartbeatAt` datetime(3) NULL, `resumeCount` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `startedAt` datetime(3) NULL, `finishedAt` datetime(3) NULL, INDEX `ix_bulk_jobs_state` (`state`, `heartbeatAt`), INDEX `ix_bulk_jobs_org_created` (`organizationId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `bulk_job_items` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `jobId` int NOT NULL, `patientId` int NOT NULL, `outcome` varchar(16) NOT NULL DEFAULT 'PENDING', `reason` varchar(40) NULL, `message` varchar(500) NULL, `processedAt` datetime(3) NULL, INDEX `ix_bulk_job_items_job_outcome` (`jobId`, `outcome`, `id`), UNIQUE INDEX `uq_bulk_job_items_job_patient` (`jobId`, `patientId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `uq_bulk_job_items_job_patient` ON `bulk_job_items`");
        await queryRunner.query("DROP INDEX `ix_bulk_job_items_job_outcome` ON `bulk_job_items`");
        await queryRunner.query("DROP TABLE `bulk_job_items`");
        await queryRunner.query("DROP INDEX `ix_bulk_jobs_org_created` ON `bulk_jobs`");
        await queryRunner.query("DROP INDEX `ix_bulk_jobs_state` ON `bulk_jobs`");
        await queryRunner.query("DROP TABLE `bulk_jobs`");
    }
}
