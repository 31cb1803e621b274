import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Access over time (rules 20, 21): an organization's age rules and notice settings, the daily job's
 * claim per organization and day, and on proxy grants their basis, who verified it and when, a
 * document reference, an end date and when the age rules limited them.
 */
export class AccessOverTime1795353000000 implements MigrationInterface {
    name = "AccessOverTime1795353000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `access_schedule_settings` (`organizationId` int NOT NULL, `ageRulePreset` varchar(16) NOT NULL DEFAULT 'NONE', `selfAccessMinAge` int NULL, `proxyLimitedAtAge` int NULL, `proxyLimitedRoleId` int NULL, `proxyEndsAtAge` int NULL, `ageNoticeDays` int NOT NULL DEFAULT '30', `proxyEndReminderDays` int NOT NULL DEFAULT '14', `proxyEndReminderEmail` varchar(254) NULL, PRIMARY KEY (`organizationId`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `access_schedule_runs` (`organizationId` int NOT NULL, `day` varchar(10) NOT NULL, `ranAt` datetime(3) NOT NULL, `summary` text NULL, PRIMARY KEY (`organizationId`, `day`)) ENGINE=InnoDB");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `proxyBasis` varchar(24) NULL");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `basisVerifiedByStaffId` int NULL");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `basisVerifiedAt` datetime(3) NULL");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `basisDocumentRef` varchar(200) NULL");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `endsOn` varchar(10) NULL");
        await queryRunner.query("ALTER TABLE `portal_grants` ADD `ageLimitedAt` datetime(3) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `ageLimitedAt`");
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `endsOn`");
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `basisDocumentRef`");
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `basisVerifiedAt`");
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `basisVerifiedByStaffId`");
        await queryRunner.query("ALTER TABLE `portal_grants` DROP COLUMN `proxyBasis`");
        await queryRunner.query("DROP TABLE `access_schedule_runs`");
        await queryRunner.query("DROP TABLE `access_schedule_settings`");
    }
}
