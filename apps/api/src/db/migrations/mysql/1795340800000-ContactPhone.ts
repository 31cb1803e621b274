import type { MigrationInterface, QueryRunner } from "typeorm";

export class ContactPhone1795340800000 implements MigrationInterface {
    name = "ContactPhone1795340800000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `contacts` ADD `phone` varchar(32) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `contacts` DROP COLUMN `phone`");
    }
}
