import { MaxLength } from "class-validator";
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { asPayload } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";

@InputType({ description: "Confirm a new login email with the link sent to that address." })
export class ConfirmPortalLoginEmailInput {
  @Field({ description: "The token from the link (PUBLIC_URL/portal/confirm-email/<token>)." })
  @MaxLength(200)
  token: string;
}

@ObjectType({ description: "Result of confirmPortalLoginEmail." })
export class ConfirmPortalLoginEmailPayload extends Payload {
  @Field(() => String, { nullable: true, description: "The account's login email from now on: the address the link was sent to." })
  loginEmail?: string;
}

/** The public half of a login email change; staff ask for it with changePortalLoginEmail. */
@Resolver()
export class LoginEmailChangeResolver {
  @Mutation(() => ConfirmPortalLoginEmailPayload, {
    description:
      "Confirm a requested login email (public, single use, 24 hours): it becomes the login, pending invite and reset links die and every session of the account ends. Limited per client address like other tokens.",
  })
  confirmPortalLoginEmail(@Arg("input", () => ConfirmPortalLoginEmailInput) input: ConfirmPortalLoginEmailInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.loginEmailChanges.confirm(input, { ip: ctx.ip, requestId: ctx.requestId }));
  }
}
