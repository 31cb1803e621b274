import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Language, StaffPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";

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
}
