import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { Language } from "@portal/schema";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

@ObjectType({ description: "A portal login. Its username is an email address, unique within the organization." })
@Entity("portal_accounts")
// Rule 2, enforced by the database: one account per normalized email per organization.
@Index("uq_portal_accounts_org_email", ["organizationId", "emailNormalized"], { unique: true })
// The reminder sweep's range: never signed up, invited within the schedule's window (rule 23).
@Index("ix_portal_accounts_reminders", ["signedUpAt", "lastInviteSentAt"])
export class PortalAccount {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Login email." })
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Column({ type: "varchar", length: 254 })
  emailNormalized: string;

  // A requested login email that becomes the login only when its owner confirms it through the link
  // sent there (rule 18); the current login keeps working until then.
  @Field(() => String, { nullable: true, description: "A new login email awaiting confirmation from that address; the login email stays in force until then." })
  @Column({ type: "varchar", length: 254, nullable: true })
  pendingLoginEmail: string | null;

  @Field(() => Date, { nullable: true, description: "When the confirmation link of pendingLoginEmail stops working (24 hours after the request)." })
  @TimestampColumn({ nullable: true })
  pendingLoginEmailExpiresAt: Date | null;

  // argon2id; null until the invite is accepted (or a temporary password is issued).
  @Column({ type: "varchar", length: 255, nullable: true })
  passwordHash: string | null;

  @Field({ description: "A disabled account cannot sign in; its grants are kept." })
  @Column({ type: "boolean", default: false })
  disabled: boolean;

  @Field({ description: "The account must choose a new password at its next sign-in." })
  @Column({ type: "boolean", default: false })
  mustChangePassword: boolean;

  @Field(() => Language, { description: "Language of emails and the portal." })
  @Column({ type: "varchar", length: 8, default: Language.EN })
  language: Language;

  @Field(() => Date, { nullable: true, description: "When the last invite to this account was sent." })
  @TimestampColumn({ nullable: true })
  lastInviteSentAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the account accepted its invite." })
  @TimestampColumn({ nullable: true })
  signedUpAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Last successful sign-in." })
  @TimestampColumn({ nullable: true })
  lastSignInAt: Date | null;

  @Field(() => Int, { description: "Failed sign-ins since the last success." })
  @Column({ type: "int", default: 0 })
  failedSignInCount: number;

  @Field(() => Date, { nullable: true, description: "Sign-in refused until then after repeated failures." })
  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;

  // Set when the latest invite to this account could not be delivered (provider refusal or a
  // permanent bounce); cleared when a later invite goes out. Denormalized so lists can filter on it.
  @Field(() => Date, { nullable: true, description: "When the latest invite to this login email permanently failed to be delivered; null otherwise." })
  @TimestampColumn({ nullable: true })
  inviteDeliveryFailedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the latest invite could not be delivered (e.g. a bounce), while inviteDeliveryFailedAt is set." })
  @Column({ type: "varchar", length: 255, nullable: true })
  inviteDeliveryFailureReason: string | null;

  // Invite reminders (rule 23): how many went out in the current round, when the last one did, and
  // the staff invite the round counts from (a newer staff invite starts a new round).
  @Field(() => Int, { description: "Reminders emailed since the latest invite from staff (rule 23)." })
  @Column({ type: "int", default: 0 })
  remindersSent: number;

  @Field(() => Date, { nullable: true, description: "When the last invite reminder was emailed." })
  @TimestampColumn({ nullable: true })
  lastReminderAt: Date | null;

  @TimestampColumn({ nullable: true })
  reminderRoundAt: Date | null;

  @Field({ description: "When the account was created." })
  @CreatedAtColumn()
  createdAt: Date;

  // Optimistic check for concurrent changes to one account.
  @VersionColumn({ default: 1 })
  version: number;
}
