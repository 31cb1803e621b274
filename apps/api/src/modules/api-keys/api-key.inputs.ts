import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ApiKeyScope } from "@portal/schema";

@InputType({ description: "A new API key for a partner app." })
export class CreateApiKeyInput {
  @Field({ description: "A name staff will recognise (e.g. the partner's product); 1–100 characters." })
  @MaxLength(100)
  name: string;

  @Field(() => [ApiKeyScope], { description: "What the key may do; at least one scope." })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  scopes: ApiKeyScope[];

  @Field(() => Date, { nullable: true, description: "When the key stops working; must be in the future. Null: never expires." })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType({ description: "Revoke an API key." })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: "The key." })
  id: string;
}
