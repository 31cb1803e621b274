import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ContactRelationship, Language } from "@portal/schema";
import { CalendarDateColumn, CreatedAtColumn } from "../../db/columns";

@ObjectType({ description: "A person listed on one patient's record: mother, guardian, spouse, physician…" })
@Entity("contacts")
@Index("ix_contacts_org_patient", ["organizationId", "patientId"])
// An import's key for a contact (a FHIR RelatedPerson id), unique in the organization; null when none.
@Index("uq_contacts_org_external", ["organizationId", "externalId"], { unique: true })
export class Contact {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field(() => ID, { description: "The patient whose record lists this contact." })
  @Column({ type: "int" })
  patientId: number;

  @Field({ description: "Given name." })
  @Column({ type: "varchar", length: 100 })
  firstName: string;

  @Field({ description: "Family name." })
  @Column({ type: "varchar", length: 100 })
  lastName: string;

  @Field(() => String, { nullable: true, description: "The contact's id in the clinic's record system (a FHIR RelatedPerson id), unique in the organization; null when none." })
  @Column({ type: "varchar", length: 64, nullable: true })
  externalId: string | null;

  @Field(() => ContactRelationship, { description: "Relationship to the patient." })
  @Column({ type: "varchar", length: 32 })
  relationship: ContactRelationship;

  @Field(() => String, { nullable: true, description: "Email address on file." })
  @Column({ type: "varchar", length: 254, nullable: true })
  email: string | null;

  @Column({ type: "varchar", length: 254, nullable: true })
  emailNormalized: string | null;

  @Field(() => String, { nullable: true, description: "Phone number on file, as typed (digits, spaces, +, -, parentheses, an optional extension)." })
  @Column({ type: "varchar", length: 32, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "The contact's own date of birth, YYYY-MM-DD." })
  @CalendarDateColumn({ nullable: true })
  dateOfBirth: string | null;

  @Field(() => Language, { description: "Preferred language for emails and the portal." })
  @Column({ type: "varchar", length: 8, default: Language.EN })
  language: Language;

  @Field({ description: "Disabling a contact revokes its portal grants." })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field({ description: "When the contact was added." })
  @CreatedAtColumn()
  createdAt: Date;
}
