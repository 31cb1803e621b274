import { Field, ObjectType } from "type-graphql";
import { InviteMethod } from "@portal/schema";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { Payload } from "../portal-access/portal-access.payloads";

@ObjectType({ description: "Result of sendPortalInvite." })
export class SendPortalInvitePayload extends Payload {
  @Field(() => PortalGrant, { nullable: true, description: "The grant whose holder was invited." })
  grant?: PortalGrant;

  @Field(() => PortalAccount, { nullable: true, description: "The invited account, with lastInviteSentAt updated." })
  account?: PortalAccount;

  @Field(() => Patient, { nullable: true, description: "The patient, with its status updated (INVITED for a patient's own account)." })
  patient?: Patient;

  @Field(() => InviteMethod, { nullable: true, description: "How the invite was sent (the organization's setting)." })
  method?: InviteMethod;

  @Field(() => Date, { nullable: true, description: "When the invite stops working." })
  inviteExpiresAt?: Date;

  @Field(() => Boolean, { nullable: true, description: "True when an earlier invite existed (and is now void)." })
  resent?: boolean;
}

@ObjectType({ description: "Result of resetPortalPassword." })
export class ResetPortalPasswordPayload extends Payload {
  @Field(() => PortalAccount, { nullable: true, description: "The account." })
  account?: PortalAccount;

  @Field(() => Date, { nullable: true, description: "When the reset link stops working (24 hours)." })
  resetExpiresAt?: Date;
}

@ObjectType({ description: "Result of changePortalLoginEmail." })
export class ChangePortalLoginEmailPayload extends Payload {
  @Field(() => PortalAccount, { nullable: true, description: "The account: its login email unchanged, the requested one in pendingLoginEmail until confirmed." })
  account?: PortalAccount;
}
