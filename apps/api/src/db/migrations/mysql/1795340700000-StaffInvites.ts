import type { MigrationInterface, QueryRunner } from "typeorm";

/** Staff members invited by email: single-use invite tokens (SHA-256 only) and, per member, the latest invite's times. */
export class StaffInvites1795340700000 implements MigrationInterface {
    name = "StaffInvites1795340700000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `staff_tokens` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `staffUserId` int NOT NULL, `kind` varchar(8) NOT NULL, `tokenHash` varchar(64) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, `voidedAt` datetime(3) NULL, `createdByStaffId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_staff_tokens_org_user` (`organizationId`, `staffUserId`, `kind`), UNIQUE INDEX `uq_staff_tokens_hash` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("ALTER TABLE `staff_users` ADD `inviteSentAt` datetime(3) NULL, ADD `inviteExpiresAt` datetime(3) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `staff_users` DROP COLUMN `inviteExpiresAt`, DROP COLUMN `inviteSentAt`");
        await queryRunner.query("DROP TABLE `staff_tokens`");
    }
}
