import { foldSearchText, normalizeEmail, PortalStatus, UserErrorCode, WebhookEventType } from "@portal/schema";
import { In, IsNull } from "typeorm";
import { isMysql } from "../../db/dialect";
import type { OrgScope } from "../../db/org-scope";
import { audit, type AuditEntry } from "../audit/audit.service";
import { Contact } from "../patients/contact.entity";
import { CounterDeltas } from "../patients/patient-counters";
import { Patient } from "../patients/patient.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { emitWebhookEvents, type WebhookData } from "../webhooks/webhook-events";
import { ImportRowPlan, type ImportProblem } from "./import-job.entity";
import type { ImportContactData, ImportPatientData } from "./import-row";

/** Everything the decisions of one chunk need, read in a fixed number of statements. */
export interface ImportFacts {
  byExternalId: Map<string, Patient>;
  byMrn: Map<string, Patient>;
  contactsOf: Map<number, Contact[]>;
  contactByExternalId: Map<string, Contact>;
  /** Contacts holding portal access (an active or suspended grant): their email is their login's. */
  grantedContactIds: Set<number>;
}

const PATIENT_FIELDS = ["externalId", "mrn", "firstName", "lastName", "dateOfBirth", "email", "language"] as const;
const CONTACT_FIELDS = ["externalId", "firstName", "lastName", "relationship", "email", "phone", "language"] as const;

type PatientChanges = Partial<Pick<Patient, (typeof PATIENT_FIELDS)[number]>>;
type ContactChanges = Partial<Pick<Contact, (typeof CONTACT_FIELDS)[number]>>;

/** What to do with one row: a pure decision from the row and the facts. */
export interface ImportDecision {
  plan: ImportRowPlan;
  patient: Patient | null;
  create: (ImportPatientData & { mrn: string }) | null;
  changes: PatientChanges;
  contactCreates: ImportContactData[];
  contactChanges: { contact: Contact; changes: ContactChanges }[];
  problems: ImportProblem[];
  notes: ImportProblem[];
}

/** Reads the facts of a chunk: patients by external id and MRN, their contacts and which contacts hold access. */
export async function readFacts(tx: OrgScope, rows: ImportPatientData[]): Promise<ImportFacts> {
  const externalIds = [...new Set(rows.map((r) => r.externalId).filter((v): v is string => Boolean(v)))];
  const mrns = [...new Set(rows.map((r) => r.mrn ?? (r.externalId && !r.mrn ? r.externalId : undefined)).filter((v): v is string => Boolean(v)))];
  const contactExternalIds = [...new Set(rows.flatMap((r) => r.contacts ?? []).map((c) => c.externalId).filter((v): v is string => Boolean(v)))];
  const [byExt, byMrn, contactsByExt] = await Promise.all([
    externalIds.length ? tx.find(Patient, { where: { externalId: In(externalIds) } }) : [],
    mrns.length ? tx.find(Patient, { where: { mrn: In(mrns) } }) : [],
    contactExternalIds.length ? tx.find(Contact, { where: { externalId: In(contactExternalIds) } }) : [],
  ]);
  const patientIds = [...new Set([...byExt, ...byMrn].map((p) => p.id))];
  const contacts = patientIds.length && rows.some((r) => r.contacts?.length) ? await tx.find(Contact, { where: { patientId: In(patientIds) }, order: { id: "ASC" } }) : [];
  const contactIds = contacts.map((c) => c.id);
  const grants = contactIds.length ? await tx.find(PortalGrant, { where: { contactId: In(contactIds), revokedAt: IsNull() }, select: { id: true, contactId: true } }) : [];
  const contactsOf = new Map<number, Contact[]>();
  for (const c of contacts) contactsOf.set(c.patientId, [...(contactsOf.get(c.patientId) ?? []), c]);
  return {
    byExternalId: new Map(byExt.map((p) => [p.externalId!, p])),
    byMrn: new Map(byMrn.map((p) => [p.mrn, p])),
    contactsOf,
    contactByExternalId: new Map(contactsByExt.map((c) => [c.externalId!, c])),
    grantedContactIds: new Set(grants.map((g) => g.contactId!)),
  };
}

const sameEmail = (a: string | null | undefined, b: string | null | undefined) => (a ? normalizeEmail(a) : null) === (b ? normalizeEmail(b) : null);
const folded = (c: { firstName?: string; lastName?: string }) => `${foldSearchText(c.firstName ?? "")}|${foldSearchText(c.lastName ?? "")}`;

const EMAIL_KEPT = (who: string): ImportProblem => ({
  code: UserErrorCode.EMAIL_LOCKED_TO_ACCOUNT,
  field: who === "patient" ? "email" : "contact.email",
  message: `The ${who} signs in to the portal with the email on file: the new address was not applied. Change the login email from the Portal tab, where the new address confirms it (rule 14).`,
});

/**
 * Decides one row against the facts, without the database: the patient is matched by external id,
 * else by MRN (a patient found by MRN with another external id is refused); only fields the row
 * carries are compared; an email of someone holding portal access is reported, never changed here.
 */
export function decideRow(row: ImportPatientData, facts: ImportFacts): ImportDecision {
  const out: ImportDecision = { plan: ImportRowPlan.UNCHANGED, patient: null, create: null, changes: {}, contactCreates: [], contactChanges: [], problems: [], notes: [] };
  const refuse = (code: UserErrorCode, field: string, message: string) => {
    out.problems.push({ code, field, message });
    out.plan = ImportRowPlan.REFUSE;
    return out;
  };
  let patient = row.externalId ? (facts.byExternalId.get(row.externalId) ?? null) : null;
  if (!patient && row.mrn) {
    const byMrn = facts.byMrn.get(row.mrn) ?? null;
    if (byMrn && row.externalId && byMrn.externalId && byMrn.externalId !== row.externalId) {
      return refuse(UserErrorCode.EXTERNAL_ID_CONFLICT, "mrn", "This MRN belongs to a patient known under another external id.");
    }
    patient = byMrn;
  }
  if (patient && row.mrn && row.mrn !== patient.mrn) {
    const owner = facts.byMrn.get(row.mrn);
    if (owner && owner.id !== patient.id) return refuse(UserErrorCode.INVALID_INPUT, "mrn", "Another patient already has this MRN.");
  }
  if (!patient) {
    const mrn = row.mrn ?? row.externalId!;
    if (!row.mrn && facts.byMrn.get(mrn)) return refuse(UserErrorCode.INVALID_INPUT, "mrn", "Another patient already has this MRN.");
    if (!row.firstName || !row.lastName) return refuse(UserErrorCode.INVALID_INPUT, row.firstName ? "lastName" : "firstName", "This field is required.");
    for (const c of row.contacts ?? []) {
      const taken = c.externalId ? facts.contactByExternalId.get(c.externalId) : undefined;
      if (taken) return refuse(UserErrorCode.EXTERNAL_ID_CONFLICT, "contact.externalId", "This contact id belongs to another patient's contact.");
    }
    out.plan = ImportRowPlan.CREATE;
    out.create = { ...row, mrn };
    out.contactCreates = row.contacts ?? [];
    return out;
  }
  out.patient = patient;
  for (const field of PATIENT_FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    if (field === "email") {
      if (sameEmail(value as string, patient.email)) continue;
      // Rule 14: a login email changes only through its own confirmed change, never by an import.
      if (patient.portalStatus !== PortalStatus.NO_ACCESS) {
        out.notes.push(EMAIL_KEPT("patient"));
        continue;
      }
    } else if (value === patient[field]) continue;
    (out.changes as Record<string, unknown>)[field] = value;
  }
  const existing = facts.contactsOf.get(patient.id) ?? [];
  for (const c of row.contacts ?? []) {
    const byExt = c.externalId ? facts.contactByExternalId.get(c.externalId) : undefined;
    if (byExt && byExt.patientId !== patient.id) return refuse(UserErrorCode.EXTERNAL_ID_CONFLICT, "contact.externalId", "This contact id belongs to another patient's contact.");
    const match = byExt ?? existing.find((e) => !e.externalId || !c.externalId ? folded(e) === folded(c) : false);
    if (!match) {
      out.contactCreates.push(c);
      continue;
    }
    const changes: ContactChanges = {};
    for (const field of CONTACT_FIELDS) {
      const value = c[field];
      if (value === undefined) continue;
      if (field === "email") {
        if (sameEmail(value, match.email)) continue;
        if (facts.grantedContactIds.has(match.id)) {
          out.notes.push(EMAIL_KEPT("contact"));
          continue;
        }
      } else if (value === match[field]) continue;
      (changes as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length) out.contactChanges.push({ contact: match, changes });
  }
  if (Object.keys(out.changes).length || out.contactCreates.length || out.contactChanges.length) out.plan = ImportRowPlan.UPDATE;
  return out;
}

/**
 * `UPDATE … SET col = CASE id WHEN … END … WHERE organizationId = ? AND id IN (…)`: many rows with
 * different values in one statement, on both databases.
 */
export async function updateByIds(tx: OrgScope, table: string, rows: { id: number; values: Record<string, unknown> }[]): Promise<void> {
  if (!rows.length) return;
  const q = (name: string) => (isMysql(tx.dataSource) ? `\`${name}\`` : `"${name}"`);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const params: unknown[] = [];
  const sets = columns.map((column) => {
    const whens = rows.filter((r) => column in r.values).map((r) => {
      params.push(r.id, r.values[column] ?? null);
      return "WHEN ? THEN ?";
    });
    return `${q(column)} = CASE ${q("id")} ${whens.join(" ")} ELSE ${q(column)} END`;
  });
  params.push(tx.organizationId, ...rows.map((r) => r.id));
  await tx.query(`UPDATE ${q(table)} SET ${sets.join(", ")} WHERE ${q("organizationId")} = ? AND ${q("id")} IN (${rows.map(() => "?").join(", ")})`, params);
}

/** What a written row became: its patient, and whether anything changed. */
export interface WrittenRow {
  patientId: number;
  created: boolean;
  changed: boolean;
}

/**
 * Writes the decisions of a chunk, set-based, in the caller's transaction: multi-row inserts of new
 * patients and contacts, one CASE update per table for changes, the status counters, the audit rows
 * and the webhook events (patient.created / patient.updated) of every change. REFUSE and UNCHANGED
 * rows write nothing.
 */
export async function writeDecisions(tx: OrgScope, decisions: ImportDecision[], context: { importJobId?: number } = {}): Promise<(WrittenRow | null)[]> {
  const results: (WrittenRow | null)[] = decisions.map((d) => (d.patient && d.plan !== ImportRowPlan.REFUSE ? { patientId: d.patient.id, created: false, changed: d.plan === ImportRowPlan.UPDATE } : null));
  const creates = decisions.map((d, i) => ({ d, i })).filter(({ d }) => d.plan === ImportRowPlan.CREATE && d.create);
  const counters = new CounterDeltas();
  const auditRows: AuditEntry[] = [];
  const events: { type: WebhookEventType; data: WebhookData }[] = [];
  const via = context.importJobId ? { importJobId: context.importJobId } : {};
  if (creates.length) {
    await tx.insertMany(
      Patient,
      creates.map(({ d }) => {
        const c = d.create!;
        const row = {
          mrn: c.mrn,
          externalId: c.externalId ?? null,
          firstName: c.firstName!,
          lastName: c.lastName!,
          // Written without the entity subscriber: the folded search copies are set here.
          firstNameFolded: foldSearchText(c.firstName!),
          lastNameFolded: foldSearchText(c.lastName!),
          dateOfBirth: c.dateOfBirth ?? null,
          email: c.email ?? null,
          emailNormalized: c.email ? normalizeEmail(c.email) : null,
          language: c.language ?? undefined,
          portalStatus: PortalStatus.NO_ACCESS,
        };
        counters.add({ portalStatus: PortalStatus.NO_ACCESS, email: row.email, dateOfBirth: row.dateOfBirth });
        return row;
      }),
    );
    const ids = await tx.find(Patient, { where: { mrn: In(creates.map(({ d }) => d.create!.mrn)) }, select: { id: true, mrn: true } });
    const idOf = new Map(ids.map((p) => [p.mrn, p.id]));
    for (const { d, i } of creates) {
      const patientId = idOf.get(d.create!.mrn)!;
      results[i] = { patientId, created: true, changed: true };
      auditRows.push({ action: "patient.imported", targetType: "Patient", targetId: patientId, patientId, after: { mrn: d.create!.mrn, ...via } });
      events.push({ type: WebhookEventType.PATIENT_CREATED, data: { patientId: String(patientId), externalId: d.create!.externalId ?? null } });
    }
  }
  const updates = decisions.filter((d) => d.plan === ImportRowPlan.UPDATE && d.patient);
  const patientUpdates = updates.filter((d) => Object.keys(d.changes).length);
  await updateByIds(
    tx,
    "patients",
    patientUpdates.map((d) => {
      const values: Record<string, unknown> = { ...d.changes };
      if (d.changes.email !== undefined) values.emailNormalized = d.changes.email ? normalizeEmail(d.changes.email) : null;
      if (d.changes.firstName !== undefined) values.firstNameFolded = foldSearchText(d.changes.firstName);
      if (d.changes.lastName !== undefined) values.lastNameFolded = foldSearchText(d.changes.lastName);
      const p = d.patient!;
      counters.move(p, { portalStatus: p.portalStatus, email: d.changes.email ?? p.email, dateOfBirth: d.changes.dateOfBirth ?? p.dateOfBirth });
      return { id: p.id, values };
    }),
  );
  for (const d of updates) {
    const changed = Object.keys(d.changes);
    if (changed.length) auditRows.push({ action: "patient.import_updated", targetType: "Patient", targetId: d.patient!.id, patientId: d.patient!.id, after: { changed, ...via } });
    events.push({ type: WebhookEventType.PATIENT_UPDATED, data: { patientId: String(d.patient!.id), externalId: d.patient!.externalId ?? d.changes.externalId ?? null, changed: changed.join(",") || null } });
  }
  // Contacts: created under their (possibly new) patient, changed in one statement.
  const newContacts = decisions.flatMap((d, i) => (d.plan === ImportRowPlan.REFUSE ? [] : d.contactCreates.map((c) => ({ c, patientId: results[i]!.patientId }))));
  if (newContacts.length) {
    await tx.insertMany(
      Contact,
      newContacts.map(({ c, patientId }) => ({
        patientId,
        externalId: c.externalId ?? null,
        firstName: c.firstName!,
        lastName: c.lastName!,
        relationship: c.relationship!,
        email: c.email ?? null,
        emailNormalized: c.email ? normalizeEmail(c.email) : null,
        phone: c.phone ?? null,
        language: c.language ?? undefined,
      })),
    );
    const created = await tx.find(Contact, { where: { patientId: In([...new Set(newContacts.map((n) => n.patientId))]) }, select: { id: true, patientId: true, firstName: true, lastName: true }, order: { id: "ASC" } as never });
    const idsByName = new Map<string, number[]>();
    for (const x of created) {
      const key = `${x.patientId}|${x.firstName}|${x.lastName}`;
      idsByName.set(key, [...(idsByName.get(key) ?? []), x.id]);
    }
    for (const { c, patientId } of newContacts) {
      // The newest contact of that name on that patient is the one just inserted.
      const id = idsByName.get(`${patientId}|${c.firstName}|${c.lastName}`)?.pop() ?? null;
      auditRows.push({ action: "contact.imported", targetType: "Contact", targetId: id, patientId, after: { relationship: c.relationship, ...via } });
    }
  }
  const contactChanges = decisions.flatMap((d) => (d.plan === ImportRowPlan.UPDATE ? d.contactChanges : []));
  await updateByIds(
    tx,
    "contacts",
    contactChanges.map(({ contact, changes }) => ({ id: contact.id, values: { ...changes, ...(changes.email !== undefined ? { emailNormalized: changes.email ? normalizeEmail(changes.email) : null } : {}) } })),
  );
  for (const { contact, changes } of contactChanges) {
    auditRows.push({ action: "contact.import_updated", targetType: "Contact", targetId: contact.id, patientId: contact.patientId, after: { changed: Object.keys(changes), ...via } });
  }
  await counters.apply(tx);
  await audit(tx, auditRows);
  await emitWebhookEvents(tx.manager, tx.organizationId, events);
  return results;
}
