import { Field, ObjectType } from "type-graphql";
import { Payload } from "../portal-access/portal-access.payloads";
import { ApiKey } from "./api-key.entity";

@ObjectType({ description: "Result of createApiKey." })
export class CreateApiKeyPayload extends Payload {
  @Field(() => ApiKey, { nullable: true, description: "The new key." })
  apiKey?: ApiKey;

  @Field(() => String, { nullable: true, description: "The key itself, to send as `Authorization: Bearer <secret>`. Shown only this once; only its SHA-256 is stored." })
  secret?: string;
}

@ObjectType({ description: "Result of revokeApiKey." })
export class RevokeApiKeyPayload extends Payload {
  @Field(() => ApiKey, { nullable: true, description: "The revoked key." })
  apiKey?: ApiKey;
}
