import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The dev mailbox keeps its emails sealed (rule 6): `subject`, `text` and `html` give way to
 * `contentSealed`. The rows already kept held working links in plain text and cannot be sealed here
 * (the key comes from SESSION_SECRET, which migrations do not see): they are development data and
 * are deleted, in both directions.
 */
export class DevMailboxSealed1795340400000 implements MigrationInterface {
    name = "DevMailboxSealed1795340400000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_dev_mailbox_org_id\"");
        await queryRunner.query("DROP TABLE \"dev_mailbox_messages\"");
        await queryRunner.query("CREATE TABLE \"dev_mailbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"outboxId\" integer, \"toAddress\" varchar(254) NOT NULL, \"fromAddress\" varchar(254) NOT NULL, \"kind\" varchar(40) NOT NULL, \"language\" varchar(8) NOT NULL, \"contentSealed\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_dev_mailbox_org_id\" ON \"dev_mailbox_messages\" (\"organizationId\", \"id\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_dev_mailbox_org_id\"");
        await queryRunner.query("DROP TABLE \"dev_mailbox_messages\"");
        await queryRunner.query("CREATE TABLE \"dev_mailbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"outboxId\" integer, \"toAddress\" varchar(254) NOT NULL, \"fromAddress\" varchar(254) NOT NULL, \"kind\" varchar(40) NOT NULL, \"language\" varchar(8) NOT NULL, \"subject\" varchar(998) NOT NULL, \"text\" text NOT NULL, \"html\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_dev_mailbox_org_id\" ON \"dev_mailbox_messages\" (\"organizationId\", \"id\") ");
    }
}
