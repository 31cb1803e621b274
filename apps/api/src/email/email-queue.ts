import { In } from "typeorm";
import { insertRows } from "../db/insert-rows";
import type { OrgScope } from "../db/org-scope";
import { isUniqueViolation } from "../db/transaction";
import type { QueuedEmail } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";
import type { SecretBox } from "./secret-box";

/**
 * Writes emails to the outbox inside the caller's transaction: if the change rolls back, no email
 * exists; if it commits, the worker will deliver it. Returns null when the dedupe key was already used.
 */
export class EmailQueue {
  constructor(private readonly box: SecretBox) {}

  private toRow(tx: OrgScope, email: QueuedEmail): OutboxMessage {
    return tx.manager.create(OutboxMessage, {
      organizationId: tx.organizationId,
      channel: "EMAIL",
      kind: email.kind,
      toAddress: email.to,
      language: email.language,
      accountId: email.accountId ?? null,
      patientId: email.patientId ?? null,
      variables: email.variables,
      secretsSealed: email.secrets ? this.box.seal(email.secrets) : null,
      dedupeKey: email.dedupeKey ? `${tx.organizationId}:${email.dedupeKey}` : null,
      status: "PENDING",
      nextAttemptAt: new Date(),
    });
  }

  async queue(tx: OrgScope, email: QueuedEmail): Promise<OutboxMessage | null> {
    const row = this.toRow(tx, email);
    if (!email.dedupeKey) return tx.manager.save(OutboxMessage, row);
    try {
      // A savepoint keeps the caller's transaction usable after a duplicate key.
      return await tx.manager.transaction(async (inner) => inner.save(OutboxMessage, row));
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /**
   * Queues many emails in multi-row statements (bulk invites). Returns, per email, whether it was
   * queued: false when its dedupe key was used already (before, or earlier in the same list). A key
   * taken by a concurrent transaction between the check and the insert makes the insert fail with a
   * unique violation, which the caller handles (its savepoint redoes the rows one by one).
   */
  async queueMany(tx: OrgScope, emails: QueuedEmail[]): Promise<boolean[]> {
    const rows = emails.map((e) => this.toRow(tx, e));
    const keys = rows.flatMap((r) => (r.dedupeKey ? [r.dedupeKey] : []));
    const used = new Set(
      keys.length ? (await tx.manager.find(OutboxMessage, { where: { dedupeKey: In(keys) }, select: { id: true, dedupeKey: true } })).map((r) => r.dedupeKey) : [],
    );
    const queued = rows.map((r) => {
      if (!r.dedupeKey) return true;
      if (used.has(r.dedupeKey)) return false;
      used.add(r.dedupeKey);
      return true;
    });
    await insertRows(tx.manager, OutboxMessage, rows.filter((_, i) => queued[i]));
    return queued;
  }

  /** The secrets of a queued message, for the worker (and tests that follow a link). */
  secretsOf(message: OutboxMessage): Record<string, string> {
    return message.secretsSealed ? this.box.open(message.secretsSealed) : {};
  }
}
