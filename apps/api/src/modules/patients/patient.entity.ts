import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Language, PortalStatus } from "@portal/schema";
import { CalendarDateColumn, CreatedAtColumn, TimestampColumn } from "../../db/columns";
import { InviteProblem, inviteProblemOf } from "./invite-problem";

@ObjectType({ description: "A person whose record the portal shows (the seeds also say client)." })
@Entity("patients")
@Index("uq_patients_org_mrn", ["organizationId", "mrn"], { unique: true })
// The key of an EHR integration or import (SPEC rule 19): unique in the organization, null when none.
@Index("uq_patients_org_external", ["organizationId", "externalId"], { unique: true })
// The onboarding grid's access paths: by status then name, by name, by email. Every one leads with
// the organization, and ends with the id so that keyset pagination is a pure index range scan.
@Index("ix_patients_org_status_name", ["organizationId", "portalStatus", "lastName", "firstName", "id"])
@Index("ix_patients_org_name", ["organizationId", "lastName", "firstName", "id"])
@Index("ix_patients_org_email", ["organizationId", "emailNormalized"])
@Index("ix_patients_org_invite_failed", ["organizationId", "inviteDeliveryFailedAt"])
// Search compares names folded (no accents, no case): the folded last name then given name, and the
// folded given name alone (see patient-search-names.ts).
@Index("ix_patients_org_folded_name", ["organizationId", "lastNameFolded", "firstNameFolded", "id"])
@Index("ix_patients_org_folded_first", ["organizationId", "firstNameFolded"])
// Search by exact date of birth; sorting by last invite or last sign-in, over everyone or within one
// status (see docs/scaling.md for the plans).
@Index("ix_patients_org_dob", ["organizationId", "dateOfBirth"])
@Index("ix_patients_org_invite", ["organizationId", "lastInviteSentAt", "id"])
@Index("ix_patients_org_status_invite", ["organizationId", "portalStatus", "lastInviteSentAt", "id"])
@Index("ix_patients_org_signin", ["organizationId", "lastSignInAt", "id"])
@Index("ix_patients_org_status_signin", ["organizationId", "portalStatus", "lastSignInAt", "id"])
// "Expired or locked invites": one range of INVITED patients whose invite stopped being usable.
@Index("ix_patients_org_status_usable", ["organizationId", "portalStatus", "inviteUsableUntil"])
export class Patient {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Medical record number, unique in the organization." })
  @Column({ type: "varchar", length: 64 })
  mrn: string;

  @Field({ description: "Given name." })
  @Column({ type: "varchar", length: 100 })
  firstName: string;

  @Field({ description: "Family name." })
  @Column({ type: "varchar", length: 100 })
  lastName: string;

  @Field(() => String, { nullable: true, description: "The patient's id in the clinic's record system (an EHR integration's or import's key), unique in the organization; null when none." })
  @Column({ type: "varchar", length: 64, nullable: true })
  externalId: string | null;

  // Lower case, no accents (foldSearchText), kept by PatientSearchNamesSubscriber on every write.
  @Column({ type: "varchar", length: 200, default: "" })
  firstNameFolded: string;

  @Column({ type: "varchar", length: 200, default: "" })
  lastNameFolded: string;

  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD." })
  @CalendarDateColumn({ nullable: true })
  dateOfBirth: string | null;

  @Field(() => String, { nullable: true, description: "Email address on file (not necessarily the portal login email)." })
  @Column({ type: "varchar", length: 254, nullable: true })
  email: string | null;

  @Column({ type: "varchar", length: 254, nullable: true })
  emailNormalized: string | null;

  @Field(() => Language, { description: "Preferred language for emails and the portal." })
  @Column({ type: "varchar", length: 8, default: Language.EN })
  language: Language;

  @Field({ description: "Inactive patients (discharged, deceased) cannot be granted access." })
  @Column({ type: "boolean", default: true })
  active: boolean;

  // Derived from grants and accounts, kept in step by PortalStatusService in the same transaction
  // as every change, so that filtering a million patients by colour is an index lookup.
  @Field(() => PortalStatus, { description: "Portal status colour: red, gray, orange or green." })
  @Column({ type: "varchar", length: 16, default: PortalStatus.NO_ACCESS })
  portalStatus: PortalStatus;

  @Field(() => Date, { nullable: true, description: "When the last portal invite for this patient's own account was sent." })
  @TimestampColumn({ nullable: true })
  lastInviteSentAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Last sign-in of the patient's own portal account." })
  @TimestampColumn({ nullable: true })
  lastSignInAt: Date | null;

  // Mirrors inviteDeliveryFailedAt of the patient's own (SELF) account, so the onboarding grid can
  // filter "invite failed" with an index on the patients table alone.
  @Field(() => Date, {
    nullable: true,
    description:
      "When the latest invite to the patient's own portal account permanently failed to be delivered (wrong or bouncing email); null otherwise.",
  })
  @TimestampColumn({ nullable: true })
  inviteDeliveryFailedAt: Date | null;

  // Mirrors the latest invite of the patient's own account: until when it can be used (its expiry,
  // or the moment it was locked), and when it was locked. Kept by InviteService and PortalAuthService
  // in the transaction that sends or locks the invite, so the grid filters on an index.
  @TimestampColumn({ nullable: true })
  inviteUsableUntil: Date | null;

  @TimestampColumn({ nullable: true })
  inviteLockedAt: Date | null;

  // When the patient's own account was last sent an invite reminder (rule 23): the grid's "reminded" facet.
  @Field(() => Date, { nullable: true, description: "When the patient's own portal account was last emailed an invite reminder; null if never." })
  @TimestampColumn({ nullable: true })
  lastReminderAt: Date | null;

  @Field(() => InviteProblem, {
    nullable: true,
    description: "For an INVITED patient whose latest invite can no longer be used: EXPIRED or LOCKED (after 5 wrong dates of birth); null otherwise.",
  })
  get inviteProblem(): InviteProblem | null {
    return inviteProblemOf(this);
  }

  @Field({ description: "When the record was created." })
  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
