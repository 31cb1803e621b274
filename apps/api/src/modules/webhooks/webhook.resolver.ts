import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Connection, decodeCursor, pageSize, toConnection } from "../../graphql/connection";
import { asPayload, parseId } from "../../graphql/user-error";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { CreateWebhookSubscriptionInput, UpdateWebhookSubscriptionInput, WebhookSubscriptionIdInput } from "./webhook.inputs";
import {
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionPayload,
  SendTestWebhookEventPayload,
  UpdateWebhookSubscriptionPayload,
} from "./webhook.payloads";

// Staff-only, like API keys: no key scope stands in for MANAGE_API_KEYS.

const WebhookDeliveryConnection = Connection(WebhookDelivery, { name: "WebhookDelivery", description: "A page of the delivery log, newest first.", node: "The delivery attempt.", edges: "The attempts of this page." });
type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID, { nullable: true, description: "Only attempts for this subscription." })
  subscriptionId?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after." })
  after?: string | null;
}

@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookSubscription], {
    description: "The organization's webhook subscriptions (at most 20), oldest first. Signing secrets are never shown again.",
  })
  webhookSubscriptions(@Ctx() ctx: Context) {
    return ctx.scope().find(WebhookSubscription, { order: { id: "ASC" } });
  }

  @Query(() => WebhookDeliveryConnection, { description: "The webhook delivery log: every attempt with its outcome, newest first." })
  async webhookDeliveries(@Args(() => WebhookDeliveriesArgs) { subscriptionId, first, after }: WebhookDeliveriesArgs, @Ctx() ctx: Context) {
    const limit = pageSize(first);
    const qb = ctx
      .scope()
      .qb(WebhookDelivery, "d")
      .orderBy("d.id", "DESC")
      .take(limit + 1);
    if (subscriptionId) qb.andWhere("d.subscriptionId = :sub", { sub: /^\d{1,10}$/.test(subscriptionId) ? Number(subscriptionId) : -1 });
    if (after) qb.andWhere("d.id < :cursor", { cursor: decodeCursor(after, ["id"])[0] });
    const rows = limit === 0 ? [] : await qb.getMany();
    return toConnection(rows, limit, (d) => [d.id]);
  }

  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description: "Subscribe an endpoint to events. The payload carries the signing secret; it is shown only this once.",
  })
  createWebhookSubscription(
    @Arg("input", () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(() => ctx.services.webhooks.create(ctx.scope(), input));
  }

  @Mutation(() => UpdateWebhookSubscriptionPayload, { description: "Change a subscription's URL, events or note, or pause and resume it." })
  updateWebhookSubscription(
    @Arg("input", () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(() => ctx.services.webhooks.update(ctx.scope(), { ...input, id: parseId(input.id, "id", "Webhook subscription") }));
  }

  @Mutation(() => DeleteWebhookSubscriptionPayload, { description: "Delete a subscription; deliveries still queued for it are dropped." })
  deleteWebhookSubscription(@Arg("input", () => WebhookSubscriptionIdInput) input: WebhookSubscriptionIdInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.webhooks.delete(ctx.scope(), parseId(input.id, "id", "Webhook subscription")));
  }

  @Mutation(() => SendTestWebhookEventPayload, {
    description: "Queue a signed webhook.test event to one subscription (paused ones too), to check the endpoint and its signature code.",
  })
  sendTestWebhookEvent(@Arg("input", () => WebhookSubscriptionIdInput) input: WebhookSubscriptionIdInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.webhooks.sendTest(ctx.scope(), parseId(input.id, "id", "Webhook subscription")));
  }
}
