import { IsOptional } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { BulkJobKind, UserErrorCode } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { asPayload, UserFacingError } from "../../graphql/user-error";
import { BulkJobPayload } from "../bulk/bulk-job.payloads";
import { PatientFilterInput } from "../portal-access/portal-access.inputs";

@InputType({ description: "Email an invite reminder to many invited patients: the selected ids, or every patient matching the grid's filter." })
class BulkSendPortalInviteRemindersInput {
  @Field(() => [ID], { nullable: true, description: "The selected patients (at most 10,000). Give this or filter." })
  @IsOptional()
  patientIds?: string[] | null;

  @Field(() => PatientFilterInput, { nullable: true, description: "All patients matching this grid filter (\"remind all N matching\"). Give this or patientIds." })
  @IsOptional()
  filter?: PatientFilterInput | null;
}

@ObjectType({ description: "Result of bulkSendPortalInviteReminders." })
class BulkSendPortalInviteRemindersPayload extends BulkJobPayload {}

function ids(values: string[] | null | undefined): number[] | undefined {
  if (values == null) return undefined;
  return values.map((v) => {
    if (!/^\d{1,10}$/.test(v) || Number(v) === 0 || Number(v) > 2147483647) throw new UserFacingError(UserErrorCode.INVALID_INPUT, "Patient ids must be ids of patients.", "patientIds");
    return Number(v);
  });
}

@Resolver()
export class ReminderResolver {
  @Mutation(() => BulkSendPortalInviteRemindersPayload, {
    description:
      "Email an invite reminder (with a fresh link) to many invited patients who have not signed in, in the background (rule 23). A row within the resend cooldown, signed in, or without an invite is skipped with a reason, so repeating the action never sends a second reminder.",
  })
  bulkSendPortalInviteReminders(@Arg("input", () => BulkSendPortalInviteRemindersInput) input: BulkSendPortalInviteRemindersInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.bulkJobs.create(ctx.scope(), BulkJobKind.SEND_INVITE_REMINDERS, {
        patientIds: ids(input.patientIds),
        filter: input.filter
          ? {
              search: input.filter.search ?? null,
              portalStatus: input.filter.portalStatus ?? null,
              hasEmail: input.filter.hasEmail ?? null,
              hasDateOfBirth: input.filter.hasDateOfBirth ?? null,
              inviteFailed: input.filter.inviteFailed ?? null,
              inviteProblem: input.filter.inviteProblem ?? null,
              reminded: input.filter.reminded ?? null,
            }
          : undefined,
      }),
    );
  }
}
