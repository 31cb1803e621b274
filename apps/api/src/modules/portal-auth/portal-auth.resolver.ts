import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import type { PortalAccount } from "../portal-access/portal-account.entity";
import {
  AcceptPortalInviteInput,
  ChangePortalPasswordInput,
  CompletePortalPasswordResetInput,
  RequestPortalPasswordResetInput,
  UpdatePortalAccountLanguageInput,
} from "./portal-auth.inputs";
import { type PortalProfileView } from "./portal-auth.service";
import {
  AcceptPortalInvitePayload,
  ChangePortalPasswordPayload,
  CheckPortalInvitePayload,
  CompletePortalPasswordResetPayload,
  PortalProfile,
  type PortalSelf,
  PortalViewer,
  RequestPortalPasswordResetPayload,
  UpdatePortalAccountLanguagePayload,
} from "./portal-viewer.types";

export function self(account: PortalAccount): PortalSelf {
  return {
    id: String(account.id),
    email: account.email,
    language: account.language,
    mustChangePassword: account.mustChangePassword,
    needsDateOfBirth: account.signedUpAt === null,
  };
}

/**
 * A profile and every section of it; the access policy shows only the sections the grant's role
 * permits (PortalProfile in auth/policy.ts) and answers null for the rest, never an empty stand-in.
 */
function profile({ grant, patient, role, isAccountHolder }: PortalProfileView): PortalProfile {
  return {
    id: String(grant.id),
    accessType: grant.accessType,
    isAccountHolder,
    patient: { id: String(patient.id), firstName: patient.firstName, lastName: patient.lastName },
    role: { name: role.name, permissions: [...role.permissions].sort() },
    demographics: { dateOfBirth: patient.dateOfBirth, email: patient.email },
    // Placeholders until scheduling, documents and billing are connected.
    appointments: [],
    documents: [],
    statements: [],
  };
}

@Resolver()
export class PortalAuthResolver {
  private meta(ctx: Context) {
    return { ip: ctx.ip, requestId: ctx.requestId };
  }

  private async signIn(ctx: Context, account: PortalAccount) {
    const { token } = await ctx.services.sessions.create("PORTAL", account.id, account.organizationId, ctx.ip);
    ctx.portalCookie.set(token);
    return { account: self(account) };
  }

  @Query(() => PortalViewer, { description: "The signed-in portal account and its profiles (portal session only)." })
  async portalViewer(@Ctx() ctx: Context): Promise<PortalViewer> {
    const account = ctx.portal!.account;
    const [profiles, organization] = await Promise.all([
      ctx.services.portalAuth.profiles(account),
      ctx.services.organizations.get(ctx.portalScope()),
    ]);
    return { account: self(account), organizationName: organization.name, profiles: profiles.map(profile) };
  }

  @Mutation(() => AcceptPortalInvitePayload, {
    description: "Accept an invite (public): the date of birth on file must match; sets the password and signs in.",
  })
  acceptPortalInvite(@Arg("input", () => AcceptPortalInviteInput) input: AcceptPortalInviteInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const { account } = await ctx.services.portalAuth.acceptInvite(input, this.meta(ctx));
      return this.signIn(ctx, account);
    });
  }

  @Mutation(() => RequestPortalPasswordResetPayload, {
    description: "Ask for a reset email (public). The answer never tells whether the email has an account.",
  })
  requestPortalPasswordReset(
    @Arg("input", () => RequestPortalPasswordResetInput) input: RequestPortalPasswordResetInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(async () => {
      const organizationId = input.organizationId == null ? null : parseId(input.organizationId, "organizationId", "Organization");
      await ctx.services.portalAuth.requestReset({ email: input.email, organizationId, language: input.language ?? null }, this.meta(ctx));
      return { accepted: true };
    });
  }

  @Mutation(() => CompletePortalPasswordResetPayload, {
    description: "Set a new password with a reset link (public, single use, 24 hours); ends every other session and signs in.",
  })
  completePortalPasswordReset(
    @Arg("input", () => CompletePortalPasswordResetInput) input: CompletePortalPasswordResetInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(async () => {
      const { account } = await ctx.services.portalAuth.completeReset(input, this.meta(ctx));
      // A reset link is not the second factor: an account with one signs in again, with both steps.
      if ((await ctx.services.portalMfa.state(account)).method) return { account: self(account) };
      return this.signIn(ctx, account);
    });
  }

  @Mutation(() => ChangePortalPasswordPayload, {
    description: "Change the signed-in account's password (also the forced change after a temporary password); other sessions end.",
  })
  changePortalPassword(@Arg("input", () => ChangePortalPasswordInput) input: ChangePortalPasswordInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const { account, organizationId } = ctx.portal!;
      const result = await ctx.services.portalAuth.changePassword(account.id, organizationId, input, this.meta(ctx));
      return this.signIn(ctx, result.account);
    });
  }

  @Query(() => CheckPortalInvitePayload, {
    description:
      "Whether an invite link can still be accepted (public, rate-limited), so a used or expired link says so before the form. Names no one.",
  })
  async checkPortalInvite(
    @Arg("token", () => String, { description: "The token from the invite link (PUBLIC_URL/portal/invite/<token>)." }) token: string,
    @Ctx() ctx: Context,
  ) {
    const payload = await asPayload(async () => {
      await ctx.services.portalAuth.checkInvite(token.slice(0, 200), this.meta(ctx));
      return { usable: true };
    });
    return { usable: false, ...payload };
  }

  @Mutation(() => UpdatePortalAccountLanguagePayload, {
    description: "Set the signed-in account's language: the portal opens in it and every email to the account is written in it.",
  })
  updatePortalAccountLanguage(
    @Arg("input", () => UpdatePortalAccountLanguageInput) input: UpdatePortalAccountLanguageInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(async () => {
      const { account, organizationId } = ctx.portal!;
      const result = await ctx.services.portalAuth.updateLanguage(account.id, organizationId, input.language, this.meta(ctx));
      return { account: self(result.account) };
    });
  }
}
