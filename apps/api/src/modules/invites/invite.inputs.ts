import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Send, or resend, the portal invite of one grant." })
export class SendPortalInviteInput {
  @Field(() => ID, { description: "The grant whose holder is invited (a patient's own grant or a contact's proxy grant)." })
  grantId: string;
}

@InputType({ description: "Email a password-reset link to a portal account that has signed up." })
export class ResetPortalPasswordInput {
  @Field(() => ID, { description: "The portal account." })
  accountId: string;
}

@InputType({ description: "Ask to change a portal account's login email (security-sensitive, rules 14 and 18): the new address must confirm it." })
export class ChangePortalLoginEmailInput {
  @Field(() => ID, { description: "The portal account." })
  accountId: string;

  @Field({ description: "The new login email, unique in the organization; the account's current address cancels a pending change." })
  @MaxLength(254)
  email: string;
}
