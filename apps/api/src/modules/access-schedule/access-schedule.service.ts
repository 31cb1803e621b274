import {
  AccessType,
  addDays,
  ageRuleProblem,
  type AgeRulePreset,
  dayOf,
  emailProblemMessage,
  isCalendarDate,
  ProxyBasis,
  renewedEndDate,
  selfAccessRefusal,
  UserErrorCode,
  type AgeRules,
} from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { Patient } from "../patients/patient.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";
import { AccessScheduleSettings } from "./access-schedule.entity";

/** The organization's access-over-time settings (defaults when never saved: no age rules). */
export async function accessScheduleSettingsOf(scope: OrgScope): Promise<AccessScheduleSettings> {
  return (await scope.findOneBy(AccessScheduleSettings, {})) ?? AccessScheduleSettings.defaults(scope.organizationId);
}

/**
 * Rule 20, at every place a SELF grant or invite is decided (enable, bulk enable, link, invite,
 * bulk invite): a patient under the organization's minimum age is refused with
 * BELOW_SELF_ACCESS_AGE, saying from which day it becomes possible. Synchronous over facts the
 * caller read, so set-based paths call it per row.
 */
export function refuseBelowSelfAccessAge(rules: AgeRules, patient: Pick<Patient, "dateOfBirth">, now: Date, field = "patientId"): void {
  const refusal = selfAccessRefusal(rules, patient.dateOfBirth, dayOf(now));
  if (refusal) {
    fail(
      UserErrorCode.BELOW_SELF_ACCESS_AGE,
      `This patient is under ${refusal.minAge}, the organization's minimum age for an own portal account; it becomes possible on ${refusal.allowedFrom}. A parent or guardian can be given proxy access meanwhile.`,
      field,
    );
  }
}

/** What a proxy grant records about its authorization (rule 21), as given by staff. */
export interface ProxyAuthorization {
  basis: ProxyBasis;
  basisDocumentRef?: string | null;
  endsOn?: string | null;
}

function checkEndDate(endsOn: string | null | undefined, now: Date): string | null {
  if (endsOn == null || endsOn === "") return null;
  if (!isCalendarDate(endsOn)) fail(UserErrorCode.INVALID_INPUT, "The end date must be a real date (YYYY-MM-DD).", "endsOn");
  if (endsOn <= dayOf(now)) fail(UserErrorCode.INVALID_INPUT, "The end date must be after today.", "endsOn");
  return endsOn;
}

/**
 * Writes a proxy grant's basis, verifier (the caller, now), document reference and end date, in the
 * caller's transaction. Returns what the audit row records. Called when a contact is granted access
 * and when staff correct or renew an existing grant.
 */
export async function applyProxyAuthorization(tx: OrgScope, grant: PortalGrant, input: ProxyAuthorization, now = new Date()): Promise<Record<string, unknown>> {
  if (grant.accessType !== AccessType.PROXY) fail(UserErrorCode.INVALID_INPUT, "Only a proxy grant records a basis and an end date.", "grantId");
  if (!Object.values(ProxyBasis).includes(input.basis)) fail(UserErrorCode.INVALID_INPUT, "Choose a basis.", "basis");
  const endsOn = checkEndDate(input.endsOn, now);
  const basisDocumentRef = input.basisDocumentRef?.trim() || null;
  const values = { proxyBasis: input.basis, basisDocumentRef, endsOn, basisVerifiedByStaffId: tx.actor.staffId, basisVerifiedAt: now };
  await tx.update(PortalGrant, { id: grant.id }, values);
  Object.assign(grant, values);
  return { proxyBasis: input.basis, basisDocumentRef, endsOn, basisVerifiedBy: tx.actor.label, basisVerifiedAt: now.toISOString() };
}

/** Rules 20 and 21 for staff: the organization's settings, a proxy's basis and end date, renewal. */
export class AccessScheduleService {
  settings(scope: OrgScope): Promise<AccessScheduleSettings> {
    return accessScheduleSettingsOf(scope);
  }

  async updateSettings(
    scope: OrgScope,
    input: {
      ageRulePreset: AgeRulePreset;
      selfAccessMinAge?: number | null;
      proxyLimitedAtAge?: number | null;
      proxyLimitedRoleId?: number | null;
      proxyEndsAtAge?: number | null;
      ageNoticeDays: number;
      proxyEndReminderDays: number;
      proxyEndReminderEmail?: string | null;
    },
  ): Promise<{ settings: AccessScheduleSettings }> {
    return scope.transaction(async (tx) => {
      const values = {
        ageRulePreset: input.ageRulePreset,
        selfAccessMinAge: input.selfAccessMinAge ?? null,
        proxyLimitedAtAge: input.proxyLimitedAtAge ?? null,
        proxyLimitedRoleId: input.proxyLimitedAtAge == null ? null : (input.proxyLimitedRoleId ?? null),
        proxyEndsAtAge: input.proxyEndsAtAge ?? null,
        ageNoticeDays: input.ageNoticeDays,
        proxyEndReminderDays: input.proxyEndReminderDays,
        proxyEndReminderEmail: input.proxyEndReminderEmail?.trim() || null,
      };
      const problem = ageRuleProblem(values);
      if (problem) fail(UserErrorCode.INVALID_INPUT, problem[1], problem[0]);
      for (const field of ["ageNoticeDays", "proxyEndReminderDays"] as const) {
        if (!Number.isInteger(values[field]) || values[field] < 0 || values[field] > 365) fail(UserErrorCode.INVALID_INPUT, "Between 0 and 365 days.", field);
      }
      if (values.proxyLimitedRoleId !== null) {
        const role = (await tx.findOneBy(PortalRole, { id: values.proxyLimitedRoleId })) ?? fail(UserErrorCode.NOT_FOUND, "Portal role not found.", "proxyLimitedRoleId");
        if (!role.accessTypes.includes(AccessType.PROXY)) fail(UserErrorCode.ROLE_NOT_APPLICABLE, `The role "${role.name}" does not apply to contacts.`, "proxyLimitedRoleId");
      }
      if (values.proxyEndReminderEmail) {
        const problemOfEmail = emailProblemMessage(values.proxyEndReminderEmail);
        if (problemOfEmail) fail(UserErrorCode.INVALID_EMAIL, problemOfEmail, "proxyEndReminderEmail");
      }
      const existing = await tx.findOneBy(AccessScheduleSettings, {});
      const before = existing ? { ...existing } : null;
      let settings: AccessScheduleSettings;
      if (existing) {
        await tx.update(AccessScheduleSettings, { organizationId: tx.organizationId }, values);
        settings = Object.assign(existing, values);
      } else {
        settings = await tx.create(AccessScheduleSettings, values);
      }
      const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => (before as Record<string, unknown> | null)?.[k] !== v));
      if (Object.keys(changed).length) {
        await audit(tx, {
          action: "organization.settings_updated",
          targetType: "Organization",
          targetId: tx.organizationId,
          before: before ? Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]])) : null,
          after: { ...changed, section: "access_schedule" },
        });
      }
      return { settings: Object.assign(AccessScheduleSettings.defaults(tx.organizationId), settings) };
    });
  }

  private async requireActiveProxy(tx: OrgScope, grantId: number): Promise<PortalGrant> {
    const grant = await tx.findOneForUpdate(PortalGrant, { id: grantId });
    if (!grant || grant.revokedAt) fail(UserErrorCode.NOT_FOUND, "Portal access not found (it may have been removed already).", "grantId");
    if (grant!.accessType !== AccessType.PROXY) fail(UserErrorCode.INVALID_INPUT, "Only a proxy grant records a basis and an end date.", "grantId");
    return grant!;
  }

  /** Rule 21: record or correct why a proxy is authorized and until when (audited). */
  async updateProxyAuthorization(scope: OrgScope, input: ProxyAuthorization & { grantId: number }, now = new Date()): Promise<{ grant: PortalGrant }> {
    return scope.transaction(async (tx) => {
      const grant = await this.requireActiveProxy(tx, input.grantId);
      const before = { proxyBasis: grant.proxyBasis, basisDocumentRef: grant.basisDocumentRef, endsOn: grant.endsOn };
      const after = await applyProxyAuthorization(tx, grant, input, now);
      await audit(tx, { action: "portal_access.renewed", targetType: "PortalGrant", targetId: grant.id, patientId: grant.patientId, before, after: { ...after, how: "edited" } });
      return { grant };
    });
  }

  /**
   * Rule 21's renewal in one click: the end date moves one year on (from the current end date, or
   * from today once it has passed), the basis stays, and the caller is recorded as having verified
   * it now. A grant already ended is not renewed: it is granted again.
   */
  async renewProxyAccess(scope: OrgScope, input: { grantId: number; endsOn?: string | null; basisDocumentRef?: string | null }, now = new Date()): Promise<{ grant: PortalGrant }> {
    return scope.transaction(async (tx) => {
      const grant = await this.requireActiveProxy(tx, input.grantId);
      const today = dayOf(now);
      const endsOn = input.endsOn ?? renewedEndDate(grant.endsOn, today);
      const before = { proxyBasis: grant.proxyBasis, basisDocumentRef: grant.basisDocumentRef, endsOn: grant.endsOn };
      checkEndDate(endsOn, now);
      // The basis stays as recorded; renewing says the caller checked it (again) now.
      const values = { endsOn, basisDocumentRef: input.basisDocumentRef?.trim() || grant.basisDocumentRef, basisVerifiedByStaffId: tx.actor.staffId, basisVerifiedAt: now };
      await tx.update(PortalGrant, { id: grant.id }, values);
      Object.assign(grant, values);
      const after = { proxyBasis: grant.proxyBasis, basisDocumentRef: values.basisDocumentRef, endsOn, basisVerifiedBy: tx.actor.label, basisVerifiedAt: now.toISOString() };
      await audit(tx, { action: "portal_access.renewed", targetType: "PortalGrant", targetId: grant.id, patientId: grant.patientId, before, after: { ...after, how: "renewed" } });
      return { grant };
    });
  }
}

/** The first day a notice for a change on `on` goes out. */
export const noticeFrom = (on: string, days: number): string => addDays(on, -days);
