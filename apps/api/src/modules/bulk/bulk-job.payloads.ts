import { Field, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/connection";
import { Payload } from "../portal-access/portal-access.payloads";
import { BulkJob, BulkJobItem } from "./bulk-job.entity";

@ObjectType({ description: "Result of starting a bulk action." })
export class BulkJobPayload extends Payload {
  @Field(() => BulkJob, { nullable: true, description: "The job; follow it with the bulkJob query." })
  job?: BulkJob;
}

@ObjectType({ description: "Result of bulkEnablePortalAccess." })
export class BulkEnablePortalAccessPayload extends BulkJobPayload {}

@ObjectType({ description: "Result of bulkSendPortalInvites." })
export class BulkSendPortalInvitesPayload extends BulkJobPayload {}

export const BulkJobItemConnection = Connection(BulkJobItem, { name: "BulkJobItem", description: "A page of a bulk job's rows, in processing order.", node: "The row.", edges: "The rows of this page." });
export type BulkJobItemConnection = InstanceType<typeof BulkJobItemConnection>;

export const BulkJobConnection = Connection(BulkJob, { name: "BulkJob", description: "A page of the organization's bulk jobs, newest first.", node: "The job.", edges: "The jobs of this page." });
export type BulkJobConnection = InstanceType<typeof BulkJobConnection>;
