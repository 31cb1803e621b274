import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { WebhookEventType } from "@portal/schema";

@InputType({ description: "A new webhook subscription." })
export class CreateWebhookSubscriptionInput {
  @Field({ description: "The endpoint: an http(s) URL on a public address (at most 2000 characters)." })
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEventType], { description: "Events to deliver; at least one." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  events: WebhookEventType[];

  @Field(() => String, { nullable: true, description: "A note for staff (at most 500 characters)." })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

@InputType({ description: "Change a webhook subscription; omitted fields keep their value." })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: "The subscription." })
  id: string;

  @Field(() => String, { nullable: true, description: "A new endpoint URL." })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: "The new list of events." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  events?: WebhookEventType[] | null;

  @Field(() => String, { nullable: true, description: "A new note (empty clears it)." })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Pause (false) or resume (true) deliveries." })
  active?: boolean | null;
}

@InputType({ description: "Identifies one webhook subscription." })
export class WebhookSubscriptionIdInput {
  @Field(() => ID, { description: "The subscription." })
  id: string;
}
