import type { MigrationInterface, QueryRunner } from "typeorm";

export class MultiFactorAuth1795340300000 implements MigrationInterface {
    name = "MultiFactorAuth1795340300000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `mfa_factors` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `principalKind` varchar(8) NOT NULL, `principalId` int NOT NULL, `method` varchar(8) NOT NULL, `secretSealed` text NULL, `confirmedAt` datetime(3) NULL, `lastUsedStep` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_mfa_factors_principal` (`principalKind`, `principalId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `mfa_recovery_codes` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `principalKind` varchar(8) NOT NULL, `principalId` int NOT NULL, `codeHash` varchar(64) NOT NULL, `usedAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_mfa_recovery_codes_principal` (`principalKind`, `principalId`), UNIQUE INDEX `uq_mfa_recovery_codes_hash` (`codeHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `mfa_challenges` (`idHash` varchar(64) NOT NULL, `organizationId` int NOT NULL, `principalKind` varchar(8) NOT NULL, `principalId` int NOT NULL, `purpose` varchar(8) NOT NULL, `emailCodeHash` varchar(255) NULL, `emailCodeExpiresAt` datetime(3) NULL, `emailCodeSentAt` datetime(3) NULL, `attempts` int NOT NULL DEFAULT 0, `expiresAt` datetime(3) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_mfa_challenges_expires` (`expiresAt`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB");
        await queryRunner.query("ALTER TABLE `organizations` ADD `requireStaffMfa` tinyint NOT NULL DEFAULT 0");
        await queryRunner.query("ALTER TABLE `organizations` ADD `requireProxyMfa` tinyint NOT NULL DEFAULT 0");
        await queryRunner.query("ALTER TABLE `sessions` ADD `secondFactor` varchar(16) NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `sessions` DROP COLUMN `secondFactor`");
        await queryRunner.query("ALTER TABLE `organizations` DROP COLUMN `requireProxyMfa`");
        await queryRunner.query("ALTER TABLE `organizations` DROP COLUMN `requireStaffMfa`");
        await queryRunner.query("DROP TABLE `mfa_challenges`");
        await queryRunner.query("DROP TABLE `mfa_recovery_codes`");
        await queryRunner.query("DROP TABLE `mfa_factors`");
    }
}
