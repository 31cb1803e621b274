import { Field, ID, ObjectType } from "type-graphql";
import { AccessType, Language, PortalPermission } from "@portal/schema";
import { UserError } from "../../graphql/user-error";

@ObjectType({ description: "The signed-in portal account, as its holder sees it." })
export class PortalSelf {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Login email." })
  email: string;

  @Field(() => Language, { description: "Language of emails and the portal." })
  language: Language;

  @Field({ description: "A new password must be chosen (changePortalPassword) before any profile is shown." })
  mustChangePassword: boolean;

  @Field({ description: "The account has not finished signing up: changePortalPassword also asks for the date of birth." })
  needsDateOfBirth: boolean;
}

@ObjectType({ description: "The patient a profile opens." })
export class PortalProfilePatient {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Given name." })
  firstName: string;

  @Field({ description: "Family name." })
  lastName: string;
}

@ObjectType({ description: "The portal role of a profile and what it permits." })
export class PortalProfileRole {
  @Field({ description: "Role name (Patient, Family…)." })
  name: string;

  @Field(() => [PortalPermission], { description: "What the role permits on this profile." })
  permissions: PortalPermission[];
}

@ObjectType({ description: "Demographics of the patient; present only when the role permits VIEW_DEMOGRAPHICS." })
export class PortalDemographics {
  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD." })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: "Email address on file." })
  email: string | null;
}

@ObjectType({ description: "An appointment (placeholder until scheduling is connected)." })
export class PortalAppointment {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Start time." })
  startsAt: Date;
}

@ObjectType({ description: "A document (placeholder until documents are connected)." })
export class PortalDocument {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Title." })
  title: string;
}

@ObjectType({ description: "A billing statement (placeholder until billing is connected)." })
export class PortalStatement {
  @Field(() => ID, { description: "Stable identifier." })
  id: string;

  @Field({ description: "Issue date, YYYY-MM-DD." })
  issuedOn: string;
}

@ObjectType({ description: "One profile the account can open: one active grant, showing only what its role permits." })
export class PortalProfile {
  @Field(() => ID, { description: "The grant's identifier." })
  id: string;

  @Field(() => AccessType, { description: "SELF (the account holder's own record) or PROXY." })
  accessType: AccessType;

  @Field({
    description:
      "True for the account holder's own record; false for a proxy profile and for a sibling's record linked to this login (rule 4), which reads as that patient's profile.",
  })
  isAccountHolder: boolean;

  @Field(() => PortalProfilePatient, { description: "The patient." })
  patient: PortalProfilePatient;

  @Field(() => PortalProfileRole, { description: "The role and its permissions." })
  role: PortalProfileRole;

  @Field(() => PortalDemographics, { nullable: true, description: "Null unless the role permits VIEW_DEMOGRAPHICS." })
  demographics: PortalDemographics | null;

  @Field(() => [PortalAppointment], { nullable: true, description: "Null unless the role permits VIEW_APPOINTMENTS." })
  appointments: PortalAppointment[] | null;

  @Field(() => [PortalDocument], { nullable: true, description: "Null unless the role permits VIEW_DOCUMENTS." })
  documents: PortalDocument[] | null;

  @Field(() => [PortalStatement], { nullable: true, description: "Null unless the role permits VIEW_BILLING." })
  statements: PortalStatement[] | null;
}

@ObjectType({ description: "The signed-in portal account and the profiles it may open." })
export class PortalViewer {
  @Field(() => PortalSelf, { description: "The account." })
  account: PortalSelf;

  @Field({ description: "The organization's name." })
  organizationName: string;

  @Field(() => [PortalProfile], { description: "One per active grant; empty while a password change is required." })
  profiles: PortalProfile[];
}

@ObjectType({ description: "Result of a portal mutation that signs the account in." })
export class PortalSignInPayload {
  @Field(() => [UserError], { description: "Why nothing was changed; empty on success." })
  userErrors: UserError[];

  @Field(() => PortalSelf, { nullable: true, description: "The signed-in account (the portal session cookie is set)." })
  account?: PortalSelf;
}

@ObjectType({ description: "Result of acceptPortalInvite." })
export class AcceptPortalInvitePayload extends PortalSignInPayload {}

@ObjectType({ description: "Result of completePortalPasswordReset." })
export class CompletePortalPasswordResetPayload extends PortalSignInPayload {}

@ObjectType({ description: "Result of changePortalPassword." })
export class ChangePortalPasswordPayload extends PortalSignInPayload {}

@ObjectType({ description: "Result of requestPortalPasswordReset: the same whether or not the email has an account." })
export class RequestPortalPasswordResetPayload {
  @Field(() => [UserError], { description: "Invalid input or too many requests; never whether the email has an account." })
  userErrors: UserError[];

  @Field(() => Boolean, { nullable: true, description: "True when the request was taken (an email is sent if the address belongs to an account that has signed up); null when refused." })
  accepted?: boolean;
}

@ObjectType({ description: "Result of updatePortalAccountLanguage." })
export class UpdatePortalAccountLanguagePayload {
  @Field(() => [UserError], { description: "Why nothing was changed; empty on success." })
  userErrors: UserError[];

  @Field(() => PortalSelf, { nullable: true, description: "The account with its new language." })
  account?: PortalSelf;
}

@ObjectType({ description: "Result of checkPortalInvite: whether an invite link can still be accepted, and if not why. Says nothing about whom it was for." })
export class CheckPortalInvitePayload {
  @Field(() => [UserError], { description: "INVITE_INVALID (used, replaced or unknown), INVITE_EXPIRED or INVITE_LOCKED; empty while usable." })
  userErrors: UserError[];

  @Field(() => Boolean, { nullable: true, description: "True when the link can still be accepted." })
  usable?: boolean;
}
