import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { UserErrorCode } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { decodeCursor, encodeCursor, PageInfo, pageSize } from "../../graphql/connection";
import { asPayload, parseId, UserFacingError } from "../../graphql/user-error";
import { Patient } from "../patients/patient.entity";
import { ImportJob, ImportJobRow, ImportRowPlan, ImportRowProblem, type ImportProblem } from "./import-job.entity";
import type { RawPatient } from "./import-row";
import { ConfirmPatientImportInput, UpsertPatientsInput } from "./import.inputs";
import { ConfirmPatientImportPayload, ImportJobRowConnection, UpsertPatientsPayload } from "./import.payloads";

@ArgsType()
class ImportJobRowsArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (pageInfo.endCursor)." })
  after?: string | null;

  @Field(() => ImportRowPlan, { nullable: true, description: "Only rows the dry run planned so (REFUSE: the refused rows and their reasons)." })
  plan?: ImportRowPlan | null;
}

const asUserErrors = (list: ImportProblem[] | null | undefined) => (list ?? []).map((p) => new UserFacingError(p.code, p.message, p.field).toUserError());

@Resolver(() => ImportJob)
export class ImportResolver {
  @Query(() => ImportJob, { nullable: true, description: "A patient import of your organization (its dry run, progress and report), or null." })
  importJob(@Arg("id", () => ID, { description: "The import (from POST /imports/patients)." }) id: string, @Ctx() ctx: Context) {
    if (!/^\d{1,10}$/.test(id)) return null;
    return ctx.services.imports.get(ctx.scope(), Number(id));
  }

  @Mutation(() => ConfirmPatientImportPayload, { description: "Run an import whose dry run you have read: its rows are written in the background (one import per organization at a time)." })
  confirmPatientImport(@Arg("input", () => ConfirmPatientImportInput) input: ConfirmPatientImportInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const id = parseId(input.id, "id", "Import");
      // Handing created patients to bulk onboarding is a portal-access change: the caller must be allowed it.
      if (input.enablePortalAccess && !ctx.allows("Mutation.bulkEnablePortalAccess")) {
        throw new UserFacingError(UserErrorCode.PERMISSION_NOT_HELD, "Enabling portal access needs the permission to manage portal access.", "enablePortalAccess");
      }
      return ctx.services.imports.confirm(ctx.scope(), id, { enablePortalAccess: Boolean(input.enablePortalAccess), sendInvite: Boolean(input.sendInvite) });
    });
  }

  @Mutation(() => UpsertPatientsPayload, {
    description:
      "Create or update up to 1,000 patients (with their contacts) keyed by externalId, else MRN; one result per patient. Checked like createPatient; re-sending the same patients changes nothing; never deletes.",
  })
  upsertPatients(@Arg("input", () => UpsertPatientsInput) input: UpsertPatientsInput, @Ctx() ctx: Context) {
    return asPayload(async () => {
      const raw: RawPatient[] = input.patients.map((p) => ({
        externalId: p.externalId ?? undefined,
        mrn: p.mrn ?? undefined,
        firstName: p.firstName ?? undefined,
        lastName: p.lastName ?? undefined,
        dateOfBirth: p.dateOfBirth ?? undefined,
        email: p.email ?? undefined,
        language: p.language ?? undefined,
        contacts: (p.contacts ?? []).map((c) => ({
          externalId: c.externalId ?? undefined,
          firstName: c.firstName,
          lastName: c.lastName,
          relationship: c.relationship ?? undefined,
          email: c.email ?? undefined,
          phone: c.phone ?? undefined,
          language: c.language ?? undefined,
        })),
      }));
      const results = await ctx.services.imports.upsert(ctx.scope(), raw);
      const ids = results.map((r) => r.patientId).filter((id): id is number => id !== null);
      const patients = new Map((await Promise.all(ids.map((id) => ctx.loaders().patient.load(id)))).filter((p): p is Patient => Boolean(p)).map((p) => [p.id, p]));
      return {
        results: results.map((r) => ({ index: r.index, outcome: r.outcome, patient: r.patientId ? (patients.get(r.patientId) ?? null) : null, userErrors: asUserErrors(r.problems), notes: asUserErrors(r.notes) })),
      };
    });
  }

  @Query(() => Patient, { nullable: true, description: "The patient your system knows under this external id, or null (audited as patient.viewed)." })
  async patientByExternalId(@Arg("externalId", () => String, { description: "The patient's id in your system." }) externalId: string, @Ctx() ctx: Context) {
    if (!externalId.trim() || externalId.length > 64) return null;
    const patient = await ctx.services.imports.byExternalId(ctx.scope(), externalId);
    if (patient) await ctx.auditRead({ action: "patient.viewed", targetType: "Patient", targetId: patient.id, patientId: patient.id });
    return patient;
  }

  @FieldResolver(() => ImportJobRowConnection, { description: "The import's rows in file order, with what the dry run found and what was done." })
  async rows(@Root() job: ImportJob, @Args(() => ImportJobRowsArgs) { first, after, plan }: ImportJobRowsArgs, @Ctx() ctx: Context) {
    const afterId = after ? decodeCursor(after, ["id"])[0] : 0;
    const page = await ctx.services.imports.rows(ctx.scope(), job.id, pageSize(first), afterId, plan ?? null);
    const edges = page.nodes.map((node) => ({ node, cursor: encodeCursor([node.id]) }));
    const pageInfo = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null });
    return { edges, pageInfo };
  }

  @FieldResolver(() => [[String]], { description: "The file's first rows as read (CSV), for checking the column mapping." })
  preview(@Root() job: ImportJob) {
    return job.preview ?? [];
  }

  @FieldResolver(() => String, { description: "Where to download the per-row report as CSV (staff session)." })
  resultsCsvUrl(@Root() job: ImportJob) {
    return `/imports/${job.id}/results.csv`;
  }
}

@Resolver(() => ImportJobRow)
export class ImportJobRowFieldsResolver {
  @FieldResolver(() => [ImportRowProblem], { description: "Why the row is refused, per field (empty when it is not)." })
  problems(@Root() row: ImportJobRow) {
    return row.problems ?? [];
  }

  @FieldResolver(() => [ImportRowProblem], { description: "What was reported but not applied (a changed email of someone holding portal access, rule 14)." })
  notes(@Root() row: ImportJobRow) {
    return row.notes ?? [];
  }
}
