import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { artifactPath } from "./artifacts";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const API_MAIN = path.join(REPO_ROOT, "apps", "api", "dist", "src", "main.js");

/** Fixed for the run so the harness can open the outbox's sealed secrets (see mailbox.ts). */
export const E2E_SESSION_SECRET = "e2e-session-secret-only-for-the-test-run-0123456789";

export type E2EDatabase = { kind: "mysql"; url: string; name: string; serverUrl: string } | { kind: "sqlite"; file: string; dir: string };

export interface RunningServer {
  baseUrl: string;
  database: E2EDatabase;
  logFile: string;
  process: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A database nobody else uses: a new MariaDB database when TEST_DATABASE_URL is set, else a temp SQLite file. */
async function freshDatabase(): Promise<E2EDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const url = new URL(base);
    const name = `${url.pathname.slice(1) || "portal_test"}_e2e_${Date.now().toString(36)}`;
    url.pathname = "/";
    const serverUrl = url.toString();
    const mysql = await import("mysql2/promise");
    const connection = await mysql.createConnection(serverUrl);
    try {
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await connection.end();
    }
    url.pathname = `/${name}`;
    return { kind: "mysql", url: url.toString(), name, serverUrl };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
  return { kind: "sqlite", dir, file: path.join(dir, "portal-access.sqlite") };
}

export async function dropDatabase(database: E2EDatabase): Promise<void> {
  if (database.kind === "mysql") {
    const mysql = await import("mysql2/promise");
    const connection = await mysql.createConnection(database.serverUrl);
    try {
      await connection.query(`DROP DATABASE IF EXISTS \`${database.name}\``);
    } finally {
      await connection.end();
    }
  } else {
    fs.rmSync(database.dir, { recursive: true, force: true });
  }
}

// node:http without keep-alive: a pooled socket would keep jest's parent process alive after the run.
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}; see ${logFile}`);
    if (await healthy(`${baseUrl}/healthz`)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer /healthz within ${timeoutMs / 1000}s; see ${logFile}`);
}

/** The real API process (built output), on a free port, with demo data and the dev mailbox. */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`pnpm build\` first (turbo does it for \`pnpm test\`).`);
  const port = await freePort();
  const database = await freshDatabase();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = artifactPath("api-server.log");
  const log = fs.openSync(logFile, "w");
  // Only what the API needs: no Mailgun key from the surrounding shell may turn the dev mailbox off.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: "UTC",
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    SESSION_SECRET: E2E_SESSION_SECRET,
    DEMO_DATA: "true",
    LOG_LEVEL: "info",
    ...(database.kind === "mysql" ? { DATABASE_URL: database.url } : { DATA_DIR: database.dir }),
  };
  const child = spawn(process.execPath, [API_MAIN], { cwd: path.join(REPO_ROOT, "apps", "api"), env, stdio: ["ignore", log, log] });
  try {
    await waitForHealth(baseUrl, child, logFile, 180_000);
  } catch (err) {
    child.kill("SIGTERM");
    await dropDatabase(database).catch(() => undefined);
    throw err;
  }
  return { baseUrl, database, logFile, process: child };
}
