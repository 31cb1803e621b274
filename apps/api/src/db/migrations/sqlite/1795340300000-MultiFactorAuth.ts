import type { MigrationInterface, QueryRunner } from "typeorm";

export class MultiFactorAuth1795340300000 implements MigrationInterface {
    name = "MultiFactorAuth1795340300000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"mfa_factors\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"principalKind\" varchar(8) NOT NULL, \"principalId\" integer NOT NULL, \"method\" varchar(8) NOT NULL, \"secretSealed\" text, \"confirmedAt\" datetime(3), \"lastUsedStep\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_mfa_factors_principal\" ON \"mfa_factors\" (\"principalKind\", \"principalId\") ");
        await queryRunner.query("CREATE TABLE \"mfa_recovery_codes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"principalKind\" varchar(8) NOT NULL, \"principalId\" integer NOT NULL, \"codeHash\" varchar(64) NOT NULL, \"usedAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_mfa_recovery_codes_principal\" ON \"mfa_recovery_codes\" (\"principalKind\", \"principalId\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_mfa_recovery_codes_hash\" ON \"mfa_recovery_codes\" (\"codeHash\") ");
        await queryRunner.query("CREATE TABLE \"mfa_challenges\" (\"idHash\" varchar(64) PRIMARY KEY NOT NULL, \"organizationId\" integer NOT NULL, \"principalKind\" varchar(8) NOT NULL, \"principalId\" integer NOT NULL, \"purpose\" varchar(8) NOT NULL, \"emailCodeHash\" varchar(255), \"emailCodeExpiresAt\" datetime(3), \"emailCodeSentAt\" datetime(3), \"attempts\" integer NOT NULL DEFAULT (0), \"expiresAt\" datetime(3) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_mfa_challenges_expires\" ON \"mfa_challenges\" (\"expiresAt\") ");
        await queryRunner.query("ALTER TABLE \"organizations\" ADD COLUMN \"requireStaffMfa\" boolean NOT NULL DEFAULT (0)");
        await queryRunner.query("ALTER TABLE \"organizations\" ADD COLUMN \"requireProxyMfa\" boolean NOT NULL DEFAULT (0)");
        await queryRunner.query("ALTER TABLE \"sessions\" ADD COLUMN \"secondFactor\" varchar(16)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"secondFactor\"");
        await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"requireProxyMfa\"");
        await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"requireStaffMfa\"");
        await queryRunner.query("DROP INDEX \"ix_mfa_challenges_expires\"");
        await queryRunner.query("DROP TABLE \"mfa_challenges\"");
        await queryRunner.query("DROP INDEX \"uq_mfa_recovery_codes_hash\"");
        await queryRunner.query("DROP INDEX \"ix_mfa_recovery_codes_principal\"");
        await queryRunner.query("DROP TABLE \"mfa_recovery_codes\"");
        await queryRunner.query("DROP INDEX \"uq_mfa_factors_principal\"");
        await queryRunner.query("DROP TABLE \"mfa_factors\"");
    }
}
