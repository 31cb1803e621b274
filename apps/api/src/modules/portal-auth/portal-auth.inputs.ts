import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Language } from "@portal/schema";

@InputType({ description: "Accept a portal invite: the link's token, the date of birth on file, and a new password." })
export class AcceptPortalInviteInput {
  @Field({ description: "The token from the invite link (PUBLIC_URL/portal/invite/<token>)." })
  @MaxLength(200)
  token: string;

  @Field({ description: "Date of birth, YYYY-MM-DD: the invited patient's own, or for a proxy the patient they will see." })
  @MaxLength(10)
  dateOfBirth: string;

  @Field({ description: "The new password: 12 to 128 characters, used in full." })
  @MaxLength(1000)
  password: string;
}

@InputType({ description: "Ask for a password-reset email." })
export class RequestPortalPasswordResetInput {
  @Field({ description: "The login email. The answer is the same whether or not it has an account." })
  @MaxLength(254)
  email: string;

  @Field(() => ID, { nullable: true, description: "Only this organization's account, when the email signs in to several clinics." })
  organizationId?: string | null;

  @Field(() => Language, {
    nullable: true,
    description: "The language the person is reading the portal in: the email is written in it. Without it, the account's own language.",
  })
  language?: Language | null;
}

@InputType({ description: "Set a new password with a reset link's token." })
export class CompletePortalPasswordResetInput {
  @Field({ description: "The token from the reset link (PUBLIC_URL/portal/reset/<token>)." })
  @MaxLength(200)
  token: string;

  @Field({ description: "The new password: 12 to 128 characters, used in full." })
  @MaxLength(1000)
  password: string;
}

@InputType({ description: "Change the signed-in account's password." })
export class ChangePortalPasswordInput {
  @Field({ description: "The current (or temporary) password." })
  @MaxLength(1000)
  currentPassword: string;

  @Field({ description: "The new password: 12 to 128 characters, used in full." })
  @MaxLength(1000)
  newPassword: string;

  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD; required when the account has not signed up yet (temporary-password invites)." })
  @MaxLength(10)
  dateOfBirth?: string | null;
}

@InputType({ description: "The signed-in account's language, for its emails and the portal." })
export class UpdatePortalAccountLanguageInput {
  @Field(() => Language, { description: "EN or FR." })
  language: Language;
}
