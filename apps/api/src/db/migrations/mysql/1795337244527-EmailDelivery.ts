import type { MigrationInterface, QueryRunner } from "typeorm";

export class EmailDelivery1795337244527 implements MigrationInterface {
    name = "EmailDelivery1795337244527";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `dev_mailbox_messages` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `outboxId` int NULL, `toAddress` varchar(254) NOT NULL, `fromAddress` varchar(254) NOT NULL, `kind` varchar(40) NOT NULL, `language` varchar(8) NOT NULL, `subject` varchar(998) NOT NULL, `text` text NOT NULL, `html` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_dev_mailbox_org_id` (`organizationId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `mailgun_webhook_tokens` (`token` varchar(128) NOT NULL, `receivedAt` datetime(3) NOT NULL, INDEX `ix_mailgun_webhook_tokens_received` (`receivedAt`), PRIMARY KEY (`token`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `email_templates` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `kind` varchar(40) NOT NULL, `language` varchar(8) NOT NULL, `subject` varchar(255) NOT NULL, `html` text NOT NULL, `text` text NOT NULL, `updatedByStaffId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_email_templates_org_kind_lang` (`organizationId`, `kind`, `language`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("ALTER TABLE `outbox_messages` ADD `deliveryReason` varchar(255) NULL");
        await queryRunner.query("ALTER TABLE `patients` ADD `inviteDeliveryFailedAt` datetime(3) NULL");
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `inviteDeliveryFailedAt` datetime(3) NULL");
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `inviteDeliveryFailureReason` varchar(255) NULL");
        await queryRunner.query("CREATE INDEX `ix_outbox_provider_message` ON `outbox_messages` (`providerMessageId`)");
        await queryRunner.query("CREATE INDEX `ix_patients_org_invite_failed` ON `patients` (`organizationId`, `inviteDeliveryFailedAt`)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_patients_org_invite_failed` ON `patients`");
        await queryRunner.query("DROP INDEX `ix_outbox_provider_message` ON `outbox_messages`");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `inviteDeliveryFailureReason`");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `inviteDeliveryFailedAt`");
        await queryRunner.query("ALTER TABLE `patients` DROP COLUMN `inviteDeliveryFailedAt`");
        await queryRunner.query("ALTER TABLE `outbox_messages` DROP COLUMN `deliveryReason`");
        await queryRunner.query("DROP INDEX `uq_email_templates_org_kind_lang` ON `email_templates`");
        await queryRunner.query("DROP TABLE `email_templates`");
        await queryRunner.query("DROP INDEX `ix_mailgun_webhook_tokens_received` ON `mailgun_webhook_tokens`");
        await queryRunner.query("DROP TABLE `mailgun_webhook_tokens`");
        await queryRunner.query("DROP INDEX `ix_dev_mailbox_org_id` ON `dev_mailbox_messages`");
        await queryRunner.query("DROP TABLE `dev_mailbox_messages`");
    }
}
