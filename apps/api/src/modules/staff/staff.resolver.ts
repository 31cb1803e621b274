import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Language, StaffPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";
import { invitePending } from "./staff-invite.service";

@InputType({ description: "A new staff role." })
class CreateStaffRoleInput {
  @Field({ description: "Name, unique in the organization." })
  @MaxLength(100)
  name: string;

  @Field(() => [StaffPermission], { description: "Permissions of the role." })
  @ArrayMaxSize(20)
  permissions: StaffPermission[];
}

@InputType({ description: "Changes to a staff role." })
class UpdateStaffRoleInput {
  @Field(() => ID, { description: "The role." })
  id: string;

  @Field(() => String, { nullable: true, description: "New name." })
  @IsOptional()
  @MaxLength(100)
  name?: string | null;

  @Field(() => [StaffPermission], { nullable: true, description: "New permissions." })
  @IsOptional()
  @ArrayMaxSize(20)
  permissions?: StaffPermission[] | null;
}

@InputType({ description: "Delete a staff role no user has." })
class DeleteStaffRoleInput {
  @Field(() => ID, { description: "The role." })
  id: string;
}

@InputType({ description: "A new staff user." })
class CreateStaffUserInput {
  @Field({ description: "Sign-in email, unique across the service." })
  @MaxLength(254)
  email: string;

  @Field({ description: "Full name." })
  @MaxLength(200)
  name: string;

  @Field({ description: "Initial password (12 to 128 characters)." })
  @MaxLength(1024)
  password: string;

  @Field(() => ID, { description: "Staff role." })
  staffRoleId: string;

  @Field(() => Language, { nullable: true, description: "Preferred language." })
  language?: Language | null;
}

@InputType({
  description:
    "Changes to a staff user: another role, disabled or enabled again. Nobody changes their own role or disables themselves, a member only receives permissions the manager holds, and the last active member able to manage staff stays so.",
})
class UpdateStaffUserInput {
  @Field(() => ID, { description: "The staff user." })
  id: string;

  @Field(() => ID, { nullable: true, description: "Their new staff role." })
  @IsOptional()
  staffRoleId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the user can no longer sign in (their sessions stop working at once); false: enabled again.",
  })
  @IsOptional()
  disabled?: boolean | null;
}

@InputType({ description: "Invite a new staff member by email: they choose their password from the link (valid 72 hours, once)." })
class InviteStaffUserInput {
  @Field({ description: "Sign-in email, unique across the service; the invitation goes there." })
  @MaxLength(254)
  email: string;

  @Field({ description: "Full name." })
  @MaxLength(200)
  name: string;

  @Field(() => ID, { description: "Staff role; the inviting member must hold each of its permissions." })
  staffRoleId: string;

  @Field(() => Language, { nullable: true, description: "Language of the invitation and the admin (English by default)." })
  @IsOptional()
  language?: Language | null;
}

@InputType({ description: "Send a new invitation to a member who has not chosen a password yet (the older links stop working)." })
class ResendStaffInviteInput {
  @Field(() => ID, { description: "The invited staff member." })
  staffUserId: string;
}

@InputType({ description: "Choose the first password of an invited staff member." })
class AcceptStaffInviteInput {
  @Field({ description: "The token of the emailed link." })
  @MaxLength(200)
  token: string;

  @Field({ description: "New password (12 to 128 characters)." })
  @MaxLength(1024)
  password: string;
}

@ObjectType({ description: "Result of inviteStaffUser." })
class InviteStaffUserPayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The invited member (no password yet)." })
  staffUser?: StaffUser;
}

@ObjectType({ description: "Result of resendStaffInvite." })
class ResendStaffInvitePayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The member, with the new invitation's times." })
  staffUser?: StaffUser;
}

@ObjectType({ description: "Result of acceptStaffInvite." })
class AcceptStaffInvitePayload extends Payload {
  @Field(() => String, { nullable: true, description: "The email to sign in with, once the password is set." })
  email?: string;
}

@ObjectType({ description: "Result of a staff role mutation." })
class StaffRolePayload extends Payload {
  @Field(() => StaffRole, { nullable: true, description: "The role." })
  staffRole?: StaffRole;
}

@ObjectType({ description: "Result of createStaffRole." })
class CreateStaffRolePayload extends StaffRolePayload {}

@ObjectType({ description: "Result of updateStaffRole." })
class UpdateStaffRolePayload extends StaffRolePayload {}

@ObjectType({ description: "Result of deleteStaffRole." })
class DeleteStaffRolePayload extends Payload {
  @Field(() => ID, { nullable: true, description: "Id of the deleted role." })
  deletedId?: number;
}

@ObjectType({ description: "Result of createStaffUser." })
class CreateStaffUserPayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The user." })
  staffUser?: StaffUser;
}

@ObjectType({ description: "Result of updateStaffUser." })
class UpdateStaffUserPayload extends Payload {
  @Field(() => StaffUser, { nullable: true, description: "The user as changed." })
  staffUser?: StaffUser;
}

@Resolver(() => StaffRole)
export class StaffResolver {
  @Query(() => [StaffRole], { description: "The organization's staff roles." })
  staffRoles(@Ctx() ctx: Context) {
    return ctx.services.staff.listRoles(ctx.scope());
  }

  @Query(() => [StaffUser], { description: "The organization's staff users." })
  staffUsers(@Ctx() ctx: Context) {
    return ctx.services.staff.listUsers(ctx.scope());
  }

  @Mutation(() => CreateStaffRolePayload, { description: "Create a staff role." })
  createStaffRole(@Arg("input", () => CreateStaffRoleInput) input: CreateStaffRoleInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.staff.createRole(ctx.scope(), { name: input.name, permissions: input.permissions }));
  }

  @Mutation(() => UpdateStaffRolePayload, { description: "Edit a staff role." })
  updateStaffRole(@Arg("input", () => UpdateStaffRoleInput) input: UpdateStaffRoleInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.staff.updateRole(ctx.scope(), parseId(input.id, "id", "Staff role"), input));
  }

  @Mutation(() => DeleteStaffRolePayload, { description: "Delete a staff role no user has." })
  deleteStaffRole(@Arg("input", () => DeleteStaffRoleInput) input: DeleteStaffRoleInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.staff.deleteRole(ctx.scope(), parseId(input.id, "id", "Staff role")));
  }

  @Mutation(() => CreateStaffUserPayload, { description: "Create a staff user." })
  createStaffUser(@Arg("input", () => CreateStaffUserInput) input: CreateStaffUserInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.staff.createUser(ctx.scope(), { ...input, staffRoleId: parseId(input.staffRoleId, "staffRoleId", "Staff role") }),
    );
  }

  @Mutation(() => InviteStaffUserPayload, {
    description: "Add a staff member without a password and email them a link to choose one (audited).",
  })
  inviteStaffUser(@Arg("input", () => InviteStaffUserInput) input: InviteStaffUserInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.staffInvites.invite(ctx.scope(), { ...input, staffRoleId: parseId(input.staffRoleId, "staffRoleId", "Staff role") }),
    );
  }

  @Mutation(() => ResendStaffInvitePayload, { description: "Send a new invitation while the member has not chosen a password (audited)." })
  resendStaffInvite(@Arg("input", () => ResendStaffInviteInput) input: ResendStaffInviteInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.staffInvites.resend(ctx.scope(), parseId(input.staffUserId, "staffUserId", "Staff user")));
  }

  @Mutation(() => AcceptStaffInvitePayload, {
    description: "Public: set an invited staff member's password with the emailed token; they then sign in.",
  })
  acceptStaffInvite(@Arg("input", () => AcceptStaffInviteInput) input: AcceptStaffInviteInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.staffInvites.accept(input, { ip: ctx.ip, requestId: ctx.requestId }));
  }

  @Mutation(() => UpdateStaffUserPayload, { description: "Move a staff user to another role, or disable or re-enable them (audited)." })
  updateStaffUser(@Arg("input", () => UpdateStaffUserInput) input: UpdateStaffUserInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.staff.updateUser(ctx.scope(), parseId(input.id, "id", "Staff user"), {
        staffRoleId: input.staffRoleId == null ? null : parseId(input.staffRoleId, "staffRoleId", "Staff role"),
        disabled: input.disabled,
      }),
    );
  }
}

@Resolver(() => StaffUser)
export class StaffUserFieldsResolver {
  @FieldResolver(() => StaffRole, { nullable: true, description: "The user's staff role." })
  async staffRole(@Root() user: StaffUser, @Ctx() ctx: Context) {
    return ctx.loaders().staffRole.load(user.staffRoleId);
  }

  @FieldResolver(() => Boolean, { description: "Invited by email and has not chosen a password yet (cannot sign in until then)." })
  invitePending(@Root() user: StaffUser): boolean {
    return invitePending(user);
  }
}
