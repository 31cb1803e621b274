import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Invite reminders (rule 23): the organization's schedule, each account's reminder round, and the
 * grid's "reminded" facet mirrored on the patient. Activation codes live in portal_tokens (method CODE).
 */
export class InviteRemindersAndCodes1795352000000 implements MigrationInterface {
    name = "InviteRemindersAndCodes1795352000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `organizations` ADD `inviteReminderDays` varchar(64) NOT NULL DEFAULT '3,10'");
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `remindersSent` int NOT NULL DEFAULT 0");
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `lastReminderAt` datetime(3) NULL");
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `reminderRoundAt` datetime(3) NULL");
        await queryRunner.query("CREATE INDEX `ix_portal_accounts_reminders` ON `portal_accounts` (`signedUpAt`, `lastInviteSentAt`)");
        await queryRunner.query("ALTER TABLE `patients` ADD `lastReminderAt` datetime(3) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `patients` DROP COLUMN `lastReminderAt`");
        await queryRunner.query("DROP INDEX `ix_portal_accounts_reminders` ON `portal_accounts`");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `reminderRoundAt`");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `lastReminderAt`");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `remindersSent`");
        await queryRunner.query("ALTER TABLE `organizations` DROP COLUMN `inviteReminderDays`");
    }
}
