import type { MigrationInterface, QueryRunner } from "typeorm";

export class PortalTokensAndRateLimits1795335876311 implements MigrationInterface {
    name = "PortalTokensAndRateLimits1795335876311";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `portal_tokens` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `accountId` int NOT NULL, `patientId` int NULL, `kind` varchar(8) NOT NULL, `method` varchar(24) NOT NULL DEFAULT 'LINK', `tokenHash` varchar(64) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, `failedDobAttempts` int NOT NULL DEFAULT '0', `lockedAt` datetime(3) NULL, `voidedAt` datetime(3) NULL, `createdByStaffId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_portal_tokens_org_account` (`organizationId`, `accountId`, `kind`), UNIQUE INDEX `uq_portal_tokens_hash` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `rate_limits` (`key` varchar(255) NOT NULL, `points` int NOT NULL DEFAULT '0', `expire` bigint UNSIGNED NULL, PRIMARY KEY (`key`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TABLE `rate_limits`");
        await queryRunner.query("DROP INDEX `uq_portal_tokens_hash` ON `portal_tokens`");
        await queryRunner.query("DROP INDEX `ix_portal_tokens_org_account` ON `portal_tokens`");
        await queryRunner.query("DROP TABLE `portal_tokens`");
    }
}
