import DataLoader from "dataloader";
import { MaxLength } from "class-validator";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { UserErrorCode } from "@portal/schema";
import { unauthenticated } from "../../graphql/auth-checker";
import type { Context } from "../../graphql/context";
import { asPayload, fail, parseId } from "../../graphql/user-error";
import { audit } from "../../modules/audit/audit.service";
import { Organization } from "../../modules/organizations/organization.entity";
import { Payload } from "../../modules/portal-access/portal-access.payloads";
import { StaffUser } from "../../modules/staff/staff-user.entity";
import { Viewer } from "../../modules/viewer/viewer.resolver";
import type { MfaPrincipal } from "./mfa.service";

@InputType({ description: "A current code from the authenticator app (or a recovery code)." })
class MfaCodeInput {
  @Field({ description: "The 6 digits the authenticator app shows now (a recovery code also works where noted)." })
  @MaxLength(64)
  code: string;
}

@InputType({ description: "Turn off a staff member's two-factor sign-in (they enroll again at their next sign-in if required)." })
class ResetStaffMfaInput {
  @Field(() => ID, { description: "The staff member." })
  staffUserId: string;

  @Field({ description: "Why (kept in the audit log), e.g. \"lost phone, identity checked in person\"." })
  @MaxLength(500)
  reason: string;
}

@ObjectType({ description: "Result of startMfaEnrollment: the secret to add to an authenticator app." })
class StartMfaEnrollmentPayload extends Payload {
  @Field(() => String, { nullable: true, description: "The secret in Base32, for typing it in by hand." })
  secret?: string;

  @Field(() => String, { nullable: true, description: "The otpauth:// URI the QR code holds." })
  otpauthUri?: string;

  @Field(() => String, { nullable: true, description: "The QR code as an SVG document, drawn by the server." })
  qrCodeSvg?: string;
}

@ObjectType({ description: "Result of a mutation that issues recovery codes: shown this once, stored hashed." })
class RecoveryCodesPayload extends Payload {
  @Field(() => [String], { nullable: true, description: "Ten single-use recovery codes." })
  recoveryCodes?: string[];
}

@ObjectType({ description: "Result of confirmMfaEnrollment." })
class ConfirmMfaEnrollmentPayload extends RecoveryCodesPayload {}

@ObjectType({ description: "Result of regenerateRecoveryCodes (the previous codes stop working)." })
class RegenerateRecoveryCodesPayload extends RecoveryCodesPayload {}

@ObjectType({ description: "Result of disableMfa." })
class DisableMfaPayload extends Payload {
  @Field(() => Boolean, { nullable: true, description: "Whether two-factor sign-in is on now (false on success)." })
  mfaEnabled?: boolean;
}

@ObjectType({ description: "Result of resetStaffMfa." })
class ResetStaffMfaPayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The staff member, now without a second factor." })
  staffUser?: StaffUser;
}

function me(ctx: Context): MfaPrincipal {
  if (!ctx.staff) throw unauthenticated();
  const { user } = ctx.staff;
  return { kind: "STAFF", id: user.id, organizationId: user.organizationId, label: user.email };
}

// One query per request for the staff list's mfaEnabled column.
const enabledLoaders = new WeakMap<Context, DataLoader<number, boolean>>();
function enabledLoader(ctx: Context): DataLoader<number, boolean> {
  let loader = enabledLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const on = await ctx.services.mfa.enabledAmong("STAFF", [...ids]);
      return ids.map((id) => on.has(id));
    });
    enabledLoaders.set(ctx, loader);
  }
  return loader;
}

/** Staff two-factor sign-in (SPEC rule 18): enrollment, recovery codes, turning off, and an administrator's reset. */
@Resolver()
export class MfaResolver {
  @Mutation(() => StartMfaEnrollmentPayload, { description: "Start enrolling an authenticator app: a new secret and its QR code, active once confirmed with a first code." })
  startMfaEnrollment(@Ctx() ctx: Context) {
    const p = me(ctx);
    return asPayload(() => ctx.services.mfa.startEnrollment(p));
  }

  @Mutation(() => ConfirmMfaEnrollmentPayload, { description: "Confirm the enrollment with a first code: two-factor sign-in is on, and ten recovery codes are shown once." })
  confirmMfaEnrollment(@Arg("input", () => MfaCodeInput) input: MfaCodeInput, @Ctx() ctx: Context) {
    const p = me(ctx);
    return asPayload(() => ctx.services.mfa.confirmEnrollment(ctx.scope(), p, input.code));
  }

  @Mutation(() => RegenerateRecoveryCodesPayload, { description: "Replace the recovery codes (needs a current authenticator code or an unused recovery code)." })
  regenerateRecoveryCodes(@Arg("input", () => MfaCodeInput) input: MfaCodeInput, @Ctx() ctx: Context) {
    const p = me(ctx);
    return asPayload(() => ctx.services.mfa.regenerateRecoveryCodes(ctx.scope(), p, input.code));
  }

  @Mutation(() => DisableMfaPayload, { description: "Turn off one's own two-factor sign-in (needs a current code; refused when the organization requires it)." })
  disableMfa(@Arg("input", () => MfaCodeInput) input: MfaCodeInput, @Ctx() ctx: Context) {
    const p = me(ctx);
    return asPayload(async () => {
      const org = await ctx.services.organizations.get(ctx.scope());
      await ctx.services.mfa.disable(ctx.scope(), p, input.code, org.requireStaffMfa);
      return { mfaEnabled: false };
    });
  }

  @Mutation(() => ResetStaffMfaPayload, { description: "Turn off another staff member's two-factor sign-in (audited with the reason); their sessions end." })
  resetStaffMfa(@Arg("input", () => ResetStaffMfaInput) input: ResetStaffMfaInput, @Ctx() ctx: Context) {
    const self = me(ctx);
    return asPayload(async () => {
      const id = parseId(input.staffUserId, "staffUserId", "Staff user");
      const reason = input.reason.trim();
      if (!reason) fail(UserErrorCode.INVALID_INPUT, "Give a reason (it is kept in the audit log).", "reason");
      if (id === self.id) fail(UserErrorCode.INVALID_INPUT, "Turn off your own two-factor sign-in from your account page.", "staffUserId");
      return ctx.scope().transaction(async (tx) => {
        const staffUser = (await tx.findOneForUpdate(StaffUser, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Staff user not found.", "staffUserId");
        const removed = await ctx.services.mfa.remove(tx, { kind: "STAFF", id });
        if (!removed) fail(UserErrorCode.MFA_NOT_ENABLED, "This staff member has no second factor to reset.", "staffUserId");
        await ctx.services.sessions.destroyAllFor("STAFF", id, tx.manager);
        await audit(tx, { action: "staff.mfa_reset", targetType: "StaffUser", targetId: id, after: { reason } });
        return { staffUser };
      });
    });
  }
}

@Resolver(() => Viewer)
export class ViewerMfaResolver {
  @FieldResolver(() => Boolean, { description: "Whether the signed-in staff member signs in with a second factor." })
  mfaEnabled(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<boolean> {
    return enabledLoader(ctx).load(viewer.user.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Unused recovery codes left (null when two-factor sign-in is off)." })
  async recoveryCodesLeft(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<number | null> {
    if (!(await enabledLoader(ctx).load(viewer.user.id))) return null;
    return ctx.services.mfa.remainingRecoveryCodes("STAFF", viewer.user.id);
  }

  @FieldResolver(() => Boolean, { description: "Whether the organization requires a second factor of its staff." })
  mfaRequired(@Root() viewer: Viewer): boolean {
    return (viewer.organization as Organization).requireStaffMfa;
  }
}

@Resolver(() => StaffUser)
export class StaffUserMfaResolver {
  @FieldResolver(() => Boolean, { description: "Whether this staff member signs in with a second factor (TOTP)." })
  mfaEnabled(@Root() user: StaffUser, @Ctx() ctx: Context): Promise<boolean> {
    return enabledLoader(ctx).load(user.id);
  }
}
