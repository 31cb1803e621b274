import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
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

@ObjectType({ description: "An edge of BulkJobItemConnection." })
export class BulkJobItemEdge {
  @Field({ description: "Cursor of this edge." })
  cursor: string;

  @Field(() => BulkJobItem, { description: "The row." })
  node: BulkJobItem;
}

@ObjectType({ description: "A page of a bulk job's rows, in processing order." })
export class BulkJobItemConnection {
  @Field(() => [BulkJobItemEdge], { description: "The rows of this page." })
  edges: BulkJobItemEdge[];

  @Field(() => PageInfo, { description: "Pagination." })
  pageInfo: PageInfo;
}

@ObjectType({ description: "An edge of BulkJobConnection." })
export class BulkJobEdge {
  @Field({ description: "Cursor of this edge." })
  cursor: string;

  @Field(() => BulkJob, { description: "The job." })
  node: BulkJob;
}

@ObjectType({ description: "A page of the organization's bulk jobs, newest first." })
export class BulkJobConnection {
  @Field(() => [BulkJobEdge], { description: "The jobs of this page." })
  edges: BulkJobEdge[];

  @Field(() => PageInfo, { description: "Pagination." })
  pageInfo: PageInfo;
}
