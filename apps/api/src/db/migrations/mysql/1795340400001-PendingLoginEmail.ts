import type { MigrationInterface, QueryRunner } from "typeorm";

/** A login email change waits for the new address to confirm it (rule 18): the address asked for, and until when. */
export class PendingLoginEmail1795340400001 implements MigrationInterface {
    name = "PendingLoginEmail1795340400001";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `portal_accounts` ADD `pendingLoginEmail` varchar(254) NULL, ADD `pendingLoginEmailExpiresAt` datetime(3) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Confirmation tokens mean nothing without the pending address they confirm.
        await queryRunner.query("DELETE FROM `portal_tokens` WHERE `kind` = 'EMAIL'");
        await queryRunner.query("ALTER TABLE `portal_accounts` DROP COLUMN `pendingLoginEmailExpiresAt`, DROP COLUMN `pendingLoginEmail`");
    }
}
