import type { MigrationInterface, QueryRunner } from "typeorm";
import { backfillFoldedPatientNames } from "../backfill-folded-names";

/**
 * Accent- and case-insensitive patient search: folded copies of the names (foldSearchText), with
 * indexes leading with the organization, replacing the given-name index that only the search used.
 */
export class FoldedPatientNames1795340900000 implements MigrationInterface {
    name = "FoldedPatientNames1795340900000";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE `patients` ADD `firstNameFolded` varchar(200) NOT NULL DEFAULT ''");
        await queryRunner.query("ALTER TABLE `patients` ADD `lastNameFolded` varchar(200) NOT NULL DEFAULT ''");
        await backfillFoldedPatientNames(queryRunner);
        await queryRunner.query("DROP INDEX `ix_patients_org_first_name` ON `patients`");
        await queryRunner.query("CREATE INDEX `ix_patients_org_folded_name` ON `patients` (`organizationId`, `lastNameFolded`, `firstNameFolded`, `id`)");
        await queryRunner.query("CREATE INDEX `ix_patients_org_folded_first` ON `patients` (`organizationId`, `firstNameFolded`)");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX `ix_patients_org_folded_first` ON `patients`");
        await queryRunner.query("DROP INDEX `ix_patients_org_folded_name` ON `patients`");
        await queryRunner.query("CREATE INDEX `ix_patients_org_first_name` ON `patients` (`organizationId`, `firstName`)");
        await queryRunner.query("ALTER TABLE `patients` DROP COLUMN `lastNameFolded`");
        await queryRunner.query("ALTER TABLE `patients` DROP COLUMN `firstNameFolded`");
    }
}
