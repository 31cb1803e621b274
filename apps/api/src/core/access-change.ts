import { AccessType, InviteMethod, normalizeEmail, UserErrorCode } from "@portal/schema";
import { hashPassword } from "../auth/passwords";
import { randomToken } from "../auth/tokens";
import type { OrgScope } from "../db/org-scope";
import { isUniqueViolation, violatedIndex } from "../db/transaction";
import type { EmailQueue } from "../email/email-queue";
import { EmailKind } from "../email/email.types";
import { grantRef, type DomainEvent } from "../events/domain-events";
import type { DomainEvents } from "../events/publish";
import { attempt, UserFacingError } from "../graphql/user-error";
// Rule 20 lives in modules/access-schedule; the calls below are marked "access schedule".
import { accessScheduleSettingsOf, refuseBelowSelfAccessAge } from "../modules/access-schedule/access-schedule.service";
import { generateTemporaryPassword, invitePath, signInPath } from "../modules/invites/portal-tokens";
import type { Organization } from "../modules/organizations/organization.entity";
import type { Contact } from "../modules/patients/contact.entity";
import type { Patient } from "../modules/patients/patient.entity";
import type { PortalAccount } from "../modules/portal-access/portal-account.entity";
import type { PortalGrant } from "../modules/portal-access/portal-grant.entity";
import { patientsFollowingAccount, refreshPortalStatus } from "../modules/portal-access/portal-status";
import { decideEnable, decideInviteTarget, decideRole, emailInUse, inviteRefusal, type RoleFacts } from "./access-decisions";
import {
  readAccountsForUpdate,
  readContacts,
  readGrants,
  readOrganization,
  readPatients,
  readRole,
  readSelfGrants,
  readTakenEmails,
  readUsedDedupeKeys,
} from "./access-facts";
import { DedupeKeyTaken, writeEnables, writeInvites, type EnableWrite, type InviteWrite } from "./access-writes";
import { isTransientDatabaseError } from "./transient-errors";

/** One patient to enable: the email on file, unless staff typed another one. */
export interface EnableRequest {
  patientId: number;
  email?: string | null;
  /** Bulk rows: the key that makes a repeated action never queue a second invite for the row. */
  dedupeKey?: string | null;
}

/** Which grant to invite for: a grant, or a patient's own (SELF) grant. */
export type InviteTarget = { grantId: number } | { patientId: number };

export interface InviteRequest {
  target: InviteTarget;
  dedupeKey?: string | null;
}

/**
 * Bulk runs name each row's invite by a key (outbox dedupe) built from the row's patient and its
 * account's last invite time, known only once the facts are read: repeating the action then never
 * queues a second email for the same invite "generation".
 */
export type DedupeKeyOf = (patientId: number, lastInviteSentAt: Date | null) => string;

/** What an invite sent was. */
export interface InviteDone {
  method: InviteMethod;
  inviteExpiresAt: Date;
  /** An earlier invite to this account existed. */
  resent: boolean;
  /** False when the row's dedupe key was used already: nothing was sent or changed. */
  queued: boolean;
}

/** A row done: its grant, account and patient as written (the patient's stored copies refreshed). */
export interface RowDone {
  grant: PortalGrant;
  account: PortalAccount;
  patient: Patient;
  invite: InviteDone | null;
}

/** A row whose write failed for an unexpected reason: nothing was changed for it. */
export class RowFailed {
  constructor(readonly error: unknown) {}
}

export type RowResult = RowDone | UserFacingError | RowFailed;

/** A row that passed every rule, with all its writes settled. */
interface Planned {
  index: number;
  patient: Patient;
  enable: (EnableWrite & { resumedAt: Date | null; reusedAccount: boolean }) | null;
  /** The grant invited (for an enable, known after the write). */
  grant: PortalGrant | null;
  account: Pick<PortalAccount, "id" | "email" | "language" | "lastInviteSentAt"> | null;
  invite: { token: string; temporary: { password: string; hash: string } | null; resent: boolean } | null;
}

const refuseDedupe = () => new UserFacingError(UserErrorCode.COOLDOWN, "An invite for this patient was just queued by another bulk action.", "patientId");
const dedupeKeyOf = (tx: OrgScope, key: string | null | undefined) => (key ? `${tx.organizationId}:${key}` : null);

/**
 * One access change — enabling patients (and inviting them at once), or inviting grants — in four
 * steps: the facts of every row in a fixed number of statements (access-facts.ts), each row decided
 * by pure rules (access-decisions.ts), the writes of every row that passed in set-based statements
 * (access-writes.ts), then the stored copies refreshed once and the domain events published, all
 * in the caller's transaction. A single mutation is the change of one row; a bulk chunk, of many.
 *
 * Should the set-based write fail (a concurrent change took an email or a dedupe key after the
 * facts were read, or something nobody foresaw), it is undone and the rows are written one by one
 * — the one fallback path — so that only the row at fault is refused (with the UserErrorCode the
 * rules would give) or failed; a transient database error is not handled here: the transaction's
 * owner retries the whole change.
 */
export class AccessChanges {
  constructor(
    private readonly emailQueue: EmailQueue,
    private readonly events: DomainEvents,
    private readonly publicUrl: string,
  ) {}

  /** Rules 1, 2, 5, 18 (and 6–8 with `invite`): give patients access to their own profile. */
  async enable(tx: OrgScope, requests: EnableRequest[], options: { portalRoleId: number | null; invite: boolean; dedupeKeyOf?: DedupeKeyOf }): Promise<RowResult[]> {
    // Facts: a fixed number of statements whatever the number of rows.
    const org = await readOrganization(tx);
    const roleId = options.portalRoleId ?? org.defaultPortalRoleId;
    const role = decideRole(await readRole(tx, roleId), options.portalRoleId !== null, AccessType.SELF);
    if (role instanceof UserFacingError) return requests.map(() => role);
    const patientIds = requests.map((r) => r.patientId);
    const patients = await readPatients(tx, patientIds);
    const selfGrants = await readSelfGrants(tx, patientIds);
    const previousAccountId = new Map<number, number>();
    for (const g of selfGrants) if (!previousAccountId.has(g.patientId)) previousAccountId.set(g.patientId, g.accountId);
    const accounts = await readAccountsForUpdate(tx, [...previousAccountId.values()]);
    const wanted = requests.flatMap((r) => {
      const p = patients.get(r.patientId);
      const typed = r.email ?? p?.email;
      return typed && !accounts.get(previousAccountId.get(r.patientId) ?? 0) ? [normalizeEmail(typed)] : [];
    });
    const taken = await readTakenEmails(tx, wanted);
    const ageRules = (await accessScheduleSettingsOf(tx)).ageRules; // access schedule (rule 20)
    const keys = requests.map((r) =>
      r.dedupeKey ?? options.dedupeKeyOf?.(r.patientId, accounts.get(previousAccountId.get(r.patientId) ?? 0)?.lastInviteSentAt ?? null) ?? null,
    );
    const usedKeys = options.invite ? await readUsedDedupeKeys(tx, keys.flatMap((k) => dedupeKeyOf(tx, k) ?? [])) : new Set<string>();

    // Decisions: pure, row by row; a later row sees what earlier rows of the change took.
    const now = new Date();
    const seen = new Set<number>();
    const decided = requests.map((request, index): Planned | UserFacingError => {
      const patient = patients.get(request.patientId) ?? null;
      const grants = selfGrants.filter((g) => g.patientId === request.patientId);
      const usable = grants.find((g) => !g.revokedAt && !g.suspendedAt);
      const suspended = grants.find((g) => !g.revokedAt && g.suspendedAt) ?? null;
      const previous = accounts.get(previousAccountId.get(request.patientId) ?? 0) ?? null;
      const decision = decideEnable(
        { patient, hasAccess: Boolean(usable) || seen.has(request.patientId), suspendedGrantId: suspended?.id ?? null, suspendedAt: suspended?.suspendedAt ?? null, previousAccount: previous },
        request.email,
        // access schedule (rule 20): no own account below the organization's minimum age.
        (p) => (attempt(() => refuseBelowSelfAccessAge(ageRules, p, now)) as UserFacingError | undefined) ?? null,
      );
      if (decision instanceof UserFacingError) return decision;
      if (!previous) {
        const normalized = normalizeEmail(decision.email);
        if (taken.has(normalized)) return emailInUse();
        taken.add(normalized);
      }
      seen.add(request.patientId);
      let invite: Planned["invite"] = null;
      if (options.invite) {
        // Enable-and-invite is one action per row: a row that could not be invited is not enabled either.
        const refusal = inviteRefusal(org, previous, patient!, "patientId", now);
        if (refusal) return refusal;
        const key = dedupeKeyOf(tx, keys[index]);
        if (key && usedKeys.has(key)) return refuseDedupe();
        if (key) usedKeys.add(key);
        invite = { token: randomToken(32), temporary: null, resent: Boolean(previous?.lastInviteSentAt) };
      }
      return {
        index,
        patient: patient!,
        enable: { patientId: patient!.id, email: decision.email, language: patient!.language, accountId: previous?.id ?? null, suspendedGrantId: decision.suspendedGrantId, resumedAt: decision.suspendedAt, reusedAccount: Boolean(previous) },
        grant: null,
        account: previous,
        invite,
      };
    });
    return this.apply(tx, org, role, decided, keys, now, refuseDedupe);
  }

  /** Rules 6–8: send (or resend) invites for grants, or for patients' own grants. */
  async invite(tx: OrgScope, requests: InviteRequest[], options: { dedupeKeyOf?: DedupeKeyOf } = {}): Promise<RowResult[]> {
    const org = await readOrganization(tx);
    const grantIds = requests.flatMap((r) => ("grantId" in r.target ? [r.target.grantId] : []));
    const selfIds = requests.flatMap((r) => ("patientId" in r.target ? [r.target.patientId] : []));
    const byGrantId = await readGrants(tx, grantIds);
    const bySelfPatient = new Map((await readSelfGrants(tx, selfIds)).filter((g) => !g.revokedAt).map((g) => [g.patientId, g]));
    const grantOf = (t: InviteTarget) => ("grantId" in t ? (byGrantId.get(t.grantId) ?? null) : (bySelfPatient.get(t.patientId) ?? null));
    const grants = requests.map((r) => grantOf(r.target));
    const patients = await readPatients(tx, [...selfIds, ...grants.flatMap((g) => (g ? [g.patientId] : []))]);
    const accounts = await readAccountsForUpdate(tx, grants.flatMap((g) => (g ? [g.accountId] : [])));
    const keys = requests.map((r, i) => {
      const grant = grants[i];
      // The patient's stored copy of its account's last invite time names the generation.
      return r.dedupeKey ?? (grant && options.dedupeKeyOf ? options.dedupeKeyOf(grant.patientId, patients.get(grant.patientId)?.lastInviteSentAt ?? null) : null);
    });
    const usedKeys = await readUsedDedupeKeys(tx, keys.flatMap((k) => dedupeKeyOf(tx, k) ?? []));
    const ageRules = (await accessScheduleSettingsOf(tx)).ageRules; // access schedule (rule 20)

    const now = new Date();
    // Two rows of one account: the second sees the first's invite (as if sent one after the other).
    const sentNow = new Set<number>();
    const decided = requests.map((request, index): Planned | RowResult => {
      const grant = grants[index];
      const byPatient = "patientId" in request.target;
      const patient = patients.get(grant?.patientId ?? ("patientId" in request.target ? request.target.patientId : 0)) ?? null;
      const target = decideInviteTarget({ grant, patient, byPatient });
      if (target) return target;
      const account = accounts.get(grant!.accountId)!;
      const facts = sentNow.has(account.id) ? { ...account, lastInviteSentAt: now } : account;
      const refusal = inviteRefusal(org, facts, patient!, byPatient ? "patientId" : "grantId", now);
      if (refusal) return refusal;
      // access schedule (rule 20): no invite to an own account below the organization's minimum age.
      const young = grant!.accessType === AccessType.SELF ? attempt(() => refuseBelowSelfAccessAge(ageRules, patient!, now, byPatient ? "patientId" : "grantId")) : null;
      if (young instanceof UserFacingError) return young;
      const key = dedupeKeyOf(tx, keys[index]);
      // The key was used: this invite went out already (a repeated bulk action); nothing changes.
      if (key && usedKeys.has(key)) return notQueued(grant!, account, patient!, org, now);
      if (key) usedKeys.add(key);
      sentNow.add(account.id);
      return { index, patient: patient!, enable: null, grant: grant!, account, invite: { token: randomToken(32), temporary: null, resent: facts.lastInviteSentAt !== null } };
    });
    return this.apply(tx, org, null, decided, keys, now, (p) => notQueued(p.grant!, p.account as PortalAccount, p.patient, org, now));
  }

  /** Writes what was decided: set-based, then the one fallback, row by row. */
  private async apply(
    tx: OrgScope,
    org: Organization,
    role: RoleFacts | null,
    decided: (Planned | RowResult)[],
    dedupeKeys: (string | null)[],
    now: Date,
    dedupeTaken: (row: Planned) => RowResult,
  ): Promise<RowResult[]> {
    const todo = decided.filter((d): d is Planned => "index" in d);
    const results: RowResult[] = decided.map((d) => ("index" in d ? (undefined as never) : d));
    if (todo.length === 0) return results;
    const invites = todo.filter((p) => p.invite);
    if (invites.length && org.inviteMethod === InviteMethod.TEMPORARY_PASSWORD) {
      // Hashing takes tens of milliseconds each: done once per row, before any write.
      await Promise.all(
        invites.map(async (p) => {
          const password = generateTemporaryPassword();
          p.invite!.temporary = { password, hash: await hashPassword(password) };
        }),
      );
    }
    const contacts = await readContacts(tx, todo.flatMap((p) => (p.grant?.contactId ? [p.grant.contactId] : [])));
    const context = { org, role, now, contacts, dedupeKeys };
    try {
      const done = await tx.savepoint((sp) => this.write(sp, todo, context));
      for (const [index, row] of done) results[index] = row;
      return results;
    } catch (err) {
      // A lost connection or a deadlock says nothing about the rows: the transaction's owner redoes it.
      if (isTransientDatabaseError(err)) throw err;
      if (todo.length === 1) {
        results[todo[0].index] = isDedupeTaken(err) ? dedupeTaken(todo[0]) : writeError(err);
        return results;
      }
    }
    // The one fallback: each row alone, so that only the row at fault is refused or failed.
    for (const planned of todo) {
      try {
        const done = await tx.savepoint((sp) => this.write(sp, [planned], context));
        for (const [index, row] of done) results[index] = row;
      } catch (err) {
        if (isTransientDatabaseError(err)) throw err;
        results[planned.index] = isDedupeTaken(err) ? dedupeTaken(planned) : writeError(err);
      }
    }
    return results;
  }

  /** The writes of the rows given, then the status refresh (once) and the events. */
  private async write(
    tx: OrgScope,
    rows: Planned[],
    { org, role, now, contacts, dedupeKeys }: { org: Organization; role: RoleFacts | null; now: Date; contacts: Map<number, Contact>; dedupeKeys: (string | null)[] },
  ): Promise<Map<number, RowDone>> {
    const events: DomainEvent[] = [];
    const enabled = rows.filter((r) => r.enable);
    const written = enabled.length ? await writeEnables(tx, enabled.map((r) => r.enable!), role!.id) : new Map();
    const grantOf = (r: Planned): PortalGrant => r.grant ?? written.get(r.patient.id)!.grant;
    const accountOf = (r: Planned): PortalAccount => (r.enable ? written.get(r.patient.id)!.account : (r.account as PortalAccount));
    for (const r of enabled) {
      const { grant, account } = written.get(r.patient.id)!;
      events.push({ type: "AccessEnabled", grant: grantRef(grant), loginEmail: account.email, how: "enabled", reusedAccount: r.enable!.reusedAccount, resumedFrom: r.enable!.suspendedGrantId ? { suspendedAt: r.enable!.resumedAt } : null });
    }

    const method = org.inviteMethod;
    const inviteExpiresAt = new Date(now.getTime() + org.inviteLinkTtlHours * 3600_000);
    const inviting = rows.filter((r) => r.invite);
    const inviteWrites: InviteWrite[] = inviting.map((r) => {
      const grant = grantOf(r);
      const account = accountOf(r);
      const contact = grant.contactId ? contacts.get(grant.contactId) : null;
      const password = r.invite!.temporary?.password ?? null;
      events.push({ type: "InviteSent", grant: grantRef(grant), loginEmail: account.email, language: account.language, method, expiresAt: inviteExpiresAt, resent: r.invite!.resent });
      return {
        accountId: account.id,
        patientId: r.patient.id,
        token: r.invite!.token,
        temporaryPasswordHash: r.invite!.temporary?.hash ?? null,
        email: {
          kind: password ? EmailKind.INVITE_TEMPORARY_PASSWORD : EmailKind.INVITE_LINK,
          to: account.email,
          language: account.language,
          accountId: account.id,
          patientId: r.patient.id,
          variables: {
            organizationName: org.name,
            recipientName: contact ? contact.firstName : r.patient.firstName,
            patientName: `${r.patient.firstName} ${r.patient.lastName}`,
            accessType: grant.accessType,
            expiresAt: inviteExpiresAt.toISOString(),
            signInUrl: `${this.publicUrl}${signInPath}`,
          },
          // The temporary-password email carries no link token: the forced change completes sign-up.
          secrets: password ? ({ temporaryPassword: password } as Record<string, string>) : { link: `${this.publicUrl}${invitePath(r.invite!.token)}` },
          dedupeKey: dedupeKeys[r.index],
        },
      };
    });
    await writeInvites(tx, this.emailQueue, inviteWrites, { now, method, expiresAt: inviteExpiresAt });

    // The stored copies, once for the whole change: every patient whose SELF account moved.
    const selfPatients = rows.flatMap((r) => (grantOf(r).accessType === AccessType.SELF ? [r.patient.id] : []));
    const invitedAccounts = new Set(inviting.map((r) => accountOf(r).id));
    const following = invitedAccounts.size ? await patientsFollowingAccount(tx, [...invitedAccounts]) : [];
    const refreshed = await refreshPortalStatus(tx, [...selfPatients, ...following]);
    await this.events.publish(tx, events);

    const out = new Map<number, RowDone>();
    for (const r of rows) {
      const account = accountOf(r);
      if (r.invite) {
        const temporary = Boolean(r.invite.temporary);
        Object.assign(account, { lastInviteSentAt: now, ...(temporary ? { mustChangePassword: true } : {}), version: (account.version ?? 0) + 1 });
      }
      Object.assign(r.patient, refreshed.get(r.patient.id));
      out.set(r.index, { grant: grantOf(r), account, patient: r.patient, invite: r.invite ? { method, inviteExpiresAt, resent: r.invite.resent, queued: true } : null });
    }
    return out;
  }
}

/** An invite whose dedupe key was used: the row is answered as it stands, nothing changed. */
function notQueued(grant: PortalGrant, account: PortalAccount, patient: Patient, org: Organization, now: Date): RowDone {
  return { grant, account, patient, invite: { method: org.inviteMethod, inviteExpiresAt: account.lastInviteSentAt ?? now, resent: account.lastInviteSentAt !== null, queued: false } };
}

/** The row's invite was queued by a concurrent change since its facts were read. */
const isDedupeTaken = (err: unknown) => err instanceof DedupeKeyTaken || (isUniqueViolation(err) && /dedupe/i.test(violatedIndex(err)));

/** What a row's failed write means for it: a unique index or a used dedupe key is a rule's answer; anything else, a failure. */
function writeError(err: unknown): UserFacingError | RowFailed {
  if (isUniqueViolation(err)) {
    const self = /selfKey|uq_portal_grants_self|activeKey|uq_portal_grants_active/.test(violatedIndex(err));
    return self ? new UserFacingError(UserErrorCode.ALREADY_HAS_ACCESS, "This patient already has portal access.", "patientId") : emailInUse();
  }
  return new RowFailed(err);
}
