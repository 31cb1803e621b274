import type { MigrationInterface, QueryRunner } from "typeorm";

export class GridIndexesOnRebuiltPatients1795339410734 implements MigrationInterface {
    name = "GridIndexesOnRebuiltPatients1795339410734";

    // SQLite only: EmailDelivery rebuilt the patients table (SQLite cannot alter it in place) from a
    // schema without the grid's indexes. IF NOT EXISTS: a database that ran EmailDelivery before
    // GridIndexesAndStatusCounters still has them.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_status_signin\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastSignInAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_signin\" ON \"patients\" (\"organizationId\", \"lastSignInAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_status_invite\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastInviteSentAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_invite\" ON \"patients\" (\"organizationId\", \"lastInviteSentAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_dob\" ON \"patients\" (\"organizationId\", \"dateOfBirth\") ");
        await queryRunner.query("CREATE INDEX IF NOT EXISTS \"ix_patients_org_first_name\" ON \"patients\" (\"organizationId\", \"firstName\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_first_name\"");
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_dob\"");
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_invite\"");
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_status_invite\"");
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_signin\"");
        await queryRunner.query("DROP INDEX IF EXISTS \"ix_patients_org_status_signin\"");
    }
}
