import { In, IsNull, Not, type EntityManager } from "typeorm";
import { OrgScope, systemActor } from "../db/org-scope";
import { recordingEvents } from "../events/publish";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { refreshAccounts } from "../modules/portal-access/portal-status";
import { INVITE_KINDS } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";

/** The delivery side acts as the system, in the organization of the email. */
const scopeOf = (manager: EntityManager, organizationId: number) => new OrgScope(manager.connection, manager, organizationId, systemActor("email delivery"));

/**
 * Marks the account as "invite failed", unless a newer invite to that account exists: a late
 * bounce of an old invite must not hide a fresh one. The patients whose own account it is show it
 * through the status refresh (the only writer of the copies on `patients`); partners hear of it
 * through the InviteDeliveryFailed event, in the same transaction.
 */
export async function recordInviteFailure(manager: EntityManager, row: OutboxMessage, reason: string, at = new Date()): Promise<boolean> {
  if (!row.accountId || !INVITE_KINDS.includes(row.kind)) return false;
  const scope = scopeOf(manager, row.organizationId);
  const [newest] = await scope.find(OutboxMessage, { select: { id: true }, where: { accountId: row.accountId, kind: In([...INVITE_KINDS]) }, order: { id: "DESC" }, take: 1 });
  if (newest && newest.id !== row.id) return false;
  await scope.update(PortalAccount, { id: row.accountId }, { inviteDeliveryFailedAt: at, inviteDeliveryFailureReason: reason.slice(0, 255) });
  await refreshAccounts(scope, [row.accountId]);
  await recordingEvents.publish(scope, [{ type: "InviteDeliveryFailed", accountId: row.accountId, patientId: row.patientId ?? null, reason }]);
  return true;
}

/** A later invite went out (or was delivered): the accounts' failure no longer describes their state. */
export async function clearInviteFailures(manager: EntityManager, organizationId: number, accountIds: number[]): Promise<void> {
  if (accountIds.length === 0) return;
  const scope = scopeOf(manager, organizationId);
  const failed = await scope.find(PortalAccount, { select: { id: true }, where: { id: In(accountIds), inviteDeliveryFailedAt: Not(IsNull()) } });
  if (failed.length === 0) return;
  const ids = failed.map((a) => a.id);
  await scope.update(PortalAccount, { id: In(ids) }, { inviteDeliveryFailedAt: null, inviteDeliveryFailureReason: null });
  await refreshAccounts(scope, ids);
}
