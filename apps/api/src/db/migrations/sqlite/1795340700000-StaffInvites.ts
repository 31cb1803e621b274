import type { MigrationInterface, QueryRunner } from "typeorm";

/** Staff members invited by email: single-use invite tokens (SHA-256 only) and, per member, the latest invite's times. */
export class StaffInvites1795340700000 implements MigrationInterface {
    name = "StaffInvites1795340700000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"staff_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"staffUserId\" integer NOT NULL, \"kind\" varchar(8) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3), \"voidedAt\" datetime(3), \"createdByStaffId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_staff_tokens_org_user\" ON \"staff_tokens\" (\"organizationId\", \"staffUserId\", \"kind\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_staff_tokens_hash\" ON \"staff_tokens\" (\"tokenHash\") ");
        await queryRunner.query("ALTER TABLE \"staff_users\" ADD COLUMN \"inviteSentAt\" datetime(3)");
        await queryRunner.query("ALTER TABLE \"staff_users\" ADD COLUMN \"inviteExpiresAt\" datetime(3)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"staff_users\" DROP COLUMN \"inviteExpiresAt\"");
        await queryRunner.query("ALTER TABLE \"staff_users\" DROP COLUMN \"inviteSentAt\"");
        await queryRunner.query("DROP INDEX \"uq_staff_tokens_hash\"");
        await queryRunner.query("DROP INDEX \"ix_staff_tokens_org_user\"");
        await queryRunner.query("DROP TABLE \"staff_tokens\"");
    }
}
