import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1795336726248 implements MigrationInterface {
    name = "ApiKeys1795336726248";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `api_keys` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `name` varchar(100) NOT NULL, `publicId` varchar(16) NOT NULL, `secretHash` varchar(64) NOT NULL, `scopes` text NOT NULL, `createdByStaffId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expiresAt` datetime(3) NULL, `revokedAt` datetime(3) NULL, `revokedByStaffId` int NULL, `lastUsedAt` datetime(3) NULL, `lastUsedIp` varchar(64) NULL, INDEX `ix_api_keys_org` (`organizationId`, `id`), UNIQUE INDEX `uq_api_keys_public_id` (`publicId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `uq_api_keys_public_id` ON `api_keys`");
        await queryRunner.query("DROP INDEX `ix_api_keys_org` ON `api_keys`");
        await queryRunner.query("DROP TABLE `api_keys`");
    }
}
