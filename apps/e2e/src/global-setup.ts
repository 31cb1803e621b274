import fs from "node:fs";
import { ARTIFACTS_DIR } from "./artifacts";
import { startServer, type RunningServer } from "./server";

declare global {
  var __E2E_SERVER__: RunningServer | undefined;
}

/** Starts one API for the run; the journeys read where it is from E2E_* variables. */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const started = Date.now();
  const server = await startServer();
  globalThis.__E2E_SERVER__ = server;
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.E2E_DATABASE = JSON.stringify(server.database);
  console.log(`\ne2e: API on ${server.baseUrl} (${server.database.kind}, demo data) ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
