import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, IsNull, PrimaryGeneratedColumn } from "typeorm";
import { AccessType, ProxyBasis } from "@portal/schema";
import { CalendarDateColumn, CreatedAtColumn, TimestampColumn } from "../../db/columns";

@ObjectType({ description: "One portal account's access to one patient's profile, with one portal role." })
@Entity("portal_grants")
@Index("ix_portal_grants_org_patient", ["organizationId", "patientId"])
@Index("ix_portal_grants_org_account", ["organizationId", "accountId"])
@Index("ix_portal_grants_contact", ["contactId"])
// The database holds two invariants of active grants (a revoked grant sets these keys to NULL,
// and unique indexes ignore NULLs in MySQL and SQLite alike):
//   one active grant per account and patient, and one active SELF grant per patient.
@Index("uq_portal_grants_active", ["activeKey"], { unique: true })
@Index("uq_portal_grants_self", ["selfKey"], { unique: true })
export class PortalGrant {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field(() => ID, { description: "The portal account holding the grant." })
  @Column({ type: "int" })
  accountId: number;

  @Field(() => ID, { description: "The patient whose profile the grant opens." })
  @Column({ type: "int" })
  patientId: number;

  @Field(() => AccessType, { description: "SELF (the patient's own account) or PROXY (a contact)." })
  @Column({ type: "varchar", length: 8 })
  accessType: AccessType;

  @Field(() => ID, { nullable: true, description: "For PROXY grants, the contact on the patient's record." })
  @Column({ type: "int", nullable: true })
  contactId: number | null;

  @Field(() => ID, { description: "The portal role deciding what the holder sees." })
  @Column({ type: "int" })
  portalRoleId: number;

  @Field({ description: "When access was granted." })
  @CreatedAtColumn()
  grantedAt: Date;

  @Field(() => ID, { nullable: true, description: "Staff user who granted it (null when granted by a partner app or the system)." })
  @Column({ type: "int", nullable: true })
  grantedByStaffId: number | null;

  @Field(() => Date, { nullable: true, description: "When access was revoked; null while active." })
  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @Field(() => ID, { nullable: true, description: "Staff user who revoked it." })
  @Column({ type: "int", nullable: true })
  revokedByStaffId: number | null;

  // Suspended, not revoked: the patient was made inactive (discharged, deceased, merged). The grant
  // keeps its account, role and unique keys, so the Portal tab still lists it and nobody else can
  // take the patient's SELF slot; it opens nothing until staff enable or grant access again.
  @Field(() => Date, { nullable: true, description: "When access was suspended because the patient was made inactive; null while usable. A suspended grant opens nothing until staff enable or grant access again." })
  @TimestampColumn({ nullable: true })
  suspendedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why access is suspended (PATIENT_INACTIVE); null while usable." })
  @Column({ type: "varchar", length: 32, nullable: true })
  suspendedReason: string | null;

  // Access over time (rules 20, 21; modules/access-schedule): why a proxy was authorized, who
  // checked it and when, and the day it ends. The daily job ends or limits the grant on its day.
  @Field(() => ProxyBasis, { nullable: true, description: "For PROXY grants: why the proxy was authorized (parent, legal guardian, power of attorney, patient's consent); null when not recorded." })
  @Column({ type: "varchar", length: 24, nullable: true })
  proxyBasis: ProxyBasis | null;

  @Field(() => ID, { nullable: true, description: "Staff member who verified the basis (the document or the patient's consent)." })
  @Column({ type: "int", nullable: true })
  basisVerifiedByStaffId: number | null;

  @Field(() => Date, { nullable: true, description: "When the basis was verified." })
  @TimestampColumn({ nullable: true })
  basisVerifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Reference of the document the basis rests on (court order number, form id), never the document itself." })
  @Column({ type: "varchar", length: 200, nullable: true })
  basisDocumentRef: string | null;

  @Field(() => String, { nullable: true, description: "For PROXY grants: the day (YYYY-MM-DD) the grant ends by itself; null: no end date." })
  @CalendarDateColumn({ nullable: true })
  endsOn: string | null;

  // Set when the age rules switched the grant to the narrower role, so the switch happens once
  // (staff may change the role again afterwards without the job undoing it).
  @Field(() => Date, { nullable: true, description: "When the age rules switched this proxy to the organization's narrower role; null otherwise." })
  @TimestampColumn({ nullable: true })
  ageLimitedAt: Date | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  activeKey: string | null;

  @Column({ type: "int", nullable: true })
  selfKey: number | null;

  /** The grants that open a profile now: neither revoked nor suspended. */
  static readonly USABLE = { revokedAt: IsNull(), suspendedAt: IsNull() };

  static activeKeyOf(accountId: number, patientId: number): string {
    return `${accountId}:${patientId}`;
  }
}
