import { Field, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { Patient } from "../patients/patient.entity";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";

@ObjectType({ description: "Base of mutation payloads (not emitted on its own)." })
export abstract class Payload {
  @Field(() => [UserError], { description: "Why nothing was changed; empty on success." })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of a mutation that creates a grant." })
export class GrantPayload extends Payload {
  @Field(() => PortalGrant, { nullable: true, description: "The new grant." })
  grant?: PortalGrant;

  @Field(() => PortalAccount, { nullable: true, description: "The account holding it." })
  account?: PortalAccount;

  @Field(() => Patient, { nullable: true, description: "The patient, with its status updated." })
  patient?: Patient;
}

@ObjectType({ description: "Result of enablePortalAccess." })
export class EnablePortalAccessPayload extends GrantPayload {}

@ObjectType({ description: "Result of grantContactPortalAccess." })
export class GrantContactPortalAccessPayload extends GrantPayload {}

@ObjectType({ description: "Result of linkPatientToPortalAccount." })
export class LinkPatientToPortalAccountPayload extends GrantPayload {}

@ObjectType({ description: "Result of changePortalRole." })
export class ChangePortalRolePayload extends Payload {
  @Field(() => PortalGrant, { nullable: true, description: "The grant with its new role." })
  grant?: PortalGrant;
}

@ObjectType({ description: "Result of revokePortalAccess." })
export class RevokePortalAccessPayload extends Payload {
  @Field(() => PortalGrant, { nullable: true, description: "The revoked grant." })
  grant?: PortalGrant;
}

@ObjectType({ description: "Result of revokeAllPortalAccess." })
export class RevokeAllPortalAccessPayload extends Payload {
  @Field(() => PortalAccount, { nullable: true, description: "The account, now without grants." })
  account?: PortalAccount;

  @Field(() => Int, { nullable: true, description: "How many grants were removed." })
  revokedCount?: number;
}

@ObjectType({ description: "Result of a mutation on a portal account." })
export class PortalAccountPayload extends Payload {
  @Field(() => PortalAccount, { nullable: true, description: "The account." })
  account?: PortalAccount;
}

@ObjectType({ description: "Result of setPortalAccountDisabled." })
export class SetPortalAccountDisabledPayload extends PortalAccountPayload {}

@ObjectType({ description: "Result of forcePortalPasswordChange." })
export class ForcePortalPasswordChangePayload extends PortalAccountPayload {}
