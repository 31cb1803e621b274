import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A grant can be suspended (its patient made inactive: discharged, deceased, merged) without being
 * revoked: it keeps its account, role and place in the Portal tab, opens nothing while suspended,
 * and staff lift it by enabling or granting access again.
 */
export class GrantSuspension1795340200000 implements MigrationInterface {
    name = "GrantSuspension1795340200000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"suspendedAt\" datetime(3)");
        await queryRunner.query("ALTER TABLE \"portal_grants\" ADD COLUMN \"suspendedReason\" varchar(32)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"suspendedReason\"");
        await queryRunner.query("ALTER TABLE \"portal_grants\" DROP COLUMN \"suspendedAt\"");
    }
}
