import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The grid's "expired or locked invites" facet: the latest invite of each invited patient's own
 * account, mirrored on the patient (until when it is usable, when it was locked) with an index.
 */
export class InviteProblems1795340600002 implements MigrationInterface {
    name = "InviteProblems1795340600002";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "patients" ADD COLUMN "inviteUsableUntil" datetime(3)');
        await queryRunner.query('ALTER TABLE "patients" ADD COLUMN "inviteLockedAt" datetime(3)');
        await queryRunner.query('CREATE INDEX "ix_patients_org_status_usable" ON "patients" ("organizationId", "portalStatus", "inviteUsableUntil") ');
        // Patients invited before this column existed take it from their account's latest invite.
        await queryRunner.query("UPDATE patients SET inviteLockedAt = (SELECT t.lockedAt FROM portal_tokens t INNER JOIN portal_grants g ON g.accountId = t.accountId WHERE g.patientId = patients.id AND g.accessType = 'SELF' AND g.revokedAt IS NULL AND t.kind = 'INVITE' ORDER BY t.id DESC LIMIT 1), inviteUsableUntil = (SELECT COALESCE(t.lockedAt, t.expiresAt) FROM portal_tokens t INNER JOIN portal_grants g ON g.accountId = t.accountId WHERE g.patientId = patients.id AND g.accessType = 'SELF' AND g.revokedAt IS NULL AND t.kind = 'INVITE' ORDER BY t.id DESC LIMIT 1) WHERE portalStatus = 'INVITED'");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP INDEX "ix_patients_org_status_usable"');
        await queryRunner.query('ALTER TABLE "patients" DROP COLUMN "inviteLockedAt"');
        await queryRunner.query('ALTER TABLE "patients" DROP COLUMN "inviteUsableUntil"');
    }
}
