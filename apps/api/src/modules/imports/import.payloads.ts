import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import { UserError } from "../../graphql/user-error";
import { Patient } from "../patients/patient.entity";
import { Payload } from "../portal-access/portal-access.payloads";
import { ImportJob, ImportJobRow, ImportRowOutcome } from "./import-job.entity";

@ObjectType({ description: "Result of confirmPatientImport." })
export class ConfirmPatientImportPayload extends Payload {
  @Field(() => ImportJob, { nullable: true, description: "The import, now queued; follow it with importJob." })
  job?: ImportJob;
}

@ObjectType({ description: "What upsertPatients did with one patient of the input." })
export class UpsertPatientResult {
  @Field(() => Int, { description: "Position of the patient in the input list (from 0)." })
  index: number;

  @Field(() => ImportRowOutcome, { description: "CREATED, UPDATED, UNCHANGED or REFUSED." })
  outcome: ImportRowOutcome;

  @Field(() => Patient, { nullable: true, description: "The patient created or matched (null when refused)." })
  patient: Patient | null;

  @Field(() => [UserError], { description: "Why the patient was refused, per field; empty otherwise." })
  userErrors: UserError[];

  @Field(() => [UserError], { description: "What was reported but not applied (a new email of a patient holding portal access)." })
  notes: UserError[];
}

@ObjectType({ description: "Result of upsertPatients: one result per input patient, in order." })
export class UpsertPatientsPayload extends Payload {
  @Field(() => [UpsertPatientResult], { nullable: true, description: "One result per patient of the input, in the same order." })
  results?: UpsertPatientResult[];
}

@ObjectType({ description: "An edge of ImportJobRowConnection." })
export class ImportJobRowEdge {
  @Field({ description: "Cursor of this edge." })
  cursor: string;

  @Field(() => ImportJobRow, { description: "The row." })
  node: ImportJobRow;
}

@ObjectType({ description: "A page of an import's rows, in file order." })
export class ImportJobRowConnection {
  @Field(() => [ImportJobRowEdge], { description: "The rows of this page." })
  edges: ImportJobRowEdge[];

  @Field(() => PageInfo, { description: "Pagination." })
  pageInfo: PageInfo;
}
