import type { MigrationInterface, QueryRunner } from "typeorm";

export class Outbox1795335446937 implements MigrationInterface {
    name = "Outbox1795335446937";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `outbox_messages` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `channel` varchar(16) NOT NULL DEFAULT 'EMAIL', `kind` varchar(40) NOT NULL, `toAddress` varchar(254) NOT NULL, `language` varchar(8) NOT NULL, `accountId` int NULL, `patientId` int NULL, `variables` text NOT NULL, `secretsSealed` text NULL, `dedupeKey` varchar(191) NULL, `status` varchar(16) NOT NULL DEFAULT 'PENDING', `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` datetime(3) NOT NULL, `claimedBy` varchar(64) NULL, `claimedUntil` datetime(3) NULL, `lastError` varchar(500) NULL, `providerMessageId` varchar(255) NULL, `deliveryStatus` varchar(16) NULL, `deliveryUpdatedAt` datetime(3) NULL, `sentAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_outbox_dedupe` (`dedupeKey`), INDEX `ix_outbox_org_account` (`organizationId`, `accountId`), INDEX `ix_outbox_due` (`status`, `nextAttemptAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_outbox_due` ON `outbox_messages`");
        await queryRunner.query("DROP INDEX `ix_outbox_org_account` ON `outbox_messages`");
        await queryRunner.query("DROP INDEX `uq_outbox_dedupe` ON `outbox_messages`");
        await queryRunner.query("DROP TABLE `outbox_messages`");
    }
}
