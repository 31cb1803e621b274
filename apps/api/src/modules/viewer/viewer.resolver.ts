import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { ApiKeyScope, StaffPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { Organization } from "../organizations/organization.entity";
import { grantableApiKeyScopes, grantablePermissions } from "../staff/staff-grants";
import { StaffUser } from "../staff/staff-user.entity";

@ObjectType({ description: "The signed-in staff user, their organization and permissions." })
export class Viewer {
  @Field(() => StaffUser, { description: "The staff user." })
  user: StaffUser;

  @Field(() => Organization, { description: "Their organization." })
  organization: Organization;

  @Field(() => [StaffPermission], { description: "Permissions granted by their staff role." })
  permissions: StaffPermission[];

  @Field(() => [StaffPermission], {
    description:
      "Permissions they may put in a staff role or give a member through one: only those they hold (no one grants what they don't hold).",
  })
  grantablePermissions: StaffPermission[];

  @Field(() => [ApiKeyScope], { description: "API key scopes they may give a key: those whose staff permissions they all hold." })
  grantableApiKeyScopes: ApiKeyScope[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: "The signed-in staff user, or null when signed out." })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    if (!ctx.staff) return null;
    const organization = await ctx.services.organizations.get(ctx.scope());
    const held = ctx.staff.permissions;
    return {
      user: ctx.staff.user,
      organization,
      permissions: [...held].sort(),
      grantablePermissions: grantablePermissions(held),
      grantableApiKeyScopes: grantableApiKeyScopes(held),
    };
  }
}
