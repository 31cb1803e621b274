import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Language } from "@portal/schema";
import { CreatedAtColumn, TimestampColumn } from "../../db/columns";

@ObjectType({ description: "A member of the clinic's staff who signs in to the admin." })
@Entity("staff_users")
// Staff sign in with an email alone (no organization picker), so staff emails are unique everywhere.
@Index("uq_staff_users_email", ["emailNormalized"], { unique: true })
export class StaffUser {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Sign-in email." })
  @Column({ type: "varchar", length: 254 })
  email: string;

  @Column({ type: "varchar", length: 254 })
  emailNormalized: string;

  @Field({ description: "Full name." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  // argon2id; never exposed. Empty while an invited member has not set a password yet: sign-in then
  // spends a dummy check and fails like any wrong password (verifyPassword).
  @Column({ type: "varchar", length: 255 })
  passwordHash: string;

  @Field(() => ID, { description: "The staff role whose permissions this user has." })
  @Column({ type: "int" })
  staffRoleId: number;

  @Field({ description: "A disabled staff user cannot sign in." })
  @Column({ type: "boolean", default: false })
  disabled: boolean;

  @Field(() => Language, { description: "Preferred language of the admin." })
  @Column({ type: "varchar", length: 8, default: Language.EN })
  language: Language;

  @Field(() => Date, { nullable: true, description: "Last successful sign-in." })
  @TimestampColumn({ nullable: true })
  lastSignInAt: Date | null;

  // A record of the sign-in lock (decided by RateLimits.attempt, which counts before the password
  // is checked): written after each failure, cleared by a success or an unlock.
  @Column({ type: "int", default: 0 })
  failedSignInCount: number;

  @Field(() => Date, { nullable: true, description: "Sign-in refused until then after repeated failures (5 failures lock for 1 minute, doubling to 1 hour); someone with the Manage staff permission can unlock." })
  @TimestampColumn({ nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true, description: "When the latest email invite was sent (null for a member created with a password)." })
  @TimestampColumn({ nullable: true })
  inviteSentAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Until when the latest invite link can be used." })
  @TimestampColumn({ nullable: true })
  inviteExpiresAt: Date | null;

  @Field({ description: "When the user was created." })
  @CreatedAtColumn()
  createdAt: Date;
}
