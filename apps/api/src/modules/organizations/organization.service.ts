import { type InviteMethod, type Language, UserErrorCode } from "@portal/schema";
import { AccessType } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { PortalRole } from "../portal-roles/portal-role.entity";
import type { Organization } from "./organization.entity";
import { reminderDaysProblem } from "../reminders/reminder-schedule";

export interface OrganizationSettings {
  name?: string | null;
  inviteMethod?: InviteMethod | null;
  inviteLinkTtlHours?: number | null;
  resendCooldownMinutes?: number | null;
  defaultPortalRoleId?: number | null;
  defaultLanguage?: Language | null;
  requireStaffMfa?: boolean | null;
  requireProxyMfa?: boolean | null;
  accessRemovedEmail?: boolean | null;
  inviteReminderDays?: number[] | null;
}


export class OrganizationService {
  get(scope: OrgScope): Promise<Organization> {
    return scope.organization();
  }

  async updateSettings(scope: OrgScope, input: OrganizationSettings): Promise<{ organization: Organization }> {
    return scope.transaction(async (tx) => {
      const org = await tx.organization();
      const before = { ...org };
      if (input.name != null) {
        if (!input.name.trim()) fail(UserErrorCode.INVALID_INPUT, "The organization needs a name.", "name");
        org.name = input.name.trim();
      }
      if (input.inviteMethod != null) org.inviteMethod = input.inviteMethod;
      if (input.inviteLinkTtlHours != null) {
        if (input.inviteLinkTtlHours < 1 || input.inviteLinkTtlHours > 24 * 30) fail(UserErrorCode.INVALID_INPUT, "Between 1 hour and 30 days.", "inviteLinkTtlHours");
        org.inviteLinkTtlHours = input.inviteLinkTtlHours;
      }
      if (input.resendCooldownMinutes != null) {
        if (input.resendCooldownMinutes < 0 || input.resendCooldownMinutes > 24 * 60) fail(UserErrorCode.INVALID_INPUT, "Between 0 minutes and 24 hours.", "resendCooldownMinutes");
        org.resendCooldownMinutes = input.resendCooldownMinutes;
      }
      if (input.defaultPortalRoleId !== undefined) {
        if (input.defaultPortalRoleId !== null) {
          const role = (await tx.findOneBy(PortalRole, { id: input.defaultPortalRoleId })) ?? fail(UserErrorCode.NOT_FOUND, "Portal role not found.", "defaultPortalRoleId");
          if (!role.accessTypes.includes(AccessType.SELF)) fail(UserErrorCode.ROLE_NOT_APPLICABLE, "The default role must apply to patients.", "defaultPortalRoleId");
        }
        org.defaultPortalRoleId = input.defaultPortalRoleId;
      }
      if (input.defaultLanguage != null) org.defaultLanguage = input.defaultLanguage;
      if (input.requireStaffMfa != null) org.requireStaffMfa = input.requireStaffMfa;
      if (input.requireProxyMfa != null) org.requireProxyMfa = input.requireProxyMfa;
      if (input.accessRemovedEmail != null) org.accessRemovedEmail = input.accessRemovedEmail;
      if (input.inviteReminderDays != null) {
        const problem = reminderDaysProblem(input.inviteReminderDays);
        if (problem) fail(UserErrorCode.INVALID_INPUT, problem, "inviteReminderDays");
        org.inviteReminderDaysCsv = input.inviteReminderDays.join(",");
      }
      await tx.saveOrganization(org);
      const changed = Object.fromEntries(Object.entries(org).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v));
      if (Object.keys(changed).length) {
        await audit(tx, {
          action: "organization.settings_updated",
          targetType: "Organization",
          targetId: org.id,
          before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]])),
          after: changed,
        });
      }
      return { organization: org };
    });
  }
}
