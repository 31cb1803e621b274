import Mailgun from "mailgun.js";
import type { MailgunMessageData } from "mailgun.js/definitions";
import { MailerError, redactError, type CallInDoubt, type MailBatch, type Mailer, type SendResult } from "./mailer";
import { substituteRecipientVariables } from "./render";

export interface MailgunSettings {
  apiKey: string;
  domain: string;
  url?: string;
  timeoutMs: number;
  /**
   * How long after a call its `accepted` events may still be on their way to Mailgun's event store:
   * before that, "no event" does not prove the call was refused. Mailgun documents that events can
   * be indexed late and suggests treating pages younger than about half an hour as incomplete.
   */
  eventsSettleMs?: number;
}

/** The Events API's largest page. */
const EVENTS_PAGE = 300;
/** Events are asked for from a little before the call, so clock skew between us and Mailgun loses none. */
const EVENTS_SKEW_MS = 60_000;
/** A bound on pages followed for one batch (1,000 recipients need 4; unfiltered, the call's minutes). */
const MAX_EVENT_PAGES = 100;

const NETWORK_ERROR = /^E[A-Z_]+$/;
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Sends through the Mailgun HTTP API with mailgun.js. A batch of several recipients is one call with
 * `recipient-variables`, so each recipient gets an individual copy with their own link.
 */
export class MailgunTransport implements Mailer {
  readonly name = "mailgun" as const;
  readonly maxRecipientsPerCall = 1000;
  readonly settleMs: number;
  private readonly client;
  private readonly baseUrl: string;
  private readonly auth: string;

  constructor(private readonly settings: MailgunSettings) {
    // mailgun.js has no default timeout: without one a hung connection would hold a batch forever.
    this.client = new Mailgun(FormData).client({ username: "api", key: settings.apiKey, url: settings.url, timeout: settings.timeoutMs });
    this.settleMs = settings.eventsSettleMs ?? 10 * 60_000;
    this.baseUrl = (settings.url ?? "https://api.mailgun.net").replace(/\/+$/, "");
    this.auth = `Basic ${Buffer.from(`api:${settings.apiKey}`).toString("base64")}`;
  }

  /**
   * Mailgun's Events API: the `accepted` events of this batch (custom variable `batch-id`) since the
   * call started, page after page (`paging.next`) until an empty page. mailgun.js's events client
   * is deprecated in favour of the Logs API and logs a warning on each call, so this is plain fetch.
   */
  async acceptedRecipients(call: CallInDoubt): Promise<Map<string, string>> {
    const start = call.startedAt.getTime();
    const query = new URLSearchParams({
      event: "accepted",
      begin: String(Math.floor((start - EVENTS_SKEW_MS) / 1000)),
      // Mailgun accepts a call while it is under way: its events lie within the call's time, and a
      // bounded range keeps the pages few even if the variable filter were not applied.
      end: String(Math.ceil((start + this.settings.timeoutMs + EVENTS_SKEW_MS) / 1000)),
      ascending: "yes",
      limit: String(EVENTS_PAGE),
      "user-variables": JSON.stringify({ "batch-id": call.batchId }),
    });
    try {
      return await this.acceptedEvents(`${this.baseUrl}/v3/${this.settings.domain}/events?${query}`, call.batchId);
    } catch (err) {
      // Filtering on user variables is not in every version of Mailgun's documentation: if it is
      // refused, ask for the same time range unfiltered; each event's variables are checked anyway.
      if (!(err instanceof MailerError) || err.status !== 400) throw err;
      query.delete("user-variables");
      return this.acceptedEvents(`${this.baseUrl}/v3/${this.settings.domain}/events?${query}`, call.batchId);
    }
  }

  /**
   * Mailgun's Events API: the `accepted` events of this batch (custom variable `batch-id`), page
   * after page (`paging.next`) until an empty page. mailgun.js's events client is deprecated in
   * favour of the Logs API and logs a warning on each call, so this is plain fetch.
   */
  private async acceptedEvents(firstUrl: string, batchId: string): Promise<Map<string, string>> {
    let url = firstUrl;
    const accepted = new Map<string, string>();
    for (let page = 0; page < MAX_EVENT_PAGES; page++) {
      let body: { items?: { recipient?: string; "user-variables"?: Record<string, unknown>; message?: { headers?: Record<string, string> } }[]; paging?: { next?: string } };
      try {
        const res = await fetch(url, { headers: { authorization: this.auth, accept: "application/json" }, signal: AbortSignal.timeout(this.settings.timeoutMs) });
        if (!res.ok) throw new MailerError(redactError(`events API: HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`), true, res.status);
        body = (await res.json()) as typeof body;
      } catch (err) {
        if (err instanceof MailerError) throw err;
        throw new MailerError(redactError(`events API: ${(err as Error)?.message ?? err}`), true);
      }
      const items = body.items ?? [];
      if (items.length === 0) return accepted;
      for (const item of items) {
        if (item["user-variables"]?.["batch-id"] !== batchId || !item.recipient) continue;
        accepted.set(item.recipient.trim().toLowerCase(), String(item.message?.headers?.["message-id"] ?? "").replace(/^<|>$/g, ""));
      }
      if (!body.paging?.next) return accepted;
      // Page URLs name Mailgun's own host; keep ours (the EU host, or a proxy) and take the page's path.
      const next = new URL(body.paging.next);
      url = `${this.baseUrl}${next.pathname}${next.search}`;
    }
    throw new MailerError("events API: too many pages for one batch", true);
  }

  async send(batch: MailBatch): Promise<SendResult> {
    const base = {
      from: batch.from,
      // Click tracking would rewrite token links through the provider's domain; opens are not ours to track.
      "o:tracking": "no",
      "o:tracking-clicks": "no",
      "o:tracking-opens": "no",
      "o:tag": batch.tags.slice(0, 3),
    };
    let data: MailgunMessageData;
    if (batch.recipients.length === 1) {
      const [r] = batch.recipients;
      const sub = (s: string) => substituteRecipientVariables(s, r.to, r.variables);
      data = {
        ...base,
        to: [r.to],
        subject: sub(batch.content.subject),
        text: sub(batch.content.text),
        html: sub(batch.content.html),
        "v:outbox-id": String(r.meta.outboxId),
        ...(batch.batchId ? { "v:batch-id": batch.batchId } : {}),
      } as MailgunMessageData;
    } else {
      const recipientVariables: Record<string, Record<string, string>> = {};
      for (const r of batch.recipients) recipientVariables[r.to] = { ...r.variables, outbox_id: String(r.meta.outboxId) };
      data = {
        ...base,
        to: batch.recipients.map((r) => r.to),
        subject: batch.content.subject,
        text: batch.content.text,
        html: batch.content.html,
        // Mailgun substitutes v: values per recipient, so each webhook event names its own outbox row.
        "v:outbox-id": "%recipient.outbox_id%",
        // Echoed in every event of the call: how a worker finds what Mailgun accepted of a call in doubt.
        ...(batch.batchId ? { "v:batch-id": batch.batchId } : {}),
        "recipient-variables": JSON.stringify(recipientVariables),
      } as MailgunMessageData;
    }
    try {
      const res = await this.client.messages.create(this.settings.domain, data);
      if (!res.id) throw new MailerError(`Mailgun answered ${res.status} without a message id`, true, res.status);
      return { providerMessageId: res.id.replace(/^<|>$/g, "") };
    } catch (err) {
      throw toMailerError(err);
    }
  }
}

/** Network errors, timeouts, 429 and 5xx are worth retrying; any other 4xx will fail again. */
export function toMailerError(err: unknown): MailerError {
  if (err instanceof MailerError) return err;
  const e = err as { type?: string; status?: number; message?: string; details?: string };
  if (e?.type === "MailgunAPIError") {
    const network = NETWORK_ERROR.test(e.message ?? "");
    const status = network ? null : (e.status ?? null);
    const retryable = network || status === 429 || (status !== null && status >= 500);
    let retryAfter: Date | null = null;
    const after = /try again after (.+)$/i.exec(e.details ?? "");
    if (after) {
      const t = Date.parse(after[1]);
      if (!Number.isNaN(t)) retryAfter = new Date(t);
    }
    const text = network ? `${e.message}: ${e.details ?? ""}` : `HTTP ${status}: ${e.details || e.message || ""}`;
    // Refused connections and failed look-ups never carried the request; a timeout or a reset may have.
    const inDoubt = network && !NEVER_SENT.has(e.message ?? "");
    return new MailerError(redactError(text), retryable, status, retryAfter, inDoubt);
  }
  // Anything else is unexpected (a bug or an environment problem): retry, bounded by the attempt limit.
  return new MailerError(redactError(String((err as Error)?.message ?? err)), true);
}
