import type { OrgScope } from "../../db/org-scope";
import { In } from "typeorm";
import { AccessType } from "@portal/schema";
import type { DomainEvent, GrantRef } from "../../events/domain-events";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { AuditEvent } from "./audit-event.entity";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: number | string | null;
  patientId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends to the audit log inside the caller's transaction, so an audited change and its audit row
 * commit or roll back together. Entries describe access, never clinical data or secrets.
 */
export async function audit(scope: OrgScope, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  const accountPatients = await patientsOfAccounts(scope, entries);
  const { actor } = scope;
  await scope.insertMany(
    AuditEvent,
    entries.map((e) => ({
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId === null ? null : String(e.targetId),
      patientId: e.patientId ?? (e.targetType === "PortalAccount" ? (accountPatients.get(String(e.targetId)) ?? null) : null),
      before: e.before ?? null,
      after: e.after ?? null,
      ip: actor.ip,
      requestId: actor.requestId,
    })),
  );
}

/**
 * The patient an event about a portal account belongs under, when its writer did not say: the
 * patient whose own login it is, else the one patient its grants open. A proxy's account opening
 * several records has no single patient; the audit log's per-patient filter finds those events
 * through the grants. One query, only when such events are written.
 */
async function patientsOfAccounts(scope: OrgScope, entries: AuditEntry[]): Promise<Map<string, number>> {
  const ids = [...new Set(entries.filter((e) => e.targetType === "PortalAccount" && e.patientId == null && e.targetId !== null).map((e) => Number(e.targetId)))].filter(
    (n) => Number.isSafeInteger(n) && n > 0,
  );
  const out = new Map<string, number>();
  if (!ids.length) return out;
  const grants = await scope.find(PortalGrant, { where: { accountId: In(ids) }, order: { id: "DESC" } });
  for (const id of ids) {
    const mine = grants.filter((g) => g.accountId === id);
    const own = mine.find((g) => g.accessType === AccessType.SELF);
    const patients = new Set(mine.map((g) => g.patientId));
    const patientId = own?.patientId ?? (patients.size === 1 ? mine[0].patientId : undefined);
    if (patientId !== undefined) out.set(String(id), patientId);
  }
  return out;
}

/** The audit action of an invite sent: the onboarding statistics count these rows of the event log. */
export const INVITE_SENT_ACTION = "portal_invite.sent";

const grantBefore = (g: GrantRef) => ({ accountId: g.accountId, accessType: g.accessType, portalRoleId: g.portalRoleId, contactId: g.contactId });

/**
 * The audit row of each domain event (names unchanged: staff filters and outside programs read
 * them). The audit log is the append-only record of every access change; a kind of event that is
 * audited elsewhere, or not at all, maps to nothing.
 */
export function auditEntriesOf(event: DomainEvent): AuditEntry[] {
  switch (event.type) {
    case "AccessEnabled": {
      const g = event.grant;
      return [
        {
          action: event.how === "linked" ? "portal_access.linked" : "portal_access.enabled",
          targetType: "PortalGrant",
          targetId: g.grantId,
          patientId: g.patientId,
          before: event.resumedFrom ? { suspendedAt: event.resumedFrom.suspendedAt?.toISOString() ?? null } : null,
          after: {
            accountId: g.accountId,
            loginEmail: event.loginEmail,
            accessType: g.accessType,
            ...(g.contactId ? { contactId: g.contactId } : {}),
            portalRoleId: g.portalRoleId,
            ...(event.reusedAccount !== undefined ? { reusedAccount: event.reusedAccount } : {}),
            ...(event.resumedFrom ? { resumedFromSuspension: true } : {}),
            ...event.proxyAuthorization,
          },
        },
      ];
    }
    case "AccessRevoked":
      return [{ action: "portal_access.revoked", targetType: "PortalGrant", targetId: event.grant.grantId, patientId: event.grant.patientId, before: grantBefore(event.grant), after: { revoked: true, reason: event.reason } }];
    case "AccessSuspended":
      return [{ action: "portal_access.suspended", targetType: "PortalGrant", targetId: event.grant.grantId, patientId: event.grant.patientId, before: grantBefore(event.grant), after: { suspended: true, reason: event.reason } }];
    case "PortalRoleChanged":
      return [{ action: "portal_access.role_changed", targetType: "PortalGrant", targetId: event.grantId, patientId: event.patientId, before: { portalRoleId: event.before }, after: { portalRoleId: event.after } }];
    case "AccountDisabledChanged":
      return [
        {
          action: event.disabled ? "portal_account.disabled" : "portal_account.enabled",
          targetType: "PortalAccount",
          targetId: event.accountId,
          before: { disabled: !event.disabled },
          after: { disabled: event.disabled },
        },
      ];
    case "PasswordChangeForced":
      return [{ action: "portal_account.password_change_forced", targetType: "PortalAccount", targetId: event.accountId, before: { mustChangePassword: false }, after: { mustChangePassword: true } }];
    case "InviteSent":
      return [
        {
          action: INVITE_SENT_ACTION,
          targetType: "PortalAccount",
          targetId: event.grant.accountId,
          patientId: event.grant.patientId,
          after: {
            grantId: event.grant.grantId,
            accessType: event.grant.accessType,
            loginEmail: event.loginEmail,
            method: event.method,
            expiresAt: event.expiresAt.toISOString(),
            resent: event.resent,
            language: event.language,
          },
        },
      ];
    case "InviteAccepted":
      return [{ action: "portal_invite.accepted", targetType: "PortalAccount", targetId: event.accountId, patientId: event.patientId, after: { method: event.method } }];
    case "PasswordResetSent":
      return [{ action: "portal_password.reset_sent", targetType: "PortalAccount", targetId: event.accountId, after: { loginEmail: event.loginEmail, expiresAt: event.expiresAt.toISOString(), by: "staff" } }];
    case "InviteDeliveryFailed":
      // The delivery itself is recorded on the outbox row and shown as the invite's delivery.
      return [];
  }
}

/** Subscribes the audit log to domain events: one multi-row insert per batch. */
export const auditSubscriber = {
  handle: (tx: OrgScope, events: readonly DomainEvent[]): Promise<void> => audit(tx, events.flatMap(auditEntriesOf)),
};
