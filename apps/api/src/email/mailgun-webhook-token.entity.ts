import { Entity, Index, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "../db/columns";

/**
 * Signature tokens of Mailgun webhooks already accepted. Kept in the database (not in memory) so
 * that every API process refuses a replay seen by any other; rows older than the timestamp window
 * are purged, since a replay that old fails the window check anyway.
 */
@Entity("mailgun_webhook_tokens")
@Index("ix_mailgun_webhook_tokens_received", ["receivedAt"])
export class MailgunWebhookToken {
  @PrimaryColumn({ type: "varchar", length: 128 })
  token: string;

  @TimestampColumn()
  receivedAt: Date;
}
