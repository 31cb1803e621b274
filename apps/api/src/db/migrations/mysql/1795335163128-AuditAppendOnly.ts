import type { MigrationInterface, QueryRunner } from "typeorm";

/** The audit log is append-only: the database itself refuses UPDATE and DELETE on it (rule 15). */
export class AuditAppendOnly1795335163128 implements MigrationInterface {
    name = "AuditAppendOnly1795335163128";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'");
        await queryRunner.query("CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TRIGGER `audit_events_no_delete`");
        await queryRunner.query("DROP TRIGGER `audit_events_no_update`");
    }
}
