import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { AccessType, dayOf, nextScheduledChange, selfAccessRefusal } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, parseId } from "../../graphql/user-error";
import { Patient } from "../patients/patient.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { AccessScheduleSettings } from "./access-schedule.entity";
import { accessScheduleSettingsOf } from "./access-schedule.service";
import {
  RenewProxyAccessInput,
  RenewProxyAccessPayload,
  ScheduledAccessChange,
  ScheduledAccessChangeKind,
  ScheduledAccessChangeReason,
  UpdateAccessScheduleSettingsInput,
  UpdateAccessScheduleSettingsPayload,
  UpdateProxyAuthorizationInput,
  UpdateProxyAuthorizationPayload,
} from "./access-schedule.types";

/** The organization's settings, read once per request however many grants a page shows. */
const perRequest = new WeakMap<Context, Promise<AccessScheduleSettings>>();
function settingsFor(ctx: Context): Promise<AccessScheduleSettings> {
  let settings = perRequest.get(ctx);
  if (!settings) {
    settings = accessScheduleSettingsOf(ctx.scope());
    perRequest.set(ctx, settings);
  }
  return settings;
}

/** The next change of one grant, decided by the shared rule the daily job applies. */
async function changeOf(grant: PortalGrant, ctx: Context): Promise<ScheduledAccessChange | null> {
  if (grant.accessType !== AccessType.PROXY || grant.revokedAt || grant.suspendedAt) return null;
  const [settings, patient, contact] = await Promise.all([
    settingsFor(ctx),
    ctx.loaders().patient.load(grant.patientId),
    grant.contactId ? ctx.loaders().contact.load(grant.contactId) : Promise.resolve(null),
  ]);
  const next = nextScheduledChange(settings.ageRules, patient?.dateOfBirth ?? null, {
    basis: grant.proxyBasis,
    relationship: contact?.relationship ?? null,
    endsOn: grant.endsOn,
    portalRoleId: grant.portalRoleId,
    ageLimited: grant.ageLimitedAt !== null,
  });
  if (!next) return null;
  return Object.assign(new ScheduledAccessChange(), {
    grantId: grant.id,
    kind: next.kind as ScheduledAccessChangeKind,
    on: next.on,
    reason: next.reason as ScheduledAccessChangeReason,
    portalRoleId: next.portalRoleId,
  });
}

@Resolver()
export class AccessScheduleResolver {
  @Query(() => AccessScheduleSettings, { description: "The organization's access-over-time settings: age rules for minors (rule 20) and proxy end-date reminders (rule 21)." })
  accessScheduleSettings(@Ctx() ctx: Context): Promise<AccessScheduleSettings> {
    return ctx.services.accessSchedule.settings(ctx.scope());
  }

  @Mutation(() => UpdateAccessScheduleSettingsPayload, { description: "Save the organization's age rules (from a preset, editable) and notice and reminder settings (audited)." })
  updateAccessScheduleSettings(@Arg("input", () => UpdateAccessScheduleSettingsInput) input: UpdateAccessScheduleSettingsInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.accessSchedule.updateSettings(ctx.scope(), {
        ...input,
        proxyLimitedRoleId: input.proxyLimitedRoleId == null ? null : parseId(input.proxyLimitedRoleId, "proxyLimitedRoleId", "Portal role"),
      }),
    );
  }

  @Mutation(() => UpdateProxyAuthorizationPayload, { description: "Record or correct a proxy grant's basis, document reference and end date; the caller is recorded as verifier (rule 21, audited)." })
  updateProxyAuthorization(@Arg("input", () => UpdateProxyAuthorizationInput) input: UpdateProxyAuthorizationInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.accessSchedule.updateProxyAuthorization(ctx.scope(), {
        grantId: parseId(input.grantId, "grantId", "Portal access"),
        basis: input.basis,
        basisDocumentRef: input.basisDocumentRef,
        endsOn: input.endsOn,
      }),
    );
  }

  @Mutation(() => RenewProxyAccessPayload, { description: "Renew a proxy grant in one click: its end date moves one year on (or to the day given), verified now by the caller (rule 21, audited)." })
  renewProxyAccess(@Arg("input", () => RenewProxyAccessInput) input: RenewProxyAccessInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.accessSchedule.renewProxyAccess(ctx.scope(), {
        grantId: parseId(input.grantId, "grantId", "Portal access"),
        endsOn: input.endsOn,
        basisDocumentRef: input.basisDocumentRef,
      }),
    );
  }
}

@Resolver(() => PortalGrant)
export class PortalGrantScheduleResolver {
  @FieldResolver(() => ScheduledAccessChange, {
    nullable: true,
    description: "For an active PROXY grant: its next change (limited to a narrower role or ended, by the age rules or its end date), decided by the server; null when none is scheduled.",
  })
  scheduledChange(@Root() grant: PortalGrant, @Ctx() ctx: Context): Promise<ScheduledAccessChange | null> {
    return changeOf(grant, ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: "Name of the staff member who verified the proxy's basis (null when not recorded or done by a partner app)." })
  async basisVerifiedByName(@Root() grant: PortalGrant, @Ctx() ctx: Context): Promise<string | null> {
    return grant.basisVerifiedByStaffId ? ((await ctx.loaders().staffUser.load(grant.basisVerifiedByStaffId))?.name ?? null) : null;
  }
}

@Resolver(() => Patient)
export class PatientScheduleResolver {
  @FieldResolver(() => ScheduledAccessChange, {
    nullable: true,
    description: "The earliest scheduled change among the active proxy grants to this patient (\"proxy ends on 2027-03-14\"), decided by the server.",
  })
  async upcomingAccessChange(@Root() patient: Patient, @Ctx() ctx: Context): Promise<ScheduledAccessChange | null> {
    const grants = await ctx.loaders().activeGrantsByPatient.load(patient.id);
    const changes = (await Promise.all(grants.map((g) => changeOf(g, ctx)))).filter((c): c is ScheduledAccessChange => c !== null);
    changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    return changes[0] ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "While the patient is under the organization's minimum age for an own account (rule 20): the day it becomes possible; null when it is possible now.",
  })
  async selfAccessAllowedFrom(@Root() patient: Patient, @Ctx() ctx: Context): Promise<string | null> {
    const settings = await settingsFor(ctx);
    return selfAccessRefusal(settings.ageRules, patient.dateOfBirth, dayOf(new Date()))?.allowedFrom ?? null;
  }
}
