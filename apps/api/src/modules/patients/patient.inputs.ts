import { IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ContactRelationship, Language, PatientSortField, SortDirection } from "@portal/schema";

@InputType({ description: "A new patient record." })
export class CreatePatientInput {
  @Field({ description: "Medical record number, unique in the organization." })
  @MaxLength(64)
  mrn: string;

  @Field({ description: "Given name." })
  @MaxLength(100)
  firstName: string;

  @Field({ description: "Family name." })
  @MaxLength(100)
  lastName: string;

  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD." })
  @IsOptional()
  @MaxLength(10)
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: "Email address on file." })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language (default English)." })
  language?: Language | null;
}

@InputType({ description: "Changes to a patient record; omitted fields stay as they are." })
export class UpdatePatientInput {
  @Field(() => ID, { description: "The patient." })
  id: string;

  @Field(() => String, { nullable: true, description: "Medical record number." })
  @IsOptional()
  @MaxLength(64)
  mrn?: string | null;

  @Field(() => String, { nullable: true, description: "Given name." })
  @IsOptional()
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Family name." })
  @IsOptional()
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Date of birth, YYYY-MM-DD; an empty string clears it." })
  @IsOptional()
  @MaxLength(10)
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: "Email address on file; an empty string clears it." })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language." })
  language?: Language | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the record is active." })
  active?: boolean | null;
}

@InputType({ description: "A new contact on a patient's record." })
export class CreateContactInput {
  @Field(() => ID, { description: "The patient whose record lists the contact." })
  patientId: string;

  @Field({ description: "Given name." })
  @MaxLength(100)
  firstName: string;

  @Field({ description: "Family name." })
  @MaxLength(100)
  lastName: string;

  @Field(() => ContactRelationship, { description: "Relationship to the patient." })
  relationship: ContactRelationship;

  @Field(() => String, { nullable: true, description: "Email address on file." })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number: digits, spaces, +, -, parentheses and an optional extension." })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's date of birth, YYYY-MM-DD." })
  @IsOptional()
  @MaxLength(10)
  dateOfBirth?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language (default English)." })
  language?: Language | null;
}

@InputType({ description: "Changes to a contact; omitted fields stay as they are. Setting active to false revokes its portal access." })
export class UpdateContactInput {
  @Field(() => ID, { description: "The contact." })
  id: string;

  @Field(() => String, { nullable: true, description: "Given name." })
  @IsOptional()
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Family name." })
  @IsOptional()
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => ContactRelationship, { nullable: true, description: "Relationship to the patient." })
  relationship?: ContactRelationship | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Email address on file; an empty string clears it. For a contact holding portal access the login does not move by itself: with Manage portal access the new address is asked to confirm it (rules 14 and 18; see UpdateContactPayload.loginEmailChange).",
  })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number; an empty string clears it." })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Date of birth; an empty string clears it." })
  @IsOptional()
  @MaxLength(10)
  dateOfBirth?: string | null;

  @Field(() => Language, { nullable: true, description: "Preferred language." })
  language?: Language | null;

  @Field(() => Boolean, { nullable: true, description: "False disables the contact and revokes its portal access (rule 3)." })
  active?: boolean | null;
}

@InputType({ description: "How to sort the patient grid. Every order paginates by keyset (the cursor holds the sort key and the id)." })
export class PatientOrderInput {
  @Field(() => PatientSortField, { description: "The sort key; ties are broken by name, then id (dates: by id)." })
  field: PatientSortField;

  @Field(() => SortDirection, { nullable: true, description: "ASC (default) or DESC. Patients never invited / never signed in come first ascending, last descending." })
  direction?: SortDirection | null;
}
