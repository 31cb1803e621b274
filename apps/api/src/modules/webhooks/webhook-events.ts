import crypto from "node:crypto";
import type { EntityManager } from "typeorm";
import { WebhookEventType } from "@portal/schema";
import { OrgScope, systemActor } from "../../db/org-scope";
import { OutboxMessage } from "../../email/outbox-message.entity";
import type { DomainEvent, GrantRef } from "../../events/domain-events";
import { WebhookSubscription } from "./webhook-subscription.entity";

export const WEBHOOK_CHANNEL = "WEBHOOK";

/** Ids and facts only: partners read names and emails through the API, with a key's scopes. */
export type WebhookData = Record<string, string | number | boolean | null>;

/**
 * Writes one outbox row per subscribed endpoint in the caller's transaction: a change that rolls back
 * sends nothing; a committed one is delivered by the outbox worker with retries. Returns the event id,
 * or null when no endpoint wants this event.
 */
export async function emitWebhookEvent(
  manager: EntityManager,
  organizationId: number,
  type: WebhookEventType,
  data: WebhookData,
  onlySubscriptionId?: number,
): Promise<string | null> {
  const [eventId] = await emitWebhookEvents(manager, organizationId, [{ type, data }], onlySubscriptionId);
  return eventId;
}

/**
 * The same for many events at once (bulk changes): the subscriptions are read once and every
 * event's rows are written in multi-row statements. Returns each event's id (null: nobody wants it).
 */
export async function emitWebhookEvents(
  manager: EntityManager,
  organizationId: number,
  events: { type: WebhookEventType; data: WebhookData }[],
  onlySubscriptionId?: number,
): Promise<(string | null)[]> {
  return emitWebhookEventsIn(new OrgScope(manager.connection, manager, organizationId, systemActor("webhooks")), events, onlySubscriptionId);
}

/** emitWebhookEvents for a scope: its organization's subscriptions, in its transaction. */
export async function emitWebhookEventsIn(tx: OrgScope, events: { type: WebhookEventType; data: WebhookData }[], onlySubscriptionId?: number): Promise<(string | null)[]> {
  if (events.length === 0) return [];
  const { organizationId } = tx;
  const subscriptions = await tx.find(WebhookSubscription, { where: onlySubscriptionId ? { id: onlySubscriptionId } : { active: true } });
  const now = new Date();
  const rows: Partial<OutboxMessage>[] = [];
  const ids = events.map(({ type, data }) => {
    const targets = onlySubscriptionId ? subscriptions : subscriptions.filter((s) => s.events.includes(type));
    if (targets.length === 0) return null;
    const eventId = `evt_${crypto.randomBytes(12).toString("hex")}`;
    const body = JSON.stringify({ id: eventId, type, createdAt: now.toISOString(), organizationId: String(organizationId), data });
    for (const s of targets) {
      rows.push({
        channel: WEBHOOK_CHANNEL,
        kind: type,
        toAddress: `webhook:${s.id}`,
        language: "en",
        variables: { subscriptionId: String(s.id), eventId, body },
        status: "PENDING" as const,
        nextAttemptAt: now,
      });
    }
    return eventId;
  });
  await tx.insertMany(OutboxMessage, rows);
  return ids;
}

type WebhookEvent = { type: WebhookEventType; data: WebhookData };

const grantData = (g: GrantRef): WebhookData => ({
  patientId: String(g.patientId),
  grantId: String(g.grantId),
  accountId: String(g.accountId),
  accessType: g.accessType,
  contactId: g.contactId ? String(g.contactId) : null,
});

/** The partner webhook of each domain event (event names unchanged: partners subscribe to them). */
export function webhookEventsOf(event: DomainEvent): WebhookEvent[] {
  switch (event.type) {
    case "AccessEnabled":
      // Linking a patient to an existing account enables that patient's access too.
      return [{ type: WebhookEventType.PORTAL_ACCESS_ENABLED, data: grantData(event.grant) }];
    case "AccessRevoked":
      return [{ type: WebhookEventType.PORTAL_ACCESS_REVOKED, data: grantData(event.grant) }];
    case "AccountDisabledChanged":
      return event.disabled && event.latestGrant ? [{ type: WebhookEventType.PORTAL_ACCOUNT_DISABLED, data: grantData(event.latestGrant) }] : [];
    case "InviteSent":
      return [
        {
          type: WebhookEventType.PORTAL_INVITE_SENT,
          data: {
            patientId: String(event.grant.patientId),
            grantId: String(event.grant.grantId),
            accountId: String(event.grant.accountId),
            accessType: event.grant.accessType,
            method: event.method,
            resent: event.resent,
            expiresAt: event.expiresAt.toISOString(),
          },
        },
      ];
    case "InviteAccepted":
      return [{ type: WebhookEventType.PORTAL_INVITE_ACCEPTED, data: { accountId: String(event.accountId), patientId: event.patientId ? String(event.patientId) : null, method: event.method } }];
    case "InviteDeliveryFailed":
      return [
        {
          type: WebhookEventType.PORTAL_INVITE_DELIVERY_FAILED,
          data: { accountId: String(event.accountId), patientId: event.patientId ? String(event.patientId) : null, reason: event.reason.slice(0, 200) },
        },
      ];
    case "AccessSuspended": // partners hear of the patient's deactivation itself
    case "PortalRoleChanged":
    case "PasswordChangeForced":
    case "PasswordResetSent":
      return [];
  }
}

/** Subscribes partner webhooks to domain events: outbox rows in the change's transaction. */
export const webhookSubscriber = {
  async handle(tx: OrgScope, events: readonly DomainEvent[]): Promise<void> {
    await emitWebhookEventsIn(tx, events.flatMap(webhookEventsOf));
  },
};
