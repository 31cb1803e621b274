import { IsOptional, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AgeRulePreset, ProxyBasis } from "@portal/schema";
import { Payload } from "../portal-access/portal-access.payloads";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { AccessScheduleSettings } from "./access-schedule.entity";

registerEnumType(ProxyBasis, {
  name: "ProxyBasis",
  description: "Why a proxy was authorized (rule 21).",
  valuesConfig: {
    PARENT: { description: "A parent of a minor; the organization's age rules apply." },
    LEGAL_GUARDIAN: { description: "A guardian or tutor appointed by a court or by law." },
    POWER_OF_ATTORNEY: { description: "A power of attorney or protection mandate signed by the patient." },
    PATIENT_CONSENT: { description: "The patient's own consent." },
  },
});
registerEnumType(AgeRulePreset, {
  name: "AgeRulePreset",
  description: "Where an organization's age rules for minors started from (rule 20).",
  valuesConfig: {
    NONE: { description: "No age rules." },
    QUEBEC: { description: "Quebec: own account from 14, a parent's proxy ends at 14 (Civil Code of Québec art. 14; Act respecting health services and social services s. 21)." },
    US_COMMON: { description: "Common US health-system practice (e.g. Epic MyChart): own account and limited proxy at 12, proxy ends at 18." },
    CUSTOM: { description: "Ages typed by the organization." },
  },
});

/** What happens to a proxy grant next (the GraphQL face of ScheduledChangeKind). */
export enum ScheduledAccessChangeKind {
  LIMITED = "LIMITED",
  ENDS = "ENDS",
}
registerEnumType(ScheduledAccessChangeKind, {
  name: "ScheduledAccessChangeKind",
  description: "What a scheduled change does to a proxy grant.",
  valuesConfig: {
    LIMITED: { description: "The grant is switched to the organization's narrower portal role (age rules)." },
    ENDS: { description: "The grant ends (age rules or its end date)." },
  },
});

export enum ScheduledAccessChangeReason {
  AGE_RULE = "AGE_RULE",
  END_DATE = "END_DATE",
}
registerEnumType(ScheduledAccessChangeReason, {
  name: "ScheduledAccessChangeReason",
  description: "Why a scheduled change happens.",
  valuesConfig: {
    AGE_RULE: { description: "The organization's age rules for minors (rule 20)." },
    END_DATE: { description: "The end date recorded on the grant (rule 21)." },
  },
});

@ObjectType({ description: "The next change of a proxy grant, decided by the server (\"proxy ends on 2027-03-14\")." })
export class ScheduledAccessChange {
  @Field(() => ID, { description: "The proxy grant that changes." })
  grantId: number;

  @Field(() => ScheduledAccessChangeKind, { description: "Limited to a narrower role, or ended." })
  kind: ScheduledAccessChangeKind;

  @Field({ description: "The day of the change (YYYY-MM-DD, UTC); on or before today means the daily job applies it at its next run." })
  on: string;

  @Field(() => ScheduledAccessChangeReason, { description: "Age rules or the grant's end date." })
  reason: ScheduledAccessChangeReason;

  @Field(() => ID, { nullable: true, description: "For LIMITED: the narrower portal role the grant gets." })
  portalRoleId: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: "Change the organization's access-over-time settings; every field is saved as given." })
export class UpdateAccessScheduleSettingsInput {
  @Field(() => AgeRulePreset, { description: "The preset the ages started from (CUSTOM when typed)." })
  ageRulePreset: AgeRulePreset;

  @Field(() => Int, { nullable: true, description: "Age from which a patient may hold an own account (1–25); null: no minimum." })
  selfAccessMinAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Age at which a parent's proxy is limited to proxyLimitedRoleId (1–25); null: never." })
  proxyLimitedAtAge?: number | null;

  @Field(() => ID, { nullable: true, description: "The narrower role (applicable to PROXY); needed with proxyLimitedAtAge." })
  proxyLimitedRoleId?: string | null;

  @Field(() => Int, { nullable: true, description: "Age at which a parent's proxy ends (1–25); null: never." })
  proxyEndsAtAge?: number | null;

  @Field(() => Int, { description: "Days before an age-rule change that the proxy and the patient are told (0–365)." })
  ageNoticeDays: number;

  @Field(() => Int, { description: "Days before a proxy's end date that staff are reminded (0–365)." })
  proxyEndReminderDays: number;

  @Field(() => String, { nullable: true, description: "Address of the staff reminders; null: every active staff member who may manage portal access." })
  @IsOptional()
  @MaxLength(254)
  proxyEndReminderEmail?: string | null;
}

@ObjectType({ description: "Result of updateAccessScheduleSettings." })
export class UpdateAccessScheduleSettingsPayload extends Payload {
  @Field(() => AccessScheduleSettings, { nullable: true, description: "The saved settings." })
  settings?: AccessScheduleSettings;
}

@InputType({ description: "Why a proxy is authorized, recorded with the grant (rule 21). The verifier is the staff member making the call, now." })
export class ProxyAuthorizationInput {
  @Field(() => ProxyBasis, { description: "Parent, legal guardian, power of attorney or the patient's consent." })
  basis: ProxyBasis;

  @Field(() => String, { nullable: true, description: "Reference of the document seen (court order number, form id); never the document itself." })
  @IsOptional()
  @MaxLength(200)
  basisDocumentRef?: string | null;

  @Field(() => String, { nullable: true, description: "The day the proxy ends by itself (YYYY-MM-DD, after today); null: no end date." })
  @IsOptional()
  @Matches(DAY, { message: "A date as YYYY-MM-DD." })
  endsOn?: string | null;
}

@InputType({ description: "Record or correct the basis and end date of an existing proxy grant." })
export class UpdateProxyAuthorizationInput extends ProxyAuthorizationInput {
  @Field(() => ID, { description: "The proxy grant." })
  grantId: string;
}

@InputType({ description: "Renew a proxy grant in one click: its end date moves one year on (or to the day given), verified now by the caller." })
export class RenewProxyAccessInput {
  @Field(() => ID, { description: "The proxy grant." })
  grantId: string;

  @Field(() => String, { nullable: true, description: "New end date (YYYY-MM-DD, after today); default: one year after the current end date, or after today if it has passed." })
  @IsOptional()
  @Matches(DAY, { message: "A date as YYYY-MM-DD." })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: "Reference of the renewed document, if it changed." })
  @IsOptional()
  @MaxLength(200)
  basisDocumentRef?: string | null;
}

@ObjectType({ description: "Result of a change to a proxy grant's basis or end date." })
export class ProxyAuthorizationPayload extends Payload {
  @Field(() => PortalGrant, { nullable: true, description: "The grant with its basis and end date." })
  grant?: PortalGrant;
}

@ObjectType({ description: "Result of updateProxyAuthorization." })
export class UpdateProxyAuthorizationPayload extends ProxyAuthorizationPayload {}

@ObjectType({ description: "Result of renewProxyAccess." })
export class RenewProxyAccessPayload extends ProxyAuthorizationPayload {}
