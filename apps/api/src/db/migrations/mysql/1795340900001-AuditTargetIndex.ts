import type { MigrationInterface, QueryRunner } from "typeorm";

/** A patient's audit trail also reads the events about its portal accounts: by target, newest first. */
export class AuditTargetIndex1795340900001 implements MigrationInterface {
    name = "AuditTargetIndex1795340900001";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE INDEX `ix_audit_org_target` ON `audit_events` (`organizationId`, `targetType`, `targetId`, `id`)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_audit_org_target` ON `audit_events`");
    }
}
