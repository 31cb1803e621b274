import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1795338380763 implements MigrationInterface {
    name = "Webhooks1795338380763";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `webhook_deliveries` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `subscriptionId` int NOT NULL, `eventId` varchar(40) NOT NULL, `eventType` varchar(40) NOT NULL, `attempt` int NOT NULL, `success` tinyint NOT NULL, `statusCode` int NULL, `error` varchar(300) NULL, `durationMs` int NOT NULL, `nextAttemptAt` datetime(3) NULL, `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_webhook_deliveries_sub` (`organizationId`, `subscriptionId`, `id`), INDEX `ix_webhook_deliveries_org` (`organizationId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `webhook_subscriptions` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `url` varchar(2000) NOT NULL, `description` varchar(500) NULL, `events` text NOT NULL, `secretSealed` text NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `createdByStaffId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_webhook_subscriptions_org` (`organizationId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_webhook_subscriptions_org` ON `webhook_subscriptions`");
        await queryRunner.query("DROP TABLE `webhook_subscriptions`");
        await queryRunner.query("DROP INDEX `ix_webhook_deliveries_org` ON `webhook_deliveries`");
        await queryRunner.query("DROP INDEX `ix_webhook_deliveries_sub` ON `webhook_deliveries`");
        await queryRunner.query("DROP TABLE `webhook_deliveries`");
    }
}
