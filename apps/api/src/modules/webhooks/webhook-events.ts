import crypto from "node:crypto";
import type { EntityManager } from "typeorm";
import { WebhookEventType } from "@portal/schema";
import { insertRows } from "../../db/insert-rows";
import type { OrgScope } from "../../db/org-scope";
import { OutboxMessage } from "../../email/outbox-message.entity";
import type { AccessChangeListener } from "../portal-access/portal-access.service";
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
  if (events.length === 0) return [];
  const subscriptions = await manager.find(WebhookSubscription, {
    where: onlySubscriptionId ? { organizationId, id: onlySubscriptionId } : { organizationId, active: true },
  });
  const now = new Date();
  const rows: Partial<OutboxMessage>[] = [];
  const ids = events.map(({ type, data }) => {
    const targets = onlySubscriptionId ? subscriptions : subscriptions.filter((s) => s.events.includes(type));
    if (targets.length === 0) return null;
    const eventId = `evt_${crypto.randomBytes(12).toString("hex")}`;
    const body = JSON.stringify({ id: eventId, type, createdAt: now.toISOString(), organizationId: String(organizationId), data });
    for (const s of targets) {
      rows.push({
        organizationId,
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
  await insertRows(manager, OutboxMessage, rows);
  return ids;
}

const ACCESS_EVENTS: Record<string, WebhookEventType> = {
  "portal_access.enabled": WebhookEventType.PORTAL_ACCESS_ENABLED,
  // Linking a patient to an existing account enables that patient's access.
  "portal_access.linked": WebhookEventType.PORTAL_ACCESS_ENABLED,
  "portal_access.revoked": WebhookEventType.PORTAL_ACCESS_REVOKED,
  "portal_account.disabled": WebhookEventType.PORTAL_ACCOUNT_DISABLED,
};

/** Turns PortalAccessService's access changes into webhook events, in the same transaction. */
export const webhookAccessListener: AccessChangeListener = {
  async onAccessChanged(tx: OrgScope, changes) {
    const events = changes.flatMap(({ action, grant, account }) => {
      const type = ACCESS_EVENTS[action];
      if (!type) return [];
      const data: WebhookData = {
        patientId: String(grant.patientId),
        grantId: String(grant.id),
        accountId: String(account.id),
        accessType: grant.accessType,
        contactId: grant.contactId ? String(grant.contactId) : null,
      };
      return [{ type, data }];
    });
    await emitWebhookEvents(tx.manager, tx.organizationId, events);
  },
};
