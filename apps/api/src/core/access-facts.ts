import { In, IsNull } from "typeorm";
import { AccessType } from "@portal/schema";
import type { OrgScope } from "../db/org-scope";
import { OutboxMessage } from "../email/outbox-message.entity";
import { type Organization } from "../modules/organizations/organization.entity";
import { Contact } from "../modules/patients/contact.entity";
import { Patient } from "../modules/patients/patient.entity";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { PortalRole } from "../modules/portal-roles/portal-role.entity";

/**
 * The reads of an access change: each takes every row of the change at once and costs one
 * statement whatever the number of rows (an empty list costs none). Decisions (access-decisions.ts)
 * then work on what these return, without the database.
 */

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** The caller's organization (its settings: default role, invite method, cooldown, link lifetime). */
export function readOrganization(tx: OrgScope): Promise<Organization> {
  return tx.organization();
}

export async function readRole(tx: OrgScope, roleId: number | null): Promise<PortalRole | null> {
  return roleId === null ? null : tx.findOneBy(PortalRole, { id: roleId });
}

export async function readPatients(tx: OrgScope, ids: number[]): Promise<Map<number, Patient>> {
  return byId(ids.length ? await tx.find(Patient, { where: { id: In([...new Set(ids)]) } }) : []);
}

/** Every SELF grant of these patients, newest first (active, suspended and revoked). */
export async function readSelfGrants(tx: OrgScope, patientIds: number[]): Promise<PortalGrant[]> {
  if (!patientIds.length) return [];
  return tx.find(PortalGrant, {
    where: { patientId: In([...new Set(patientIds)]), accessType: AccessType.SELF },
    order: { id: "DESC" },
  });
}

export async function readGrants(tx: OrgScope, ids: number[]): Promise<Map<number, PortalGrant>> {
  return byId(ids.length ? await tx.find(PortalGrant, { where: { id: In([...new Set(ids)]) } }) : []);
}

/** The accounts, locked until the change commits (in id order): two concurrent changes cannot both pass the cooldown. */
export async function readAccountsForUpdate(tx: OrgScope, ids: number[]): Promise<Map<number, PortalAccount>> {
  return byId(ids.length ? await tx.findForUpdate(PortalAccount, { id: In([...new Set(ids)]) }) : []);
}

export async function readContacts(tx: OrgScope, ids: number[]): Promise<Map<number, Contact>> {
  return byId(ids.length ? await tx.find(Contact, { where: { id: In([...new Set(ids)]) } }) : []);
}

/** Which of these normalized emails are an account's login already (rule 2). */
export async function readTakenEmails(tx: OrgScope, normalized: string[]): Promise<Set<string>> {
  if (!normalized.length) return new Set();
  const rows = await tx.find(PortalAccount, { where: { emailNormalized: In([...new Set(normalized)]) }, select: { id: true, emailNormalized: true } });
  return new Set(rows.map((a) => a.emailNormalized));
}

/** Which of these outbox dedupe keys (already prefixed by the organization) were used. */
export async function readUsedDedupeKeys(tx: OrgScope, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await tx.find(OutboxMessage, { where: { dedupeKey: In(keys) }, select: { id: true, dedupeKey: true } });
  return new Set(rows.map((r) => r.dedupeKey!));
}

/** The active SELF grant of each patient (for the inviteAction of grid rows). */
export async function readActiveSelfGrants(tx: OrgScope, patientIds: number[]): Promise<Map<number, PortalGrant>> {
  if (!patientIds.length) return new Map();
  const rows = await tx.find(PortalGrant, { where: { patientId: In([...new Set(patientIds)]), accessType: AccessType.SELF, revokedAt: IsNull() } });
  return new Map(rows.map((g) => [g.patientId, g]));
}
