import { Field, ID, InputType } from "type-graphql";
import { ArrayMaxSize, MaxLength, ValidateNested } from "class-validator";
import { ContactRelationship, Language } from "@portal/schema";

@InputType({ description: "Confirm an import's dry run: the rows it found are written in the background." })
export class ConfirmPatientImportInput {
  @Field(() => ID, { description: "The import (from POST /imports/patients?dryRun=true)." })
  id: string;

  @Field({ nullable: true, description: "Enable portal access for the patients the import creates (a bulk onboarding job; needs the permission to manage portal access)." })
  enablePortalAccess?: boolean;

  @Field({ nullable: true, description: "With enablePortalAccess: also send each created patient an invite." })
  sendInvite?: boolean;
}

@InputType({ description: "A contact of a patient sent by upsertPatients; matched by externalId, else by name on the patient." })
export class UpsertContactInput {
  @Field(() => String, { nullable: true, description: "The contact's id in your system." })
  @MaxLength(64)
  externalId?: string | null;

  @Field({ description: "Given name." })
  @MaxLength(100)
  firstName: string;

  @Field({ description: "Family name." })
  @MaxLength(100)
  lastName: string;

  @Field(() => ContactRelationship, { nullable: true, description: "Relationship to the patient (OTHER when left out)." })
  relationship?: ContactRelationship | null;

  @Field(() => String, { nullable: true, description: "Email address on file." })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number on file." })
  @MaxLength(32)
  phone?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language." })
  language?: Language | null;
}

@InputType({ description: "One patient of upsertPatients, keyed by externalId (or MRN). A field left out is left as it is on file." })
export class UpsertPatientInput {
  @Field(() => String, { nullable: true, description: "The patient's id in your system: the key of the upsert." })
  @MaxLength(64)
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: "Medical record number: the key when there is no externalId; for a new patient, defaults to externalId." })
  @MaxLength(64)
  mrn?: string | null;

  @Field(() => String, { nullable: true, description: "Given name (required for a new patient)." })
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Family name (required for a new patient)." })
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD." })
  @MaxLength(10)
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: "Email address on file. A patient holding portal access keeps the login email: a new one is reported in notes, not applied (rule 14)." })
  @MaxLength(254)
  email?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language." })
  language?: Language | null;

  @Field(() => [UpsertContactInput], { nullable: true, description: "Contacts to add or update on the patient (never removed)." })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  contacts?: UpsertContactInput[] | null;
}

@InputType({ description: "Patients to create or update, at most 1,000 per call." })
export class UpsertPatientsInput {
  @Field(() => [UpsertPatientInput], { description: "The patients, each keyed by externalId or MRN." })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  patients: UpsertPatientInput[];
}
