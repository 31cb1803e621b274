import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../db/columns";

/**
 * An email as it would have been sent, kept in the database when the dev mailbox is the transport.
 * Its subject and bodies carry working links (or a temporary password), so they are sealed at rest
 * (`contentSealed`, AES-256-GCM like the outbox's secrets, rule 6) and opened only for the staff
 * member reading them through the devMailbox query, which fills `subject`, `text` and `html`.
 */
@ObjectType({ description: "An email kept in the dev mailbox instead of being sent (development and demos only)." })
@Entity("dev_mailbox_messages")
@Index("ix_dev_mailbox_org_id", ["organizationId", "id"])
export class DevMailboxMessage {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  // The outbox row this copy was delivered from.
  @Column({ type: "int", nullable: true })
  outboxId: number | null;

  @Field({ description: "Recipient address." })
  @Column({ type: "varchar", length: 254 })
  toAddress: string;

  @Field({ description: "Sender, as MAIL_FROM sets it." })
  @Column({ type: "varchar", length: 254 })
  fromAddress: string;

  @Field({ description: "Kind of email (EmailKind), e.g. INVITE_LINK." })
  @Column({ type: "varchar", length: 40 })
  kind: string;

  @Field({ description: "Language the email was rendered in (en, fr)." })
  @Column({ type: "varchar", length: 8 })
  language: string;

  // SecretBox-sealed JSON of { subject, text, html }; never read in plain text from the database.
  @Column({ type: "text" })
  contentSealed: string;

  @Field({ description: "Subject line." })
  subject: string;

  @Field({ description: "Plain-text body." })
  text: string;

  @Field({ description: "HTML body." })
  html: string;

  @Field({ description: "When the email was 'sent' to the dev mailbox." })
  @CreatedAtColumn()
  createdAt: Date;
}
