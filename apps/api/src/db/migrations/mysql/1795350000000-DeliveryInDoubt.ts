import type { MigrationInterface, QueryRunner } from "typeorm";

export class DeliveryInDoubt1795350000000 implements MigrationInterface {
    name = "DeliveryInDoubt1795350000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `worker_heartbeats` (`id` varchar(64) NOT NULL, `hostname` varchar(255) NOT NULL, `pid` int NOT NULL, `startedAt` datetime(3) NOT NULL, `beatAt` datetime(3) NOT NULL, `stoppedAt` datetime(3) NULL, INDEX `ix_worker_heartbeats_beat` (`beatAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("ALTER TABLE `outbox_messages` ADD `batchId` varchar(40) NULL");
        await queryRunner.query("ALTER TABLE `outbox_messages` ADD `batchStartedAt` datetime(3) NULL");
        await queryRunner.query("CREATE INDEX `ix_outbox_claimant` ON `outbox_messages` (`claimedBy`, `status`)");
        await queryRunner.query("CREATE INDEX `ix_outbox_batch` ON `outbox_messages` (`batchId`)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_outbox_batch` ON `outbox_messages`");
        await queryRunner.query("DROP INDEX `ix_outbox_claimant` ON `outbox_messages`");
        await queryRunner.query("ALTER TABLE `outbox_messages` DROP COLUMN `batchStartedAt`");
        await queryRunner.query("ALTER TABLE `outbox_messages` DROP COLUMN `batchId`");
        await queryRunner.query("DROP INDEX `ix_worker_heartbeats_beat` ON `worker_heartbeats`");
        await queryRunner.query("DROP TABLE `worker_heartbeats`");
    }
}
