import { In, IsNull, Not } from "typeorm";
import { AccessType, emailProblemMessage, normalizeEmail, UserErrorCode } from "@portal/schema";
import { OrgScope } from "../../db/org-scope";
import { isUniqueViolation, violatedIndex } from "../../db/transaction";
import { attempt, fail, UserFacingError } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { Organization } from "../organizations/organization.entity";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";
import type { SessionService } from "../../auth/session.service";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";
import { refreshPortalStatus } from "./portal-status";
// Rules 20 and 21 live in modules/access-schedule; the calls below are marked "access schedule".
import { accessScheduleSettingsOf, applyProxyAuthorization, refuseBelowSelfAccessAge, type ProxyAuthorization } from "../access-schedule/access-schedule.service";

export interface GrantResult {
  grant: PortalGrant;
  account: PortalAccount;
  patient: Patient;
}

/** Hooks that later capabilities (invites, partner webhooks) attach to access changes. */
export interface AccessChange {
  action: string;
  grant: PortalGrant;
  account: PortalAccount;
}

/** Hooks that later capabilities (invites, partner webhooks) attach to access changes, given all changes of a step at once. */
export interface AccessChangeListener {
  onAccessChanged?(tx: OrgScope, changes: AccessChange[]): Promise<void>;
}

/** One patient to enable: the email on file, unless staff typed another one. */
export interface EnableRequest {
  patientId: number;
  email?: string | null;
}

/** What enabling will build on, known before anything is written: callers may add their own guard on it. */
export interface EnableFacts {
  patient: Patient;
  /** The account the patient held before (re-enabling), or null when a new one will be created. */
  account: PortalAccount | null;
  email: string;
  /** The patient's SELF grant suspended while the patient was inactive: enabling lifts it. */
  suspended?: PortalGrant | null;
}

/** Why a grant is suspended: the only reason so far (a patient made inactive). */
export const SUSPENDED_PATIENT_INACTIVE = "PATIENT_INACTIVE";


/**
 * The per-patient access rules of SPEC.md (rules 1–5 and 10), each decided inside one transaction.
 * Bulk onboarding calls the same methods row by row, so a rule lives in exactly one place.
 */
export class PortalAccessService {
  private readonly listeners: AccessChangeListener[] = [];

  constructor(private readonly sessions: SessionService) {}

  addListener(listener: AccessChangeListener): void {
    this.listeners.push(listener);
  }

  private async notify(tx: OrgScope, changes: AccessChange[]) {
    if (changes.length === 0) return;
    for (const l of this.listeners) await l.onAccessChanged?.(tx, changes);
  }

  async requirePatient(tx: OrgScope, patientId: number, field = "patientId"): Promise<Patient> {
    return (await tx.findOneBy(Patient, { id: patientId })) ?? fail(UserErrorCode.NOT_FOUND, "Patient not found.", field);
  }

  /** Rule 5: the role must be one of the organization's portal roles applicable to the access type. */
  async requireRole(tx: OrgScope, roleId: number | null, accessType: AccessType): Promise<PortalRole> {
    if (roleId === null) {
      const org = await tx.manager.findOneByOrFail(Organization, { id: tx.organizationId });
      roleId = accessType === AccessType.SELF ? org.defaultPortalRoleId : null;
      if (roleId === null) fail(UserErrorCode.INVALID_INPUT, "Choose a portal role.", "portalRoleId");
    }
    const role = await tx.findOneBy(PortalRole, { id: roleId! });
    if (!role) fail(UserErrorCode.NOT_FOUND, "Portal role not found.", "portalRoleId");
    if (!role!.accessTypes.includes(accessType)) {
      fail(UserErrorCode.ROLE_NOT_APPLICABLE, `The role "${role!.name}" does not apply to ${accessType === AccessType.SELF ? "patients" : "contacts"}.`, "portalRoleId");
    }
    return role!;
  }

  /**
   * Rule 1: the email comes from the record unless staff typed another one; a person who already
   * has an account keeps its login email, which cannot be changed here.
   */
  private chooseEmail(existing: PortalAccount | null, typed: string | null | undefined, onFile: string | null): string {
    if (existing) {
      if (typed && normalizeEmail(typed) !== existing.emailNormalized) {
        fail(UserErrorCode.EMAIL_LOCKED_TO_ACCOUNT, `This person already has a portal account; its login email ${existing.email} is used.`, "email");
      }
      return existing.email;
    }
    const email = (typed ?? onFile ?? "").trim();
    if (!email) fail(UserErrorCode.MISSING_EMAIL, "An email address is needed to grant portal access.", "email");
    // Also refuses a record's email written before the equivalence rule (issue 11: x@dom., "x"@dom, soft hyphens).
    const problem = emailProblemMessage(email);
    if (problem) fail(UserErrorCode.INVALID_EMAIL, problem, "email");
    return email;
  }

  /** The account a patient or contact held before (through a revoked grant), if any. */
  private async previousAccount(tx: OrgScope, where: { patientId: number; accessType: AccessType } | { contactId: number }): Promise<PortalAccount | null> {
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

  /** Rules 1, 2, 5: give a patient access to their own profile (the set-based path, for one patient). */
  async enablePortalAccess(scope: OrgScope, input: EnableRequest & { portalRoleId: number | null }): Promise<GrantResult> {
    const [result] = await this.enableMany(scope, [input], input.portalRoleId);
    if (result instanceof UserFacingError) throw result;
    return result;
  }

  /**
   * Rules 1, 2, 5 for many patients at once (bulk onboarding; the single mutation is the case of
   * one). The facts of every row are read in a few statements, each row is decided by the same
   * guards, and the rows that pass are written in multi-row statements. A row that cannot be done
   * gets its UserFacingError in the result; the others are done. `guard` lets a caller refuse a row
   * on the same facts before anything is written (bulk enable-and-invite refuses rows it could not
   * invite).
   */
  async enableMany(
    scope: OrgScope,
    requests: EnableRequest[],
    portalRoleId: number | null,
    guard: (facts: EnableFacts) => void = () => undefined,
  ): Promise<(GrantResult | UserFacingError)[]> {
    return scope.transaction(async (tx) => {
      const role = await this.requireRole(tx, portalRoleId, AccessType.SELF);
      const ageRules = (await accessScheduleSettingsOf(tx)).ageRules; // access schedule (rule 20)
      const now = new Date();
      const ids = [...new Set(requests.map((r) => r.patientId))];
      const patients = new Map((await tx.find(Patient, { where: { id: In(ids) } })).map((p) => [p.id, p]));
      // Every SELF grant of these patients, newest first: an active one refuses the row, the latest
      // revoked one names the account a re-enabled patient keeps (rule 1).
      const selfGrants = await tx.find(PortalGrant, {
        where: { patientId: In(ids), accessType: AccessType.SELF },
        select: { id: true, patientId: true, accountId: true, revokedAt: true, suspendedAt: true },
        order: { id: "DESC" },
      });
      // A suspended grant (the patient was inactive) is not access: enabling lifts it, keeping its account.
      const hasAccess = new Set(selfGrants.filter((g) => !g.revokedAt && !g.suspendedAt).map((g) => g.patientId));
      const suspended = new Map(selfGrants.filter((g) => !g.revokedAt && g.suspendedAt).map((g) => [g.patientId, g]));
      const previousAccountId = new Map<number, number>();
      for (const g of selfGrants) if (!previousAccountId.has(g.patientId)) previousAccountId.set(g.patientId, g.accountId);
      const previousIds = [...new Set(previousAccountId.values())];
      const previous = new Map((previousIds.length ? await tx.find(PortalAccount, { where: { id: In(previousIds) } }) : []).map((a) => [a.id, a]));

      const decisions = requests.map((request) =>
        attempt((): EnableFacts => {
          const patient = patients.get(request.patientId) ?? fail(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
          this.requireActivePatient(patient);
          refuseBelowSelfAccessAge(ageRules, patient, now); // access schedule (rule 20)
          if (hasAccess.has(patient.id)) fail(UserErrorCode.ALREADY_HAS_ACCESS, "This patient already has portal access.", "patientId");
          const account = previous.get(previousAccountId.get(patient.id) ?? 0) ?? null;
          const facts = { patient, account, email: this.chooseEmail(account, request.email, patient.email), suspended: suspended.get(patient.id) ?? null };
          guard(facts);
          hasAccess.add(patient.id); // the same patient twice in one request: the second is refused
          return facts;
        }),
      );
      // Rule 2: a new account needs an email no account uses, nor another row of this request.
      const wanted = decisions.flatMap((d) => (d instanceof UserFacingError || d.account ? [] : [normalizeEmail(d.email)]));
      const taken = new Set(
        wanted.length ? (await tx.find(PortalAccount, { where: { emailNormalized: In([...new Set(wanted)]) }, select: { id: true, emailNormalized: true } })).map((a) => a.emailNormalized) : [],
      );
      for (let i = 0; i < decisions.length; i++) {
        const d = decisions[i];
        if (d instanceof UserFacingError || d.account) continue;
        const normalized = normalizeEmail(d.email);
        if (taken.has(normalized)) decisions[i] = new UserFacingError(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
        taken.add(normalized);
      }
      const todo = decisions.filter((d): d is EnableFacts => !(d instanceof UserFacingError));
      if (todo.length === 0) return decisions as UserFacingError[];

      let done: Map<number, GrantResult>;
      try {
        // A savepoint: when a concurrent request took an email or a patient first (a unique index
        // refuses the multi-row insert), nothing of this step stays and each row is redone alone.
        done = await tx.manager.transaction((inner) => this.writeEnabled(new OrgScope(tx.dataSource, inner, tx.organizationId, tx.actor), todo, role));
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (requests.length > 1) {
          const results: (GrantResult | UserFacingError)[] = [];
          for (const request of requests) results.push(...(await this.enableMany(tx, [request], role.id, guard)));
          return results;
        }
        const self = /selfKey|uq_portal_grants_self|activeKey|uq_portal_grants_active/.test(violatedIndex(err));
        return [
          self
            ? new UserFacingError(UserErrorCode.ALREADY_HAS_ACCESS, "This patient already has portal access.", "patientId")
            : new UserFacingError(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email"),
        ];
      }
      return decisions.map((d) => (d instanceof UserFacingError ? d : done.get(d.patient.id)!));
    });
  }

  /** The writes of enableMany for rows that passed every guard: accounts, grants, status, audit, listeners. */
  private async writeEnabled(tx: OrgScope, todo: EnableFacts[], role: PortalRole): Promise<Map<number, GrantResult>> {
    const fresh = todo.filter((d) => !d.account);
    if (fresh.length) {
      await tx.insertMany(
        PortalAccount,
        fresh.map((d) => ({ email: d.email, emailNormalized: normalizeEmail(d.email), language: d.patient.language })),
      );
      const created = new Map(
        (await tx.find(PortalAccount, { where: { emailNormalized: In(fresh.map((d) => normalizeEmail(d.email))) } })).map((a) => [a.emailNormalized, a]),
      );
      for (const d of fresh) d.account = created.get(normalizeEmail(d.email))!;
    }
    const patientIds = todo.map((d) => d.patient.id);
    const lifted = todo.filter((d) => d.suspended);
    if (lifted.length) {
      // Staff enable again after a patient's return: the suspended grant resumes with the chosen role.
      await tx.update(PortalGrant, { id: In(lifted.map((d) => d.suspended!.id)) }, { suspendedAt: null, suspendedReason: null, portalRoleId: role.id });
    }
    const inserted = todo.filter((d) => !d.suspended);
    if (inserted.length) {
      await tx.insertMany(
        PortalGrant,
        inserted.map((d) => ({
          accountId: d.account!.id,
          patientId: d.patient.id,
          accessType: AccessType.SELF,
          portalRoleId: role.id,
          grantedByStaffId: tx.actor.staffId,
          activeKey: PortalGrant.activeKeyOf(d.account!.id, d.patient.id),
          selfKey: d.patient.id,
        })),
      );
    }
    const grants = new Map((await tx.find(PortalGrant, { where: { patientId: In(patientIds), accessType: AccessType.SELF, ...PortalGrant.USABLE } })).map((g) => [g.patientId, g]));
    const refreshed = await refreshPortalStatus(tx, patientIds);
    for (const d of todo) Object.assign(d.patient, refreshed.get(d.patient.id));
    const reused = new Set(todo.filter((d) => !fresh.includes(d)).map((d) => d.patient.id));
    await audit(
      tx,
      todo.map((d) => ({
        action: "portal_access.enabled",
        targetType: "PortalGrant",
        targetId: grants.get(d.patient.id)!.id,
        patientId: d.patient.id,
        after: {
          accountId: d.account!.id,
          loginEmail: d.account!.email,
          accessType: AccessType.SELF,
          portalRoleId: role.id,
          reusedAccount: reused.has(d.patient.id),
          ...(d.suspended ? { resumedFromSuspension: true } : {}),
        },
      })),
    );
    await this.notify(tx, todo.map((d) => ({ action: "portal_access.enabled", grant: grants.get(d.patient.id)!, account: d.account! })));
    return new Map(todo.map((d) => [d.patient.id, { grant: grants.get(d.patient.id)!, account: d.account!, patient: d.patient }]));
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
        const email = this.chooseEmail(null, input.email, contact.email);
        account = (await tx.findOneBy(PortalAccount, { emailNormalized: normalizeEmail(email) })) ?? fail(UserErrorCode.NOT_LINKABLE, "No portal account uses this email address.", "email");
        if (await tx.count(PortalGrant, { accountId: account.id, accessType: AccessType.SELF, revokedAt: IsNull() })) {
          fail(UserErrorCode.EMAIL_IN_USE, "This email address is a patient's own login and cannot be shared with a contact.", "email");
        }
      }
      const email = this.chooseEmail(account, input.email, contact.email);
      account ??= await this.createAccount(tx, email, contact.language);
      const grant = await this.insertGrant(tx, { accountId: account.id, patientId: patient.id, accessType: AccessType.PROXY, contactId: contact.id, portalRoleId: role.id });
      // access schedule (rule 21): the basis, verifier and end date, in the grant's transaction and audit row.
      const authorization = input.authorization ? await applyProxyAuthorization(tx, grant, input.authorization) : {};
      await audit(tx, {
        action: "portal_access.enabled",
        targetType: "PortalGrant",
        targetId: grant.id,
        patientId: patient.id,
        after: { accountId: account.id, loginEmail: account.email, accessType: AccessType.PROXY, contactId: contact.id, portalRoleId: role.id, ...authorization },
      });
      await this.notify(tx, [{ action: "portal_access.enabled", grant, account }]);
      return { grant, account, patient };
    });
  }

  /**
   * Granting access again to a contact whose grant was suspended (the patient was inactive) lifts
   * the suspension: same account and login email (rule 1), the role chosen now.
   */
  private async resumeGrant(tx: OrgScope, grant: PortalGrant, role: PortalRole, typedEmail: string | null | undefined, patient: Patient): Promise<GrantResult> {
    const account = await this.requireAccount(tx, grant.accountId);
    this.chooseEmail(account, typedEmail, null);
    const suspendedAt = grant.suspendedAt;
    Object.assign(grant, { suspendedAt: null, suspendedReason: null, portalRoleId: role.id });
    await tx.save(PortalGrant, grant);
    await audit(tx, {
      action: "portal_access.enabled",
      targetType: "PortalGrant",
      targetId: grant.id,
      patientId: grant.patientId,
      before: { suspendedAt: suspendedAt?.toISOString() ?? null },
      after: { accountId: account.id, loginEmail: account.email, accessType: grant.accessType, contactId: grant.contactId, portalRoleId: role.id, resumedFromSuspension: true },
    });
    await this.notify(tx, [{ action: "portal_access.enabled", grant, account }]);
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
    await audit(
      tx,
      grants.map((g) => ({
        action: "portal_access.suspended",
        targetType: "PortalGrant",
        targetId: g.id,
        patientId,
        before: { accountId: g.accountId, accessType: g.accessType, portalRoleId: g.portalRoleId, contactId: g.contactId },
        after: { suspended: true, reason: SUSPENDED_PATIENT_INACTIVE },
      })),
    );
    await this.endSessionsWithoutAccess(tx, [...new Set(grants.map((g) => g.accountId))]);
    return grants;
  }

  /** Accounts left with no usable grant have nothing to open: their sessions end now. */
  private async endSessionsWithoutAccess(tx: OrgScope, accountIds: number[]): Promise<void> {
    if (accountIds.length === 0) return;
    const stillUsable = new Set((await tx.find(PortalGrant, { where: { accountId: In(accountIds), ...PortalGrant.USABLE }, select: { accountId: true } })).map((g) => g.accountId));
    for (const accountId of accountIds) {
      if (!stillUsable.has(accountId)) await this.sessions.destroyAllFor("PORTAL", accountId, tx.manager);
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
      await audit(tx, {
        action: "portal_access.linked",
        targetType: "PortalGrant",
        targetId: grant.id,
        patientId: patient.id,
        after: { accountId: account.id, loginEmail: account.email, accessType: AccessType.SELF, portalRoleId: role.id },
      });
      await this.notify(tx, [{ action: "portal_access.linked", grant, account }]);
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
        await audit(tx, {
          action: "portal_access.role_changed",
          targetType: "PortalGrant",
          targetId: grant.id,
          patientId: grant.patientId,
          before: { portalRoleId: before },
          after: { portalRoleId: role.id },
        });
      }
      return { grant };
    });
  }

  private async revokeGrants(tx: OrgScope, grants: PortalGrant[], action: string, reason: string): Promise<void> {
    if (grants.length === 0) return;
    const now = new Date();
    await tx.update(PortalGrant, { id: In(grants.map((g) => g.id)) }, { revokedAt: now, revokedByStaffId: tx.actor.staffId, activeKey: null, selfKey: null });
    await refreshPortalStatus(tx, grants.filter((g) => g.accessType === AccessType.SELF).map((g) => g.patientId));
    await audit(
      tx,
      grants.map((g) => ({
        action,
        targetType: "PortalGrant",
        targetId: g.id,
        patientId: g.patientId,
        before: { accountId: g.accountId, accessType: g.accessType, portalRoleId: g.portalRoleId, contactId: g.contactId },
        after: { revoked: true, reason },
      })),
    );
    // An account left with no profile has nothing to sign in to: its sessions end now.
    const accountIds = [...new Set(grants.map((g) => g.accountId))];
    await this.endSessionsWithoutAccess(tx, accountIds);
    const changes: AccessChange[] = [];
    for (const accountId of accountIds) {
      const account = await tx.findOneBy(PortalAccount, { id: accountId });
      for (const g of grants.filter((x) => x.accountId === accountId)) {
        Object.assign(g, { revokedAt: now, activeKey: null, selfKey: null });
        if (account) changes.push({ action: "portal_access.revoked", grant: g, account });
      }
    }
    await this.notify(tx, changes);
  }

  /** Rule 10: remove one grant. */
  async revokePortalAccess(scope: OrgScope, input: { grantId: number }): Promise<{ grant: PortalGrant }> {
    return scope.transaction(async (tx) => {
      const grant = await this.requireActiveGrant(tx, input.grantId);
      await this.revokeGrants(tx, [grant], "portal_access.revoked", "staff");
      return { grant };
    });
  }

  /** Rule 10: remove every grant of an account (003: "Remove access to all patients"). */
  async revokeAllPortalAccess(scope: OrgScope, input: { accountId: number }): Promise<{ account: PortalAccount; revokedCount: number }> {
    return scope.transaction(async (tx) => {
      const account = await this.requireAccount(tx, input.accountId);
      const grants = await tx.find(PortalGrant, { where: { accountId: account.id, revokedAt: IsNull() } });
      if (grants.length === 0) fail(UserErrorCode.NO_ACCESS, "This account has no portal access to remove.", "accountId");
      await this.revokeGrants(tx, grants, "portal_access.revoked", "staff_all");
      return { account, revokedCount: grants.length };
    });
  }

  /** Rule 3: disabling a contact revokes its grants (called by the contact service). */
  async revokeContactGrants(tx: OrgScope, contactId: number): Promise<number> {
    const grants = await tx.find(PortalGrant, { where: { contactId, revokedAt: IsNull() } });
    await this.revokeGrants(tx, grants, "portal_access.revoked", "contact_disabled");
    return grants.length;
  }

  /** Rule 10: disable or re-enable an account. Disabling ends its sessions at once. */
  async setPortalAccountDisabled(scope: OrgScope, input: { accountId: number; disabled: boolean }): Promise<{ account: PortalAccount }> {
    return scope.transaction(async (tx) => {
      const account = await this.requireAccount(tx, input.accountId);
      if (account.disabled !== input.disabled) {
        account.disabled = input.disabled;
        await tx.save(PortalAccount, account);
        if (input.disabled) await this.sessions.destroyAllFor("PORTAL", account.id, tx.manager);
        await audit(tx, {
          action: input.disabled ? "portal_account.disabled" : "portal_account.enabled",
          targetType: "PortalAccount",
          targetId: account.id,
          before: { disabled: !input.disabled },
          after: { disabled: input.disabled },
        });
        const [grant] = await tx.find(PortalGrant, { where: { accountId: account.id }, order: { id: "DESC" }, take: 1 });
        if (grant && input.disabled) await this.notify(tx, [{ action: "portal_account.disabled", grant, account }]);
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
        await audit(tx, {
          action: "portal_account.password_change_forced",
          targetType: "PortalAccount",
          targetId: account.id,
          before: { mustChangePassword: false },
          after: { mustChangePassword: true },
        });
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
