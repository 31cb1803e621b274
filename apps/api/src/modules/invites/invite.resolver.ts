import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { StaffPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { ChangePortalLoginEmailInput, ResetPortalPasswordInput, SendPortalInviteInput } from "./invite.inputs";
import { ChangePortalLoginEmailPayload, ResetPortalPasswordPayload, SendPortalInvitePayload } from "./invite.payloads";

const MANAGE = StaffPermission.MANAGE_PORTAL_ACCESS;

@Resolver()
export class InviteResolver {
  @Authorized(MANAGE)
  @Mutation(() => SendPortalInvitePayload, { description: "Send or resend a grant's portal invite (rules 6–8): only before the account's first sign-in, not within the resend cooldown." })
  sendPortalInvite(@Arg("input", () => SendPortalInviteInput) input: SendPortalInviteInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.invites.sendInvite(ctx.scope(), { grantId: parseId(input.grantId, "grantId", "Portal access") }));
  }

  @Authorized(MANAGE)
  @Mutation(() => ResetPortalPasswordPayload, { description: "Email a single-use password-reset link valid 24 hours (rule 9); only once the account has signed up." })
  resetPortalPassword(@Arg("input", () => ResetPortalPasswordInput) input: ResetPortalPasswordInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.invites.resetPortalPassword(ctx.scope(), { accountId: parseId(input.accountId, "accountId", "Portal account") }));
  }

  @Authorized(MANAGE)
  @Mutation(() => ChangePortalLoginEmailPayload, { description: "Change a login email (rule 14): the old address is told, pending links are voided, sessions end." })
  changePortalLoginEmail(@Arg("input", () => ChangePortalLoginEmailInput) input: ChangePortalLoginEmailInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.invites.changePortalLoginEmail(ctx.scope(), { accountId: parseId(input.accountId, "accountId", "Portal account"), email: input.email }));
  }
}
