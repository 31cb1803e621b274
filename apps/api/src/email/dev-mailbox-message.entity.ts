import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../db/columns";

/**
 * An email as it would have been sent, kept in the database when no Mailgun key is configured (the
 * dev mailbox). It holds the rendered link, so it is for development and demos only.
 */
@ObjectType({ description: "An email kept in the dev mailbox instead of being sent (no Mailgun key configured)." })
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

  @Field({ description: "Subject line." })
  @Column({ type: "varchar", length: 998 })
  subject: string;

  @Field({ description: "Plain-text body." })
  @Column({ type: "text" })
  text: string;

  @Field({ description: "HTML body." })
  @Column({ type: "text" })
  html: string;

  @Field({ description: "When the email was 'sent' to the dev mailbox." })
  @CreatedAtColumn()
  createdAt: Date;
}
