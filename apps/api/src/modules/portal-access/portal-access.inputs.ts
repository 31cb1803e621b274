import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { PortalStatus } from "@portal/schema";
import { InviteProblem } from "../patients/invite-problem";
import { ProxyAuthorizationInput } from "../access-schedule/access-schedule.types";

@InputType({ description: "Give a patient access to their own portal profile (SELF)." })
export class EnablePortalAccessInput {
  @Field(() => ID, { description: "The patient." })
  patientId: string;

  @Field(() => ID, { nullable: true, description: "A portal role applicable to SELF; defaults to the organization's default role." })
  portalRoleId?: string | null;

  @Field(() => String, { nullable: true, description: "Login email; defaults to the email on file. Ignored (must match) when the patient already has an account." })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Also send the portal invite now (one action: if the invite cannot be sent, access is not enabled either)." })
  sendInvite?: boolean | null;
}

@InputType({ description: "Give a contact on a patient's record proxy access to that patient." })
export class GrantContactPortalAccessInput {
  @Field(() => ID, { description: "The contact (it must be on the patient's record and active)." })
  contactId: string;

  @Field(() => ID, { description: "A portal role applicable to PROXY." })
  portalRoleId: string;

  @Field(() => String, { nullable: true, description: "Login email; defaults to the contact's email on file." })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Reuse the proxy account that already logs in with this email (a parent of several patients). Never a patient's own login." })
  linkExistingAccount?: boolean | null;

  @Field(() => ProxyAuthorizationInput, { nullable: true, description: "Why the proxy is authorized (basis, document reference, end date), recorded with the grant and its audit row; the caller is recorded as verifier (rule 21)." })
  authorization?: ProxyAuthorizationInput | null;

  @Field(() => Boolean, { nullable: true, description: "Also send the portal invite now (one action: if the invite cannot be sent, access is not granted either)." })
  sendInvite?: boolean | null;
}

@InputType({ description: "Link a patient to the existing account whose login email equals the patient's email on file (rule 4)." })
export class LinkPatientToPortalAccountInput {
  @Field(() => ID, { description: "The patient." })
  patientId: string;

  @Field(() => ID, { nullable: true, description: "A portal role applicable to SELF; defaults to the organization's default role." })
  portalRoleId?: string | null;
}

@InputType({ description: "Change the portal role of one grant." })
export class ChangePortalRoleInput {
  @Field(() => ID, { description: "The grant." })
  grantId: string;

  @Field(() => ID, { description: "The new role, applicable to the grant's access type." })
  portalRoleId: string;
}

@InputType({ description: "Remove one grant." })
export class RevokePortalAccessInput {
  @Field(() => ID, { description: "The grant." })
  grantId: string;
}

@InputType({ description: "Remove every grant of an account." })
export class RevokeAllPortalAccessInput {
  @Field(() => ID, { description: "The portal account." })
  accountId: string;
}

@InputType({ description: "Disable or re-enable a portal account." })
export class SetPortalAccountDisabledInput {
  @Field(() => ID, { description: "The portal account." })
  accountId: string;

  @Field({ description: "True to disable (sign-in refused, sessions ended), false to enable again." })
  disabled: boolean;
}

@InputType({ description: "Require a new password at the account's next sign-in." })
export class ForcePortalPasswordChangeInput {
  @Field(() => ID, { description: "The portal account." })
  accountId: string;
}

@InputType({ description: "Which portal accounts to list." })
export class PortalAccountFilter {
  @Field(() => Boolean, { nullable: true, description: "Only disabled (true) or only enabled (false) accounts; both when omitted." })
  disabled?: boolean | null;

  @Field(() => String, { nullable: true, description: "Login email prefix." })
  @IsOptional()
  @MaxLength(254)
  search?: string | null;
}

@InputType({ description: "Grid filter: search and portal status." })
export class PatientFilterInput {
  @Field(() => String, { nullable: true, description: "Name prefix (\"Doe\", \"Jane Doe\"), email prefix, exact MRN, or exact date of birth (YYYY-MM-DD)." })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [PortalStatus], { nullable: true, description: "Only patients in one of these statuses." })
  @IsOptional()
  @ArrayMaxSize(4)
  portalStatus?: PortalStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only patients with an email on file; false: only those without." })
  hasEmail?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: only patients with a date of birth on file; false: only those without." })
  hasDateOfBirth?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: only patients whose latest invite could not be delivered; false: only the others." })
  inviteFailed?: boolean | null;

  @Field(() => [InviteProblem], { nullable: true, description: "Only invited patients whose latest invite has one of these problems (expired, locked)." })
  inviteProblem?: InviteProblem[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only invited patients whose own account was emailed a reminder (rule 23); false: only the others." })
  reminded?: boolean | null;
}
