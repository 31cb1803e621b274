import { type ContactRelationship, emailProblemMessage, isIsoDate, type Language, normalizeEmail, PORTAL_STATUS_ORDER, PortalStatus, UserErrorCode, WebhookEventType } from "@portal/schema";
import { IsNull } from "typeorm";
import type { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { connectionOf } from "../../graphql/connection";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { emitWebhookEventIn } from "../webhooks/webhook-emit";
import type { LoginEmailChangeService } from "../invites/login-email-change.service";
import type { PortalAccessService } from "../portal-access/portal-access.service";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { ContactLoginEmailChange, decideContactEmailChange, phoneProblem } from "./contact-rules";
import { Contact } from "./contact.entity";
import { CounterDeltas } from "./patient-counters";
import { DEFAULT_ORDER, gridPage, gridStatusCounts, type PatientGridFilter, type PatientGridOrder } from "./patient-grid";
import { Patient } from "./patient.entity";

export type PatientFilter = PatientGridFilter;

export interface PatientFields {
  mrn?: string;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string | null;
  email?: string | null;
  language?: Language;
  active?: boolean;
}

export interface ContactFields {
  firstName?: string;
  lastName?: string;
  relationship?: ContactRelationship;
  email?: string | null;
  phone?: string | null;
  dateOfBirth?: string | null;
  language?: Language;
  active?: boolean;
}


/**
 * Checks and normalizes the editable fields shared by patients and contacts. Imports and
 * upsertPatients validate every row with it too, so a rule lives here only (SPEC rule 19).
 */
export function cleanPerson<T extends PatientFields | ContactFields>(fields: T): T & { emailNormalized?: string | null } {
  const out: T & { emailNormalized?: string | null } = { ...fields };
  for (const key of ["firstName", "lastName", "mrn"] as const) {
    if (key in out) {
      const value = String((out as Record<string, unknown>)[key] ?? "").trim();
      if (!value) fail(UserErrorCode.INVALID_INPUT, "This field is required.", key);
      // Markup in a name is never a name (an import's `<img onerror=…>`): refused wherever names come from.
      if (key !== "mrn" && /[<>]/.test(value)) fail(UserErrorCode.INVALID_INPUT, "A name cannot contain < or >.", key);
      if (value.length > (key === "mrn" ? 64 : 100)) fail(UserErrorCode.INVALID_INPUT, `At most ${key === "mrn" ? 64 : 100} characters.`, key);
      (out as Record<string, unknown>)[key] = value;
    }
  }
  if (out.email !== undefined) {
    const email = out.email?.trim() || null;
    const problem = email ? emailProblemMessage(email) : null;
    if (problem) fail(UserErrorCode.INVALID_EMAIL, problem, "email");
    out.email = email;
    out.emailNormalized = email ? normalizeEmail(email) : null;
  }
  if ("phone" in out && out.phone !== undefined) {
    const phone = out.phone?.trim() || null;
    const problem = phone ? phoneProblem(phone) : null;
    if (problem) fail(UserErrorCode.INVALID_INPUT, problem, "phone");
    out.phone = phone;
  }
  if (out.dateOfBirth !== undefined && out.dateOfBirth !== null) {
    if (!isIsoDate(out.dateOfBirth) || out.dateOfBirth > new Date().toISOString().slice(0, 10)) {
      fail(UserErrorCode.INVALID_INPUT, "Enter a real date of birth (YYYY-MM-DD), not in the future.", "dateOfBirth");
    }
  }
  return out;
}

export class PatientService {
  constructor(
    private readonly access: PortalAccessService,
    /** Rules 14 and 18: how a contact's login follows a changed email (confirmed by the new address). */
    private readonly loginEmails?: LoginEmailChangeService,
  ) {}

  /** The grid query: search, facets, any sort, keyset pagination; counts per status for the search. */
  async list(scope: OrgScope, filter: PatientGridFilter, first: number, after: string | null, order: PatientGridOrder = DEFAULT_ORDER) {
    const page = first === 0 && !after ? { rows: [], hasNextPage: false, cursorOf: () => "" } : await gridPage(scope, filter, order, first, after);
    // Computed only if asked for, and once for both fields.
    let counts: Promise<{ status: PortalStatus; count: number }[]> | undefined;
    const getCounts = () =>
      (counts ??= gridStatusCounts(scope, filter).then((byStatus) => PORTAL_STATUS_ORDER.map((status) => ({ status, count: byStatus.get(status) ?? 0 }))));
    return {
      ...connectionOf(page.rows, page.hasNextPage, page.cursorOf, Boolean(after)),
      counts: {
        statusCounts: getCounts,
        totalCount: async () => {
          const all = await getCounts();
          const wanted = filter.portalStatus?.length ? new Set(filter.portalStatus) : null;
          return all.filter((c) => !wanted || wanted.has(c.status)).reduce((sum, c) => sum + c.count, 0);
        },
      },
    };
  }

  async get(scope: OrgScope, id: number): Promise<Patient | null> {
    return scope.findOneBy(Patient, { id });
  }

  async create(scope: OrgScope, input: Required<Pick<PatientFields, "mrn" | "firstName" | "lastName">> & PatientFields): Promise<{ patient: Patient }> {
    const fields = cleanPerson(input);
    return scope.transaction(async (tx) => {
      let patient: Patient;
      try {
        patient = await tx.create(Patient, { ...fields, portalStatus: PortalStatus.NO_ACCESS });
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.INVALID_INPUT, "Another patient already has this MRN.", "mrn");
        throw err;
      }
      await new CounterDeltas().add(patient!).apply(tx);
      await audit(tx, { action: "patient.created", targetType: "Patient", targetId: patient!.id, patientId: patient!.id, after: { mrn: patient!.mrn } });
      return { patient: patient! };
    });
  }

  async update(scope: OrgScope, id: number, input: PatientFields): Promise<{ patient: Patient }> {
    const fields = cleanPerson(input);
    return scope.transaction(async (tx) => {
      const patient = (await tx.findOneForUpdate(Patient, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Patient not found.", "id");
      const changed = Object.keys(fields).filter((k) => (patient as unknown as Record<string, unknown>)[k] !== (fields as Record<string, unknown>)[k] && k !== "emailNormalized");
      const before = { portalStatus: patient.portalStatus, email: patient.email, dateOfBirth: patient.dateOfBirth };
      Object.assign(patient, fields);
      try {
        await tx.save(Patient, patient);
        // The row was read FOR UPDATE above, so `before` is the committed state.
        await new CounterDeltas().move(before, patient).apply(tx);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.INVALID_INPUT, "Another patient already has this MRN.", "mrn");
        throw err;
      }
      // Which fields changed, never their clinical values.
      const others = changed.filter((k) => k !== "active");
      if (others.length) await audit(tx, { action: "patient.updated", targetType: "Patient", targetId: id, patientId: id, after: { changed: others } });
      if (changed.includes("active")) await this.activeChanged(tx, patient);
      return { patient };
    });
  }

  /**
   * SPEC rule 18: an inactive patient (discharged, deceased, merged) has no portal access, at once:
   * grants suspended, sessions of accounts left with nothing cut, new sign-ins refused. Making the
   * patient active again restores nothing by itself; staff enable or grant access again.
   */
  private async activeChanged(tx: OrgScope, patient: Patient): Promise<void> {
    const suspended = patient.active ? [] : await this.access.suspendPatientGrants(tx, patient.id);
    if (!patient.active) {
      // The row was saved before the refresh: keep the returned patient's colour in step.
      const fresh = await tx.findOneBy(Patient, { id: patient.id });
      if (fresh) Object.assign(patient, { portalStatus: fresh.portalStatus, lastInviteSentAt: fresh.lastInviteSentAt, lastSignInAt: fresh.lastSignInAt });
    }
    const action = patient.active ? "patient.reactivated" : "patient.deactivated";
    await audit(tx, { action, targetType: "Patient", targetId: patient.id, patientId: patient.id, before: { active: !patient.active }, after: { active: patient.active, suspendedGrantCount: suspended.length } });
    await emitWebhookEventIn(tx, patient.active ? WebhookEventType.PATIENT_REACTIVATED : WebhookEventType.PATIENT_DEACTIVATED, {
      patientId: String(patient.id),
      suspendedGrantCount: suspended.length,
    });
  }

  async contacts(scope: OrgScope, patientId: number): Promise<Contact[]> {
    return scope.find(Contact, { where: { patientId }, order: { id: "ASC" } });
  }

  async createContact(scope: OrgScope, patientId: number, input: Required<Pick<ContactFields, "firstName" | "lastName" | "relationship">> & ContactFields): Promise<{ contact: Contact }> {
    const fields = cleanPerson(input);
    return scope.transaction(async (tx) => {
      await this.access.requirePatient(tx, patientId);
      const contact = await tx.create(Contact, { ...fields, patientId });
      await audit(tx, { action: "contact.created", targetType: "Contact", targetId: contact.id, patientId, after: { relationship: contact.relationship } });
      return { contact };
    });
  }

  /**
   * Rule 3: disabling a contact revokes its portal grants in the same transaction.
   * Rules 14 and 18: the email on file of a contact holding access (an active or suspended grant)
   * changes at once, but its login never moves by itself. A caller who may manage portal access
   * starts the login-email change the Portal tab starts: the new address confirms it, the old one is
   * told now, pending links die at confirmation, all audited. Any other caller keeps the login as it
   * is and is told so (`loginEmailChange: KEPT`).
   */
  async updateContact(
    scope: OrgScope,
    id: number,
    input: ContactFields,
    { mayChangeLogin = false }: { mayChangeLogin?: boolean } = {},
  ): Promise<{ contact: Contact; revokedGrantCount: number; loginEmailChange: ContactLoginEmailChange | null }> {
    const fields = cleanPerson(input);
    return scope.transaction(async (tx) => {
      const contact = (await tx.findOneForUpdate(Contact, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Contact not found.", "id");
      const disabling = contact.active && fields.active === false;
      const changed = Object.keys(fields).filter((k) => (contact as unknown as Record<string, unknown>)[k] !== (fields as Record<string, unknown>)[k] && k !== "emailNormalized");
      // Disabling revokes the grant below: its login needs no change then.
      const grant = fields.email !== undefined && !disabling ? await tx.findOneBy(PortalGrant, { contactId: contact.id, revokedAt: IsNull() }) : null;
      const login = grant ? await this.access.requireAccount(tx, grant.accountId) : null;
      const decision = decideContactEmailChange({ onFile: contact.email, typed: fields.email, login, mayChangeLogin });
      Object.assign(contact, fields);
      await tx.save(Contact, contact);
      const revokedGrantCount = disabling ? await this.access.revokeContactGrants(tx, contact.id) : 0;
      let loginEmailChange: ContactLoginEmailChange | null = null;
      if (decision.kind === "keep") loginEmailChange = ContactLoginEmailChange.KEPT;
      if (decision.kind === "login" && login) {
        if (!this.loginEmails) throw new Error("PatientService was built without the login-email change service");
        // The same request as changePortalLoginEmail, in this transaction: EMAIL_IN_USE undoes the edit too.
        const { account } = await this.loginEmails.request(tx, { accountId: login.id, email: decision.email });
        loginEmailChange = account.pendingLoginEmail ? ContactLoginEmailChange.REQUESTED : ContactLoginEmailChange.CANCELLED;
      }
      if (changed.length) {
        await audit(tx, {
          action: disabling ? "contact.disabled" : "contact.updated",
          targetType: "Contact",
          targetId: id,
          patientId: contact.patientId,
          after: { changed, revokedGrantCount, ...(loginEmailChange ? { loginEmailChange } : {}) },
        });
      }
      return { contact, revokedGrantCount, loginEmailChange };
    });
  }
}
