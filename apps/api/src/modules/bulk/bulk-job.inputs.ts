import { IsOptional } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { PatientFilterInput } from "../portal-access/portal-access.inputs";

@InputType({ description: "Enable portal access for many patients: the selected ids, or every patient matching the grid's filter." })
export class BulkEnablePortalAccessInput {
  @Field(() => [ID], { nullable: true, description: "The selected patients (at most 10,000). Give this or filter." })
  @IsOptional()
  patientIds?: string[] | null;

  @Field(() => PatientFilterInput, { nullable: true, description: "All patients matching this grid filter (\"all N matching\"). Give this or patientIds." })
  @IsOptional()
  filter?: PatientFilterInput | null;

  @Field(() => ID, { nullable: true, description: "A portal role applicable to SELF; defaults to the organization's default role." })
  portalRoleId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Also send each enabled patient the invite, in the same step (both or neither per row)." })
  sendInvite?: boolean | null;
}

@InputType({ description: "Send (or resend) portal invites to many patients: the selected ids, or every patient matching the grid's filter." })
export class BulkSendPortalInvitesInput {
  @Field(() => [ID], { nullable: true, description: "The selected patients (at most 10,000). Give this or filter." })
  @IsOptional()
  patientIds?: string[] | null;

  @Field(() => PatientFilterInput, { nullable: true, description: "All patients matching this grid filter. Give this or patientIds." })
  @IsOptional()
  filter?: PatientFilterInput | null;
}
