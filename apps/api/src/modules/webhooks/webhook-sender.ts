import http from "node:http";
import https from "node:https";
import { In, type DataSource } from "typeorm";
import { hmacSha256 } from "../../auth/tokens";
import { runInTransaction } from "../../db/transaction";
import type { SecretBox } from "../../email/secret-box";
import type { Logger } from "../../logger";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { guardedLookup, isPrivateAddress, parseWebhookUrl, type WebhookTargetError } from "./webhook-target";
import net from "node:net";
import { OutboxMessage } from "../../email/outbox-message.entity";

export interface WebhookSenderOptions {
  dataSource: DataSource;
  box: SecretBox;
  logger: Logger;
  allowPrivateTargets: boolean;
  timeoutMs?: number;
  /** Delay before retry n (the last value repeats); documented in docs/partner-api.md. */
  backoffMs?: number[];
  maxAttempts?: number;
  concurrency?: number;
}

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export function signatureHeader(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacSha256(secret, `${t}.${body}`)}`;
}

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** Rows for one endpoint origin share its health; a subscription without a usable URL is its own target. */
function targetKey(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : "none";
  } catch {
    return `bad:${url}`;
  }
}

/**
 * Delivers the outbox's WEBHOOK rows (claimed by the OutboxWorker with SKIP LOCKED, in a loop of
 * their own so that email never waits on a partner). A row whose process died mid-POST is claimed
 * again and resent with the same `portal-event-id` (partners dedupe on it; docs/partner-api.md):
 * signs each body, POSTs it without following redirects, through a lookup that refuses internal
 * addresses at connection time, logs every attempt, and reschedules failures with backoff.
 */
export class WebhookSender {
  readonly o: Required<WebhookSenderOptions>;

  constructor(options: WebhookSenderOptions) {
    this.o = {
      timeoutMs: 10_000,
      backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000, 12 * 3600_000, 24 * 3600_000],
      maxAttempts: 8,
      concurrency: 4,
      ...options,
    };
  }

  /**
   * Per target (the endpoint's origin): consecutive failures and until when it is left alone. Kept
   * in the process: each process learns a target is down from its own first failure.
   */
  private readonly targets = new Map<string, { failures: number; openUntil: number }>();

  /**
   * Delivers claimed rows, one target at a time per lane, so that a target that hangs holds one
   * lane for one timeout; once a target fails, its other rows are deferred until its backoff ends
   * (without counting an attempt), and every other target goes on.
   */
  async deliver(rows: OutboxMessage[], workerId: string): Promise<void> {
    const subs = await this.o.dataSource.getRepository(WebhookSubscription).findBy({ id: In([...new Set(rows.map((r) => Number(r.variables.subscriptionId)))]) });
    const byId = new Map(subs.map((s) => [s.id, s]));
    const groups = new Map<string, OutboxMessage[]>();
    for (const row of rows) {
      const key = targetKey(byId.get(Number(row.variables.subscriptionId))?.url);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(row);
    }
    const queue = [...groups.entries()];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(this.o.concurrency, queue.length) }, async () => {
        while (next < queue.length) {
          const [target, group] = queue[next++];
          for (const row of group) {
            try {
              const open = this.targets.get(target);
              if (open && open.openUntil > Date.now()) await this.defer(row, workerId, new Date(open.openUntil));
              else await this.deliverOne(row, byId.get(Number(row.variables.subscriptionId)), workerId, target);
            } catch (err) {
              this.o.logger.error({ err, outboxId: row.id }, "webhook delivery bookkeeping failed");
            }
          }
        }
      }),
    );
  }

  /** A row whose target is backed off: back to the queue for when the target may be tried again. */
  private async defer(row: OutboxMessage, workerId: string, until: Date): Promise<void> {
    await this.o.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: "PENDING", nextAttemptAt: until, claimedUntil: null, attempts: () => "attempts - 1" })
      .where("id = :id", { id: row.id })
      .andWhere("claimedBy = :me", { me: workerId })
      .execute();
  }

  private noteOutcome(target: string, success: boolean): void {
    if (success) {
      this.targets.delete(target);
      return;
    }
    const failures = (this.targets.get(target)?.failures ?? 0) + 1;
    const delay = this.o.backoffMs[Math.min(failures - 1, this.o.backoffMs.length - 1)];
    this.targets.set(target, { failures, openUntil: Date.now() + delay });
  }

  private async deliverOne(row: OutboxMessage, sub: WebhookSubscription | undefined, workerId: string, target: string): Promise<void> {
    if (!sub || sub.organizationId !== row.organizationId) {
      await this.finish(row, workerId, "FAILED", "subscription deleted");
      return;
    }
    const body = row.variables.body;
    let outcome: Outcome;
    try {
      const secret = this.o.box.open(sub.secretSealed).secret;
      outcome = await this.post(sub.url, body, {
        "content-type": "application/json",
        "user-agent": "PortalAccess-Webhooks/1",
        "portal-signature": signatureHeader(secret, body),
        "portal-event-id": row.variables.eventId,
        "portal-event-type": row.kind,
        "portal-delivery-attempt": String(row.attempts),
      });
    } catch (err) {
      outcome = { statusCode: null, error: err instanceof Error ? err.message.slice(0, 300) : "failed", durationMs: 0 };
    }
    const success = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    // A 4xx other than 429 is the endpoint answering (about this event): it says nothing of the target's health.
    const targetDown = outcome.statusCode === null || outcome.statusCode === 429 || outcome.statusCode >= 500;
    if (success || targetDown) this.noteOutcome(target, success);
    const giveUp = !success && row.attempts >= this.o.maxAttempts;
    const nextAt = success || giveUp ? null : new Date(Date.now() + this.o.backoffMs[Math.min(row.attempts - 1, this.o.backoffMs.length - 1)]);
    await runInTransaction(this.o.dataSource, async (manager) => {
      await manager.insert(WebhookDelivery, {
        organizationId: row.organizationId,
        subscriptionId: sub.id,
        eventId: row.variables.eventId,
        eventType: row.kind,
        attempt: row.attempts,
        success,
        statusCode: outcome.statusCode,
        error: outcome.error ?? (success ? null : `HTTP ${outcome.statusCode}`),
        durationMs: outcome.durationMs,
        nextAttemptAt: nextAt,
      });
      const base = manager.createQueryBuilder().update(OutboxMessage).where("id = :id", { id: row.id }).andWhere("claimedBy = :me", { me: workerId });
      if (success) await base.set({ status: "SENT", sentAt: new Date(), claimedUntil: null, lastError: null }).execute();
      else if (giveUp) await base.set({ status: "FAILED", claimedUntil: null, lastError: (outcome.error ?? `HTTP ${outcome.statusCode}`).slice(0, 500) }).execute();
      else await base.set({ status: "PENDING", nextAttemptAt: nextAt!, claimedUntil: null, lastError: (outcome.error ?? `HTTP ${outcome.statusCode}`).slice(0, 500) }).execute();
    });
  }

  private async finish(row: OutboxMessage, workerId: string, status: "FAILED", reason: string) {
    await this.o.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status, claimedUntil: null, lastError: reason })
      .where("id = :id", { id: row.id })
      .andWhere("claimedBy = :me", { me: workerId })
      .execute();
  }

  private post(rawUrl: string, body: string, headers: Record<string, string>): Promise<Outcome> {
    const started = Date.now();
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = parseWebhookUrl(rawUrl);
      } catch (err) {
        resolve({ statusCode: null, error: (err as WebhookTargetError).message, durationMs: 0 });
        return;
      }
      // An address literal never goes through `lookup`, so it is checked here.
      const literal = url.hostname.replace(/^\[|\]$/g, "");
      if (!this.o.allowPrivateTargets && net.isIP(literal) && isPrivateAddress(literal)) {
        resolve({ statusCode: null, error: "refused: internal address", durationMs: 0 });
        return;
      }
      const client = url.protocol === "https:" ? https : http;
      const req = client.request(
        url,
        {
          method: "POST",
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
          lookup: guardedLookup(this.o.allowPrivateTargets),
          timeout: this.o.timeoutMs,
        },
        (res) => {
          // The answer's body is not needed (and could be large): drain it.
          res.resume();
          res.on("end", () => resolve({ statusCode: res.statusCode ?? null, error: null, durationMs: Date.now() - started }));
          res.on("error", () => resolve({ statusCode: res.statusCode ?? null, error: null, durationMs: Date.now() - started }));
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer within ${this.o.timeoutMs} ms`)));
      req.on("error", (err: Error & { code?: string }) =>
        resolve({ statusCode: null, error: err.code === "EWEBHOOKTARGET" ? "refused: the host resolves to an internal address" : err.message.slice(0, 300), durationMs: Date.now() - started }),
      );
      req.end(body);
    });
  }
}
