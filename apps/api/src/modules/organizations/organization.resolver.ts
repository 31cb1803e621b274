import { IsOptional, Max, MaxLength, Min } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { InviteMethod, Language } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Payload } from "../portal-access/portal-access.payloads";
import { Organization } from "./organization.entity";

@InputType({ description: "Organization settings to change; omitted fields stay as they are." })
class UpdateOrganizationSettingsInput {
  @Field(() => String, { nullable: true, description: "Display name." })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => InviteMethod, { nullable: true, description: "Invite by link or by temporary password." })
  inviteMethod?: InviteMethod | null;

  @Field(() => Int, { nullable: true, description: "Invite link lifetime in hours (1 to 720)." })
  @IsOptional()
  @Min(1)
  @Max(720)
  inviteLinkTtlHours?: number | null;

  @Field(() => Int, { nullable: true, description: "Minutes between two invites to one account (0 to 1440)." })
  @IsOptional()
  @Min(0)
  @Max(1440)
  resendCooldownMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: "Default role for patients' own access (must apply to SELF)." })
  defaultPortalRoleId?: string | null;

  @Field(() => Language, { nullable: true, description: "Default language of emails." })
  defaultLanguage?: Language | null;

  @Field(() => Boolean, { nullable: true, description: "Require a second factor (TOTP) of every staff member, from their next sign-in." })
  requireStaffMfa?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Require a second factor of portal accounts holding proxy access, from their next sign-in.",
  })
  requireProxyMfa?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Send the \"Access removed\" email when staff remove access (default on)." })
  accessRemovedEmail?: boolean | null;

  @Field(() => [Int], { nullable: true, description: "Days after an invite when a reminder is emailed to an account that has not signed in (increasing, 1 to 90, at most 5; empty: no reminders)." })
  @IsOptional()
  inviteReminderDays?: number[] | null;
}

@ObjectType({ description: "Result of updateOrganizationSettings." })
class UpdateOrganizationSettingsPayload extends Payload {
  @Field(() => Organization, { nullable: true, description: "The organization with its settings." })
  organization?: Organization;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Mutation(() => UpdateOrganizationSettingsPayload, {
    description: "Change organization settings (invite method, link lifetime, cooldown, default role and language).",
  })
  updateOrganizationSettings(
    @Arg("input", () => UpdateOrganizationSettingsInput) input: UpdateOrganizationSettingsInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(() =>
      ctx.services.organizations.updateSettings(ctx.scope(), {
        ...input,
        defaultPortalRoleId:
          input.defaultPortalRoleId == null ? undefined : parseId(input.defaultPortalRoleId, "defaultPortalRoleId", "Portal role"),
      }),
    );
  }
}
