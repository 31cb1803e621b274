import crypto from "node:crypto";
import os from "node:os";
import { Brackets, In, type DataSource, type EntityManager } from "typeorm";
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
import { claimantGoneSql, DEFAULT_DEAD_AFTER_MS, type WorkerHeartbeat } from "../workers/worker-heartbeat";
import { OutboxMessage, type OutboxStatus } from "./outbox-message.entity";
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
  /** Names this worker in `claimedBy`; the heartbeat's id when there is one, else unique per process. */
  workerId?: string;
  /**
   * The process's heartbeat: claims of processes that stopped beating are taken over at once. A
   * claim by a worker without a heartbeat row (tests) is taken over when its lease runs out.
   */
  heartbeat?: WorkerHeartbeat;
  /** Rows claimed per transaction. */
  claimSize?: number;
  /** How long a claim holds without a heartbeat verdict; must exceed the transport timeout. */
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
  /** Delivers the WEBHOOK channel's rows (partner webhooks), claimed the same way but in their own loop. */
  webhooks?: WebhookDeliverer;
  /** Rounds (claim, send, record) running at once. */
  rounds?: number;
  /** Overrides the transport's `settleMs` (how long "no accepted event" is not yet conclusive). */
  settleMs?: number;
  /** First and longest wait before asking the provider again when it could not say what it accepted. */
  doubtRetryMinMs?: number;
  doubtRetryMaxMs?: number;
}

export interface WebhookDeliverer {
  deliver(rows: OutboxMessage[], workerId: string): Promise<void>;
}

/** How long asking the provider about one batch in doubt may take before it is asked again later. */
const QUESTION_DEADLINE_MS = 20_000;

/** Webhook rows per claim: each may take its full timeout, and all must finish well within one lease. */
const WEBHOOK_CLAIM_SIZE = 20;

type Claimed = OutboxMessage;
interface Prepared {
  rows: Claimed[];
  mail: MailBatch | null;
  broken: Claimed[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addressOf = (row: { toAddress: string }) => row.toAddress.trim().toLowerCase();

/**
 * Delivers the outbox. A row goes PENDING → CLAIMED (in a short transaction, `FOR UPDATE SKIP
 * LOCKED` on MySQL/MariaDB so several processes share the work; SQLite runs one process) → SENDING,
 * with its batch's id, in the statement right before the provider call → SENT or FAILED (or PENDING
 * again, with backoff) right after it.
 *
 * Guarantees:
 * - A CLAIMED row never left the process: when its worker is known to be gone (its heartbeat stopped
 *   for a few seconds), or its lease ran out, any worker claims it again at once.
 * - A SENDING row is in doubt only if its worker died in the call, or the call ended without an
 *   answer (timeout, reset connection). Such a batch is never resent blindly: a worker asks the
 *   provider which recipients of that batch it accepted (Mailgun: its Events API, by the call's
 *   `v:batch-id`), marks them SENT, and requeues the others only once the provider's events are
 *   settled (`settleMs` after the call). A call is accepted or refused as a whole, so one accepted
 *   recipient means the others' events are merely late: they are SENT too. If the provider cannot
 *   answer, the batch waits and the question is asked again, every 5 s at first and at most every
 *   5 minutes, for as long as it takes (README, "Email delivery guarantees").
 * - Every write after the claim is conditioned on `claimedBy` being this worker, so a row taken
 *   over is never recorded (or sent) by the worker that lost it.
 * - What remains at least once: a provider that answers 5xx after accepting (the row is retried
 *   after backoff, as the provider asked), and webhooks (resent with the same event id).
 */
export class OutboxWorker {
  readonly workerId: string;
  private readonly o: Required<Omit<OutboxWorkerOptions, "workerId" | "webhooks" | "heartbeat" | "settleMs">>;
  private readonly webhooks: WebhookDeliverer | null;
  private readonly heartbeat: WorkerHeartbeat | null;
  private readonly settleOverride: number | undefined;
  private running = false;
  /** Set by stop(): rounds stop taking new batches and hand their unsent claims back. */
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakers = new Set<() => void>();

  constructor(options: OutboxWorkerOptions) {
    this.webhooks = options.webhooks ?? null;
    this.heartbeat = options.heartbeat ?? null;
    this.settleOverride = options.settleMs;
    this.workerId =
      options.heartbeat?.id ?? options.workerId ?? `${os.hostname().slice(0, 40)}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
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
      doubtRetryMinMs: 5_000,
      doubtRetryMaxMs: 5 * 60_000,
      ...withoutUndefined(options),
    } as typeof this.o;
  }

  get mailer(): Mailer {
    return this.o.mailer;
  }

  private get settleMs(): number {
    return this.settleOverride ?? this.o.mailer.settleMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    // Two email rounds in flight (one claims and renders while the other waits on the provider), and
    // webhooks in a loop of their own: a partner endpoint that hangs never delays an email.
    const loops = Array.from({ length: this.o.rounds }, () => this.run(() => this.runEmailRound(), this.o.claimSize));
    if (this.webhooks) loops.push(this.run(() => this.runWebhookRound(), WEBHOOK_CLAIM_SIZE));
    this.loop = Promise.all(loops).then(() => undefined);
  }

  /**
   * Stops polling; calls in flight finish and are recorded, claimed rows not yet handed to the
   * provider go back to the queue (free for another process at once).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    for (const wake of this.wakers) wake();
    await this.loop;
    this.loop = null;
    this.stopping = false;
  }

  /** Ends the idle wait early (e.g. right after a bulk job committed its rows). */
  nudge(): void {
    for (const wake of this.wakers) wake();
  }

  private async run(round: () => Promise<number>, fullRound: number): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await round();
      } catch (err) {
        this.o.logger.error({ err }, "outbox round failed");
      }
      if (!this.running) break;
      if (handled >= fullRound) continue; // more is waiting: no pause
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

  /** One round of each channel, side by side. Returns how many rows it handled. */
  async runOnce(): Promise<number> {
    const [emails, hooks] = await Promise.all([this.runEmailRound(), this.runWebhookRound()]);
    return emails + hooks;
  }

  private async runWebhookRound(): Promise<number> {
    if (!this.webhooks) return 0;
    const hooks = await this.claim("WEBHOOK", WEBHOOK_CLAIM_SIZE);
    if (hooks.length) await this.webhooks.deliver(hooks, this.workerId);
    return hooks.length;
  }

  private async runEmailRound(): Promise<number> {
    const resolved = await this.resolveInDoubt();
    const rows = await this.claim();
    if (rows.length === 0) return resolved;
    const batches = await this.prepare(rows);
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.o.concurrency, batches.length) }, async () => {
      while (next < batches.length && !this.stopping) {
        const batch = batches[next++];
        if (batch.broken.length) await this.fail(batch.broken, "secrets could not be unsealed (SESSION_SECRET changed?)");
        await this.deliver(batch.rows, batch.mail);
      }
    });
    await Promise.all(lanes);
    if (next < batches.length) await this.handBack(batches.slice(next).flatMap((b) => [...b.rows, ...b.broken]));
    return rows.length + resolved;
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
      const where = {
        channel: options.channel ?? "EMAIL",
        status: In(["PENDING", "CLAIMED", "SENDING"]),
        ...(options.organizationId ? { organizationId: options.organizationId } : {}),
      };
      const next = await this.o.dataSource
        .getRepository(OutboxMessage)
        .findOne({ select: { id: true, nextAttemptAt: true }, where, order: { nextAttemptAt: "ASC" } });
      if (!next) return;
      if (Date.now() > deadline) throw new Error("outbox drain timed out");
      await sleep(Math.max(5, Math.min(200, next.nextAttemptAt.getTime() - Date.now())));
    }
  }

  /** A claimant whose heartbeat is older than this is gone. */
  private deadline(): Date {
    return this.heartbeat ? this.heartbeat.deadline() : new Date(Date.now() - DEFAULT_DEAD_AFTER_MS);
  }

  /**
   * Claims due rows without sending them: PENDING rows whose time has come, and CLAIMED rows whose
   * worker is gone or whose lease ran out. Public so a test can play a process that dies right after.
   */
  async claim(channel = "EMAIL", claimSize = this.o.claimSize): Promise<Claimed[]> {
    const { dataSource, leaseMs } = this.o;
    const mysql = isMysql(dataSource);
    const ids = await runInTransaction(dataSource, async (manager) => {
      const now = new Date();
      const pick = async (where: (qb: ReturnType<typeof manager.createQueryBuilder>) => void, limit: number) => {
        const qb = manager.createQueryBuilder(OutboxMessage, "o").select("o.id", "id").where("o.channel = :channel", { channel });
        where(qb);
        qb.limit(limit);
        // SKIP LOCKED: rows another process is claiming right now are passed over instead of waited for.
        if (mysql) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
        return (await qb.getRawMany<{ id: number }>()).map((r) => Number(r.id));
      };
      // No ORDER BY: the (status, nextAttemptAt) index already yields the oldest due rows of each
      // status first, and sorting every due row on each claim made a 10,000-row backlog quadratic.
      // A CLAIMED row's nextAttemptAt is its lease's end, so expired leases are found here too.
      const found = await pick(
        (qb) =>
          qb.andWhere("o.status IN (:...statuses)", { statuses: ["PENDING", "CLAIMED"] }).andWhere("o.nextAttemptAt <= :now", { now }),
        claimSize,
      );
      if (found.length < claimSize) {
        // Rows claimed by a process that stopped beating never left it: they are free at once.
        const orphans = await pick(
          (qb) =>
            qb
              .andWhere("o.status = :claimed", { claimed: "CLAIMED" })
              .andWhere(claimantGoneSql("o.claimedBy"), { deadline: this.deadline() }),
          claimSize - found.length,
        );
        for (const id of orphans) if (!found.includes(id)) found.push(id);
      }
      if (found.length === 0) return found;
      const until = new Date(now.getTime() + leaseMs);
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: "CLAIMED",
          claimedBy: this.workerId,
          claimedUntil: until,
          nextAttemptAt: until,
          attempts: () => "attempts + 1",
          batchId: null,
          batchStartedAt: null,
        })
        .where("id IN (:...ids)", { ids: found })
        .execute();
      return found;
    });
    if (ids.length === 0) return [];
    return dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) });
  }

  /** Claimed rows this worker will not send after all (it is stopping): back to the queue, attempt not counted. */
  private async handBack(rows: Claimed[]): Promise<void> {
    if (rows.length === 0) return;
    await this.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "PENDING", nextAttemptAt: new Date(), claimedUntil: null, attempts: () => "attempts - 1" })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status = :claimed", { me: this.workerId, claimed: "CLAIMED" })
        .execute(),
    );
  }

  /**
   * Settles batches in doubt: SENDING rows whose worker is gone (or whose lease ran out), and rows
   * this or another worker parked after a call that ended without an answer. Returns how many rows
   * it looked at.
   */
  async resolveInDoubt(): Promise<number> {
    const { dataSource, leaseMs, claimSize } = this.o;
    const mysql = isMysql(dataSource);
    const ids = await runInTransaction(dataSource, async (manager) => {
      const now = new Date();
      const qb = manager
        .createQueryBuilder(OutboxMessage, "o")
        .select("o.id", "id")
        .where("o.channel = :channel AND o.status = :sending", { channel: "EMAIL", sending: "SENDING" })
        .andWhere(
          new Brackets((w) =>
            w
              .where("o.claimedUntil IS NULL AND o.nextAttemptAt <= :now", { now })
              .orWhere("o.claimedUntil <= :now", { now })
              .orWhere(claimantGoneSql("o.claimedBy"), { deadline: this.deadline() }),
          ),
        )
        .limit(claimSize);
      if (mysql) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      const found = (await qb.getRawMany<{ id: number }>()).map((r) => Number(r.id));
      if (found.length === 0) return found;
      const until = new Date(now.getTime() + leaseMs);
      // Taking the question over is not an attempt: nothing is sent here.
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ claimedBy: this.workerId, claimedUntil: until, nextAttemptAt: until })
        .where("id IN (:...ids)", { ids: found })
        .execute();
      return found;
    });
    if (ids.length === 0) return 0;
    const rows = await dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) });
    const batches = new Map<string, Claimed[]>();
    for (const row of rows) {
      const key = row.batchId ?? `none:${row.id}`;
      if (!batches.has(key)) batches.set(key, []);
      batches.get(key)!.push(row);
    }
    for (const batch of batches.values()) {
      try {
        // Bounded: a question that hangs (or fails) must not hold its batch until the lease ends.
        await withDeadline(this.settle(batch), QUESTION_DEADLINE_MS);
      } catch (err) {
        this.o.logger.warn(
          { err, batchId: batch[0].batchId, rows: batch.length },
          "email batch in doubt: the question failed; asking again soon",
        );
        await this.park(
          batch,
          new Date(Date.now() + this.o.doubtRetryMinMs),
          `in doubt; question failed: ${redactError(String((err as Error)?.message ?? err), 200)}`,
        );
      }
    }
    return rows.length;
  }

  /** Asks the provider about one batch in doubt and records the answer (or when to ask again). */
  private async settle(rows: Claimed[]): Promise<void> {
    const [first] = rows;
    if (!first.batchId || !first.batchStartedAt) {
      // SENDING without a batch cannot come from this code; nothing can have been sent under no id.
      await this.requeue(rows, "in doubt without a batch id");
      return;
    }
    const startedAt = first.batchStartedAt;
    let accepted: Map<string, string>;
    try {
      accepted = await this.o.mailer.acceptedRecipients({
        batchId: first.batchId,
        startedAt,
        recipients: rows.map((r) => ({ to: addressOf(r), outboxId: r.id })),
      });
    } catch (err) {
      const e = err instanceof MailerError ? err : new MailerError(redactError(String((err as Error)?.message ?? err)), true);
      // Never resend blindly: ask again later, sooner while the batch is young.
      const age = Date.now() - startedAt.getTime();
      const wait = Math.min(this.o.doubtRetryMaxMs, Math.max(this.o.doubtRetryMinMs, age / 4));
      this.o.logger.warn(
        { batchId: first.batchId, rows: rows.length, retryInMs: Math.round(wait), error: e.message },
        "email batch in doubt: the provider cannot say what it accepted yet",
      );
      await this.park(rows, new Date(Date.now() + wait), `in doubt; provider not answering: ${e.message}`);
      return;
    }
    const messageId = [...accepted.values()].find((id) => id) ?? null;
    if (accepted.size > 0) {
      // The call was accepted, and a call is accepted whole: recipients without an event yet are late, not refused.
      this.o.logger.info(
        { batchId: first.batchId, rows: rows.length, withEvents: rows.filter((r) => accepted.has(addressOf(r))).length },
        "email batch in doubt was accepted; not resent",
      );
      await this.markSent(rows, messageId ?? `batch:${first.batchId}`, "SENDING");
      return;
    }
    const settledAt = startedAt.getTime() + this.settleMs;
    if (Date.now() < settledAt) {
      await this.park(rows, new Date(settledAt), "in doubt; waiting for the provider's events to settle");
      return;
    }
    this.o.logger.info({ batchId: first.batchId, rows: rows.length }, "email batch in doubt was not accepted; requeued");
    await this.requeue(rows, "the provider never accepted the call");
  }

  /**
   * One bookkeeping statement in its own transaction: on MySQL a deadlock with another process's
   * claim is retried rather than leaving the rows to wait for their lease.
   */
  private write<T>(statement: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInTransaction(this.o.dataSource, statement);
  }

  /** Leaves rows in doubt, to be asked about again at `at` by any worker. */
  private async park(rows: Claimed[], at: Date, reason: string): Promise<void> {
    await this.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ claimedUntil: null, nextAttemptAt: at, lastError: reason.slice(0, 500) })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status = :sending", { me: this.workerId, sending: "SENDING" })
        .execute(),
    );
  }

  /** Rows the provider surely never took: back to the queue now (the failed call counts as an attempt). */
  private async requeue(rows: Claimed[], reason: string): Promise<void> {
    await this.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "PENDING", claimedUntil: null, nextAttemptAt: new Date(), lastError: reason.slice(0, 500) })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status = :sending", { me: this.workerId, sending: "SENDING" })
        .execute(),
    );
  }

  /** Groups rows by organization, kind and language (one template each) into provider calls. */
  private async prepare(rows: Claimed[]): Promise<Prepared[]> {
    const { dataSource, mailer } = this.o;
    const orgs = new Map(
      (await dataSource.getRepository(Organization).findBy({ id: In([...new Set(rows.map((r) => r.organizationId))]) })).map((o) => [
        o.id,
        o,
      ]),
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
      mail: {
        from: this.o.from,
        content: renderForBatch(template),
        recipients,
        tags: ["portal-access", rows[0].kind.toLowerCase().replace(/_/g, "-")],
      },
    };
  }

  private async deliver(claimed: Claimed[], claimedMail: MailBatch | null): Promise<void> {
    if (!claimedMail || claimed.length === 0) return;
    // CLAIMED → SENDING, with the batch's id, right before the call: from here on the rows are in
    // doubt if this process dies. Conditioned on the claim still being ours: a row another worker
    // took over (our lease ran out) is not sent by us.
    const batchId = crypto.randomUUID();
    const startedAt = new Date();
    const { affected } = await this.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "SENDING", batchId, batchStartedAt: startedAt })
        .where("id IN (:...ids)", { ids: claimed.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status = :claimed", { me: this.workerId, claimed: "CLAIMED" })
        .execute(),
    );
    let rows = claimed;
    let mail: MailBatch = { ...claimedMail, batchId };
    if (affected !== claimed.length) {
      const mine = new Set(
        (await this.o.dataSource.getRepository(OutboxMessage).find({ select: { id: true }, where: { batchId } })).map((r) => r.id),
      );
      rows = claimed.filter((r) => mine.has(r.id));
      mail = { ...mail, recipients: mail.recipients.filter((r) => mine.has(r.meta.outboxId)) };
      this.o.logger.warn({ lost: claimed.length - rows.length }, "outbox rows taken over before their call; not sent by this worker");
      if (rows.length === 0) return;
    }
    try {
      const { providerMessageId } = await this.o.mailer.send(mail);
      await this.markSent(rows, providerMessageId, "SENDING");
    } catch (err) {
      const e = err instanceof MailerError ? err : new MailerError(redactError(String((err as Error)?.message ?? err)), true);
      if (e.inDoubt) {
        // No answer, yet the provider may have the call: ask it (at once) instead of resending.
        this.o.logger.warn(
          { transport: this.o.mailer.name, batchId, rows: rows.length, error: e.message },
          "email call ended without an answer; batch in doubt",
        );
        await this.park(rows, new Date(), `in doubt: ${e.message}`);
        return;
      }
      const giveUp = rows.filter((r) => !e.retryable || r.attempts >= this.o.maxAttempts);
      const retry = rows.filter((r) => !giveUp.includes(r));
      this.o.logger.warn(
        { transport: this.o.mailer.name, status: e.status, retryable: e.retryable, rows: rows.length, error: e.message },
        "email send failed",
      );
      if (retry.length) await this.reschedule(retry, e);
      if (giveUp.length) await this.fail(giveUp, e.message);
    }
  }

  private async markSent(rows: Claimed[], providerMessageId: string, from: OutboxStatus): Promise<void> {
    const now = new Date();
    await runInTransaction(this.o.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "SENT", providerMessageId, sentAt: now, secretsSealed: null, claimedUntil: null, lastError: null })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status = :from", { me: this.workerId, from })
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
    await this.write((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: "PENDING", nextAttemptAt: at, claimedUntil: null, lastError: error.message.slice(0, 500) })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status IN (:...mine)", { me: this.workerId, mine: ["CLAIMED", "SENDING"] })
        .execute(),
    );
  }

  /** Gives up: FAILED, the sealed link wiped, audited, and for an invite shown on the account and patient. */
  private async fail(rows: Claimed[], reason: string): Promise<void> {
    const now = new Date();
    const text = redactError(reason);
    await runInTransaction(this.o.dataSource, async (manager) => {
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({
          status: "FAILED",
          secretsSealed: null,
          claimedUntil: null,
          lastError: text,
          deliveryStatus: "FAILED",
          deliveryReason: text.slice(0, 255),
          deliveryUpdatedAt: now,
        })
        .where("id IN (:...ids)", { ids: rows.map((r) => r.id) })
        .andWhere("claimedBy = :me AND status IN (:...mine)", { me: this.workerId, mine: ["CLAIMED", "SENDING"] })
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

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
