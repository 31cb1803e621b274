import crypto from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { substituteRecipientVariables } from "./render";

/**
 * A local stand-in for the Mailgun HTTP API that the real mailgun.js client talks to (tests, the
 * bulk benchmark, demos without network). It follows shared/reference/mailgun.md §9: Basic auth
 * (401 "Forbidden"), unknown domain 404, multipart parsed with undici, the §2.4 validations,
 * batch recipient-variables, message ids, one-shot faults, and signed webhooks (§6).
 *
 * It also answers the Events API (`GET /v3/{domain}/events`, and the page URLs it hands out), which
 * the outbox worker asks before it resends a batch whose call may have reached Mailgun: every
 * accepted copy yields an `accepted` event, shaped like Mailgun's (event, id, float timestamp,
 * recipient, user-variables, message.headers.message-id without brackets…). As Mailgun documents,
 * events reach the store some time after the fact: `eventsDelayMs` hides an event until then.
 * Query options: begin/end (epoch seconds or RFC 2822), ascending yes/no, limit (≤ 300; default
 * 100), and the filters event, recipient, message-id, tags and user-variables (a JSON object whose
 * keys and values must all match). Pages: `paging.next/previous/first/last` are absolute URLs of
 * the form `{url}/v3/{domain}/events/{token}`; the last page's `next` answers an empty page, and
 * an ascending query without `end` keeps returning events that became visible since (polling).
 */

export interface FakeFault {
  status?: number;
  /** JSON-encoded unless a string. */
  body?: unknown;
  headers?: Record<string, string>;
  contentType?: string;
  /** Answer after this delay. */
  delayMs?: number;
  /** Never answer (exercises the client's timeout). */
  hang?: boolean;
  /**
   * Only requests this returns true for consume the fault. Without it, a fault applies to the next
   * send (POST …/messages), never to an Events API query: those have `failEventsNext`.
   */
  match?: (req: FakeRequest) => boolean;
  /**
   * Accept the message (recorded, its events written) and then never answer: the call Mailgun
   * took while its caller died waiting. `closeAllConnections()` ends it.
   */
  acceptAndHold?: boolean;
}

/** One stored event, as the Events API returns it, plus when it becomes visible. */
export interface FakeEvent {
  item: Record<string, unknown> & { event: string; timestamp: number; recipient: string; "user-variables": Record<string, string> };
  seq: number;
  visibleAt: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  /** Path and query string, as requested. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeRecipientCopy {
  recipient: string;
  subject: string;
  text: string;
  html: string;
  userVariables: Record<string, string>;
}

export interface FakeMailgunMessage {
  id: string;
  /** The id without angle brackets, as webhooks carry it. */
  messageId: string;
  domain: string;
  endpoint: "messages" | "messages.mime";
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  template: string | null;
  templateVariables: Record<string, unknown> | null;
  recipientVariables: Record<string, Record<string, unknown>> | null;
  tags: string[];
  options: Record<string, string>;
  headers: Record<string, string>;
  userVariables: Record<string, string>;
  templateOptions: Record<string, string>;
  testMode: boolean;
  attachments: { filename: string; contentType: string; size: number; content: Buffer }[];
  inline: { filename: string; contentType: string; size: number; content: Buffer }[];
  fields: Record<string, string[]>;
  receivedAt: Date;
  /** What each `to` recipient receives after batch substitution. */
  perRecipient: FakeRecipientCopy[];
}

export interface FakeMailgun {
  url: string;
  apiKey: string;
  domains: string[];
  messages: FakeMailgunMessage[];
  requests: FakeRequest[];
  failNext(fault: FakeFault, times?: number): void;
  /** A one-shot answer to the next Events API query (e.g. `{status: 503}` or `{hang: true}`). */
  failEventsNext(fault: FakeFault, times?: number): void;
  /** Every event stored, visible or not yet. */
  events: FakeEvent[];
  /** How long after acceptance an event appears in the Events API (Mailgun: seconds, sometimes more). */
  eventsDelayMs: number;
  /** Messages accepted by an `acceptAndHold` fault, whose callers are still waiting. */
  held: FakeMailgunMessage[];
  /** Resolves once `predicate` holds (polled), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Every individual copy accepted so far (one per recipient). */
  copies(): (FakeRecipientCopy & { message: FakeMailgunMessage })[];
  /** Resolves once at least `count` copies were accepted. */
  waitForCopies(count: number, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export interface FakeMailgunOptions {
  apiKey?: string;
  domains?: string[];
  host?: string;
  port?: number;
  eventsDelayMs?: number;
}

const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+$/;
const MAX_RECIPIENTS = 1000;
const MAX_OPTIONS_BYTES = 16 * 1024;
const MAX_EVENTS_LIMIT = 300;
const DEFAULT_EVENTS_LIMIT = 100;

class BadRequest extends Error {}

/** `Name <a@b>` or `a@b` → `a@b`; null when it is not an address. */
function plainAddress(value: string): string | null {
  const v = value.trim();
  const angled = /<([^<>]+)>\s*$/.exec(v);
  const addr = (angled ? angled[1] : v).trim();
  return ADDRESS.test(addr) ? addr : null;
}

/** Splits a header-style list on commas outside quotes. */
function splitAddresses(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    let current = "";
    let quoted = false;
    for (const ch of value) {
      if (ch === '"') quoted = !quoted;
      if (ch === "," && !quoted) {
        if (current.trim()) out.push(current.trim());
        current = "";
      } else current += ch;
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

function newMessageId(domain: string): string {
  const d = new Date();
  const stamp = d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}.${crypto.randomBytes(8).toString("hex")}@${domain}`;
}

function send(res: ServerResponse, status: number, body: unknown, contentType?: string, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": contentType ?? (typeof body === "string" ? "text/plain; charset=utf-8" : "application/json"), ...headers });
  res.end(text);
}

export async function startFakeMailgun(options: FakeMailgunOptions = {}): Promise<FakeMailgun> {
  const apiKey = options.apiKey ?? "key-fake";
  const domains = options.domains ?? ["mg.example.test"];
  const messages: FakeMailgunMessage[] = [];
  const requests: FakeRequest[] = [];
  let faults: FakeFault[] = [];
  let eventFaults: FakeFault[] = [];
  const events: FakeEvent[] = [];
  const held: FakeMailgunMessage[] = [];
  let copyCount = 0;
  let waiters: { count: number; resolve: () => void }[] = [];
  const expectedAuth = `Basic ${Buffer.from(`api:${apiKey}`).toString("base64")}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? "/").split("?")[0];
    const record: FakeRequest = { method: req.method ?? "GET", path, url: req.url ?? "/", headers: { ...req.headers } };
    requests.push(record);

    const eventsRoute = /^\/v3\/([^/]+)\/events(?:\/([A-Za-z0-9_-]+))?$/.exec(path);
    const queue = eventsRoute && req.method === "GET" ? eventFaults : faults;
    const isSend = req.method === "POST" && /\/messages(\.mime)?$/.test(path);
    const faultIndex = queue.findIndex((f) => (f.match ? f.match(record) : queue === eventFaults || isSend));
    let holdAfterAccept = false;
    if (faultIndex >= 0) {
      const [fault] = queue.splice(faultIndex, 1);
      if (fault.hang) return req.resume(); // never answered; closeAllConnections() ends it
      holdAfterAccept = Boolean(fault.acceptAndHold);
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      // Without a status the fault is a pure delay, and the request is then processed normally.
      if (fault.status !== undefined) {
        req.resume();
        return send(res, fault.status, fault.body ?? { message: http.STATUS_CODES[fault.status] ?? "Error" }, fault.contentType, fault.headers);
      }
    }

    if (req.method === "GET" && path === "/") return send(res, 200, "Mailgun Magnificent API");
    if (eventsRoute && req.method === "GET") {
      if (req.headers.authorization !== expectedAuth) return send(res, 401, "Forbidden");
      const [, domain, token] = eventsRoute;
      if (!domains.includes(domain)) return send(res, 404, { message: `Domain not found: ${domain}` });
      try {
        return send(res, 200, eventsPage(domain, token ?? null, new URL(req.url ?? "/", "http://fake").searchParams));
      } catch (err) {
        if (err instanceof BadRequest) return send(res, 400, { message: err.message });
        throw err;
      }
    }
    const route = /^\/v3\/([^/]+)\/(messages|messages\.mime)$/.exec(path);
    if (req.method !== "POST" || !route) {
      req.resume();
      return send(res, 404, "404 page not found");
    }
    if (req.headers.authorization !== expectedAuth) {
      req.resume();
      return send(res, 401, "Forbidden");
    }
    const [, domain, endpoint] = route;
    if (!domains.includes(domain)) {
      req.resume();
      return send(res, 404, { message: `Domain not found: ${domain}` });
    }
    const contentType = req.headers["content-type"] ?? "";
    const multipart = /^multipart\/form-data/i.test(contentType);
    const urlencoded = /^application\/x-www-form-urlencoded/i.test(contentType);
    if (multipart && !/boundary=/i.test(contentType)) {
      req.resume();
      return send(res, 400, { message: "Boundary not found for multipart/form-data request" });
    }
    if (!(multipart || (urlencoded && endpoint === "messages"))) {
      req.resume();
      return send(res, 400, { message: `Invalid request content type. Expecting 'multipart/form-data' but got '${contentType}'` });
    }

    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const form = await new Request(`http://fake${path}`, { method: "POST", headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit).formData();

    try {
      const message = await parseMessage(form, domain, endpoint as "messages" | "messages.mime");
      messages.push(message);
      recordAccepted(message);
      copyCount += message.perRecipient.length;
      waiters = waiters.filter((w) => {
        if (copyCount >= w.count) w.resolve();
        return copyCount < w.count;
      });
      if (holdAfterAccept) {
        held.push(message);
        return; // accepted, never answered
      }
      send(res, 200, { id: message.id, message: "Queued. Thank you." });
    } catch (err) {
      if (err instanceof BadRequest) return send(res, 400, { message: err.message });
      throw err;
    }
  }

  let eventSeq = 0;
  const state = { eventsDelayMs: options.eventsDelayMs ?? 0 };

  /** One `accepted` event per copy, as Mailgun logs it for a call it took. */
  function recordAccepted(message: FakeMailgunMessage) {
    const now = Date.now();
    for (const copy of message.perRecipient) {
      events.push({
        seq: ++eventSeq,
        visibleAt: now + state.eventsDelayMs,
        item: {
          event: "accepted",
          id: crypto.randomBytes(16).toString("base64url").slice(0, 22),
          timestamp: now / 1000,
          "log-level": "info",
          method: "http",
          recipient: copy.recipient,
          "recipient-domain": copy.recipient.split("@")[1] ?? "",
          tags: message.tags,
          campaigns: [],
          "user-variables": copy.userVariables,
          flags: { "is-authenticated": true, "is-test-mode": message.testMode },
          envelope: { sender: plainAddress(message.from) ?? message.from, transport: "", targets: copy.recipient },
          message: {
            headers: { to: copy.recipient, "message-id": message.messageId, from: message.from, subject: copy.subject },
            attachments: [],
            recipients: [copy.recipient],
            size: Buffer.byteLength(copy.text) + Buffer.byteLength(copy.html),
          },
          storage: { url: `${baseUrl()}/v3/domains/${message.domain}/messages/${message.messageId}`, key: message.messageId },
        },
      });
    }
  }

  function baseUrl() {
    const a = server.address() as AddressInfo;
    return `http://${a.address}:${a.port}`;
  }

  /**
   * A page of the Events API. The query (or the token of a page URL, which carries the query and a
   * cursor) selects visible events in the time range, filtered, ordered by time.
   */
  function eventsPage(domain: string, token: string | null, params: URLSearchParams) {
    let q: EventsQuery;
    if (token) {
      try {
        q = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as EventsQuery;
      } catch {
        throw new BadRequest("Invalid page token");
      }
    } else q = parseEventsQuery(params);
    const now = Date.now();
    const matching = events
      .filter((e) => e.visibleAt <= now && matchesEvent(e, q))
      .sort((a, b) => (q.ascending ? a.item.timestamp - b.item.timestamp || a.seq - b.seq : b.item.timestamp - a.item.timestamp || b.seq - a.seq));
    let start = 0;
    if (q.after) {
      const [ts, seq] = q.after;
      start = matching.findIndex((e) => (q.ascending ? e.item.timestamp > ts || (e.item.timestamp === ts && e.seq > seq) : e.item.timestamp < ts || (e.item.timestamp === ts && e.seq < seq)));
      if (start < 0) start = matching.length;
    }
    const page = matching.slice(start, start + q.limit);
    const last = page[page.length - 1];
    const link = (query: EventsQuery) => `${baseUrl()}/v3/${domain}/events/${Buffer.from(JSON.stringify(query)).toString("base64url")}`;
    const { after: _after, ...first } = q;
    return {
      items: page.map((e) => e.item),
      paging: {
        // Adjacent pages are always given, even at the ends (Mailgun: they answer an empty page).
        next: link({ ...q, after: last ? [last.item.timestamp, last.seq] : q.after }),
        previous: link({ ...first, ascending: !q.ascending, after: page[0] ? [page[0].item.timestamp, page[0].seq] : q.after }),
        first: link(first),
        last: link({ ...first, ascending: !q.ascending }),
      },
    };
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { message: `Internal Server Error: ${(err as Error).message}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.address}:${address.port}`,
    apiKey,
    domains,
    messages,
    requests,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    failEventsNext(fault, times = 1) {
      for (let i = 0; i < times; i++) eventFaults.push(fault);
    },
    events,
    held,
    get eventsDelayMs() {
      return state.eventsDelayMs;
    },
    set eventsDelayMs(ms: number) {
      state.eventsDelayMs = ms;
    },
    async waitFor(predicate, timeoutMs = 10_000, what = "condition") {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`fake Mailgun: ${what} not met after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    copies() {
      return messages.flatMap((message) => message.perRecipient.map((copy) => ({ ...copy, message })));
    },
    waitForCopies(count, timeoutMs = 10_000) {
      if (copyCount >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Mailgun: ${copyCount} of ${count} copies after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    reset() {
      messages.length = 0;
      requests.length = 0;
      faults = [];
      eventFaults = [];
      events.length = 0;
      held.length = 0;
      copyCount = 0;
    },
    close() {
      // mailgun.js keeps connections alive; without this, close() waits for them (and jest hangs).
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface EventsQuery {
  begin: number | null;
  end: number | null;
  ascending: boolean;
  limit: number;
  filters: { event?: string[]; recipient?: string; messageId?: string; tags?: string; userVariables?: Record<string, string> };
  /** Cursor: [timestamp, seq] of the last event of the previous page. */
  after?: [number, number];
}

/** Epoch seconds or an RFC 2822 date, as Mailgun takes `begin` and `end`. */
function parseTime(name: string, value: string | null): number | null {
  if (value === null || value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new BadRequest(`'${name}' parameter is not a valid date: ${value}`);
  return t / 1000;
}

function parseEventsQuery(params: URLSearchParams): EventsQuery {
  const begin = parseTime("begin", params.get("begin"));
  const end = parseTime("end", params.get("end"));
  const asc = params.get("ascending");
  if (asc !== null && asc !== "yes" && asc !== "no") throw new BadRequest("'ascending' parameter should be 'yes' or 'no'");
  // Without `ascending`, the direction follows begin/end; with neither, newest first (Mailgun's default).
  const ascending = asc !== null ? asc === "yes" : begin !== null && end !== null ? end >= begin : false;
  if (asc !== null && begin !== null && end !== null && ascending !== end >= begin) throw new BadRequest("'ascending' contradicts the begin and end of the range");
  const limit = params.get("limit") === null ? DEFAULT_EVENTS_LIMIT : Number(params.get("limit"));
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS_LIMIT) throw new BadRequest(`'limit' parameter should be between 1 and ${MAX_EVENTS_LIMIT}`);
  let userVariables: Record<string, string> | undefined;
  const uv = params.get("user-variables");
  if (uv !== null) {
    try {
      const parsed = JSON.parse(uv) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      userVariables = Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    } catch {
      throw new BadRequest("'user-variables' parameter is not a valid JSON object");
    }
  }
  return {
    begin,
    end,
    ascending,
    limit,
    filters: {
      event: params.get("event")?.split(/\s+OR\s+/).map((e) => e.trim()),
      recipient: params.get("recipient")?.toLowerCase(),
      messageId: params.get("message-id")?.replace(/^<|>$/g, ""),
      tags: params.get("tags") ?? undefined,
      userVariables,
    },
  };
}

function matchesEvent(e: FakeEvent, q: EventsQuery): boolean {
  const t = e.item.timestamp;
  const [lo, hi] = q.ascending ? [q.begin, q.end] : [q.end, q.begin];
  if (lo !== null && t < lo) return false;
  if (hi !== null && t > hi) return false;
  const f = q.filters;
  if (f.event && !f.event.includes(e.item.event)) return false;
  if (f.recipient && e.item.recipient.toLowerCase() !== f.recipient) return false;
  const headers = (e.item.message as { headers: Record<string, string> }).headers;
  if (f.messageId && headers["message-id"] !== f.messageId) return false;
  if (f.tags && !(e.item.tags as string[]).includes(f.tags)) return false;
  if (f.userVariables) {
    for (const [k, v] of Object.entries(f.userVariables)) if (e.item["user-variables"][k] !== v) return false;
  }
  return true;
}

async function parseMessage(form: FormData, domain: string, endpoint: "messages" | "messages.mime"): Promise<FakeMailgunMessage> {
  const fields: Record<string, string[]> = {};
  const attachments: FakeMailgunMessage["attachments"] = [];
  const inline: FakeMailgunMessage["inline"] = [];
  let mimeFile = false;
  let optionsBytes = 0;
  const files: Promise<void>[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      if (name === "message") mimeFile = true;
      const list = name === "inline" ? inline : name === "attachment" ? attachments : null;
      if (list) {
        const entry = { filename: value.name, contentType: value.type || "application/octet-stream", size: value.size, content: Buffer.alloc(0) };
        list.push(entry);
        files.push(value.arrayBuffer().then((b) => void (entry.content = Buffer.from(b))));
      }
      continue;
    }
    (fields[name] ??= []).push(value);
    if (/^(o|h|v|t):/.test(name)) optionsBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  const one = (name: string) => fields[name]?.[0] ?? "";

  const from = fields.from ?? [];
  if (endpoint === "messages" && from.length === 0) throw new BadRequest("'from' parameter is missing");
  const to = splitAddresses(fields.to ?? []);
  if (to.length === 0) throw new BadRequest("'to' parameter is missing");
  if (endpoint === "messages" && !fields.text && !fields.html && !fields["amp-html"] && !fields.template) {
    throw new BadRequest("Need at least one of 'text', 'html', 'amp-html' or 'template' parameters specified");
  }
  if (from.length && !plainAddress(from[0])) throw new BadRequest("'from' parameter is not a valid address. please check documentation");
  const cc = splitAddresses(fields.cc ?? []);
  const bcc = splitAddresses(fields.bcc ?? []);
  for (const [label, list] of [["to", to], ["cc", cc], ["bcc", bcc]] as const) {
    for (const a of list) if (!plainAddress(a)) throw new BadRequest(`'${label}' parameter is not a valid address. please check documentation`);
  }
  if (endpoint === "messages.mime") {
    if (!fields.message && !mimeFile) throw new BadRequest("'message' parameter is missing");
    if (!mimeFile) throw new BadRequest("'message' parameter is not a file");
  }
  if (to.length + cc.length + bcc.length > MAX_RECIPIENTS) throw new BadRequest(`Too many recipients, max is ${MAX_RECIPIENTS}`);
  if (optionsBytes > MAX_OPTIONS_BYTES) throw new BadRequest("Send options (parameters starting with o:, h:, or v:) are limited to 16 kB total");
  let recipientVariables: Record<string, Record<string, unknown>> | null = null;
  if (fields["recipient-variables"]) {
    try {
      const parsed = JSON.parse(one("recipient-variables")) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      recipientVariables = parsed as Record<string, Record<string, unknown>>;
    } catch {
      throw new BadRequest("'recipient-variables' parameter is not a valid JSON");
    }
  }
  let templateVariables: Record<string, unknown> | null = null;
  if (fields["t:variables"]) {
    try {
      templateVariables = JSON.parse(one("t:variables")) as Record<string, unknown>;
    } catch {
      throw new BadRequest("'t:variables' parameter is not a valid JSON");
    }
  }
  if (fields["o:deliverytime"]) {
    const v = one("o:deliverytime");
    if (!/^\d+$/.test(v) && Number.isNaN(Date.parse(v))) throw new BadRequest(`${v} is not an RFC-2822 compliant date`);
  }

  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith(prefix) && k !== "o:tag").map(([k, v]) => [k.slice(prefix.length), v[v.length - 1]]));
  const userVariables = pick("v:");
  const messageId = newMessageId(domain);
  const subject = one("subject");
  const text = one("text");
  const html = one("html");
  const perRecipient = to.map((entry) => {
    const recipient = plainAddress(entry)!;
    const vars = recipientVariables?.[recipient] ?? {};
    const sub = (s: string) => (recipientVariables ? substituteRecipientVariables(s, recipient, vars) : s);
    return {
      recipient,
      subject: sub(subject),
      text: sub(text),
      html: sub(html),
      userVariables: Object.fromEntries(Object.entries(userVariables).map(([k, v]) => [k, sub(v)])),
    };
  });
  await Promise.all(files);
  return {
    id: `<${messageId}>`,
    messageId,
    domain,
    endpoint,
    from: from[0] ?? "",
    to,
    cc,
    bcc,
    subject,
    text,
    html,
    template: fields.template?.[0] ?? null,
    templateVariables,
    recipientVariables,
    tags: fields["o:tag"] ?? [],
    options: pick("o:"),
    headers: pick("h:"),
    userVariables,
    templateOptions: pick("t:"),
    testMode: ["yes", "true"].includes(one("o:testmode")),
    attachments,
    inline,
    fields,
    receivedAt: new Date(),
    perRecipient,
  };
}

// ---------------------------------------------------------------------------------------------
// Webhooks (§6): Mailgun → app, JSON body with the signature inside.

export type WebhookKind = "delivered" | "permanent_fail" | "temporary_fail" | "opened" | "clicked" | "complained" | "unsubscribed" | "accepted";

export interface WebhookSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/** HMAC-SHA256 of timestamp + token with the HTTP webhook signing key, hex. */
export function signWebhook(signingKey: string, input: { timestamp?: string | number; token?: string } = {}): WebhookSignature {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const token = input.token ?? crypto.randomBytes(25).toString("hex");
  const signature = crypto.createHmac("sha256", signingKey).update(timestamp + token).digest("hex");
  return { timestamp, token, signature };
}

/** A signed webhook payload for one recipient of an accepted message, shaped like Mailgun's (§6.2). */
export function buildWebhook(
  signingKey: string,
  kind: WebhookKind,
  message: Pick<FakeMailgunMessage, "messageId" | "domain"> & Partial<FakeMailgunMessage>,
  options: { recipient?: string; signature?: { timestamp?: string | number; token?: string }; extra?: Record<string, unknown> } = {},
): { signature: WebhookSignature; "event-data": Record<string, unknown> } {
  const recipient = options.recipient ?? message.perRecipient?.[0]?.recipient ?? message.to?.[0] ?? "someone@example.test";
  const copy = message.perRecipient?.find((c) => c.recipient === recipient);
  const event = kind === "permanent_fail" || kind === "temporary_fail" ? "failed" : kind === "unsubscribed" ? "unsubscribed" : kind;
  const testMode = Boolean(message.testMode);
  const data: Record<string, unknown> = {
    event,
    id: crypto.randomBytes(16).toString("base64url").slice(0, 22),
    timestamp: Date.now() / 1000,
    "log-level": kind === "permanent_fail" ? "error" : kind === "temporary_fail" || kind === "complained" ? "warn" : "info",
    recipient,
    "recipient-domain": recipient.split("@")[1] ?? "",
    tags: message.tags ?? [],
    campaigns: [],
    "user-variables": copy?.userVariables ?? message.userVariables ?? {},
    flags: { "is-routed": false, "is-authenticated": true, "is-system-test": false, "is-test-mode": testMode },
    envelope: { transport: "smtp", sender: message.from ?? `no-reply@${message.domain}`, targets: recipient },
    message: { headers: { to: recipient, "message-id": message.messageId, from: message.from ?? "", subject: copy?.subject ?? message.subject ?? "" }, attachments: [], size: 1024 },
  };
  if (kind === "delivered") data["delivery-status"] = { tls: true, code: testMode ? 650 : 250, description: "", message: "OK", "attempt-no": 1 };
  if (kind === "permanent_fail") {
    data.severity = "permanent";
    data.reason = "bounce";
    data["delivery-status"] = { code: 550, "bounce-code": "5.1.1", message: "5.1.1 The email account that you tried to reach does not exist", description: "", "attempt-no": 1 };
  }
  if (kind === "temporary_fail") {
    data.severity = "temporary";
    data.reason = "generic";
    data["delivery-status"] = { code: 451, "enhanced-code": "4.7.652", message: "4.7.652 try again later", "retry-seconds": 600, "attempt-no": 1 };
  }
  Object.assign(data, options.extra ?? {});
  return { signature: signWebhook(signingKey, options.signature), "event-data": data };
}

/** POSTs a webhook body as JSON, the way Mailgun does. */
export async function deliverWebhook(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

export type WebhookVerdict = "ok" | "bad-signature" | "stale" | "replay" | "malformed";

/** The reference verification of §6.3, with an in-memory token set (the app keeps tokens in its database). */
export function makeWebhookVerifier(signingKey: string, options: { toleranceSec?: number } = {}) {
  const seen = new Set<string>();
  const tolerance = options.toleranceSec ?? 300;
  return (sig: Partial<WebhookSignature> | undefined): WebhookVerdict => {
    if (!sig || typeof sig.timestamp !== "string" || typeof sig.token !== "string" || typeof sig.signature !== "string") return "malformed";
    const expected = Buffer.from(crypto.createHmac("sha256", signingKey).update(sig.timestamp + sig.token).digest("hex"));
    const given = Buffer.from(sig.signature.toLowerCase());
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return "bad-signature";
    if (Math.abs(Date.now() / 1000 - Number(sig.timestamp)) > tolerance) return "stale";
    if (seen.has(sig.token)) return "replay";
    seen.add(sig.token);
    return "ok";
  };
}
