import { Field, Int, ObjectType } from "type-graphql";
import { PortalStatus } from "@portal/schema";
import { Connection } from "../../graphql/connection";
import { Payload } from "../portal-access/portal-access.payloads";
import { Contact } from "./contact.entity";
import { ContactLoginEmailChange } from "./contact-rules";
import { Patient } from "./patient.entity";

@ObjectType({ description: "How many patients of the current search are in one status." })
export class StatusCount {
  @Field(() => PortalStatus, { description: "The status." })
  status: PortalStatus;

  @Field(() => Int, { description: "Number of patients." })
  count: number;
}

export const PatientConnection = Connection(Patient, { name: "Patient", description: "A page of patients, with totals for the whole search.", node: "The patient.", edges: "The patients of this page." });
/** A page of patients, plus the per-status totals of the whole search (the fields totalCount and statusCounts of PatientConnectionResolver). */
export type PatientConnection = InstanceType<typeof PatientConnection> & {
  // Counted only when asked for (see PatientConnectionResolver).
  counts: { totalCount(): Promise<number>; statusCounts(): Promise<StatusCount[]> };
};

@ObjectType({ description: "Result of a patient mutation." })
export class PatientPayload extends Payload {
  @Field(() => Patient, { nullable: true, description: "The patient." })
  patient?: Patient;
}

@ObjectType({ description: "Result of createPatient." })
export class CreatePatientPayload extends PatientPayload {}

@ObjectType({ description: "Result of updatePatient." })
export class UpdatePatientPayload extends PatientPayload {}

@ObjectType({ description: "Result of a contact mutation." })
export class ContactPayload extends Payload {
  @Field(() => Contact, { nullable: true, description: "The contact." })
  contact?: Contact;
}

@ObjectType({ description: "Result of createContact." })
export class CreateContactPayload extends ContactPayload {}

@ObjectType({ description: "Result of updateContact." })
export class UpdateContactPayload extends ContactPayload {
  @Field(() => Int, { nullable: true, description: "Portal grants revoked because the contact was disabled." })
  revokedGrantCount?: number;

  @Field(() => ContactLoginEmailChange, {
    nullable: true,
    description: "For a contact holding portal access whose email changed: what happened to its login (null when nothing did).",
  })
  loginEmailChange?: ContactLoginEmailChange | null;
}
