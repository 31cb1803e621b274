import type { MigrationInterface, QueryRunner } from "typeorm";

export class SignInLocksAndIdleSessions1795340100000 implements MigrationInterface {
    name = "SignInLocksAndIdleSessions1795340100000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `staff_users` ADD `failedSignInCount` int NOT NULL DEFAULT '0'");
        await queryRunner.query("ALTER TABLE `staff_users` ADD `lockedUntil` datetime(3) NULL");
        await queryRunner.query("ALTER TABLE `sessions` ADD `lastSeenAt` datetime(3) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `lastSeenAt`");
        await queryRunner.query("ALTER TABLE `staff_users` DROP COLUMN `lockedUntil`");
        await queryRunner.query("ALTER TABLE `staff_users` DROP COLUMN `failedSignInCount`");
    }
}
