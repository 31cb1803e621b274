import type { DataSource } from "typeorm";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { SessionService } from "./auth/session.service";
import { EmailQueue } from "./email/email-queue";
import { SecretBox } from "./email/secret-box";
import { ApiKeyService } from "./modules/api-keys/api-key.service";
import { OrganizationService } from "./modules/organizations/organization.service";
import { PatientService } from "./modules/patients/patient.service";
import { InviteService } from "./modules/invites/invite.service";
import { PortalAccessService } from "./modules/portal-access/portal-access.service";
import { PortalRoleService } from "./modules/portal-roles/portal-role.service";
import { StaffService } from "./modules/staff/staff.service";

/** The application's long-lived services, built once per process and shared by every request. */
export function createServices(dataSource: DataSource, config: Config, logger: Logger) {
  const sessions = new SessionService(dataSource, config.sessionSecret, config.SESSION_TTL_HOURS * 3600_000);
  const portalAccess = new PortalAccessService(sessions);
  const emailQueue = new EmailQueue(new SecretBox(config.sessionSecret));
  const invites = new InviteService({ publicUrl: config.publicUrl }, emailQueue, sessions, portalAccess);
  return {
    dataSource,
    config,
    logger,
    sessions,
    emailQueue,
    portalAccess,
    invites,
    patients: new PatientService(portalAccess),
    portalRoles: new PortalRoleService(),
    staff: new StaffService(),
    organizations: new OrganizationService(),
    apiKeys: new ApiKeyService(),
  };
}

export type Services = ReturnType<typeof createServices>;
