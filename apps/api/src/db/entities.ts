import { DevMailboxMessage } from "../email/dev-mailbox-message.entity";
import { MailgunWebhookToken } from "../email/mailgun-webhook-token.entity";
import { OutboxMessage } from "../email/outbox-message.entity";
import { WorkerHeartbeatRow } from "../workers/worker-heartbeat.entity";
import { PortalToken } from "../modules/invites/portal-token.entity";
import { RateLimit } from "../auth/rate-limit.entity";
import { ApiKey } from "../modules/api-keys/api-key.entity";
import { WebhookDelivery } from "../modules/webhooks/webhook-delivery.entity";
import { WebhookSubscription } from "../modules/webhooks/webhook-subscription.entity";
import { EmailTemplate } from "../modules/email-templates/email-template.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { Session } from "../auth/session.entity";
import { MfaChallenge, MfaFactor, MfaRecoveryCode } from "../auth/mfa/mfa.entities";
import { BulkJob, BulkJobItem } from "../modules/bulk/bulk-job.entity";
import { ImportJob, ImportJobRow } from "../modules/imports/import-job.entity";
import { Organization } from "../modules/organizations/organization.entity";
import { Contact } from "../modules/patients/contact.entity";
import { Patient } from "../modules/patients/patient.entity";
import { PatientStatusCount } from "../modules/patients/patient-status-count.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { PortalRole } from "../modules/portal-roles/portal-role.entity";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { StaffToken } from "../modules/staff/staff-token.entity";
import { AccessScheduleRun, AccessScheduleSettings } from "../modules/access-schedule/access-schedule.entity";

/** Every entity; listed explicitly (globs find nothing under jest, where sources are .ts). */
export const entities = [
  Organization,
  StaffRole,
  StaffUser,
  StaffToken,
  Session,
  MfaFactor,
  MfaRecoveryCode,
  MfaChallenge,
  Patient,
  PatientStatusCount,
  Contact,
  PortalRole,
  PortalAccount,
  PortalGrant,
  AuditEvent,
  OutboxMessage,
  WorkerHeartbeatRow,
  BulkJob,
  BulkJobItem,
  ImportJob,
  ImportJobRow,
  PortalToken,
  RateLimit,
  ApiKey,
  WebhookSubscription,
  WebhookDelivery,
  DevMailboxMessage,
  EmailTemplate,
  MailgunWebhookToken,
  AccessScheduleSettings,
  AccessScheduleRun,
];
