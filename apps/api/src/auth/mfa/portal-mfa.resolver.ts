import { IsOptional, MaxLength } from "class-validator";
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Resolver, Root, registerEnumType } from "type-graphql";
import { unauthenticated } from "../../graphql/auth-checker";
import type { Context } from "../../graphql/context";
import { asPayload } from "../../graphql/user-error";
import type { PortalAccount } from "../../modules/portal-access/portal-account.entity";
import { Payload } from "../../modules/portal-access/portal-access.payloads";
import { PortalSelf } from "../../modules/portal-auth/portal-viewer.types";

/** How a portal account proves its second factor. */
export enum PortalMfaMethod {
  EMAIL = "EMAIL",
  TOTP = "TOTP",
}

registerEnumType(PortalMfaMethod, {
  name: "PortalMfaMethod",
  description: "How a portal account finishes signing in after its password.",
  valuesConfig: {
    EMAIL: { description: "A 6-digit code sent by email (10 minutes, once)." },
    TOTP: { description: "A code from an authenticator app." },
  },
});

@InputType({ description: "A code from the authenticator app the account is enrolling." })
class ConfirmPortalTotpInput {
  @Field({ description: "The 6 digits the authenticator app shows now." })
  @MaxLength(64)
  code: string;
}

@InputType({ description: "Turn off the account's own second factor: an authenticator code (or recovery code) for TOTP, the password for EMAIL." })
class DisablePortalMfaInput {
  @Field(() => String, { nullable: true, description: "A current authenticator code or a recovery code (TOTP)." })
  @IsOptional()
  @MaxLength(64)
  code?: string | null;

  @Field(() => String, { nullable: true, description: "The account's password (EMAIL)." })
  @IsOptional()
  @MaxLength(1024)
  password?: string | null;
}

@ObjectType({ description: "Result of a portal two-step sign-in change: the account as it is now." })
class PortalMfaPayload extends Payload {
  @Field(() => PortalSelf, { nullable: true, description: "The signed-in account." })
  account?: PortalSelf;
}

@ObjectType({ description: "Result of startPortalTotpEnrollment: the secret to add to an authenticator app." })
class StartPortalTotpEnrollmentPayload extends Payload {
  @Field(() => String, { nullable: true, description: "The secret in Base32, for typing it in by hand." })
  secret?: string;

  @Field(() => String, { nullable: true, description: "The otpauth:// URI the QR code holds." })
  otpauthUri?: string;

  @Field(() => String, { nullable: true, description: "The QR code as an SVG document, drawn by the server." })
  qrCodeSvg?: string;
}

@ObjectType({ description: "Result of confirmPortalTotpEnrollment: recovery codes shown this once." })
class ConfirmPortalTotpEnrollmentPayload extends Payload {
  @Field(() => [String], { nullable: true, description: "Ten single-use recovery codes." })
  recoveryCodes?: string[];
}

function me(ctx: Context): PortalAccount {
  if (!ctx.portal) throw unauthenticated();
  return ctx.portal.account;
}

function meta(ctx: Context) {
  return { ip: ctx.ip, requestId: ctx.requestId };
}

/** The account's view of itself, as the portal viewer shows it (id, email, language, flags). */
function selfOf(ctx: Context, account: PortalAccount): PortalSelf {
  return Object.assign(new PortalSelf(), {
    id: String(account.id),
    email: account.email,
    language: account.language,
    mustChangePassword: account.mustChangePassword,
    needsDateOfBirth: account.signedUpAt === null,
  });
}

/** Two-step sign-in chosen on the portal's account page (rule 18). */
@Resolver()
export class PortalMfaResolver {
  @Mutation(() => StartPortalTotpEnrollmentPayload, { description: "Start adding an authenticator app: a new secret and its QR code, active once confirmed with a first code." })
  startPortalTotpEnrollment(@Ctx() ctx: Context) {
    const account = me(ctx);
    return asPayload(() => ctx.services.portalMfa.startTotp(account));
  }

  @Mutation(() => ConfirmPortalTotpEnrollmentPayload, { description: "Confirm the authenticator app with a first code; ten recovery codes are shown once." })
  confirmPortalTotpEnrollment(@Arg("input", () => ConfirmPortalTotpInput) input: ConfirmPortalTotpInput, @Ctx() ctx: Context) {
    const account = me(ctx);
    return asPayload(() => ctx.services.portalMfa.confirmTotp(account, input.code, meta(ctx)));
  }

  @Mutation(() => PortalMfaPayload, { description: "Turn on a code sent by email at each sign-in." })
  enablePortalEmailMfa(@Ctx() ctx: Context) {
    const account = me(ctx);
    return asPayload(async () => {
      await ctx.services.portalMfa.enableEmail(account, meta(ctx));
      return { account: selfOf(ctx, account) };
    });
  }

  @Mutation(() => PortalMfaPayload, { description: "Turn off the account's own second factor (refused for the emailed code where the clinic requires one)." })
  disablePortalMfa(@Arg("input", () => DisablePortalMfaInput) input: DisablePortalMfaInput, @Ctx() ctx: Context) {
    const account = me(ctx);
    return asPayload(async () => {
      await ctx.services.portalMfa.disable(account, input, meta(ctx));
      return { account: selfOf(ctx, account) };
    });
  }
}

@Resolver(() => PortalSelf)
export class PortalSelfMfaResolver {
  @FieldResolver(() => PortalMfaMethod, { nullable: true, description: "The second step asked at sign-in, or null when there is none." })
  async mfaMethod(@Root() self: PortalSelf, @Ctx() ctx: Context): Promise<PortalMfaMethod | null> {
    const state = await ctx.services.portalMfa.state(me(ctx));
    return (state.method as PortalMfaMethod | null) ?? null;
  }

  @FieldResolver(() => Boolean, { description: "Whether the clinic requires a second step of this account (it has proxy access)." })
  async mfaRequired(@Root() _self: PortalSelf, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.portalMfa.required(me(ctx));
  }

  @FieldResolver(() => Boolean, { description: "Whether the account chose its second step itself (false when it only follows the clinic's requirement)." })
  async mfaChosen(@Root() _self: PortalSelf, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.services.mfa.methodOf("PORTAL", me(ctx).id)) !== null;
  }
}
