import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { StaffUser } from "../staff/staff-user.entity";

@InputType({ description: "Lift a staff user's sign-in lock before it runs out." })
export class UnlockStaffUserInput {
  @Field(() => ID, { description: "The staff user." })
  staffUserId: string;

  @Field({ description: "Why (1 to 500 characters); kept in the audit log." })
  reason: string;
}

@InputType({ description: "Lift a portal account's sign-in and password-change locks before they run out." })
export class UnlockPortalAccountInput {
  @Field(() => ID, { description: "The portal account." })
  portalAccountId: string;

  @Field({ description: "Why (1 to 500 characters); kept in the audit log." })
  reason: string;
}

@ObjectType({ description: "Result of unlockStaffUser." })
export class UnlockStaffUserPayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The staff user, unlocked." })
  staffUser?: StaffUser;
}

@ObjectType({ description: "Result of unlockPortalAccount." })
export class UnlockPortalAccountPayload extends Payload {
  @Field(() => PortalAccount, { nullable: true, description: "The portal account, unlocked." })
  portalAccount?: PortalAccount;
}

/** Who may call these is the access policy's (auth/policy.ts): staff holding MANAGE_STAFF. */
@Resolver()
export class SignInLockResolver {
  @Mutation(() => UnlockStaffUserPayload, { description: "Unlock a staff user locked after repeated failed sign-ins (audited with the reason)." })
  unlockStaffUser(@Arg("input", () => UnlockStaffUserInput) input: UnlockStaffUserInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.signInLocks.unlockStaffUser(ctx.scope(), { staffUserId: parseId(input.staffUserId, "staffUserId", "Staff user"), reason: input.reason }));
  }

  @Mutation(() => UnlockPortalAccountPayload, { description: "Unlock a portal account locked after repeated failed sign-ins or password changes (audited with the reason)." })
  unlockPortalAccount(@Arg("input", () => UnlockPortalAccountInput) input: UnlockPortalAccountInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.signInLocks.unlockPortalAccount(ctx.scope(), { portalAccountId: parseId(input.portalAccountId, "portalAccountId", "Portal account"), reason: input.reason }),
    );
  }
}
