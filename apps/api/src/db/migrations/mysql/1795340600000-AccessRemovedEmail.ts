import type { MigrationInterface, QueryRunner } from "typeorm";

export class AccessRemovedEmail1795340600000 implements MigrationInterface {
    name = "AccessRemovedEmail1795340600000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `organizations` ADD `accessRemovedEmail` tinyint NOT NULL DEFAULT 1");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `organizations` DROP COLUMN `accessRemovedEmail`");
    }
}
