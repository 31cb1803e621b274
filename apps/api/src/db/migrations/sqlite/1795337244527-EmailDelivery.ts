import type { MigrationInterface, QueryRunner } from "typeorm";

export class EmailDelivery1795337244527 implements MigrationInterface {
    name = "EmailDelivery1795337244527";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"dev_mailbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"outboxId\" integer, \"toAddress\" varchar(254) NOT NULL, \"fromAddress\" varchar(254) NOT NULL, \"kind\" varchar(40) NOT NULL, \"language\" varchar(8) NOT NULL, \"subject\" varchar(998) NOT NULL, \"text\" text NOT NULL, \"html\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_dev_mailbox_org_id\" ON \"dev_mailbox_messages\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"mailgun_webhook_tokens\" (\"token\" varchar(128) PRIMARY KEY NOT NULL, \"receivedAt\" datetime(3) NOT NULL)");
        await queryRunner.query("CREATE INDEX \"ix_mailgun_webhook_tokens_received\" ON \"mailgun_webhook_tokens\" (\"receivedAt\") ");
        await queryRunner.query("CREATE TABLE \"email_templates\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"kind\" varchar(40) NOT NULL, \"language\" varchar(8) NOT NULL, \"subject\" varchar(255) NOT NULL, \"html\" text NOT NULL, \"text\" text NOT NULL, \"updatedByStaffId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_email_templates_org_kind_lang\" ON \"email_templates\" (\"organizationId\", \"kind\", \"language\") ");
        await queryRunner.query("DROP INDEX \"ix_outbox_due\"");
        await queryRunner.query("DROP INDEX \"ix_outbox_org_account\"");
        await queryRunner.query("DROP INDEX \"uq_outbox_dedupe\"");
        await queryRunner.query("CREATE TABLE \"temporary_outbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"channel\" varchar(16) NOT NULL DEFAULT ('EMAIL'), \"kind\" varchar(40) NOT NULL, \"toAddress\" varchar(254) NOT NULL, \"language\" varchar(8) NOT NULL, \"accountId\" integer, \"patientId\" integer, \"variables\" text NOT NULL, \"secretsSealed\" text, \"dedupeKey\" varchar(191), \"status\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime(3) NOT NULL, \"claimedBy\" varchar(64), \"claimedUntil\" datetime(3), \"lastError\" varchar(500), \"providerMessageId\" varchar(255), \"deliveryStatus\" varchar(16), \"deliveryUpdatedAt\" datetime(3), \"sentAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"deliveryReason\" varchar(255))");
        await queryRunner.query("INSERT INTO \"temporary_outbox_messages\"(\"id\", \"organizationId\", \"channel\", \"kind\", \"toAddress\", \"language\", \"accountId\", \"patientId\", \"variables\", \"secretsSealed\", \"dedupeKey\", \"status\", \"attempts\", \"nextAttemptAt\", \"claimedBy\", \"claimedUntil\", \"lastError\", \"providerMessageId\", \"deliveryStatus\", \"deliveryUpdatedAt\", \"sentAt\", \"createdAt\") SELECT \"id\", \"organizationId\", \"channel\", \"kind\", \"toAddress\", \"language\", \"accountId\", \"patientId\", \"variables\", \"secretsSealed\", \"dedupeKey\", \"status\", \"attempts\", \"nextAttemptAt\", \"claimedBy\", \"claimedUntil\", \"lastError\", \"providerMessageId\", \"deliveryStatus\", \"deliveryUpdatedAt\", \"sentAt\", \"createdAt\" FROM \"outbox_messages\"");
        await queryRunner.query("DROP TABLE \"outbox_messages\"");
        await queryRunner.query("ALTER TABLE \"temporary_outbox_messages\" RENAME TO \"outbox_messages\"");
        await queryRunner.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_messages\" (\"status\", \"nextAttemptAt\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_org_account\" ON \"outbox_messages\" (\"organizationId\", \"accountId\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_dedupe\" ON \"outbox_messages\" (\"dedupeKey\") ");
        await queryRunner.query("DROP INDEX \"uq_patients_org_mrn\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_status_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_email\"");
        await queryRunner.query("CREATE TABLE \"temporary_patients\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"mrn\" varchar(64) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"dateOfBirth\" varchar(10), \"email\" varchar(254), \"emailNormalized\" varchar(254), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"active\" boolean NOT NULL DEFAULT (1), \"portalStatus\" varchar(16) NOT NULL DEFAULT ('NO_ACCESS'), \"lastInviteSentAt\" datetime(3), \"lastSignInAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"inviteDeliveryFailedAt\" datetime(3))");
        await queryRunner.query("INSERT INTO \"temporary_patients\"(\"id\", \"organizationId\", \"mrn\", \"firstName\", \"lastName\", \"dateOfBirth\", \"email\", \"emailNormalized\", \"language\", \"active\", \"portalStatus\", \"lastInviteSentAt\", \"lastSignInAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"organizationId\", \"mrn\", \"firstName\", \"lastName\", \"dateOfBirth\", \"email\", \"emailNormalized\", \"language\", \"active\", \"portalStatus\", \"lastInviteSentAt\", \"lastSignInAt\", \"createdAt\", \"updatedAt\" FROM \"patients\"");
        await queryRunner.query("DROP TABLE \"patients\"");
        await queryRunner.query("ALTER TABLE \"temporary_patients\" RENAME TO \"patients\"");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_patients_org_mrn\" ON \"patients\" (\"organizationId\", \"mrn\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_status_name\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_name\" ON \"patients\" (\"organizationId\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_email\" ON \"patients\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("DROP INDEX \"uq_portal_accounts_org_email\"");
        await queryRunner.query("CREATE TABLE \"temporary_portal_accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"email\" varchar(254) NOT NULL, \"emailNormalized\" varchar(254) NOT NULL, \"passwordHash\" varchar(255), \"disabled\" boolean NOT NULL DEFAULT (0), \"mustChangePassword\" boolean NOT NULL DEFAULT (0), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"lastInviteSentAt\" datetime(3), \"signedUpAt\" datetime(3), \"lastSignInAt\" datetime(3), \"failedSignInCount\" integer NOT NULL DEFAULT (0), \"lockedUntil\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1), \"inviteDeliveryFailedAt\" datetime(3), \"inviteDeliveryFailureReason\" varchar(255))");
        await queryRunner.query("INSERT INTO \"temporary_portal_accounts\"(\"id\", \"organizationId\", \"email\", \"emailNormalized\", \"passwordHash\", \"disabled\", \"mustChangePassword\", \"language\", \"lastInviteSentAt\", \"signedUpAt\", \"lastSignInAt\", \"failedSignInCount\", \"lockedUntil\", \"createdAt\", \"version\") SELECT \"id\", \"organizationId\", \"email\", \"emailNormalized\", \"passwordHash\", \"disabled\", \"mustChangePassword\", \"language\", \"lastInviteSentAt\", \"signedUpAt\", \"lastSignInAt\", \"failedSignInCount\", \"lockedUntil\", \"createdAt\", \"version\" FROM \"portal_accounts\"");
        await queryRunner.query("DROP TABLE \"portal_accounts\"");
        await queryRunner.query("ALTER TABLE \"temporary_portal_accounts\" RENAME TO \"portal_accounts\"");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_accounts_org_email\" ON \"portal_accounts\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_provider_message\" ON \"outbox_messages\" (\"providerMessageId\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_invite_failed\" ON \"patients\" (\"organizationId\", \"inviteDeliveryFailedAt\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_patients_org_invite_failed\"");
        await queryRunner.query("DROP INDEX \"ix_outbox_provider_message\"");
        await queryRunner.query("DROP INDEX \"uq_portal_accounts_org_email\"");
        await queryRunner.query("ALTER TABLE \"portal_accounts\" RENAME TO \"temporary_portal_accounts\"");
        await queryRunner.query("CREATE TABLE \"portal_accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"email\" varchar(254) NOT NULL, \"emailNormalized\" varchar(254) NOT NULL, \"passwordHash\" varchar(255), \"disabled\" boolean NOT NULL DEFAULT (0), \"mustChangePassword\" boolean NOT NULL DEFAULT (0), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"lastInviteSentAt\" datetime(3), \"signedUpAt\" datetime(3), \"lastSignInAt\" datetime(3), \"failedSignInCount\" integer NOT NULL DEFAULT (0), \"lockedUntil\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1))");
        await queryRunner.query("INSERT INTO \"portal_accounts\"(\"id\", \"organizationId\", \"email\", \"emailNormalized\", \"passwordHash\", \"disabled\", \"mustChangePassword\", \"language\", \"lastInviteSentAt\", \"signedUpAt\", \"lastSignInAt\", \"failedSignInCount\", \"lockedUntil\", \"createdAt\", \"version\") SELECT \"id\", \"organizationId\", \"email\", \"emailNormalized\", \"passwordHash\", \"disabled\", \"mustChangePassword\", \"language\", \"lastInviteSentAt\", \"signedUpAt\", \"lastSignInAt\", \"failedSignInCount\", \"lockedUntil\", \"createdAt\", \"version\" FROM \"temporary_portal_accounts\"");
        await queryRunner.query("DROP TABLE \"temporary_portal_accounts\"");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_accounts_org_email\" ON \"portal_accounts\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("DROP INDEX \"ix_patients_org_email\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_status_name\"");
        await queryRunner.query("DROP INDEX \"uq_patients_org_mrn\"");
        await queryRunner.query("ALTER TABLE \"patients\" RENAME TO \"temporary_patients\"");
        await queryRunner.query("CREATE TABLE \"patients\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"mrn\" varchar(64) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"dateOfBirth\" varchar(10), \"email\" varchar(254), \"emailNormalized\" varchar(254), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"active\" boolean NOT NULL DEFAULT (1), \"portalStatus\" varchar(16) NOT NULL DEFAULT ('NO_ACCESS'), \"lastInviteSentAt\" datetime(3), \"lastSignInAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("INSERT INTO \"patients\"(\"id\", \"organizationId\", \"mrn\", \"firstName\", \"lastName\", \"dateOfBirth\", \"email\", \"emailNormalized\", \"language\", \"active\", \"portalStatus\", \"lastInviteSentAt\", \"lastSignInAt\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"organizationId\", \"mrn\", \"firstName\", \"lastName\", \"dateOfBirth\", \"email\", \"emailNormalized\", \"language\", \"active\", \"portalStatus\", \"lastInviteSentAt\", \"lastSignInAt\", \"createdAt\", \"updatedAt\" FROM \"temporary_patients\"");
        await queryRunner.query("DROP TABLE \"temporary_patients\"");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_email\" ON \"patients\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_name\" ON \"patients\" (\"organizationId\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_status_name\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_patients_org_mrn\" ON \"patients\" (\"organizationId\", \"mrn\") ");
        await queryRunner.query("DROP INDEX \"uq_outbox_dedupe\"");
        await queryRunner.query("DROP INDEX \"ix_outbox_org_account\"");
        await queryRunner.query("DROP INDEX \"ix_outbox_due\"");
        await queryRunner.query("ALTER TABLE \"outbox_messages\" RENAME TO \"temporary_outbox_messages\"");
        await queryRunner.query("CREATE TABLE \"outbox_messages\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"channel\" varchar(16) NOT NULL DEFAULT ('EMAIL'), \"kind\" varchar(40) NOT NULL, \"toAddress\" varchar(254) NOT NULL, \"language\" varchar(8) NOT NULL, \"accountId\" integer, \"patientId\" integer, \"variables\" text NOT NULL, \"secretsSealed\" text, \"dedupeKey\" varchar(191), \"status\" varchar(16) NOT NULL DEFAULT ('PENDING'), \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" datetime(3) NOT NULL, \"claimedBy\" varchar(64), \"claimedUntil\" datetime(3), \"lastError\" varchar(500), \"providerMessageId\" varchar(255), \"deliveryStatus\" varchar(16), \"deliveryUpdatedAt\" datetime(3), \"sentAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("INSERT INTO \"outbox_messages\"(\"id\", \"organizationId\", \"channel\", \"kind\", \"toAddress\", \"language\", \"accountId\", \"patientId\", \"variables\", \"secretsSealed\", \"dedupeKey\", \"status\", \"attempts\", \"nextAttemptAt\", \"claimedBy\", \"claimedUntil\", \"lastError\", \"providerMessageId\", \"deliveryStatus\", \"deliveryUpdatedAt\", \"sentAt\", \"createdAt\") SELECT \"id\", \"organizationId\", \"channel\", \"kind\", \"toAddress\", \"language\", \"accountId\", \"patientId\", \"variables\", \"secretsSealed\", \"dedupeKey\", \"status\", \"attempts\", \"nextAttemptAt\", \"claimedBy\", \"claimedUntil\", \"lastError\", \"providerMessageId\", \"deliveryStatus\", \"deliveryUpdatedAt\", \"sentAt\", \"createdAt\" FROM \"temporary_outbox_messages\"");
        await queryRunner.query("DROP TABLE \"temporary_outbox_messages\"");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_outbox_dedupe\" ON \"outbox_messages\" (\"dedupeKey\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_org_account\" ON \"outbox_messages\" (\"organizationId\", \"accountId\") ");
        await queryRunner.query("CREATE INDEX \"ix_outbox_due\" ON \"outbox_messages\" (\"status\", \"nextAttemptAt\") ");
        await queryRunner.query("DROP INDEX \"uq_email_templates_org_kind_lang\"");
        await queryRunner.query("DROP TABLE \"email_templates\"");
        await queryRunner.query("DROP INDEX \"ix_mailgun_webhook_tokens_received\"");
        await queryRunner.query("DROP TABLE \"mailgun_webhook_tokens\"");
        await queryRunner.query("DROP INDEX \"ix_dev_mailbox_org_id\"");
        await queryRunner.query("DROP TABLE \"dev_mailbox_messages\"");
    }
}
