import crypto from "node:crypto";
import { Router, type Request, type Response } from "express";
import { LessThan, type EntityManager } from "typeorm";
import { ActorType } from "@portal/schema";
import { runInTransaction, isUniqueViolation } from "../db/transaction";
import { OrgScope } from "../db/org-scope";
import { audit } from "../modules/audit/audit.service";
import type { Services } from "../services";
import { recordInviteFailure } from "./invite-delivery";
import { MailgunWebhookToken } from "./mailgun-webhook-token.entity";
import { OutboxMessage } from "./outbox-message.entity";

/** Mailgun's timestamps older or newer than this are refused (its docs suggest a short window). */
const TOLERANCE_SECONDS = 300;

type Verdict = "ok" | "malformed" | "bad-signature" | "stale";

interface Signature {
  timestamp: string;
  token: string;
  signature: string;
}

/** HMAC-SHA256(signing key, timestamp + token), compared in constant time (mailgun.md §6.3). */
export function verifyMailgunSignature(key: string, sig: Partial<Signature> | undefined, now = Date.now()): Verdict {
  if (!sig || typeof sig.timestamp !== "string" || typeof sig.token !== "string" || typeof sig.signature !== "string") return "malformed";
  if (!/^\d{1,12}$/.test(sig.timestamp) || sig.token.length > 128) return "malformed";
  const expected = Buffer.from(crypto.createHmac("sha256", key).update(sig.timestamp + sig.token).digest("hex"));
  const given = Buffer.from(sig.signature.toLowerCase());
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return "bad-signature";
  if (Math.abs(now / 1000 - Number(sig.timestamp)) > TOLERANCE_SECONDS) return "stale";
  return "ok";
}

/** What a Mailgun event means for the outbox row, or null for events we do not track (opens, clicks…). */
function outcomeOf(data: Record<string, any>): { status: string; reason: string | null } | null {
  const reason = (data["delivery-status"]?.message as string | undefined) || (data.reason as string | undefined) || null;
  switch (data.event) {
    case "delivered":
      return { status: "DELIVERED", reason: null };
    case "failed":
      return data.severity === "permanent" ? { status: "FAILED", reason: reason ?? "permanent failure" } : { status: "DEFERRED", reason };
    case "complained":
      return { status: "COMPLAINED", reason: "recipient marked the email as spam" };
    default:
      return null;
  }
}

// A final outcome is never overwritten by a late, weaker event (a deferral after delivery).
const FINAL = new Set(["DELIVERED", "FAILED", "COMPLAINED"]);

async function findRow(manager: EntityManager, data: Record<string, any>): Promise<OutboxMessage | null> {
  const recipient = String(data.recipient ?? "").trim().toLowerCase();
  const outboxId = Number(data["user-variables"]?.["outbox-id"]);
  if (Number.isSafeInteger(outboxId) && outboxId > 0) {
    const row = await manager.findOneBy(OutboxMessage, { id: outboxId });
    // The id comes from the provider's echo of our variable: trust it only if the recipient agrees.
    if (row && row.toAddress.trim().toLowerCase() === recipient) return row;
  }
  const messageId = String(data.message?.headers?.["message-id"] ?? "").replace(/^<|>$/g, "");
  if (!messageId) return null;
  const rows = await manager.findBy(OutboxMessage, { providerMessageId: messageId });
  return rows.find((r) => r.toAddress.trim().toLowerCase() === recipient) ?? null;
}

/**
 * `POST /webhooks/mailgun`: delivery tracking. Verifies Mailgun's signature, refuses stale
 * timestamps, acknowledges replays without processing them again (tokens are kept in the database
 * so every API process agrees), and records delivered / failed / complained on the outbox row. A
 * permanently failed invite marks the account and the patient so staff can fix the address.
 */
export function mailgunWebhookRoutes(services: Services): Router {
  const router = Router();
  router.post("/webhooks/mailgun", (req: Request, res: Response, next) => {
    const key = services.config.MAILGUN_WEBHOOK_SIGNING_KEY;
    if (!key) {
      res.status(404).json({ error: "NOT_CONFIGURED", message: "Mailgun webhooks are not configured (MAILGUN_WEBHOOK_SIGNING_KEY)." });
      return;
    }
    const verdict = verifyMailgunSignature(key, req.body?.signature);
    const data = req.body?.["event-data"];
    if (verdict === "malformed" || !data || typeof data !== "object") {
      res.status(400).json({ error: "BAD_REQUEST", message: "Expected Mailgun's JSON with signature and event-data." });
      return;
    }
    if (verdict === "bad-signature") {
      res.status(401).json({ error: "BAD_SIGNATURE" });
      return;
    }
    // 406 tells Mailgun not to retry: a stale timestamp will not get any fresher.
    if (verdict === "stale") {
      res.status(406).json({ error: "STALE" });
      return;
    }
    (async () => {
      const token = String(req.body.signature.token);
      const result = await runInTransaction(services.dataSource, async (manager) => {
        try {
          // Inserted in the same transaction as the processing: if that fails, a retry can succeed.
          await manager.insert(MailgunWebhookToken, { token, receivedAt: new Date() });
        } catch (err) {
          if (isUniqueViolation(err)) return "duplicate";
          throw err;
        }
        const outcome = outcomeOf(data);
        if (!outcome) return "ignored";
        const row = await findRow(manager, data);
        if (!row) return "unknown-message";
        if (row.deliveryStatus === outcome.status || (row.deliveryStatus && FINAL.has(row.deliveryStatus) && !FINAL.has(outcome.status))) return "unchanged";
        const at = new Date();
        await manager.update(OutboxMessage, { id: row.id }, { deliveryStatus: outcome.status, deliveryReason: outcome.reason?.slice(0, 255) ?? null, deliveryUpdatedAt: at });
        if (outcome.status === "FAILED" || outcome.status === "COMPLAINED") {
          await recordInviteFailure(manager, row, outcome.reason ?? outcome.status, at);
          // Which message and why, never the address or the content.
          const scope = new OrgScope(services.dataSource, manager, row.organizationId, {
            type: ActorType.SYSTEM,
            id: null,
            label: "mailgun",
            staffId: null,
            ip: null,
            requestId: String(req.id ?? ""),
          });
          await audit(scope, {
            action: "email.delivery_failed",
            targetType: "OutboxMessage",
            targetId: row.id,
            patientId: row.patientId,
            after: { kind: row.kind, deliveryStatus: outcome.status, reason: outcome.reason?.slice(0, 200) ?? null },
          });
        }
        return "recorded";
      });
      // Tokens older than the window can never be replayed successfully: keep the table small.
      await services.dataSource.getRepository(MailgunWebhookToken).delete({ receivedAt: LessThan(new Date(Date.now() - 2 * TOLERANCE_SECONDS * 1000)) });
      res.json({ status: result });
    })().catch(next);
  });
  return router;
}
