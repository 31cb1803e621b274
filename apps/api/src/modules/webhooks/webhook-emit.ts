import type { WebhookEventType } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { emitWebhookEvent, type WebhookData } from "./webhook-events";

/**
 * Queues a webhook event in the scope's transaction, for the scope's organization only. Services
 * call this rather than handing their transaction's EntityManager to webhook-events.ts: it is the
 * one place where a scope's manager leaves the scope, until emitting takes an OrgScope itself.
 */
export function emitWebhookEventIn(tx: OrgScope, type: WebhookEventType, data: WebhookData, onlySubscriptionId?: number): Promise<string | null> {
  return emitWebhookEvent(tx.manager, tx.organizationId, type, data, onlySubscriptionId);
}
