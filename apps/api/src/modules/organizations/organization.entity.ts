import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { InviteMethod, Language } from "@portal/schema";
import { CreatedAtColumn } from "../../db/columns";
import { parseReminderDays } from "../reminders/reminder-schedule";

@ObjectType({ description: "A clinic or practice. Every record belongs to exactly one organization." })
@Entity("organizations")
export class Organization {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Display name, shown in emails and the portal." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => InviteMethod, { description: "How invites are sent: a link (default) or a temporary password." })
  @Column({ type: "varchar", length: 32, default: InviteMethod.LINK })
  inviteMethod: InviteMethod;

  @Field(() => Int, { description: "How long an invite link stays valid, in hours (default 7 days)." })
  @Column({ type: "int", default: 168 })
  inviteLinkTtlHours: number;

  @Field(() => Int, { description: "Minimum minutes between two invites to the same account (default 5)." })
  @Column({ type: "int", default: 5 })
  resendCooldownMinutes: number;

  @Field(() => ID, { nullable: true, description: "Portal role proposed when staff enable a patient's own access." })
  @Column({ type: "int", nullable: true })
  defaultPortalRoleId: number | null;

  @Field(() => Language, { description: "Language of emails for people with no preference on file." })
  @Column({ type: "varchar", length: 8, default: Language.EN })
  defaultLanguage: Language;

  @Field({ description: "Staff must sign in with a second factor (TOTP); applies at each member's next sign-in." })
  @Column({ type: "boolean", default: false })
  requireStaffMfa: boolean;

  @Field({ description: "Portal accounts holding proxy access must sign in with a second factor (emailed code or TOTP)." })
  @Column({ type: "boolean", default: false })
  requireProxyMfa: boolean;

  @Field({ description: "Send the \"Access removed\" email when staff remove a profile, all profiles or disable a contact holding access (default on)." })
  @Column({ type: "boolean", default: true })
  accessRemovedEmail: boolean;

  // Rule 23: days after an invite when a reminder goes to an account that has not signed in, e.g. "3,10".
  @Column({ name: "inviteReminderDays", type: "varchar", length: 64, default: "3,10" })
  inviteReminderDaysCsv: string;

  @Field(() => [Int], { description: "Days after an invite when a reminder is emailed to an account that has not signed in yet (default 3 and 10; empty: no reminders)." })
  get inviteReminderDays(): number[] {
    return parseReminderDays(this.inviteReminderDaysCsv ?? "");
  }

  @Field({ description: "When the organization was created." })
  @CreatedAtColumn()
  createdAt: Date;
}
