import type { MigrationInterface, QueryRunner } from "typeorm";

export class GridIndexesAndStatusCounters1795335923711 implements MigrationInterface {
    name = "GridIndexesAndStatusCounters1795335923711";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"patient_status_counts\" (\"organizationId\" integer NOT NULL, \"portalStatus\" varchar(16) NOT NULL, \"hasEmail\" boolean NOT NULL, \"hasDateOfBirth\" boolean NOT NULL, \"count\" integer NOT NULL DEFAULT (0), PRIMARY KEY (\"organizationId\", \"portalStatus\", \"hasEmail\", \"hasDateOfBirth\"))");
        // Counters for the patients that already exist; from here on every change keeps them in step.
        await queryRunner.query("INSERT INTO patient_status_counts (organizationId, portalStatus, hasEmail, hasDateOfBirth, count) SELECT organizationId, portalStatus, CASE WHEN email IS NULL THEN 0 ELSE 1 END, CASE WHEN dateOfBirth IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM patients GROUP BY organizationId, portalStatus, CASE WHEN email IS NULL THEN 0 ELSE 1 END, CASE WHEN dateOfBirth IS NULL THEN 0 ELSE 1 END");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_status_signin\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastSignInAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_signin\" ON \"patients\" (\"organizationId\", \"lastSignInAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_status_invite\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastInviteSentAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_invite\" ON \"patients\" (\"organizationId\", \"lastInviteSentAt\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_dob\" ON \"patients\" (\"organizationId\", \"dateOfBirth\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_first_name\" ON \"patients\" (\"organizationId\", \"firstName\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_patients_org_first_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_dob\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_invite\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_status_invite\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_signin\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_status_signin\"");
        await queryRunner.query("DROP TABLE \"patient_status_counts\"");
    }
}
