import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { AgeRulePreset, matchesPreset, type AgeRules } from "@portal/schema";
import { JsonColumn, TimestampColumn } from "../../db/columns";

/**
 * An organization's "access over time" settings (rules 20 and 21): its age rules for minors and
 * when notices and reminders go out. One row per organization, written the first time an
 * administrator saves them; an organization without a row has no age rules (the NONE preset).
 */
@ObjectType({ description: "The organization's access-over-time settings: age rules for minors (rule 20) and proxy end-date reminders (rule 21)." })
@Entity("access_schedule_settings")
export class AccessScheduleSettings {
  @PrimaryColumn({ type: "int" })
  organizationId: number;

  /** The preset the values started from (CUSTOM when they were typed from scratch). */
  @Field(() => AgeRulePreset, { description: "The preset the age rules started from (its source is in @portal/schema's AGE_RULE_PRESETS); CUSTOM when typed from scratch." })
  @Column({ type: "varchar", length: 16, default: AgeRulePreset.NONE })
  ageRulePreset: AgeRulePreset;

  @Field(() => Int, { nullable: true, description: "Age from which a patient may hold an own (SELF) account; null: no minimum." })
  @Column({ type: "int", nullable: true })
  selfAccessMinAge: number | null;

  @Field(() => Int, { nullable: true, description: "Age at which a parent's proxy is switched to proxyLimitedRoleId; null: never." })
  @Column({ type: "int", nullable: true })
  proxyLimitedAtAge: number | null;

  /** The narrower portal role a parent's proxy is switched to (a PROXY role of the organization). */
  @Field(() => ID, { nullable: true, description: "The narrower portal role (applicable to PROXY) a parent's proxy gets at proxyLimitedAtAge." })
  @Column({ type: "int", nullable: true })
  proxyLimitedRoleId: number | null;

  @Field(() => Int, { nullable: true, description: "Age at which a parent's proxy ends; null: never." })
  @Column({ type: "int", nullable: true })
  proxyEndsAtAge: number | null;

  /** Days before an age-rule change that the proxy and the patient are told. */
  @Field(() => Int, { description: "Days before an age-rule change that the proxy and the patient are emailed a notice (default 30)." })
  @Column({ type: "int", default: 30 })
  ageNoticeDays: number;

  /** Days before a proxy's end date that staff are reminded. */
  @Field(() => Int, { description: "Days before a proxy's end date that staff are reminded (default 14)." })
  @Column({ type: "int", default: 14 })
  proxyEndReminderDays: number;

  /** Where staff reminders go; null: every active staff member who may manage portal access. */
  @Field(() => String, { nullable: true, description: "Address of the end-date reminders; null: every active staff member who may manage portal access." })
  @Column({ type: "varchar", length: 254, nullable: true })
  proxyEndReminderEmail: string | null;

  static defaults(organizationId: number): AccessScheduleSettings {
    return Object.assign(new AccessScheduleSettings(), {
      organizationId,
      ageRulePreset: AgeRulePreset.NONE,
      selfAccessMinAge: null,
      proxyLimitedAtAge: null,
      proxyLimitedRoleId: null,
      proxyEndsAtAge: null,
      ageNoticeDays: 30,
      proxyEndReminderDays: 14,
      proxyEndReminderEmail: null,
    });
  }

  @Field({ description: "True while the ages are exactly those of ageRulePreset (false: edited)." })
  get matchesPreset(): boolean {
    return matchesPreset(this.ageRulePreset, this);
  }

  get ageRules(): AgeRules {
    return {
      selfAccessMinAge: this.selfAccessMinAge,
      proxyLimitedAtAge: this.proxyLimitedAtAge,
      proxyLimitedRoleId: this.proxyLimitedRoleId,
      proxyEndsAtAge: this.proxyEndsAtAge,
    };
  }
}

/**
 * One run of the daily job for one organization and one (UTC) day. The primary key is the claim:
 * the runner that inserts the row does the day's work in the same transaction, any other process
 * finds the key taken and skips, and a run that fails rolls its claim back so a later tick retries.
 */
@Entity("access_schedule_runs")
export class AccessScheduleRun {
  @PrimaryColumn({ type: "int" })
  organizationId: number;

  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @TimestampColumn()
  ranAt: Date;

  /** Counts of what the run did (grants limited, ended, notices, reminders), for operators. */
  @JsonColumn({ nullable: true })
  summary: Record<string, number> | null;
}
