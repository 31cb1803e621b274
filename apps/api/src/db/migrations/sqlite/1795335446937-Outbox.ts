import type { MigrationInterface, QueryRunner } from "typeorm";

export class Outbox1795335446937 implements MigrationInterface {
    name = "Outbox1795335446937";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"channel\" varchar(16) NOT NULL DEFAULT ('EMAIL'), \"kind\" varchar(40) NOT NULL, \"toAddress\" varchar(254) NOT NULL, \"language\" varchar(8) NOT NULL, \"accountId\" integer, \"patientId\" integer, \"variables\" text NOT NULL, \"secretsSealed\" text, \"dedupeKey\" varchar(191), \"status\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime(3) NOT NULL, \"claimedBy\" varchar(64), \"claimedUntil\" datetime(3), \"lastError\" varchar(500), \"providerMessageId\" varchar(255), \"deliveryStatus\" varchar(16), \"deliveryUpdatedAt\" datetime(3), \"sentAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_dedupe\" ON \"outbox_messages\" (\"dedupeKey\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_org_account\" ON \"outbox_messages\" (\"organizationId\", \"accountId\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_messages\" (\"status\", \"nextAttemptAt\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_outbox_due\"");
        await queryRunner.query("DROP INDEX \"ix_outbox_org_account\"");
        await queryRunner.query("DROP INDEX \"uq_outbox_dedupe\"");
        await queryRunner.query("DROP TABLE \"outbox_messages\"");
    }
}
