import { Field, ID, ObjectType } from "type-graphql";
import { Payload } from "../portal-access/portal-access.payloads";
import { WebhookSubscription } from "./webhook-subscription.entity";

@ObjectType({ description: "Result of createWebhookSubscription." })
export class CreateWebhookSubscriptionPayload extends Payload {
  @Field(() => WebhookSubscription, { nullable: true, description: "The new subscription." })
  subscription?: WebhookSubscription;

  @Field(() => String, { nullable: true, description: "The secret that signs deliveries (Portal-Signature header). Shown only this once." })
  signingSecret?: string;
}

@ObjectType({ description: "Result of updateWebhookSubscription." })
export class UpdateWebhookSubscriptionPayload extends Payload {
  @Field(() => WebhookSubscription, { nullable: true, description: "The subscription as changed." })
  subscription?: WebhookSubscription;
}

@ObjectType({ description: "Result of deleteWebhookSubscription." })
export class DeleteWebhookSubscriptionPayload extends Payload {
  @Field(() => ID, { nullable: true, description: "Id of the deleted subscription." })
  deletedId?: string;
}

@ObjectType({ description: "Result of sendTestWebhookEvent." })
export class SendTestWebhookEventPayload extends Payload {
  @Field(() => String, { nullable: true, description: "Id of the queued webhook.test event (see webhookDeliveries)." })
  eventId?: string;
}
