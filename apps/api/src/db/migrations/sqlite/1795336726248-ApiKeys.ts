import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1795336726248 implements MigrationInterface {
    name = "ApiKeys1795336726248";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"api_keys\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"publicId\" varchar(16) NOT NULL, \"secretHash\" varchar(64) NOT NULL, \"scopes\" text NOT NULL, \"createdByStaffId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"expiresAt\" datetime(3), \"revokedAt\" datetime(3), \"revokedByStaffId\" integer, \"lastUsedAt\" datetime(3), \"lastUsedIp\" varchar(64))");
        await queryRunner.query("CREATE INDEX \"ix_api_keys_org\" ON \"api_keys\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_api_keys_public_id\" ON \"api_keys\" (\"publicId\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"uq_api_keys_public_id\"");
        await queryRunner.query("DROP INDEX \"ix_api_keys_org\"");
        await queryRunner.query("DROP TABLE \"api_keys\"");
    }
}
