import { In, IsNull, Not } from "typeorm";
import { AccessType, normalizeEmail, UserErrorCode } from "@portal/schema";
import { type AccessChanges, RowFailed, type EnableRequest } from "../../core/access-change";
import { chooseEmail, decideRole } from "../../core/access-decisions";
import { readOrganization, readRole } from "../../core/access-facts";
import { type OrgScope } from "../../db/org-scope";
import { isUniqueViolation, violatedIndex } from "../../db/transaction";
import { grantRef, type DomainEvent } from "../../events/domain-events";
import { recordingEvents, type DomainEvents } from "../../events/publish";
import { fail, UserFacingError } from "../../graphql/user-error";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import type { PortalRole } from "../portal-roles/portal-role.entity";
import type { SessionService } from "../../auth/session.service";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";
import { refreshPortalStatus } from "./portal-status";
// Rules 20, 21 live in modules/access-schedule; the calls below are marked "access schedule".
import { accessScheduleSettingsOf, applyProxyAuthorization, type ProxyAuthorization, refuseBelowSelfAccessAge } from "../access-schedule/access-schedule.service";

export type { EnableRequest };

export interface GrantResult {
  grant: PortalGrant;
  account: PortalAccount;
  patient: Patient;
}

/** Why a grant is suspended: the only reason so far (a patient made inactive). */
export const SUSPENDED_PATIENT_INACTIVE = "PATIENT_INACTIVE";

/** The row's result of a change of one row, as the single mutations answer it: done, or thrown. */
export function onlyRow<T>(result: T | UserFacingError | RowFailed): T {
  if (result instanceof UserFacingError) throw result;
  if (result instanceof RowFailed) throw result.error;
  return result;
}

const unwrap = <T>(value: T | UserFacingError): T => {
  if (value instanceof UserFacingError) throw value;
  return value;
};

/**
 * The per-patient access rules of SPEC.md (rules 1–5, 10, 18). Enabling a patient goes through the
 * access core (core/access-change.ts), the same path as a bulk chunk; the other changes are of one
 * grant or account. Every change publishes its domain events in its transaction: the audit log,
 * partner webhooks and the "access removed" email subscribe to them.
 */
export class PortalAccessService {
  constructor(
    private readonly sessions: SessionService,
    readonly changes: AccessChanges,
    private readonly events: DomainEvents = recordingEvents,
  ) {}

  async requirePatient(tx: OrgScope, patientId: number, field = "patientId"): Promise<Patient> {
    return (await tx.findOneBy(Patient, { id: patientId })) ?? fail(UserErrorCode.NOT_FOUND, "Patient not found.", field);
  }

  /** Rule 5: the role must be one of the organization's portal roles applicable to the access type. */
  async requireRole(tx: OrgScope, roleId: number | null, accessType: AccessType): Promise<PortalRole> {
    const id = roleId ?? (accessType === AccessType.SELF ? (await readOrganization(tx)).defaultPortalRoleId : null);
    const role = await readRole(tx, id);
    return unwrap(decideRole(role, roleId !== null, accessType)) as PortalRole;
  }

  /** The account a patient or contact held before (through a revoked grant), if any. */
  private async previousAccount(tx: OrgScope, where: { contactId: number }): Promise<PortalAccount | null> {
    const [previous] = await tx.find(PortalGrant, { where, order: { id: "DESC" }, take: 1 });
    return previous ? tx.findOneBy(PortalAccount, { id: previous.accountId }) : null;
  }

  private async createAccount(tx: OrgScope, email: string, language: Patient["language"]): Promise<PortalAccount> {
    const emailNormalized = normalizeEmail(email);
    // Checked first for a clear answer; the unique index settles races between concurrent requests.
    if (await tx.findOneBy(PortalAccount, { emailNormalized })) {
      fail(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
    }
    try {
      return await tx.create(PortalAccount, { email, emailNormalized, language });
    } catch (err) {
      if (isUniqueViolation(err)) fail(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
      throw err;
    }
  }

  private async insertGrant(tx: OrgScope, values: Omit<Partial<PortalGrant>, "organizationId"> & { accountId: number; patientId: number; accessType: AccessType }): Promise<PortalGrant> {
    try {
      return await tx.create(PortalGrant, {
        ...values,
        grantedByStaffId: tx.actor.staffId,
        activeKey: PortalGrant.activeKeyOf(values.accountId, values.patientId),
        selfKey: values.accessType === AccessType.SELF ? values.patientId : null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const self = /selfKey|uq_portal_grants_self/.test(violatedIndex(err));
        fail(UserErrorCode.ALREADY_HAS_ACCESS, self ? "This patient already has portal access." : "This account already has access to this patient.");
      }
      throw err;
    }
  }

  private requireActivePatient(patient: Patient) {
    if (!patient.active) fail(UserErrorCode.PATIENT_INACTIVE, "This patient's record is inactive.", "patientId");
  }

  /** Rules 1, 2, 5: give a patient access to their own profile (the access core's change of one row). */
  async enablePortalAccess(scope: OrgScope, input: EnableRequest & { portalRoleId: number | null }, options: { invite?: boolean } = {}): Promise<GrantResult> {
    return scope.transaction(async (tx) => {
      const [result] = await this.changes.enable(tx, [input], { portalRoleId: input.portalRoleId, invite: Boolean(options.invite) });
      const { grant, account, patient } = onlyRow(result);
      return { grant, account, patient };
    });
  }

  /** Rules 1–3, 5: give a contact on the patient's record proxy access to that patient. */
  async grantContactPortalAccess(
    scope: OrgScope,
    input: { contactId: number; portalRoleId: number; email?: string | null; linkExistingAccount?: boolean | null; authorization?: ProxyAuthorization | null },
  ): Promise<GrantResult> {
    return scope.transaction(async (tx) => {
      const contact = (await tx.findOneBy(Contact, { id: input.contactId })) ?? fail(UserErrorCode.NOT_FOUND, "Contact not found.", "contactId");
      if (!contact.active) fail(UserErrorCode.CONTACT_INACTIVE, "This contact is disabled.", "contactId");
      const patient = await this.requirePatient(tx, contact.patientId, "contactId");
      this.requireActivePatient(patient);
      const current = await tx.findOneForUpdate(PortalGrant, { contactId: contact.id, revokedAt: IsNull() });
      if (current && !current.suspendedAt) fail(UserErrorCode.ALREADY_HAS_ACCESS, "This contact already has portal access.", "contactId");
      const role = await this.requireRole(tx, input.portalRoleId, AccessType.PROXY);
      if (current) return this.resumeGrant(tx, current, role, input.email, patient);
      let account = await this.previousAccount(tx, { contactId: contact.id });
      if (!account && input.linkExistingAccount) {
        // The same person already holds proxy access to another patient (a parent of several
        // children): staff explicitly reuse that account. A patient's own login is never shared (rule 2).
        const email = unwrap(chooseEmail(null, input.email, contact.email));
        account = (await tx.findOneBy(PortalAccount, { emailNormalized: normalizeEmail(email) })) ?? fail(UserErrorCode.NOT_LINKABLE, "No portal account uses this email address.", "email");
        if (await tx.count(PortalGrant, { accountId: account.id, accessType: AccessType.SELF, revokedAt: IsNull() })) {
          fail(UserErrorCode.EMAIL_IN_USE, "This email address is a patient's own login and cannot be shared with a contact.", "email");
        }
      }
      const email = unwrap(chooseEmail(account, input.email, contact.email));
      account ??= await this.createAccount(tx, email, contact.language);
      const grant = await this.insertGrant(tx, { accountId: account.id, patientId: patient.id, accessType: AccessType.PROXY, contactId: contact.id, portalRoleId: role.id });
      // access schedule (rule 21): the basis, verifier and end date, in the grant's transaction and audit row.
      const authorization = input.authorization ? await applyProxyAuthorization(tx, grant, input.authorization) : {};
      await this.events.publish(tx, [{ type: "AccessEnabled", grant: grantRef(grant), loginEmail: account.email, how: "enabled", proxyAuthorization: authorization }]);
      return { grant, account, patient };
    });
  }

  /**
   * Granting access again to a contact whose grant was suspended (the patient was inactive) lifts
   * the suspension: same account and login email (rule 1), the role chosen now.
   */
  private async resumeGrant(tx: OrgScope, grant: PortalGrant, role: PortalRole, typedEmail: string | null | undefined, patient: Patient): Promise<GrantResult> {
    const account = await this.requireAccount(tx, grant.accountId);
    unwrap(chooseEmail(account, typedEmail, null));
    const suspendedAt = grant.suspendedAt;
    Object.assign(grant, { suspendedAt: null, suspendedReason: null, portalRoleId: role.id });
    await tx.save(PortalGrant, grant);
    await this.events.publish(tx, [{ type: "AccessEnabled", grant: grantRef(grant), loginEmail: account.email, how: "enabled", resumedFrom: { suspendedAt } }]);
    return { grant, account, patient };
  }

  /**
   * SPEC rule 18: a patient made inactive (discharged, deceased, merged) loses portal access at once.
   * Every usable grant to the patient (the SELF grant and the proxies') is suspended, not revoked,
   * so staff see what was there and can resume it; accounts left with nothing to open are signed
   * out (a parent keeps the session for another child). New sign-ins of those accounts are refused
   * because they hold no usable grant. Called by the patient service in its transaction.
   */
  async suspendPatientGrants(tx: OrgScope, patientId: number): Promise<PortalGrant[]> {
    const grants = await tx.find(PortalGrant, { where: { patientId, ...PortalGrant.USABLE }, order: { id: "ASC" } });
    if (grants.length === 0) return [];
    const now = new Date();
    await tx.update(PortalGrant, { id: In(grants.map((g) => g.id)) }, { suspendedAt: now, suspendedReason: SUSPENDED_PATIENT_INACTIVE });
    for (const g of grants) Object.assign(g, { suspendedAt: now, suspendedReason: SUSPENDED_PATIENT_INACTIVE });
    await refreshPortalStatus(tx, [patientId]);
    await this.events.publish(tx, grants.map((g) => ({ type: "AccessSuspended", grant: grantRef(g), reason: SUSPENDED_PATIENT_INACTIVE })));
    await this.endSessionsWithoutAccess(tx, [...new Set(grants.map((g) => g.accountId))]);
    return grants;
  }

  /** Accounts left with no usable grant have nothing to open: their sessions end now. */
  private async endSessionsWithoutAccess(tx: OrgScope, accountIds: number[]): Promise<void> {
    if (accountIds.length === 0) return;
    const stillUsable = new Set((await tx.find(PortalGrant, { where: { accountId: In(accountIds), ...PortalGrant.USABLE }, select: { accountId: true } })).map((g) => g.accountId));
    for (const accountId of accountIds) {
      if (!stillUsable.has(accountId)) await this.sessions.destroyAllFor("PORTAL", accountId, tx);
    }
  }

  /** Rule 4: a patient whose email on file is an existing account's login joins that account. */
  async linkPatientToPortalAccount(scope: OrgScope, input: { patientId: number; portalRoleId: number | null }): Promise<GrantResult> {
    return scope.transaction(async (tx) => {
      const patient = await this.requirePatient(tx, input.patientId);
      this.requireActivePatient(patient);
      refuseBelowSelfAccessAge((await accessScheduleSettingsOf(tx)).ageRules, patient, new Date()); // access schedule (rule 20)
      const self = await tx.findOneBy(PortalGrant, { patientId: patient.id, accessType: AccessType.SELF, revokedAt: IsNull() });
      if (self?.suspendedAt) fail(UserErrorCode.ALREADY_HAS_ACCESS, "This patient's portal access is suspended: enable portal access to resume it.", "patientId");
      if (self) fail(UserErrorCode.ALREADY_HAS_ACCESS, "This patient already has portal access.", "patientId");
      if (!patient.emailNormalized) fail(UserErrorCode.MISSING_EMAIL, "The patient has no email address on file.", "patientId");
      const account =
        (await tx.findOneBy(PortalAccount, { emailNormalized: patient.emailNormalized! })) ??
        fail(UserErrorCode.NOT_LINKABLE, "No portal account uses the email address on file.", "patientId");
      const role = await this.requireRole(tx, input.portalRoleId, AccessType.SELF);
      const grant = await this.insertGrant(tx, { accountId: account.id, patientId: patient.id, accessType: AccessType.SELF, portalRoleId: role.id });
      await refreshPortalStatus(tx, [patient.id]);
      await this.events.publish(tx, [{ type: "AccessEnabled", grant: grantRef(grant), loginEmail: account.email, how: "linked" }]);
      return { grant, account, patient: (await tx.findOneBy(Patient, { id: patient.id }))! };
    });
  }

  private async requireActiveGrant(tx: OrgScope, grantId: number): Promise<PortalGrant> {
    const grant = await tx.findOneForUpdate(PortalGrant, { id: grantId });
    if (!grant || grant.revokedAt) fail(UserErrorCode.NOT_FOUND, "Portal access not found (it may have been removed already).", "grantId");
    return grant!;
  }

  async requireAccount(tx: OrgScope, accountId: number): Promise<PortalAccount> {
    return (await tx.findOneForUpdate(PortalAccount, { id: accountId })) ?? fail(UserErrorCode.NOT_FOUND, "Portal account not found.", "accountId");
  }

  /** Rule 10: change the role of one grant. */
  async changePortalRole(scope: OrgScope, input: { grantId: number; portalRoleId: number }): Promise<{ grant: PortalGrant }> {
    return scope.transaction(async (tx) => {
      const grant = await this.requireActiveGrant(tx, input.grantId);
      const role = await this.requireRole(tx, input.portalRoleId, grant.accessType);
      const before = grant.portalRoleId;
      if (before !== role.id) {
        grant.portalRoleId = role.id;
        await tx.save(PortalGrant, grant);
        await this.events.publish(tx, [{ type: "PortalRoleChanged", grantId: grant.id, patientId: grant.patientId, before, after: role.id }]);
      }
      return { grant };
    });
  }

  private async revokeGrants(tx: OrgScope, grants: PortalGrant[], reason: "staff" | "staff_all" | "contact_disabled"): Promise<void> {
    if (grants.length === 0) return;
    const now = new Date();
    await tx.update(PortalGrant, { id: In(grants.map((g) => g.id)) }, { revokedAt: now, revokedByStaffId: tx.actor.staffId, activeKey: null, selfKey: null });
    await refreshPortalStatus(tx, grants.filter((g) => g.accessType === AccessType.SELF).map((g) => g.patientId));
    // An account left with no profile has nothing to sign in to: its sessions end now.
    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    await this.endSessionsWithoutAccess(tx, accountIds);
    const accounts = new Map((await tx.find(PortalAccount, { where: { id: In(accountIds) }, select: { id: true, email: true, language: true } })).map((a) => [a.id, a]));
    const events: DomainEvent[] = grants.flatMap((g) => {
      const account = accounts.get(g.accountId);
      const wasSuspended = Boolean(g.suspendedAt);
      Object.assign(g, { revokedAt: now, activeKey: null, selfKey: null });
      return account ? [{ type: "AccessRevoked" as const, grant: grantRef(g), reason, loginEmail: account.email, language: account.language, wasSuspended }] : [];
    });
    await this.events.publish(tx, events);
  }

  /** Rule 10: remove one grant. */
  async revokePortalAccess(scope: OrgScope, input: { grantId: number }): Promise<{ grant: PortalGrant }> {
    return scope.transaction(async (tx) => {
      const grant = await this.requireActiveGrant(tx, input.grantId);
      await this.revokeGrants(tx, [grant], "staff");
      return { grant };
    });
  }

  /** Rule 10: remove every grant of an account (003: "Remove access to all patients"). */
  async revokeAllPortalAccess(scope: OrgScope, input: { accountId: number }): Promise<{ account: PortalAccount; revokedCount: number }> {
    return scope.transaction(async (tx) => {
      const account = await this.requireAccount(tx, input.accountId);
      const grants = await tx.find(PortalGrant, { where: { accountId: account.id, revokedAt: IsNull() } });
      if (grants.length === 0) fail(UserErrorCode.NO_ACCESS, "This account has no portal access to remove.", "accountId");
      await this.revokeGrants(tx, grants, "staff_all");
      return { account, revokedCount: grants.length };
    });
  }

  /** Rule 3: disabling a contact revokes its grants (called by the contact service). */
  async revokeContactGrants(tx: OrgScope, contactId: number): Promise<number> {
    const grants = await tx.find(PortalGrant, { where: { contactId, revokedAt: IsNull() } });
    await this.revokeGrants(tx, grants, "contact_disabled");
    return grants.length;
  }

  /** Rule 10: disable or re-enable an account. Disabling ends its sessions at once. */
  async setPortalAccountDisabled(scope: OrgScope, input: { accountId: number; disabled: boolean }): Promise<{ account: PortalAccount }> {
    return scope.transaction(async (tx) => {
      const account = await this.requireAccount(tx, input.accountId);
      if (account.disabled !== input.disabled) {
        account.disabled = input.disabled;
        await tx.save(PortalAccount, account);
        if (input.disabled) await this.sessions.destroyAllFor("PORTAL", account.id, tx);
        const [grant] = await tx.find(PortalGrant, { where: { accountId: account.id }, order: { id: "DESC" }, take: 1 });
        await this.events.publish(tx, [{ type: "AccountDisabledChanged", accountId: account.id, disabled: input.disabled, latestGrant: grant ? grantRef(grant) : null }]);
      }
      return { account };
    });
  }

  /** Rule 10 (004): force a password change at the next sign-in. */
  async forcePortalPasswordChange(scope: OrgScope, input: { accountId: number }): Promise<{ account: PortalAccount }> {
    return scope.transaction(async (tx) => {
      const account = await this.requireAccount(tx, input.accountId);
      if (!account.mustChangePassword) {
        account.mustChangePassword = true;
        await tx.save(PortalAccount, account);
        await this.events.publish(tx, [{ type: "PasswordChangeForced", accountId: account.id }]);
      }
      return { account };
    });
  }

  /** Rule 4, for the staff screen: the account a patient could be linked to, if any. */
  async linkableAccount(scope: OrgScope, patient: Patient): Promise<PortalAccount | null> {
    if (!patient.emailNormalized) return null;
    const account = await scope.findOneBy(PortalAccount, { emailNormalized: patient.emailNormalized });
    if (!account) return null;
    const self = await scope.count(PortalGrant, { patientId: patient.id, accessType: AccessType.SELF, revokedAt: IsNull() });
    return self ? null : account;
  }

  /** Other active grants of the same account (rule 11: "other profiles the account can access"). */
  async otherGrants(scope: OrgScope, grant: PortalGrant): Promise<PortalGrant[]> {
    return scope.find(PortalGrant, { where: { accountId: grant.accountId, revokedAt: IsNull(), id: Not(grant.id) }, order: { id: "ASC" } });
  }
}
