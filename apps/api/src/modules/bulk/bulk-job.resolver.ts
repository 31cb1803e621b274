import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { BulkJobKind, BulkJobOutcome, UserErrorCode } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { connectionOf, pageSize, toConnection } from "../../graphql/connection";
import { asPayload, parseId, UserFacingError } from "../../graphql/user-error";
import { Patient } from "../patients/patient.entity";
import type { PatientFilterInput } from "../portal-access/portal-access.inputs";
import { BulkJob, BulkJobItem } from "./bulk-job.entity";
import { BulkEnablePortalAccessInput, BulkSendPortalInvitesInput } from "./bulk-job.inputs";
import { BulkEnablePortalAccessPayload, BulkJobConnection, BulkJobItemConnection, BulkSendPortalInvitesPayload } from "./bulk-job.payloads";

function ids(values: string[] | null | undefined): number[] | undefined {
  if (values == null) return undefined;
  return values.map((v) => {
    if (!/^\d{1,10}$/.test(v) || Number(v) === 0 || Number(v) > 2147483647)
      throw new UserFacingError(UserErrorCode.INVALID_INPUT, "Patient ids must be ids of patients.", "patientIds");
    return Number(v);
  });
}

const filterOf = (f: PatientFilterInput | null | undefined) =>
  f
    ? {
        search: f.search ?? null,
        portalStatus: f.portalStatus ?? null,
        hasEmail: f.hasEmail ?? null,
        hasDateOfBirth: f.hasDateOfBirth ?? null,
        inviteFailed: f.inviteFailed ?? null,
      }
    : undefined;

@ArgsType()
class BulkJobItemsArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (pageInfo.endCursor)." })
  after?: string | null;

  @Field(() => BulkJobOutcome, { nullable: true, description: "Only rows with this outcome." })
  outcome?: BulkJobOutcome | null;
}

@ArgsType()
class BulkJobsArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (pageInfo.endCursor)." })
  after?: string | null;
}

@Resolver(() => BulkJob)
export class BulkJobResolver {
  @Mutation(() => BulkEnablePortalAccessPayload, {
    description:
      "Enable portal access (and optionally send invites) for many patients, in the background. Each row follows the single-patient rules; rows that cannot be done are skipped with a reason.",
  })
  bulkEnablePortalAccess(@Arg("input", () => BulkEnablePortalAccessInput) input: BulkEnablePortalAccessInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.bulkJobs.create(ctx.scope(), BulkJobKind.ENABLE_PORTAL_ACCESS, {
        patientIds: ids(input.patientIds),
        filter: filterOf(input.filter),
        portalRoleId: input.portalRoleId == null ? null : parseId(input.portalRoleId, "portalRoleId", "Portal role"),
        sendInvite: Boolean(input.sendInvite),
      }),
    );
  }

  @Mutation(() => BulkSendPortalInvitesPayload, {
    description:
      "Send or resend portal invites to many patients, in the background. A row within the resend cooldown is skipped, so repeating the action never sends a second invite.",
  })
  bulkSendPortalInvites(@Arg("input", () => BulkSendPortalInvitesInput) input: BulkSendPortalInvitesInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.bulkJobs.create(ctx.scope(), BulkJobKind.SEND_PORTAL_INVITES, {
        patientIds: ids(input.patientIds),
        filter: filterOf(input.filter),
      }),
    );
  }

  @Query(() => BulkJob, { nullable: true, description: "A bulk job of your organization, or null." })
  bulkJob(@Arg("id", () => ID, { description: "The job (from the bulk mutation's payload)." }) id: string, @Ctx() ctx: Context) {
    if (!/^\d{1,10}$/.test(id)) return null;
    return ctx.services.bulkJobs.get(ctx.scope(), Number(id));
  }

  @Query(() => BulkJobConnection, { description: "Your organization's bulk jobs, newest first." })
  async bulkJobs(@Args(() => BulkJobsArgs) { first, after }: BulkJobsArgs, @Ctx() ctx: Context): Promise<BulkJobConnection> {
    const limit = pageSize(first);
    return toConnection(await ctx.services.bulkJobs.list(ctx.scope(), limit, after ?? null), limit, (job) => [job.id]);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Name of the staff user who started the job (null when started otherwise or the user is gone).",
  })
  async requestedByName(@Root() job: BulkJob, @Ctx() ctx: Context) {
    if (job.requestedByStaffId == null) return null;
    return (await ctx.loaders().staffUser.load(job.requestedByStaffId))?.name ?? null;
  }

  @FieldResolver(() => BulkJobItemConnection, { description: "The job's rows and their outcomes, in processing order." })
  async items(@Root() job: BulkJob, @Args(() => BulkJobItemsArgs) { first, after, outcome }: BulkJobItemsArgs, @Ctx() ctx: Context) {
    const page = await ctx.services.bulkJobs.items(ctx.scope(), job.id, pageSize(first), after ?? null, outcome ?? null);
    return connectionOf(page.nodes, page.hasNextPage, page.cursorOf, Boolean(after));
  }

  @FieldResolver(() => String, { description: "Where to download the per-row report as CSV (staff session with MANAGE_PORTAL_ACCESS)." })
  resultsCsvUrl(@Root() job: BulkJob) {
    return `/bulk-jobs/${job.id}/results.csv`;
  }
}

@Resolver(() => BulkJobItem)
export class BulkJobItemFieldsResolver {
  @FieldResolver(() => Patient, { nullable: true, description: "The patient (null when the id was not a patient of your organization)." })
  patient(@Root() item: BulkJobItem, @Ctx() ctx: Context) {
    return ctx.loaders().patient.load(item.patientId);
  }
}
