import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { AccessType, PortalPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { PortalRole } from "./portal-role.entity";

@InputType({ description: "A new portal role." })
class CreatePortalRoleInput {
  @Field({ description: "Name, unique in the organization." })
  @MaxLength(100)
  name: string;

  @Field(() => [PortalPermission], { description: "What holders may see or do." })
  @ArrayMaxSize(20)
  permissions: PortalPermission[];

  @Field(() => [AccessType], { description: "Access types the role applies to." })
  @ArrayMaxSize(2)
  accessTypes: AccessType[];
}

@InputType({ description: "Changes to a portal role; omitted fields stay as they are." })
class UpdatePortalRoleInput {
  @Field(() => ID, { description: "The role." })
  id: string;

  @Field(() => String, { nullable: true, description: "New name." })
  @IsOptional()
  @MaxLength(100)
  name?: string | null;

  @Field(() => [PortalPermission], { nullable: true, description: "New permissions." })
  @IsOptional()
  @ArrayMaxSize(20)
  permissions?: PortalPermission[] | null;

  @Field(() => [AccessType], { nullable: true, description: "New access types; one in use by active grants cannot be removed." })
  @IsOptional()
  @ArrayMaxSize(2)
  accessTypes?: AccessType[] | null;
}

@InputType({ description: "Delete a portal role that no active grant uses." })
class DeletePortalRoleInput {
  @Field(() => ID, { description: "The role." })
  id: string;
}

@ObjectType({ description: "Result of a portal role mutation." })
class PortalRolePayload extends Payload {
  @Field(() => PortalRole, { nullable: true, description: "The role." })
  portalRole?: PortalRole;
}

@ObjectType({ description: "Result of createPortalRole." })
class CreatePortalRolePayload extends PortalRolePayload {}

@ObjectType({ description: "Result of updatePortalRole." })
class UpdatePortalRolePayload extends PortalRolePayload {}

@ObjectType({ description: "Result of deletePortalRole." })
class DeletePortalRolePayload extends Payload {
  @Field(() => ID, { nullable: true, description: "Id of the deleted role." })
  deletedId?: number;
}

@Resolver(() => PortalRole)
export class PortalRoleResolver {
  @Query(() => [PortalRole], { description: "The organization's portal roles, by name." })
  portalRoles(@Ctx() ctx: Context) {
    return ctx.services.portalRoles.list(ctx.scope());
  }

  @Mutation(() => CreatePortalRolePayload, { description: "Create a portal role." })
  createPortalRole(@Arg("input", () => CreatePortalRoleInput) input: CreatePortalRoleInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalRoles.create(ctx.scope(), { name: input.name, permissions: input.permissions, accessTypes: input.accessTypes }),
    );
  }

  @Mutation(() => UpdatePortalRolePayload, { description: "Edit a portal role." })
  updatePortalRole(@Arg("input", () => UpdatePortalRoleInput) input: UpdatePortalRoleInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalRoles.update(ctx.scope(), parseId(input.id, "id", "Portal role"), {
        name: input.name ?? undefined,
        permissions: input.permissions ?? undefined,
        accessTypes: input.accessTypes ?? undefined,
      }),
    );
  }

  @Mutation(() => DeletePortalRolePayload, { description: "Delete a portal role no active grant uses." })
  deletePortalRole(@Arg("input", () => DeletePortalRoleInput) input: DeletePortalRoleInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.portalRoles.delete(ctx.scope(), parseId(input.id, "id", "Portal role")));
  }
}
