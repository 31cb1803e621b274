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

  async queue(tx: OrgScope, email: QueuedEmail): Promise<OutboxMessage | null> {
    const row = tx.manager.create(OutboxMessage, {
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
    if (!email.dedupeKey) return tx.manager.save(OutboxMessage, row);
    try {
      // A savepoint keeps the caller's transaction usable after a duplicate key.
      return await tx.manager.transaction(async (inner) => inner.save(OutboxMessage, row));
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /** The secrets of a queued message, for the worker (and tests that follow a link). */
  secretsOf(message: OutboxMessage): Record<string, string> {
    return message.secretsSealed ? this.box.open(message.secretsSealed) : {};
  }
}
