import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { ChangePortalLoginEmailInput, ResetPortalPasswordInput, SendPortalInviteInput } from "./invite.inputs";
import { ChangePortalLoginEmailPayload, ResetPortalPasswordPayload, SendPortalInvitePayload } from "./invite.payloads";

@Resolver()
export class InviteResolver {
  @Mutation(() => SendPortalInvitePayload, {
    description:
      "Send or resend a grant's portal invite (rules 6–8): only before the account's first sign-in, not within the resend cooldown.",
  })
  sendPortalInvite(@Arg("input", () => SendPortalInviteInput) input: SendPortalInviteInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.invites.sendInvite(ctx.scope(), { grantId: parseId(input.grantId, "grantId", "Portal access") }));
  }

  @Mutation(() => ResetPortalPasswordPayload, {
    description: "Email a single-use password-reset link valid 24 hours (rule 9); only once the account has signed up.",
  })
  resetPortalPassword(@Arg("input", () => ResetPortalPasswordInput) input: ResetPortalPasswordInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.invites.resetPortalPassword(ctx.scope(), { accountId: parseId(input.accountId, "accountId", "Portal account") }),
    );
  }

  @Mutation(() => ChangePortalLoginEmailPayload, {
    description:
      "Ask to change a login email (rules 14, 18): a link is sent to the new address and the old one is told; the change takes effect only once the new address confirms it (confirmPortalLoginEmail). The account's own address cancels a pending change.",
  })
  changePortalLoginEmail(@Arg("input", () => ChangePortalLoginEmailInput) input: ChangePortalLoginEmailInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.loginEmailChanges.request(ctx.scope(), {
        accountId: parseId(input.accountId, "accountId", "Portal account"),
        email: input.email,
      }),
    );
  }
}
