import type { OrgScope } from "../db/org-scope";
import { auditSubscriber } from "../modules/audit/audit.service";
import { webhookSubscriber } from "../modules/webhooks/webhook-events";
import type { DomainEvent } from "./domain-events";

/** Something that reacts to domain events, inside the transaction that emitted them. */
export interface EventSubscriber {
  handle(tx: OrgScope, events: readonly DomainEvent[]): Promise<void>;
}

/**
 * Hands a change's events to every subscriber, in the change's transaction (the outbox pattern:
 * audit rows and webhook outbox rows commit or roll back with the change). Subscribers run in the
 * order given, each once per batch of events, so a bulk chunk costs a constant number of statements.
 */
export class DomainEvents {
  constructor(private readonly subscribers: readonly EventSubscriber[]) {}

  async publish(tx: OrgScope, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const subscriber of this.subscribers) await subscriber.handle(tx, events);
  }
}

/** The subscribers that record every event: the audit log, then partner webhooks. */
export const RECORDERS: readonly EventSubscriber[] = [auditSubscriber, webhookSubscriber];

/**
 * The recording subscribers alone, for code that runs outside the app's services (the outbox
 * worker, the Mailgun webhook route, demo data) and emits events that no email follows.
 */
export const recordingEvents = new DomainEvents(RECORDERS);
