import { ARTIFACTS_DIR } from "./artifacts";
import { dropDatabase } from "./server";

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__E2E_SERVER__;
  if (server) {
    const exited = new Promise((resolve) => server.process.once("exit", resolve));
    server.process.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await dropDatabase(server.database);
  }
  console.log(`\ne2e artifacts (screenshots, API log): ${ARTIFACTS_DIR}`);
}
