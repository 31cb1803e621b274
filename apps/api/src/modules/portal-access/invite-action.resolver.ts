import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { AccessType, UserErrorCode } from "@portal/schema";
import { inviteAction, type InviteActionView } from "../../core/access-decisions";
import type { Context } from "../../graphql/context";
import { attempt, UserFacingError } from "../../graphql/user-error";
// Rule 20 lives in modules/access-schedule; the call below is marked "access schedule".
import { accessScheduleSettingsOf, refuseBelowSelfAccessAge } from "../access-schedule/access-schedule.service";
import { Patient } from "../patients/patient.entity";
import type { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";

@ObjectType({ description: "Whether an invite can be sent now, and if not why and from when: decided by the server with the rules the send mutations apply." })
export class InviteAction {
  @Field({ description: "True when the invite (or, for a patient without access, enabling and inviting) would be accepted now." })
  allowed: boolean;

  @Field(() => UserErrorCode, { nullable: true, description: "Why not: the code the mutation would answer (MISSING_DATE_OF_BIRTH, COOLDOWN, ALREADY_ACTIVE…); null when allowed." })
  reason: UserErrorCode | null;

  @Field(() => Date, { nullable: true, description: "During the resend cooldown (rule 7), when an invite becomes possible." })
  availableAt: Date | null;

  @Field({ description: "True when an invite went out before: this one is a resend." })
  resend: boolean;
}

type Settings = { resendCooldownMinutes: number; ageRules: Awaited<ReturnType<typeof accessScheduleSettingsOf>>["ageRules"] };

/** The organization's invite settings, read once per request however many rows a page shows. */
const settingsByRequest = new WeakMap<Context, Promise<Settings>>();
function settingsOf(ctx: Context): Promise<Settings> {
  let settings = settingsByRequest.get(ctx);
  if (!settings) {
    const scope = ctx.scope();
    settings = Promise.all([scope.organization(), accessScheduleSettingsOf(scope)]).then(([org, schedule]) => ({ resendCooldownMinutes: org.resendCooldownMinutes, ageRules: schedule.ageRules }));
    settingsByRequest.set(ctx, settings);
  }
  return settings;
}

async function decide(ctx: Context, patient: Patient, grant: PortalGrant | null, account: PortalAccount | null): Promise<InviteActionView> {
  const settings = await settingsOf(ctx);
  const now = new Date();
  const view = inviteAction(settings, { patient, grant, account }, now);
  if (!view.allowed || (grant && grant.accessType !== AccessType.SELF)) return view;
  // access schedule (rule 20): no own account, nor its invite, below the organization's minimum age.
  const young = attempt(() => refuseBelowSelfAccessAge(settings.ageRules, patient, now));
  return young instanceof UserFacingError ? { ...view, allowed: false, reason: young.code } : view;
}

@Resolver(() => Patient)
export class PatientInviteActionResolver {
  @FieldResolver(() => InviteAction, {
    description: "What staff can do about this patient's invite now: send or resend it through the patient's own access, or, without access, enable and invite at once.",
  })
  async inviteAction(@Root() patient: Patient, @Ctx() ctx: Context): Promise<InviteActionView> {
    const grants = await ctx.loaders().activeGrantsByPatient.load(patient.id);
    const self = grants.find((g) => g.accessType === AccessType.SELF) ?? null;
    const account = self ? await ctx.loaders().portalAccount.load(self.accountId) : null;
    return decide(ctx, patient, self, account ?? null);
  }
}

@Resolver(() => PortalGrant)
export class GrantInviteActionResolver {
  @FieldResolver(() => InviteAction, { description: "Whether an invite can be sent for this grant now, and if not why and from when (rules 6–8)." })
  async inviteAction(@Root() grant: PortalGrant, @Ctx() ctx: Context): Promise<InviteActionView> {
    const [patient, account] = await Promise.all([ctx.loaders().patient.load(grant.patientId), ctx.loaders().portalAccount.load(grant.accountId)]);
    if (!patient) return { allowed: false, reason: UserErrorCode.NOT_FOUND, availableAt: null, resend: false };
    return decide(ctx, patient, grant, account ?? null);
  }
}
