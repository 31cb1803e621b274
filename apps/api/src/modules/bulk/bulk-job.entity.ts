import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { BulkJobKind, BulkJobOutcome, BulkJobState, UserErrorCode } from "@portal/schema";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../../db/columns";
import type { PatientGridFilter } from "../patients/patient-grid";

/** What was done to a row that succeeded: the report says it, since "done" alone does not. */
export enum BulkJobRowAction {
  ENABLED = "ENABLED",
  ENABLED_AND_INVITED = "ENABLED_AND_INVITED",
  INVITED = "INVITED",
  INVITE_RESENT = "INVITE_RESENT",
  REMINDED = "REMINDED",
}

registerEnumType(BulkJobRowAction, {
  name: "BulkJobRowAction",
  description: "What a bulk job did to a row it completed.",
  valuesConfig: {
    ENABLED: { description: "Portal access enabled; no invite sent (the patient turns gray)." },
    ENABLED_AND_INVITED: { description: "Portal access enabled and the first invite sent (the patient turns orange)." },
    INVITED: { description: "The first invite sent to an account that had none." },
    INVITE_RESENT: { description: "A new invite sent to an account invited before (the earlier link stops working)." },
    REMINDED: { description: "An invite reminder with a fresh link sent to an account that has not signed in (rule 23)." },
  },
});

/** What staff asked for, kept so that a job can resume after a restart exactly as requested. */
export interface BulkJobRequest {
  patientIds?: number[];
  filter?: PatientGridFilter;
  portalRoleId?: number | null;
  sendInvite?: boolean;
}

@ObjectType({ description: "A bulk onboarding action running in the background, row by row, with a per-row report." })
@Entity("bulk_jobs")
@Index("ix_bulk_jobs_org_created", ["organizationId", "id"])
@Index("ix_bulk_jobs_state", ["state", "heartbeatAt"])
export class BulkJob {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field(() => BulkJobKind, { description: "What the job does to each row." })
  @Column({ type: "varchar", length: 32 })
  kind: BulkJobKind;

  @Field(() => ID, { nullable: true, description: "Staff user who started it." })
  @Column({ type: "int", nullable: true })
  requestedByStaffId: number | null;

  @JsonColumn()
  request: BulkJobRequest;

  @Field(() => BulkJobState, { description: "QUEUED, RUNNING, DONE, FAILED or INTERRUPTED." })
  @Column({ type: "varchar", length: 16, default: BulkJobState.QUEUED })
  state: BulkJobState;

  @Field(() => Int, { description: "Rows selected when the job was created." })
  @Column({ type: "int", default: 0 })
  total: number;

  @Field(() => Int, { description: "Rows with an outcome so far." })
  @Column({ type: "int", default: 0 })
  processed: number;

  @Field(() => Int, { description: "Rows done." })
  @Column({ type: "int", default: 0 })
  succeeded: number;

  @Field(() => Int, { description: "Rows done for which an invite went out (enabled and invited, invited, invited again); succeeded minus this were enabled only." })
  @Column({ type: "int", default: 0 })
  invited: number;

  @Field(() => Int, { description: "Rows skipped with a reason." })
  @Column({ type: "int", default: 0 })
  skipped: number;

  @Field(() => Int, { description: "Rows that hit an unexpected error (nothing changed for them)." })
  @Column({ type: "int", default: 0 })
  failed: number;

  // Which runner holds the job, and until when its lease runs; a stale lease means the process died.
  @Column({ type: "varchar", length: 64, nullable: true })
  runnerId: string | null;

  @TimestampColumn({ nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: "int", default: 0 })
  resumeCount: number;

  @Field({ description: "When it was created." })
  @CreatedAtColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When a runner first picked it up." })
  @TimestampColumn({ nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When it reached DONE, FAILED or INTERRUPTED." })
  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;
}

@ObjectType({ description: "The outcome of one patient in a bulk job." })
@Entity("bulk_job_items")
// One row per patient per job: a resumed job cannot process a patient twice.
@Index("uq_bulk_job_items_job_patient", ["jobId", "patientId"], { unique: true })
@Index("ix_bulk_job_items_job_outcome", ["jobId", "outcome", "id"])
export class BulkJobItem {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "int" })
  jobId: number;

  @Field(() => ID, { description: "The patient." })
  @Column({ type: "int" })
  patientId: number;

  @Field(() => BulkJobOutcome, { description: "PENDING until processed, then SUCCEEDED, SKIPPED or FAILED." })
  @Column({ type: "varchar", length: 16, default: BulkJobOutcome.PENDING })
  outcome: BulkJobOutcome;

  @Field(() => BulkJobRowAction, { nullable: true, description: "For a row done: what was done to it (enabled only, enabled and invited, invited, invited again); null otherwise." })
  @Column({ type: "varchar", length: 24, nullable: true })
  action: BulkJobRowAction | null;

  @Field(() => UserErrorCode, { nullable: true, description: "Why the row was skipped: the same code the single-patient action returns." })
  @Column({ type: "varchar", length: 40, nullable: true })
  reason: UserErrorCode | null;

  @Field(() => String, { nullable: true, description: "A sentence for a person explaining the reason." })
  @Column({ type: "varchar", length: 500, nullable: true })
  message: string | null;

  @Field(() => Date, { nullable: true, description: "When the row was processed." })
  @TimestampColumn({ nullable: true })
  processedAt: Date | null;
}
