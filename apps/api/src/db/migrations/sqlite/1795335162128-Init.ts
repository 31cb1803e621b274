import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795335162128 implements MigrationInterface {
    name = "Init1795335162128";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"at\" datetime NOT NULL DEFAULT (datetime('now')), \"actorType\" varchar(16) NOT NULL, \"actorId\" varchar(40), \"actorLabel\" varchar(254), \"action\" varchar(64) NOT NULL, \"targetType\" varchar(32) NOT NULL, \"targetId\" varchar(40), \"patientId\" integer, \"before\" text, \"after\" text, \"ip\" varchar(64), \"requestId\" varchar(64))");
        await queryRunner.query("CREATE INDEX \"ix_audit_org_action\" ON \"audit_events\" (\"organizationId\", \"action\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_audit_org_patient\" ON \"audit_events\" (\"organizationId\", \"patientId\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_audit_org_id\" ON \"audit_events\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"sessions\" (\"idHash\" varchar(64) PRIMARY KEY NOT NULL, \"kind\" varchar(8) NOT NULL, \"principalId\" integer NOT NULL, \"organizationId\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"expiresAt\" datetime(3) NOT NULL, \"ip\" varchar(64))");
        await queryRunner.query("CREATE INDEX \"ix_sessions_expires\" ON \"sessions\" (\"expiresAt\") ");
        await queryRunner.query("CREATE INDEX \"ix_sessions_principal\" ON \"sessions\" (\"kind\", \"principalId\") ");
        await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(200) NOT NULL, \"inviteMethod\" varchar(32) NOT NULL DEFAULT ('LINK'), \"inviteLinkTtlHours\" integer NOT NULL DEFAULT (168), \"resendCooldownMinutes\" integer NOT NULL DEFAULT (5), \"defaultPortalRoleId\" integer, \"defaultLanguage\" varchar(8) NOT NULL DEFAULT ('en'), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE TABLE \"contacts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"patientId\" integer NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"relationship\" varchar(32) NOT NULL, \"email\" varchar(254), \"emailNormalized\" varchar(254), \"dateOfBirth\" varchar(10), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"active\" boolean NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_contacts_org_patient\" ON \"contacts\" (\"organizationId\", \"patientId\") ");
        await queryRunner.query("CREATE TABLE \"patients\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"mrn\" varchar(64) NOT NULL, \"firstName\" varchar(100) NOT NULL, \"lastName\" varchar(100) NOT NULL, \"dateOfBirth\" varchar(10), \"email\" varchar(254), \"emailNormalized\" varchar(254), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"active\" boolean NOT NULL DEFAULT (1), \"portalStatus\" varchar(16) NOT NULL DEFAULT ('NO_ACCESS'), \"lastInviteSentAt\" datetime(3), \"lastSignInAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_email\" ON \"patients\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_name\" ON \"patients\" (\"organizationId\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_patients_org_status_name\" ON \"patients\" (\"organizationId\", \"portalStatus\", \"lastName\", \"firstName\", \"id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_patients_org_mrn\" ON \"patients\" (\"organizationId\", \"mrn\") ");
        await queryRunner.query("CREATE TABLE \"portal_accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"email\" varchar(254) NOT NULL, \"emailNormalized\" varchar(254) NOT NULL, \"passwordHash\" varchar(255), \"disabled\" boolean NOT NULL DEFAULT (0), \"mustChangePassword\" boolean NOT NULL DEFAULT (0), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"lastInviteSentAt\" datetime(3), \"signedUpAt\" datetime(3), \"lastSignInAt\" datetime(3), \"failedSignInCount\" integer NOT NULL DEFAULT (0), \"lockedUntil\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"version\" integer NOT NULL DEFAULT (1))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_accounts_org_email\" ON \"portal_accounts\" (\"organizationId\", \"emailNormalized\") ");
        await queryRunner.query("CREATE TABLE \"portal_grants\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"accountId\" integer NOT NULL, \"patientId\" integer NOT NULL, \"accessType\" varchar(8) NOT NULL, \"contactId\" integer, \"portalRoleId\" integer NOT NULL, \"grantedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"grantedByStaffId\" integer, \"revokedAt\" datetime(3), \"revokedByStaffId\" integer, \"activeKey\" varchar(40), \"selfKey\" integer)");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_grants_self\" ON \"portal_grants\" (\"selfKey\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_grants_active\" ON \"portal_grants\" (\"activeKey\") ");
        await queryRunner.query("CREATE INDEX \"ix_portal_grants_contact\" ON \"portal_grants\" (\"contactId\") ");
        await queryRunner.query("CREATE INDEX \"ix_portal_grants_org_account\" ON \"portal_grants\" (\"organizationId\", \"accountId\") ");
        await queryRunner.query("CREATE INDEX \"ix_portal_grants_org_patient\" ON \"portal_grants\" (\"organizationId\", \"patientId\") ");
        await queryRunner.query("CREATE TABLE \"portal_roles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"permissions\" text NOT NULL, \"accessTypes\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_portal_roles_org_name\" ON \"portal_roles\" (\"organizationId\", \"name\") ");
        await queryRunner.query("CREATE TABLE \"staff_roles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"name\" varchar(100) NOT NULL, \"permissions\" text NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_staff_roles_org_name\" ON \"staff_roles\" (\"organizationId\", \"name\") ");
        await queryRunner.query("CREATE TABLE \"staff_users\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"email\" varchar(254) NOT NULL, \"emailNormalized\" varchar(254) NOT NULL, \"name\" varchar(200) NOT NULL, \"passwordHash\" varchar(255) NOT NULL, \"staffRoleId\" integer NOT NULL, \"disabled\" boolean NOT NULL DEFAULT (0), \"language\" varchar(8) NOT NULL DEFAULT ('en'), \"lastSignInAt\" datetime(3), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"IDX_ec7275690f3684cbd1ce4103df\" ON \"staff_users\" (\"organizationId\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"uq_staff_users_email\" ON \"staff_users\" (\"emailNormalized\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"uq_staff_users_email\"");
        await queryRunner.query("DROP INDEX \"IDX_ec7275690f3684cbd1ce4103df\"");
        await queryRunner.query("DROP TABLE \"staff_users\"");
        await queryRunner.query("DROP INDEX \"uq_staff_roles_org_name\"");
        await queryRunner.query("DROP TABLE \"staff_roles\"");
        await queryRunner.query("DROP INDEX \"uq_portal_roles_org_name\"");
        await queryRunner.query("DROP TABLE \"portal_roles\"");
        await queryRunner.query("DROP INDEX \"ix_portal_grants_org_patient\"");
        await queryRunner.query("DROP INDEX \"ix_portal_grants_org_account\"");
        await queryRunner.query("DROP INDEX \"ix_portal_grants_contact\"");
        await queryRunner.query("DROP INDEX \"uq_portal_grants_active\"");
        await queryRunner.query("DROP INDEX \"uq_portal_grants_self\"");
        await queryRunner.query("DROP TABLE \"portal_grants\"");
        await queryRunner.query("DROP INDEX \"uq_portal_accounts_org_email\"");
        await queryRunner.query("DROP TABLE \"portal_accounts\"");
        await queryRunner.query("DROP INDEX \"uq_patients_org_mrn\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_status_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_name\"");
        await queryRunner.query("DROP INDEX \"ix_patients_org_email\"");
        await queryRunner.query("DROP TABLE \"patients\"");
        await queryRunner.query("DROP INDEX \"ix_contacts_org_patient\"");
        await queryRunner.query("DROP TABLE \"contacts\"");
        await queryRunner.query("DROP TABLE \"organizations\"");
        await queryRunner.query("DROP INDEX \"ix_sessions_principal\"");
        await queryRunner.query("DROP INDEX \"ix_sessions_expires\"");
        await queryRunner.query("DROP TABLE \"sessions\"");
        await queryRunner.query("DROP INDEX \"ix_audit_org_id\"");
        await queryRunner.query("DROP INDEX \"ix_audit_org_patient\"");
        await queryRunner.query("DROP INDEX \"ix_audit_org_action\"");
        await queryRunner.query("DROP TABLE \"audit_events\"");
    }
}
