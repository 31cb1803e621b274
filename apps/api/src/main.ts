import "reflect-metadata";
import type { Server } from "node:http";
import { ConfigError, loadConfig, startupWarnings } from "./config";
import { openDataSource, databaseOptionsFrom } from "./db/data-source";
import { createDemoData, isEmptyDatabase } from "./db/demo-data";
import { chooseLogFormat, createLogger } from "./logger";
import { createApp } from "./server";
import { createServices } from "./services";

/** Start-up order: config → database → migrations → (demo data) → server → background workers. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL, undefined, chooseLogFormat(config, process.stdout.isTTY === true));
  // At every start, not once: a setting meant for a demo must not be forgotten in production.
  for (const warning of startupWarnings(config)) logger.warn(warning);
  const dataSource = await openDataSource(databaseOptionsFrom(config));
  const applied = await dataSource.runMigrations({ transaction: "each" });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");

  // Demo data only on an empty embedded database, or when asked for explicitly (DEMO_DATA=true).
  const wantsDemo = config.DEMO_DATA ?? (process.argv.includes("--demo-if-empty") && config.databaseKind === "sqlite");
  if (wantsDemo && (await isEmptyDatabase(dataSource))) {
    const summary = await createDemoData(dataSource);
    logger.info(summary, "demo organization created (password: demo-password)");
  }

  const services = createServices(dataSource, config, logger);
  const { app, apollo } = await createApp(services);
  // Before any worker claims: a claim names this process, and its beat keeps the claim its own.
  await services.heartbeat.start();
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    logger.info({ url: config.publicUrl, database: config.databaseKind, email: services.mailer.name }, "Portal Access is listening");
    services.outboxWorker.start();
  });
  // Jobs left RUNNING by a previous process are resumed from their PENDING rows.
  services.bulkRunner.start();
  // Invite reminders (rule 23): every process sweeps; claims keep them from sending one twice.
  services.reminders.start();
  services.importRunner.start();
  // Rules 20 and 21: once per organization and day, whatever the number of processes (a claimed row).
  services.accessScheduleJob.start();
  const purge = setInterval(() => void services.sessions.purgeExpired().catch((err) => logger.warn({ err }, "session purge failed")), 15 * 60_000);
  purge.unref();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    clearInterval(purge);
    // No new daily run starts; a run under way finishes in its transaction or rolls its claim back.
    void services.accessScheduleJob.stop();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void Promise.all([services.outboxWorker.stop(), services.bulkRunner.stop(), services.importRunner.stop(), services.reminders.stop()])
        // Calls in flight were finished and unsent claims handed back: the others may take the rest at once.
        .then(() => services.heartbeat.stop())
        .then(() => apollo.stop())
        .then(() => dataSource.destroy())
        .then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
