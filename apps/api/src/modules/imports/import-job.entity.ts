import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UserErrorCode } from "@portal/schema";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../../db/columns";
import type { ImportPatientData } from "./import-row";

/** Where an import's rows came from. */
export enum ImportSource {
  CSV = "CSV",
  FHIR = "FHIR",
}

/** Life of an import: a dry run first (PREVIEW), then, once confirmed, a background job. */
export enum ImportJobState {
  PREVIEW = "PREVIEW",
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}

/** What the dry run (and then the job) does with a row. */
export enum ImportRowPlan {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  UNCHANGED = "UNCHANGED",
  REFUSE = "REFUSE",
}

/** What was done with a row once the import ran. */
export enum ImportRowOutcome {
  PENDING = "PENDING",
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  REFUSED = "REFUSED",
  FAILED = "FAILED",
}

/** The date order of a file's day/month dates (03/04/2010), asked once per file when the file cannot tell. */
export enum ImportDateOrder {
  DAY_MONTH = "DAY_MONTH",
  MONTH_DAY = "MONTH_DAY",
}

registerEnumType(ImportSource, { name: "ImportSource", description: "Where an import's rows came from.", valuesConfig: { CSV: { description: "A CSV file (English or French headers, Excel encodings and separators)." }, FHIR: { description: "FHIR R4 Patient and RelatedPerson resources (NDJSON or a Bundle)." } } });
registerEnumType(ImportJobState, {
  name: "ImportJobState",
  description: "Life of a patient import.",
  valuesConfig: {
    PREVIEW: { description: "The dry run is ready: nothing written yet; confirm to run it." },
    QUEUED: { description: "Confirmed; waiting for the organization's previous import or for a runner." },
    RUNNING: { description: "Being written, chunk by chunk." },
    DONE: { description: "Every row has its outcome." },
    FAILED: { description: "Stopped on an unexpected error; rows done so far are kept and reported." },
  },
});
registerEnumType(ImportRowPlan, {
  name: "ImportRowPlan",
  description: "What the dry run found for a row.",
  valuesConfig: {
    CREATE: { description: "A new patient will be created." },
    UPDATE: { description: "An existing patient (same external id or MRN) will be changed." },
    UNCHANGED: { description: "The patient is already as the row says." },
    REFUSE: { description: "The row will not be imported; see its problems." },
  },
});
registerEnumType(ImportRowOutcome, {
  name: "ImportRowOutcome",
  description: "What the import did with a row.",
  valuesConfig: {
    PENDING: { description: "Not processed yet." },
    CREATED: { description: "A patient was created." },
    UPDATED: { description: "The patient (or its contacts) was changed." },
    UNCHANGED: { description: "Nothing to change." },
    REFUSED: { description: "Not imported; see its problems." },
    FAILED: { description: "An unexpected error; nothing was changed for this row." },
  },
});
registerEnumType(ImportDateOrder, {
  name: "ImportDateOrder",
  description: "How to read dates like 03/04/2010.",
  valuesConfig: { DAY_MONTH: { description: "Day first (03/04/2010 is 3 April 2010), as in Canada and France." }, MONTH_DAY: { description: "Month first (03/04/2010 is 4 March 2010), as in the United States." } },
});

/** A row's problem or note, as userErrors say it. */
export interface ImportProblem {
  code: UserErrorCode;
  field: string | null;
  message: string;
}

/** What staff chose for the import, kept so that a job resumes exactly as asked after a restart. */
export interface ImportOptions {
  dateOrder?: ImportDateOrder | null;
  mapping?: Record<string, string> | null;
  enablePortalAccess?: boolean;
  sendInvite?: boolean;
  bulkJobIds?: number[];
}

@ObjectType({ description: "How one column of the file was read." })
export class ImportColumn {
  @Field({ description: "The column's header as written in the file." })
  header: string;

  @Field(() => String, { nullable: true, description: "The patient or contact field it fills (firstName, contact.email…); null when ignored." })
  field: string | null;
}

@ObjectType({ description: "A patient import from a CSV or FHIR file: its dry run, then its background job and per-row report." })
@Entity("import_jobs")
@Index("ix_import_jobs_org_created", ["organizationId", "id"])
@Index("ix_import_jobs_state", ["state", "heartbeatAt"])
// One confirmed import per organization at a time: the slot is 1 while QUEUED or RUNNING, else null.
@Index("uq_import_jobs_org_active", ["organizationId", "activeSlot"], { unique: true })
export class ImportJob {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field(() => ImportSource, { description: "CSV or FHIR." })
  @Column({ type: "varchar", length: 16 })
  source: ImportSource;

  @Field(() => String, { nullable: true, description: "The uploaded file's name." })
  @Column({ type: "varchar", length: 255, nullable: true })
  fileName: string | null;

  @Field(() => ImportJobState, { description: "PREVIEW until confirmed, then QUEUED, RUNNING, DONE or FAILED." })
  @Column({ type: "varchar", length: 16, default: ImportJobState.PREVIEW })
  state: ImportJobState;

  // Who asked, so that the background job's audit rows name them.
  @Column({ type: "varchar", length: 16 })
  actorType: string;

  @Column({ type: "varchar", length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: "varchar", length: 255, nullable: true })
  actorLabel: string | null;

  @Column({ type: "int", nullable: true })
  requestedByStaffId: number | null;

  @JsonColumn()
  options: ImportOptions;

  @Field(() => [ImportColumn], { description: "The file's columns and the field each fills (CSV)." })
  @JsonColumn()
  columns: ImportColumn[];

  // The first rows as read (cells, before checks), for the mapping screen.
  @JsonColumn()
  preview: string[][];

  @Field(() => Int, { description: "Rows in the file." })
  @Column({ type: "int", default: 0 })
  total: number;

  @Field(() => Int, { description: "Dry run: rows that create a patient." })
  @Column({ type: "int", default: 0 })
  toCreate: number;

  @Field(() => Int, { description: "Dry run: rows that change a patient." })
  @Column({ type: "int", default: 0 })
  toUpdate: number;

  @Field(() => Int, { description: "Dry run: rows already as on file." })
  @Column({ type: "int", default: 0 })
  toLeave: number;

  @Field(() => Int, { description: "Dry run: rows refused, with reasons." })
  @Column({ type: "int", default: 0 })
  toRefuse: number;

  @Field(() => Int, { description: "Rows refused because the same patient or email is on another row of the file." })
  @Column({ type: "int", default: 0 })
  duplicates: number;

  @Field(() => Int, { description: "Patients of the organization that the file does not mention: reported, never touched." })
  @Column({ type: "int", default: 0 })
  missing: number;

  @Field(() => Int, { description: "Rows with an outcome so far." })
  @Column({ type: "int", default: 0 })
  processed: number;

  @Field(() => Int, { description: "Patients created." })
  @Column({ type: "int", default: 0 })
  created: number;

  @Field(() => Int, { description: "Patients changed." })
  @Column({ type: "int", default: 0 })
  updated: number;

  @Field(() => Int, { description: "Rows with nothing to change." })
  @Column({ type: "int", default: 0 })
  unchanged: number;

  @Field(() => Int, { description: "Rows refused." })
  @Column({ type: "int", default: 0 })
  refused: number;

  @Field(() => Int, { description: "Rows that hit an unexpected error (nothing changed for them)." })
  @Column({ type: "int", default: 0 })
  failed: number;

  @Column({ type: "int", nullable: true })
  activeSlot: number | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  runnerId: string | null;

  @TimestampColumn({ nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: "int", default: 0 })
  resumeCount: number;

  @Field(() => ID, { nullable: true, description: "The bulk onboarding job that enables (and invites) the created patients, when asked for." })
  @Column({ type: "int", nullable: true })
  bulkJobId: number | null;

  @Field({ description: "When the file was uploaded." })
  @CreatedAtColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When staff confirmed the dry run." })
  @TimestampColumn({ nullable: true })
  confirmedAt: Date | null;

  @TimestampColumn({ nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When it reached DONE or FAILED." })
  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;
}

@ObjectType({ description: "One row of an import: what the dry run found and what was done." })
@Entity("import_job_rows")
@Index("ix_import_job_rows_job", ["jobId", "id"])
@Index("ix_import_job_rows_job_outcome", ["jobId", "outcome", "id"])
export class ImportJobRow {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "int" })
  jobId: number;

  @Field(() => Int, { description: "Row number in the file (1 = the first row after the header; the line of an NDJSON file)." })
  @Column({ type: "int" })
  rowNumber: number;

  @Field(() => String, { nullable: true, description: "External id on the row." })
  @Column({ type: "varchar", length: 64, nullable: true })
  externalId: string | null;

  @Field(() => String, { nullable: true, description: "MRN on the row." })
  @Column({ type: "varchar", length: 64, nullable: true })
  mrn: string | null;

  @Field(() => String, { nullable: true, description: "Given name on the row." })
  @Column({ type: "varchar", length: 100, nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: "Family name on the row." })
  @Column({ type: "varchar", length: 100, nullable: true })
  lastName: string | null;

  @Field(() => ImportRowPlan, { description: "What the dry run found." })
  @Column({ type: "varchar", length: 16 })
  plan: ImportRowPlan;

  @Field(() => ImportRowOutcome, { description: "What was done (PENDING until the import runs)." })
  @Column({ type: "varchar", length: 16, default: ImportRowOutcome.PENDING })
  outcome: ImportRowOutcome;

  @Field(() => ID, { nullable: true, description: "The patient created or matched." })
  @Column({ type: "int", nullable: true })
  patientId: number | null;

  // The row as checked and normalized, so that a confirmed import (or a resumed one) needs no file.
  @JsonColumn({ nullable: true })
  data: ImportPatientData | null;

  // Exposed by ImportJobRowFieldsResolver (null reads as an empty list).
  @JsonColumn({ nullable: true })
  problems: ImportProblem[] | null;

  @JsonColumn({ nullable: true })
  notes: ImportProblem[] | null;

  @Field(() => Date, { nullable: true, description: "When the row was written." })
  @TimestampColumn({ nullable: true })
  processedAt: Date | null;
}

@ObjectType({ description: "A reason given for one row of an import, per field." })
export class ImportRowProblem {
  @Field(() => UserErrorCode, { description: "Machine-readable reason." })
  code: UserErrorCode;

  @Field(() => String, { nullable: true, description: "The field concerned (firstName, dateOfBirth, contact.email…)." })
  field: string | null;

  @Field({ description: "A sentence for a person." })
  message: string;
}
