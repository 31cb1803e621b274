import type { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795335162128 implements MigrationInterface {
    name = "Init1795335162128";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE `audit_events` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `actorType` varchar(16) NOT NULL, `actorId` varchar(40) NULL, `actorLabel` varchar(254) NULL, `action` varchar(64) NOT NULL, `targetType` varchar(32) NOT NULL, `targetId` varchar(40) NULL, `patientId` int NULL, `before` text NULL, `after` text NULL, `ip` varchar(64) NULL, `requestId` varchar(64) NULL, INDEX `ix_audit_org_action` (`organizationId`, `action`, `id`), INDEX `ix_audit_org_patient` (`organizationId`, `patientId`, `id`), INDEX `ix_audit_org_id` (`organizationId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `sessions` (`idHash` varchar(64) NOT NULL, `kind` varchar(8) NOT NULL, `principalId` int NOT NULL, `organizationId` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expiresAt` datetime(3) NOT NULL, `ip` varchar(64) NULL, INDEX `ix_sessions_expires` (`expiresAt`), INDEX `ix_sessions_principal` (`kind`, `principalId`), PRIMARY KEY (`idHash`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `organizations` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(200) NOT NULL, `inviteMethod` varchar(32) NOT NULL DEFAULT 'LINK', `inviteLinkTtlHours` int NOT NULL DEFAULT '168', `resendCooldownMinutes` int NOT NULL DEFAULT '5', `defaultPortalRoleId` int NULL, `defaultLanguage` varchar(8) NOT NULL DEFAULT 'en', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `contacts` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `patientId` int NOT NULL, `firstName` varchar(100) NOT NULL, `lastName` varchar(100) NOT NULL, `relationship` varchar(32) NOT NULL, `email` varchar(254) NULL, `emailNormalized` varchar(254) NULL, `dateOfBirth` varchar(10) NULL, `language` varchar(8) NOT NULL DEFAULT 'en', `active` tinyint NOT NULL DEFAULT 1, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_contacts_org_patient` (`organizationId`, `patientId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `patients` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `mrn` varchar(64) NOT NULL, `firstName` varchar(100) NOT NULL, `lastName` varchar(100) NOT NULL, `dateOfBirth` varchar(10) NULL, `email` varchar(254) NULL, `emailNormalized` varchar(254) NULL, `language` varchar(8) NOT NULL DEFAULT 'en', `active` tinyint NOT NULL DEFAULT 1, `portalStatus` varchar(16) NOT NULL DEFAULT 'NO_ACCESS', `lastInviteSentAt` datetime(3) NULL, `lastSignInAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_patients_org_email` (`organizationId`, `emailNormalized`), INDEX `ix_patients_org_name` (`organizationId`, `lastName`, `firstName`, `id`), INDEX `ix_patients_org_status_name` (`organizationId`, `portalStatus`, `lastName`, `firstName`, `id`), UNIQUE INDEX `uq_patients_org_mrn` (`organizationId`, `mrn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `portal_accounts` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `email` varchar(254) NOT NULL, `emailNormalized` varchar(254) NOT NULL, `passwordHash` varchar(255) NULL, `disabled` tinyint NOT NULL DEFAULT 0, `mustChangePassword` tinyint NOT NULL DEFAULT 0, `language` varchar(8) NOT NULL DEFAULT 'en', `lastInviteSentAt` datetime(3) NULL, `signedUpAt` datetime(3) NULL, `lastSignInAt` datetime(3) NULL, `failedSignInCount` int NOT NULL DEFAULT '0', `lockedUntil` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `version` int NOT NULL DEFAULT '1', UNIQUE INDEX `uq_portal_accounts_org_email` (`organizationId`, `emailNormalized`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `portal_grants` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `accountId` int NOT NULL, `patientId` int NOT NULL, `accessType` varchar(8) NOT NULL, `contactId` int NULL, `portalRoleId` int NOT NULL, `grantedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `grantedByStaffId` int NULL, `revokedAt` datetime(3) NULL, `revokedByStaffId` int NULL, `activeKey` varchar(40) NULL, `selfKey` int NULL, UNIQUE INDEX `uq_portal_grants_self` (`selfKey`), UNIQUE INDEX `uq_portal_grants_active` (`activeKey`), INDEX `ix_portal_grants_contact` (`contactId`), INDEX `ix_portal_grants_org_account` (`organizationId`, `accountId`), INDEX `ix_portal_grants_org_patient` (`organizationId`, `patientId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `portal_roles` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `name` varchar(100) NOT NULL, `permissions` text NOT NULL, `accessTypes` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_portal_roles_org_name` (`organizationId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `staff_roles` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `name` varchar(100) NOT NULL, `permissions` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_staff_roles_org_name` (`organizationId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
        await queryRunner.query("CREATE TABLE `staff_users` (`id` int NOT NULL AUTO_INCREMENT, `organizationId` int NOT NULL, `email` varchar(254) NOT NULL, `emailNormalized` varchar(254) NOT NULL, `name` varchar(200) NOT NULL, `passwordHash` varchar(255) NOT NULL, `staffRoleId` int NOT NULL, `disabled` tinyint NOT NULL DEFAULT 0, `language` varchar(8) NOT NULL DEFAULT 'en', `lastSignInAt` datetime(3) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_ec7275690f3684cbd1ce4103df` (`organizationId`), UNIQUE INDEX `uq_staff_users_email` (`emailNormalized`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `uq_staff_users_email` ON `staff_users`");
        await queryRunner.query("DROP INDEX `IDX_ec7275690f3684cbd1ce4103df` ON `staff_users`");
        await queryRunner.query("DROP TABLE `staff_users`");
        await queryRunner.query("DROP INDEX `uq_staff_roles_org_name` ON `staff_roles`");
        await queryRunner.query("DROP TABLE `staff_roles`");
        await queryRunner.query("DROP INDEX `uq_portal_roles_org_name` ON `portal_roles`");
        await queryRunner.query("DROP TABLE `portal_roles`");
        await queryRunner.query("DROP INDEX `ix_portal_grants_org_patient` ON `portal_grants`");
        await queryRunner.query("DROP INDEX `ix_portal_grants_org_account` ON `portal_grants`");
        await queryRunner.query("DROP INDEX `ix_portal_grants_contact` ON `portal_grants`");
        await queryRunner.query("DROP INDEX `uq_portal_grants_active` ON `portal_grants`");
        await queryRunner.query("DROP INDEX `uq_portal_grants_self` ON `portal_grants`");
        await queryRunner.query("DROP TABLE `portal_grants`");
        await queryRunner.query("DROP INDEX `uq_portal_accounts_org_email` ON `portal_accounts`");
        await queryRunner.query("DROP TABLE `portal_accounts`");
        await queryRunner.query("DROP INDEX `uq_patients_org_mrn` ON `patients`");
        await queryRunner.query("DROP INDEX `ix_patients_org_status_name` ON `patients`");
        await queryRunner.query("DROP INDEX `ix_patients_org_name` ON `patients`");
        await queryRunner.query("DROP INDEX `ix_patients_org_email` ON `patients`");
        await queryRunner.query("DROP TABLE `patients`");
        await queryRunner.query("DROP INDEX `ix_contacts_org_patient` ON `contacts`");
        await queryRunner.query("DROP TABLE `contacts`");
        await queryRunner.query("DROP TABLE `organizations`");
        await queryRunner.query("DROP INDEX `ix_sessions_principal` ON `sessions`");
        await queryRunner.query("DROP INDEX `ix_sessions_expires` ON `sessions`");
        await queryRunner.query("DROP TABLE `sessions`");
        await queryRunner.query("DROP INDEX `ix_audit_org_id` ON `audit_events`");
        await queryRunner.query("DROP INDEX `ix_audit_org_patient` ON `audit_events`");
        await queryRunner.query("DROP INDEX `ix_audit_org_action` ON `audit_events`");
        await queryRunner.query("DROP TABLE `audit_events`");
    }
}
