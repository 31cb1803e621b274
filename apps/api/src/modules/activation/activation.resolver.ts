import { MaxLength } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { AccessType } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId, UserError } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { self } from "../portal-auth/portal-auth.resolver";
import { PortalSignInPayload } from "../portal-auth/portal-viewer.types";

@ObjectType({ description: "A front-desk activation sheet (rule 23): a fresh invite link as a QR code and an 8-character code, handed over in person. Shown once: only hashes are kept." })
export class PortalActivationSheet {
  @Field({ description: "The activation code, as printed (XXXX-XXXX; Crockford base 32, no I, L, O or U)." })
  code: string;

  @Field({ description: "The invite link the QR code holds (PUBLIC_URL/portal/invite/<token>)." })
  inviteUrl: string;

  @Field({ description: "Where the code is typed (PUBLIC_URL/portal/activate)." })
  activateUrl: string;

  @Field({ description: "The QR code of inviteUrl, as an SVG document." })
  qrCodeSvg: string;

  @Field({ description: "When the link and the code stop working (the organization's invite lifetime)." })
  expiresAt: Date;

  @Field({ description: "Whose profile the account will see." })
  patientName: string;

  @Field({ description: "The account's login email (the username to sign in with afterwards)." })
  loginEmail: string;

  @Field({ description: "The organization's name, printed on the sheet." })
  organizationName: string;

  @Field(() => AccessType, { description: "SELF or PROXY." })
  accessType: AccessType;
}

@InputType({ description: "Issue an activation sheet for a grant, or for a patient's own access." })
class IssuePortalActivationCodeInput {
  @Field(() => ID, { nullable: true, description: "The grant (a patient's own or a contact's proxy access). Give this or patientId." })
  grantId?: string | null;

  @Field(() => ID, { nullable: true, description: "The patient whose own (SELF) access the sheet is for. Give this or grantId." })
  patientId?: string | null;
}

@ObjectType({ description: "Result of issuePortalActivationCode." })
class IssuePortalActivationCodePayload extends Payload {
  @Field(() => PortalActivationSheet, { nullable: true, description: "The sheet to print or show; the code is not shown again." })
  sheet?: PortalActivationSheet;
}

@InputType({ description: "Set up a portal account with a front-desk activation code." })
class ActivatePortalAccountInput {
  @Field({ description: "The 8-character code from the sheet (case, spaces and dashes do not matter)." })
  @MaxLength(40)
  code: string;

  @Field({ description: "Date of birth, YYYY-MM-DD: the patient's own, or for a proxy the patient they will see." })
  @MaxLength(10)
  dateOfBirth: string;

  @Field({ description: "The new password: 12 to 128 characters, used in full." })
  @MaxLength(1000)
  password: string;
}

@ObjectType({ description: "Result of activatePortalAccount." })
class ActivatePortalAccountPayload extends PortalSignInPayload {}

@InputType({ description: "Ask for a fresh invite (rule 22): the expired or locked link's token, or the login email, and the date of birth on file." })
class RequestNewPortalInviteInput {
  @Field(() => String, { nullable: true, description: "The token of the invite link that no longer works. Give this or email." })
  @MaxLength(200)
  token?: string | null;

  @Field(() => String, { nullable: true, description: "The login email of an account that never signed up. Give this or token." })
  @MaxLength(254)
  email?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this organization's account, when the email belongs to several clinics." })
  organizationId?: string | null;

  @Field({ description: "Date of birth on file, YYYY-MM-DD (for a proxy, the patient they will see)." })
  @MaxLength(10)
  dateOfBirth: string;
}

@ObjectType({ description: "Result of requestNewPortalInvite: the same whether or not anything matched." })
class RequestNewPortalInvitePayload {
  @Field(() => [UserError], { description: "Invalid input or too many requests; never whether an account exists or the date matched." })
  userErrors: UserError[];

  @Field(() => Boolean, { nullable: true, description: "True when the request was taken (a new invite goes to the login email on file if the date of birth matched); null when refused." })
  accepted?: boolean;
}

@Resolver()
export class ActivationResolver {
  @Mutation(() => IssuePortalActivationCodePayload, {
    description: "Issue a front-desk activation sheet (staff): a fresh invite link as a QR code and an 8-character code, with the invite's lifetime; earlier invite links and codes of the account stop working. Audited.",
  })
  issuePortalActivationCode(@Arg("input", () => IssuePortalActivationCodeInput) input: IssuePortalActivationCodeInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const target =
        input.grantId != null
          ? { grantId: parseId(input.grantId, "grantId", "Portal access") }
          : { patientId: parseId(input.patientId ?? "", "patientId", "Patient") };
      return { sheet: await ctx.services.activation.issueSheet(ctx.scope(), target) };
    });
  }

  @Mutation(() => ActivatePortalAccountPayload, {
    description: "Set up a portal account with a front-desk activation code and the date of birth on file (public, rate-limited); sets the password and signs in.",
  })
  activatePortalAccount(@Arg("input", () => ActivatePortalAccountInput) input: ActivatePortalAccountInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const { account } = await ctx.services.activation.activate(input, { ip: ctx.ip, requestId: ctx.requestId });
      const { token } = await ctx.services.sessions.create("PORTAL", account.id, account.organizationId, ctx.ip);
      ctx.portalCookie.set(token);
      return { account: self(account) };
    });
  }

  @Mutation(() => RequestNewPortalInvitePayload, {
    description:
      "Ask for a fresh invite after an expired or locked link, or for an account that never signed up (public, rate-limited). With the date of birth on file, a new invite goes to the login email on file; the answer is the same either way.",
  })
  requestNewPortalInvite(@Arg("input", () => RequestNewPortalInviteInput) input: RequestNewPortalInviteInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const organizationId = input.organizationId == null ? null : parseId(input.organizationId, "organizationId", "Organization");
      await ctx.services.inviteRecovery.request({ token: input.token, email: input.email, organizationId, dateOfBirth: input.dateOfBirth }, { ip: ctx.ip, requestId: ctx.requestId });
      return { accepted: true };
    });
  }
}

