import { In, IsNull, Not, type EntityManager } from "typeorm";
import { AccessType, WebhookEventType } from "@portal/schema";
import { emitWebhookEvent } from "../modules/webhooks/webhook-events";
import { Patient } from "../modules/patients/patient.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { INVITE_KINDS } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";

/** Patients whose own (SELF) account is one of these: they mirror the account's invite failure. */
async function selfPatientIds(manager: EntityManager, organizationId: number, accountIds: number[]): Promise<number[]> {
  const grants = await manager.find(PortalGrant, {
    select: { patientId: true },
    where: { organizationId, accountId: In(accountIds), accessType: AccessType.SELF, revokedAt: IsNull() },
  });
  return grants.map((g) => g.patientId);
}

/**
 * Marks the account (and, for a patient's own account, the patient) as "invite failed", unless a
 * newer invite to that account exists: a late bounce of an old invite must not hide a fresh one.
 */
export async function recordInviteFailure(manager: EntityManager, row: OutboxMessage, reason: string, at = new Date()): Promise<boolean> {
  if (!row.accountId || !INVITE_KINDS.includes(row.kind)) return false;
  const newest = await manager.findOne(OutboxMessage, {
    select: { id: true },
    where: { organizationId: row.organizationId, accountId: row.accountId, kind: In([...INVITE_KINDS]) },
    order: { id: "DESC" },
  });
  if (newest && newest.id !== row.id) return false;
  await manager.update(PortalAccount, { id: row.accountId, organizationId: row.organizationId }, { inviteDeliveryFailedAt: at, inviteDeliveryFailureReason: reason.slice(0, 255) });
  const patients = await selfPatientIds(manager, row.organizationId, [row.accountId]);
  if (patients.length) await manager.update(Patient, { id: In(patients), organizationId: row.organizationId }, { inviteDeliveryFailedAt: at });
  // Partners hear of it in the same transaction that marks the account.
  await emitWebhookEvent(manager, row.organizationId, WebhookEventType.PORTAL_INVITE_DELIVERY_FAILED, {
    accountId: String(row.accountId),
    patientId: row.patientId ? String(row.patientId) : null,
    reason: reason.slice(0, 200),
  });
  return true;
}

/** A later invite went out (or was delivered): the accounts' failure no longer describes their state. */
export async function clearInviteFailures(manager: EntityManager, organizationId: number, accountIds: number[]): Promise<void> {
  if (accountIds.length === 0) return;
  const failed = await manager.find(PortalAccount, {
    select: { id: true },
    where: { organizationId, id: In(accountIds), inviteDeliveryFailedAt: Not(IsNull()) },
  });
  if (failed.length === 0) return;
  const ids = failed.map((a) => a.id);
  await manager.update(PortalAccount, { organizationId, id: In(ids) }, { inviteDeliveryFailedAt: null, inviteDeliveryFailureReason: null });
  const patients = await selfPatientIds(manager, organizationId, ids);
  if (patients.length) await manager.update(Patient, { organizationId, id: In(patients) }, { inviteDeliveryFailedAt: null });
}
