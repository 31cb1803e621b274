import DataLoader from "dataloader";
import { In, IsNull, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { OrgScope } from "../db/org-scope";
import { INVITE_KINDS } from "../email/email.types";
import { OutboxMessage } from "../email/outbox-message.entity";
import { PortalToken } from "../modules/invites/portal-token.entity";
import { Contact } from "../modules/patients/contact.entity";
import { Patient } from "../modules/patients/patient.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { PortalRole } from "../modules/portal-roles/portal-role.entity";

type Row = ObjectLiteral & { id: number; organizationId: number };

/** Loads rows of the caller's organization by id, one query per batch. */
function byId<T extends Row>(scope: OrgScope, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await scope.find(entity, { where: { id: In([...ids]) } as never });
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Loads the rows whose `column` equals each key, one query per batch. */
function groupedBy<T extends Row>(scope: OrgScope, entity: EntityTarget<T>, column: keyof T & string, extra: object = {}) {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await scope.find(entity, { where: { [column]: In([...keys]), ...extra } as never, order: { id: "ASC" } as never });
    const map = new Map<number, T[]>();
    for (const row of rows) {
      const key = row[column] as number;
      if (!map.has(key)) map.set(key, []);
      map.get(key)!.push(row);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

/** The newest invite token of each account, one query per batch. */
function latestInvite(scope: OrgScope) {
  return new DataLoader<number, PortalToken | null>(async (accountIds) => {
    const rows = await scope.find(PortalToken, { where: { accountId: In([...accountIds]), kind: "INVITE" }, order: { id: "DESC" } });
    const map = new Map<number, PortalToken>();
    for (const row of rows) if (!map.has(row.accountId)) map.set(row.accountId, row);
    return accountIds.map((id) => map.get(id) ?? null);
  });
}

/** The latest invite email of each account (the outbox row, with the provider's delivery report). */
function latestInviteEmail(scope: OrgScope) {
  return new DataLoader<number, OutboxMessage | null>(async (accountIds) => {
    const rows = await scope.find(OutboxMessage, { where: { accountId: In([...accountIds]), kind: In([...INVITE_KINDS]) }, order: { id: "DESC" } });
    const map = new Map<number, OutboxMessage>();
    for (const row of rows) if (row.accountId !== null && !map.has(row.accountId)) map.set(row.accountId, row);
    return accountIds.map((id) => map.get(id) ?? null);
  });
}

/** Per-request DataLoaders: a page of N rows costs a constant number of SQL statements. */
export function createLoaders(scope: OrgScope) {
  return {
    patient: byId(scope, Patient),
    contact: byId(scope, Contact),
    portalRole: byId(scope, PortalRole),
    portalAccount: byId(scope, PortalAccount),
    staffRole: byId(scope, StaffRole),
    staffUser: byId(scope, StaffUser),
    activeGrantsByPatient: groupedBy(scope, PortalGrant, "patientId", { revokedAt: IsNull() }),
    activeGrantsByAccount: groupedBy(scope, PortalGrant, "accountId", { revokedAt: IsNull() }),
    activeGrantsByContact: groupedBy(scope, PortalGrant, "contactId", { revokedAt: IsNull() }),
    contactsByPatient: groupedBy(scope, Contact, "patientId"),
    latestInviteByAccount: latestInvite(scope),
    latestInviteEmailByAccount: latestInviteEmail(scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
