import path from "node:path";
import { database } from "./env";
import { E2E_SESSION_SECRET, REPO_ROOT } from "./server";

export interface ReceivedEmail {
  to: string;
  subject: string | null;
  /** The text a person would read (or, before delivery, the outbox's secret values). */
  text: string;
  /** Every absolute URL in the email. */
  links: string[];
}

const API_DIR = path.join(REPO_ROOT, "apps", "api");
const URL_PATTERN = /https?:\/\/[^\s"'<>)]+/g;

type Row = Record<string, unknown>;

async function query(sql: string, params: unknown[]): Promise<Row[]> {
  const db = database();
  if (db.kind === "mysql") {
    const mysql = await import("mysql2/promise");
    const connection = await mysql.createConnection(db.url);
    try {
      const [rows] = await connection.query(sql, params);
      return rows as Row[];
    } finally {
      await connection.end();
    }
  }
  // The API's own driver, read-only: the harness only looks.
  const { default: Sqlite } = (await import(require.resolve("better-sqlite3", { paths: [API_DIR] }))) as {
    default: new (file: string, o: object) => { prepare(sql: string): { all(...p: unknown[]): Row[] }; close(): void };
  };
  const conn = new Sqlite(db.file, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all(...params);
  } finally {
    conn.close();
  }
}

async function tableExists(name: string): Promise<boolean> {
  const db = database();
  const rows =
    db.kind === "mysql"
      ? await query("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", [name])
      : await query("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?", [name]);
  return rows.length > 0;
}

function toEmail(to: string, subject: string | null, text: string): ReceivedEmail {
  return { to, subject, text, links: [...new Set(text.match(URL_PATTERN) ?? [])] };
}

/** The API's SecretBox, keyed with the run's session secret: the outbox and the dev mailbox seal with it. */
async function secretBox(): Promise<{ open(sealed: string): Record<string, string> }> {
  const { SecretBox } = (await import(path.join(API_DIR, "dist", "src", "email", "secret-box.js"))) as {
    SecretBox: new (secret: string) => { open(sealed: string): Record<string, string> };
  };
  return new SecretBox(E2E_SESSION_SECRET);
}

/** Delivered mail: what the dev-mailbox transport stored (sealed at rest, opened here), newest first. */
async function fromDevMailbox(address: string): Promise<ReceivedEmail[]> {
  if (!(await tableExists("dev_mailbox_messages"))) return [];
  const rows = await query("SELECT toAddress, contentSealed FROM dev_mailbox_messages WHERE LOWER(toAddress) = LOWER(?) ORDER BY id DESC", [address]);
  const box = await secretBox();
  return rows.map((r) => {
    const content = box.open(String(r.contentSealed));
    return toEmail(String(r.toAddress), content.subject ?? null, content.text ?? "");
  });
}

/** Queued mail not delivered yet: the outbox row, its sealed secrets opened with the run's session secret. */
async function fromOutbox(address: string): Promise<ReceivedEmail[]> {
  const rows = await query("SELECT toAddress, kind, secretsSealed FROM outbox_messages WHERE LOWER(toAddress) = LOWER(?) ORDER BY id DESC", [address]);
  const box = await secretBox();
  return rows
    .filter((r) => r.secretsSealed)
    .map((r) => toEmail(String(r.toAddress), String(r.kind), Object.values(box.open(String(r.secretsSealed))).join("\n")));
}

/**
 * The newest email to `address` that satisfies `matches`, waiting for the outbox worker to deliver
 * it. Reads the database the run's API uses: the dev mailbox once delivered, else the outbox.
 */
export async function latestEmailTo(address: string, matches: (email: ReceivedEmail) => boolean = () => true, timeoutMs = 30_000): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = [...(await fromDevMailbox(address)), ...(await fromOutbox(address))].find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching email to ${address} within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The path (with token) of the portal link in an email, e.g. /portal/invite/abc… */
export function portalLink(email: ReceivedEmail, kind: "invite" | "reset" | "confirm-email"): string {
  const link = email.links.find((l) => l.includes(`/portal/${kind}/`));
  if (!link) throw new Error(`no /portal/${kind}/ link in the email to ${email.to}`);
  const url = new URL(link);
  return url.pathname + url.search;
}

/** Like latestEmailTo, but only once the dev-mailbox transport has delivered it (not while it waits in the outbox). */
export async function deliveredEmailTo(address: string, matches: (email: ReceivedEmail) => boolean = () => true, timeoutMs = 30_000): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await fromDevMailbox(address)).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching email delivered to ${address} within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
