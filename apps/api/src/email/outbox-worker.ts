import crypto from "node:crypto";
import os from "node:os";
import { In, type DataSource, type EntityManager } from "typeorm";
import { ActorType } from "@portal/schema";
import { isMysql } from "../db/data-source";
import { OrgScope } from "../db/org-scope";
import { runInTransaction } from "../db/transaction";
import type { Logger } from "../logger";
import { audit } from "../modules/audit/audit.service";
import { Organization } from "../modules/organizations/organization.entity";
import { signInPath } from "../modules/invites/portal-tokens";
import { INVITE_KINDS } from "./email.types";
import { clearInviteFailures, recordInviteFailure } from "./invite-delivery";
import { MailerError, redactError, type MailBatch, type Mailer } from "./mailer";
import { OutboxMessage } from "./outbox-message.entity";
import { recipientValues, renderForBatch, type TemplateParts } from "./render";
import type { SecretBox } from "./secret-box";
import { loadTemplates, templateKey } from "./template-store";
import { anonymousRecipient } from "./templates";

export interface OutboxWorkerOptions {
  dataSource: DataSource;
  mailer: Mailer;
  box: SecretBox;
  logger: Logger;
  /** Sender of every email (MAIL_FROM). */
  from: string;
  /** PUBLIC_URL, for the portal link the templates may show. */
  publicUrl: string;
  /** Names this worker in `claimedBy`; unique per process by default. */
  workerId?: string;
  /** Rows claimed per transaction. */
  claimSize?: number;
  /** How long a claim holds; must exceed the transport timeout, or a slow send could be claimed twice. */
  leaseMs?: number;
  /** Attempts before a retryable failure becomes permanent. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Poll interval after finding work, and when idle. */
  busyPollMs?: number;
  idlePollMs?: number;
  /** Provider calls in flight at once within a round. */
  concurrency?: number;
  /** Delivers the WEBHOOK channel's rows (partner webhooks), claimed the same way as emails. */
  webhooks?: WebhookDeliverer;
  /** Rounds (claim, send, record) running at once. */
  rounds?: number;
}

export interface WebhookDeliverer {
  deliver(rows: OutboxMessage[], workerId: string): Promise<void>;
}

/** Webhook rows per claim: each may take its full timeout, and all must finish well within one lease. */
const WEBHOOK_CLAIM_SIZE = 20;

type Claimed = OutboxMessage;
interface Prepared {
  rows: Claimed[];
  mail: MailBatch | null;
  broken: Claimed[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Delivers the outbox. Each round claims due rows in a short transaction — `FOR UPDATE SKIP LOCKED`
 * on MySQL/MariaDB, so several API processes share the work without sending a row twice; SQLite
 * runs one process and serializes transactions — and gives each claimed row a lease
 * (`claimedBy`, `claimedUntil`, and `nextAttemptAt` moved to the lease's end). Then it sends outside
 * any transaction and records the outcome.
 *
 * Guarantee: at least once. A process that dies between claim and send loses nothing: the lease
 * runs out and another round claims the row again. A process that dies after the provider accepted
 * a call but before the row is marked SENT (a window of one UPDATE) makes that row go out again;
 * the recipient then receives the same email twice, with the same link, since the link is sealed in
 * the row at queue time and only rendered here.
 */
export class OutboxWorker {
  readonly workerId: string;
  private readonly o: Required<Omit<OutboxWorkerOptions, "workerId" | "webhooks">>;
  private readonly webhooks: WebhookDeliverer | null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakers = new Set<() => void>();

  constructor(options: OutboxWorkerOptions) {
    this.webhooks = options.webhooks ?? null;
    this.workerId = options.workerId ?? `${os.hostname().slice(0, 40)}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
    this.o = {
      claimSize: 1000,
      leaseMs: 120_000,
      maxAttempts: 10,
      backoffBaseMs: 5_000,
      backoffMaxMs: 30 * 60_000,
      busyPollMs: 200,
      idlePollMs: 1_000,
      concurrency: 4,
      rounds: 2,
      ...options,
    };
  }

  get mailer(): Mailer {
    return this.o.mailer;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Two rounds in flight: one claims and renders while the other waits on the provider.
    this.loop = Promise.all(Array.from({ length: this.o.rounds }, () => this.run())).then(() => undefined);
  }

  /** Stops polling and waits for the round in progress (its sends and bookkeeping) to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakers) wake();
    await this.loop;
    this.loop = null;
  }

  /** Ends the idle wait early (e.g. right after a bulk job committed its rows). */
  nudge(): void {
    for (const wake of this.wakers) wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (err) {
        this.o.logger.error({ err }, "outbox round failed");
      }
      if (!this.running) break;
      if (handled >= this.o.claimSize) continue; // more is waiting: no pause
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, handled > 0 ? this.o.busyPollMs : this.o.idlePollMs);
        this.wakers.add(wake);
      });
    }
  }

  /** One round: claim due rows, send them, record the outcomes. Returns how many rows it handled. */
  async runOnce(): Promise<number> {
    const hooks = this.webhooks ? await this.claim("WEBHOOK", WEBHOOK_CLAIM_SIZE) : [];
    const webhookRound = hooks.length ? this.webhooks!.deliver(hooks, this.workerId).then(() => hooks.length) : Promise.resolve(0);
    return (await this.runEmailRound()) + (await webhookRound);
  }

  private async runEmailRound(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const batches = await this.prepare(rows);
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.o.concurrency, batches.length) }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        if (batch.broken.length) await this.fail(batch.broken, "secrets could not be unsealed (SESSION_SECRET changed?)");
        await this.deliver(batch.rows, batch.mail);
      }
    });
    await Promise.all(lanes);
    return rows.length;
  }

  /**
   * Runs rounds until no email of `organizationId` (or of any organization) is waiting, sleeping
   * through backoffs and expired leases. For tests and command-line tools.
   */
  async drain(options: { organizationId?: number; timeoutMs?: number; channel?: string } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const handled = await Promise.all(Array.from({ length: this.o.rounds }, () => this.runOnce()));
      if (handled.some((n) => n > 0)) continue;
      const where = { channel: options.channel ?? "EMAIL", status: In(["PENDING", "SENDING"]), ...(options.organizationId ? { organizationId: options.organizationId } : {}) };
      const next = await this.o.dataSource.getRepository(OutboxMessage).findOne({ select: { id: true, nextAttemptAt: true }, where, order: { nextAttemptAt: "ASC" } });
      if (!next) return;
      if (Date.now() > deadline) throw new Error("outbox drain timed out");
      await sleep(Math.max(5, Math.min(200, next.nextAttemptAt.getTime() - Date.now())));
    }
  }

  /** Claims due rows without sending them. Public so a test can play a process that dies right after. */
  async claim(channel = "EMAIL", claimSize = this.o.claimSize): Promise<Claimed[]> {
    const { dataSource, leaseMs } = this.o;
    const mysql = isMysql(dataSource);
    const ids = await runInTransaction(dataSource, async (manager) => {
      const now = new Date();
      const qb = manager
        .createQueryBuilder(OutboxMessage, "o")
        .select("o.id", "id")
        .where("o.channel = :channel", { channel })
        .andWhere("o.status IN (:...statuses)", { statuses: ["PENDING", "SENDING"] })
        .andWhere("o.nextAttemptAt <= :now", { now })
        // No ORDER BY: the (status, nextAttemptAt) index already yields the oldest due rows of each
        // status first, and sorting every due row on each claim made a 10,000-row backlog quadratic.
        .limit(claimSize);
      // SKIP LOCKED: rows another process is claiming right now are passed over instead of waited for.
      if (mysql) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      const found = (await qb.getRawMany<{ id: number }>()).map((r) => Number(r.id));
      if (found.length === 0) return found;
      const until = new Date(now.getTime() + leaseMs);
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "SENDING", claimedBy: this.workerId, claimedUntil: until, nextAttemptAt: until, attempts: () => "attempts + 1" })
        .where("id IN (:...ids)", { ids: found })
        .execute();
      return found;
    });
    if (ids.length === 0) return [];
    return dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) });
  }

  /** Groups rows by organization, kind and language (one template each) into provider calls. */
  private async prepare(rows: Claimed[]): Promise<Prepared[]> {
    const { dataSource, mailer } = this.o;
    const orgs = new Map(
      (await dataSource.getRepository(Organization).findBy({ id: In([...new Set(rows.map((r) => r.organizationId))]) })).map((o) => [o.id, o]),
    );
    const groups = new Map<string, Claimed[]>();
    for (const row of rows) {
      const org = orgs.get(row.organizationId);
      const language = row.language === "en" || row.language === "fr" ? row.language : (org?.defaultLanguage ?? "en");
      row.language = language;
      const key = templateKey(row.organizationId, row.kind, language);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(row);
    }
    const templates = await loadTemplates(
      dataSource.manager,
      [...groups.values()].map((g) => ({ organizationId: g[0].organizationId, kind: g[0].kind, language: g[0].language })),
    );
    const out: Prepared[] = [];
    for (const [key, group] of groups) {
      const template = templates.get(key)!;
      const org = orgs.get(group[0].organizationId);
      // A batch gives every address one copy, so the same address twice goes into separate calls.
      const chunks: { rows: Claimed[]; addresses: Set<string> }[] = [];
      for (const row of group) {
        const address = row.toAddress.trim().toLowerCase();
        let chunk = chunks.find((c) => c.rows.length < mailer.maxRecipientsPerCall && !c.addresses.has(address));
        if (!chunk) chunks.push((chunk = { rows: [], addresses: new Set() }));
        chunk.rows.push(row);
        chunk.addresses.add(address);
      }
      for (const chunk of chunks) out.push(this.buildBatch(chunk.rows, template, org));
    }
    return out;
  }

  private buildBatch(rows: Claimed[], template: TemplateParts, org: Organization | undefined): Prepared {
    const recipients: MailBatch["recipients"] = [];
    const sendable: Claimed[] = [];
    const broken: Claimed[] = [];
    for (const row of rows) {
      let secrets: Record<string, string>;
      try {
        secrets = row.secretsSealed ? this.o.box.open(row.secretsSealed) : {};
      } catch {
        // Sealed with another SESSION_SECRET: the link is gone and no retry can bring it back.
        broken.push(row);
        continue;
      }
      const values: Record<string, string> = {
        organizationName: org?.name ?? "",
        portalUrl: `${this.o.publicUrl}/portal`,
        signInUrl: `${this.o.publicUrl}${signInPath}`,
        expiresInDays: String(Math.max(1, Math.round((org?.inviteLinkTtlHours ?? 168) / 24))),
        expiresInHours: "24",
        recipientName: anonymousRecipient(row.language),
        ...withoutEmpty(row.variables ?? {}),
        ...secrets,
      };
      recipients.push({
        to: row.toAddress.trim(),
        variables: recipientValues(template, values),
        meta: { outboxId: row.id, organizationId: row.organizationId, kind: row.kind, language: row.language },
      });
      sendable.push(row);
    }
    if (sendable.length === 0) return { rows: [], mail: null, broken };
    return {
      rows: sendable,
      broken,
      mail: { from: this.o.from, content: renderForBatch(template), recipients, tags: ["portal-access", rows[0].kind.toLowerCase().replace(/_/g, "-")] },
    };
  }

  private async deliver(rows: Claimed[], mail: MailBatch | null): Promise<void> {
    if (!mail || rows.length === 0) return;
    try {
      const { providerMessageId } = await this.o.mailer.send(mail);
      await this.markSent(rows, providerMessageId);
    } catch (err) {
      const e = err instanceof MailerError ? err : new MailerError(redactError(String((err as Error)?.message ?? err)), true);
      const giveUp = rows.filter((r) => !e.retryable || r.attempts >= this.o.maxAttempts);
      const retry = rows.filter((r) => !giveUp.includes(r));
      this.o.logger.warn({ transport: this.o.mailer.name, status: e.status, retryable: e.retryable, rows: rows.length, error: e.message }, "email send failed");
      if (retry.length) await this.reschedule(retry, e);
      if (giveUp.length) await this.fail(giveUp, e.message);
    }
  }

  private async markSent(rows: Claimed[], providerMessageId: string): Promise<void> {
    const now = new Date();
    await runInTransaction(this.o.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "SENT", providerMessageId, sentAt: now, secretsSealed: null, claimedUntil: null, lastError: null })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me", { me: this.workerId })
        .execute();
      await this.clearInviteFailuresFor(manager, rows);
    });
  }

  private async clearInviteFailuresFor(manager: EntityManager, rows: Claimed[]): Promise<void> {
    const byOrg = new Map<number, number[]>();
    for (const r of rows) {
      if (!r.accountId || !INVITE_KINDS.includes(r.kind)) continue;
      if (!byOrg.has(r.organizationId)) byOrg.set(r.organizationId, []);
      byOrg.get(r.organizationId)!.push(r.accountId);
    }
    for (const [organizationId, accountIds] of byOrg) await clearInviteFailures(manager, organizationId, accountIds);
  }

  /** Exponential backoff with jitter (half fixed, half random), or the provider's "try again after". */
  private delayFor(attempts: number, error: MailerError): number {
    const exp = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
    const jittered = exp / 2 + Math.random() * (exp / 2);
    const providerSays = error.retryAfter ? error.retryAfter.getTime() - Date.now() : 0;
    return Math.min(this.o.backoffMaxMs, Math.max(jittered, providerSays));
  }

  private async reschedule(rows: Claimed[], error: MailerError): Promise<void> {
    const attempts = Math.max(...rows.map((r) => r.attempts));
    const at = new Date(Date.now() + this.delayFor(attempts, error));
    await this.o.dataSource
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ status: "PENDING", nextAttemptAt: at, claimedUntil: null, lastError: error.message.slice(0, 500) })
      .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
      .andWhere("claimedBy = :me", { me: this.workerId })
      .execute();
  }

  /** Gives up: FAILED, the sealed link wiped, audited, and for an invite shown on the account and patient. */
  private async fail(rows: Claimed[], reason: string): Promise<void> {
    const now = new Date();
    const text = redactError(reason);
    await runInTransaction(this.o.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "FAILED", secretsSealed: null, claimedUntil: null, lastError: text, deliveryStatus: "FAILED", deliveryReason: text.slice(0, 255), deliveryUpdatedAt: now })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me", { me: this.workerId })
        .execute();
      for (const row of rows) {
        const scope = new OrgScope(this.o.dataSource, manager, row.organizationId, {
          type: ActorType.SYSTEM,
          id: null,
          label: "outbox-worker",
          staffId: null,
          ip: null,
          requestId: null,
        });
        // Who and what, never the address or the body: the recipient is reachable through accountId.
        await audit(scope, {
          action: "email.failed",
          targetType: "OutboxMessage",
          targetId: row.id,
          patientId: row.patientId,
          after: { kind: row.kind, accountId: row.accountId, attempts: row.attempts, reason: text.slice(0, 200) },
        });
        await recordInviteFailure(manager, row, `not sent: ${text}`, now);
      }
    });
    this.o.logger.warn({ rows: rows.map((r) => r.id), reason: text }, "email given up");
  }
}

function withoutEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}
