import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { StaffPermission } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { Organization } from "../organizations/organization.entity";
import { StaffUser } from "../staff/staff-user.entity";

@ObjectType({ description: "The signed-in staff user, their organization and permissions." })
export class Viewer {
  @Field(() => StaffUser, { description: "The staff user." })
  user: StaffUser;

  @Field(() => Organization, { description: "Their organization." })
  organization: Organization;

  @Field(() => [StaffPermission], { description: "Permissions granted by their staff role." })
  permissions: StaffPermission[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: "The signed-in staff user, or null when signed out." })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    if (!ctx.staff) return null;
    const organization = await ctx.services.organizations.get(ctx.scope());
    return { user: ctx.staff.user, organization, permissions: [...ctx.staff.permissions].sort() };
  }
}
