import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Access over time (rules 20, 21): an organization's age rules and notice settings, the daily job's
 * claim per organization and day, and on proxy grants their basis, who verified it and when, a
 * document reference, an end date and when the age rules limited them.
 */
export class AccessOverTime1795353000000 implements MigrationInterface {
    name = "AccessOverTime1795353000000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"access_schedule_settings\" (\"organizationId\" integer PRIMARY KEY NOT NULL, \"ageRulePreset\" varchar(16) NOT NULL DEFAULT ('NONE'), \"selfAccessMinAge\" integer, \"proxyLimitedAtAge\" integer, \"proxyLimitedRoleId\" integer, \"proxyEndsAtAge\" integer, \"ageNoticeDays\" integer NOT NULL DEFAULT (30), \"proxyEndReminderDays\" integer NOT NULL DEFAULT (14), \"proxyEndReminderEmail\" varchar(254))");
        await queryRunner.query("CREATE TABLE \"access_schedule_runs\" (\"organizationId\" integer NOT NULL, \"day\" varchar(10) NOT NULL, \"ranAt\" datetime(3) NOT NULL, \"summary\" text, PRIMARY KEY (\"organizationId\", \"day\"))");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"proxyBasis\" varchar(24)");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"basisVerifiedByStaffId\" integer");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"basisVerifiedAt\" datetime(3)");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"basisDocumentRef\" varchar(200)");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"endsOn\" varchar(10)");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"ageLimitedAt\" datetime(3)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"ageLimitedAt\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"endsOn\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"basisDocumentRef\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"basisVerifiedAt\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"basisVerifiedByStaffId\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"proxyBasis\"");
        await queryRunner.query("DROP TABLE \"access_schedule_runs\"");
        await queryRunner.query("DROP TABLE \"access_schedule_settings\"");
    }
}
