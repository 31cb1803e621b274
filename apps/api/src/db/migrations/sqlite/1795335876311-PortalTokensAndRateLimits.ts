import type { MigrationInterface, QueryRunner } from "typeorm";

export class PortalTokensAndRateLimits1795335876311 implements MigrationInterface {
    name = "PortalTokensAndRateLimits1795335876311";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"portal_tokens\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"accountId\" integer NOT NULL, \"patientId\" integer, \"kind\" varchar(8) NOT NULL, \"method\" varchar(24) NOT NULL DEFAULT ('LINK'), \"tokenHash\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3), \"failedDobAttempts\" integer NOT NULL DEFAULT (0), \"lockedAt\" datetime(3), \"voidedAt\" datetime(3), \"createdByStaffId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_portal_tokens_org_account\" ON \"portal_tokens\" (\"organizationId\", \"accountId\", \"kind\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_tokens_hash\" ON \"portal_tokens\" (\"tokenHash\") ");
        await queryRunner.query("CREATE TABLE \"rate_limits\" (\"key\" varchar(255) PRIMARY KEY NOT NULL, \"points\" integer NOT NULL DEFAULT (0), \"expire\" bigint)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE \"rate_limits\"");
        await queryRunner.query("DROP INDEX \"uq_portal_tokens_hash\"");
        await queryRunner.query("DROP INDEX \"ix_portal_tokens_org_account\"");
        await queryRunner.query("DROP TABLE \"portal_tokens\"");
    }
}
