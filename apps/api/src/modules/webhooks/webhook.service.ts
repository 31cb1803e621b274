import crypto from "node:crypto";
import { UserErrorCode, WebhookEventType } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import type { SecretBox } from "../../email/secret-box";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { emitWebhookEventIn } from "./webhook-emit";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { checkWebhookTarget, WebhookTargetError } from "./webhook-target";


const SUBSCRIBABLE: WebhookEventType[] = Object.values(WebhookEventType).filter((e) => e !== WebhookEventType.TEST);
/** Enough for every partner of a clinic; bounds the fan-out work of each change. */
const MAX_SUBSCRIPTIONS_PER_ORG = 20;

export class WebhookService {
  constructor(
    private readonly box: SecretBox,
    private readonly allowPrivateTargets: boolean,
  ) {}

  private async checkUrl(url: string): Promise<string> {
    try {
      return (await checkWebhookTarget(url, this.allowPrivateTargets)).toString();
    } catch (err) {
      if (err instanceof WebhookTargetError) fail(UserErrorCode.WEBHOOK_URL_REFUSED, err.message, "url");
      throw err;
    }
  }

  private checkEvents(events: WebhookEventType[]): WebhookEventType[] {
    const unique = [...new Set(events)].sort();
    if (unique.length === 0) fail(UserErrorCode.INVALID_INPUT, "Choose at least one event.", "events");
    if (unique.some((e) => !SUBSCRIBABLE.includes(e))) fail(UserErrorCode.INVALID_INPUT, "webhook.test is sent only by sendTestWebhookEvent.", "events");
    return unique;
  }

  async create(scope: OrgScope, input: { url: string; events: WebhookEventType[]; description?: string | null }) {
    const events = this.checkEvents(input.events);
    // DNS is resolved before the transaction opens: a slow resolver must not hold locks.
    const url = await this.checkUrl(input.url);
    const signingSecret = `whsec_${crypto.randomBytes(32).toString("base64url")}`;
    return scope.transaction(async (tx) => {
      if ((await tx.count(WebhookSubscription)) >= MAX_SUBSCRIPTIONS_PER_ORG) fail(UserErrorCode.INVALID_INPUT, `At most ${MAX_SUBSCRIPTIONS_PER_ORG} webhook subscriptions per organization.`, null);
      const subscription = await tx.create(WebhookSubscription, {
        url,
        events,
        description: input.description?.trim() || null,
        secretSealed: this.box.seal({ secret: signingSecret }),
        active: true,
        createdByStaffId: tx.actor.staffId,
      });
      await audit(tx, { action: "webhook_subscription.created", targetType: "WebhookSubscription", targetId: subscription.id, after: { url, events } });
      return { subscription, signingSecret };
    });
  }

  async update(scope: OrgScope, input: { id: number; url?: string | null; events?: WebhookEventType[] | null; description?: string | null; active?: boolean | null }) {
    const events = input.events ? this.checkEvents(input.events) : null;
    const url = input.url ? await this.checkUrl(input.url) : null;
    return scope.transaction(async (tx) => {
      const subscription = (await tx.findOneForUpdate(WebhookSubscription, { id: input.id })) ?? fail(UserErrorCode.NOT_FOUND, "Webhook subscription not found.", "id");
      const before = { url: subscription.url, events: subscription.events, active: subscription.active };
      if (url) subscription.url = url;
      if (events) subscription.events = events;
      if (input.description !== undefined) subscription.description = input.description?.trim() || null;
      if (input.active != null) subscription.active = input.active;
      await tx.save(WebhookSubscription, subscription);
      await audit(tx, { action: "webhook_subscription.updated", targetType: "WebhookSubscription", targetId: subscription.id, before, after: { url: subscription.url, events: subscription.events, active: subscription.active } });
      return { subscription };
    });
  }

  async delete(scope: OrgScope, id: number) {
    return scope.transaction(async (tx) => {
      const subscription = (await tx.findOneForUpdate(WebhookSubscription, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Webhook subscription not found.", "id");
      await tx.delete(WebhookSubscription, { id: subscription.id });
      await audit(tx, { action: "webhook_subscription.deleted", targetType: "WebhookSubscription", targetId: id, before: { url: subscription.url, events: subscription.events } });
      return { deletedId: String(id) };
    });
  }

  async sendTest(scope: OrgScope, id: number) {
    return scope.transaction(async (tx) => {
      const subscription = (await tx.findOneBy(WebhookSubscription, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Webhook subscription not found.", "id");
      const eventId = await emitWebhookEventIn(tx, WebhookEventType.TEST, { subscriptionId: String(subscription.id), message: "Test event from Portal Access." }, subscription.id);
      await audit(tx, { action: "webhook_subscription.test_sent", targetType: "WebhookSubscription", targetId: id, after: { eventId } });
      return { eventId: eventId! };
    });
  }
}
