import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1795338380763 implements MigrationInterface {
    name = "Webhooks1795338380763";

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"subscriptionId\" integer NOT NULL, \"eventId\" varchar(40) NOT NULL, \"eventType\" varchar(40) NOT NULL, \"attempt\" integer NOT NULL, \"success\" boolean NOT NULL, \"statusCode\" integer, \"error\" varchar(300), \"durationMs\" integer NOT NULL, \"nextAttemptAt\" datetime(3), \"at\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_webhook_deliveries_sub\" ON \"webhook_deliveries\" (\"organizationId\", \"subscriptionId\", \"id\") ");
        await queryRunner.query("CREATE INDEX \"ix_webhook_deliveries_org\" ON \"webhook_deliveries\" (\"organizationId\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"webhook_subscriptions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organizationId\" integer NOT NULL, \"url\" varchar(2000) NOT NULL, \"description\" varchar(500), \"events\" text NOT NULL, \"secretSealed\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"createdByStaffId\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
        await queryRunner.query("CREATE INDEX \"ix_webhook_subscriptions_org\" ON \"webhook_subscriptions\" (\"organizationId\", \"id\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"ix_webhook_subscriptions_org\"");
        await queryRunner.query("DROP TABLE \"webhook_subscriptions\"");
        await queryRunner.query("DROP INDEX \"ix_webhook_deliveries_org\"");
        await queryRunner.query("DROP INDEX \"ix_webhook_deliveries_sub\"");
        await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
    }
}
