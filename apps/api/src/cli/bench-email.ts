/**
 * Measures how fast the outbox drains to Mailgun: queues N invites, then times the worker sending
 * them to the fake Mailgun through the real mailgun.js client.
 *   node dist/src/cli/bench-email.js [count=1000]    (BENCH_DATABASE_URL=mysql://… for MySQL; default a temporary SQLite file)
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Language } from "@portal/schema";
import { openDataSource } from "../db/data-source";
import { systemScope } from "../db/org-scope";
import { createOrganizationWithDefaults } from "../db/demo-data";
import { EmailQueue } from "../email/email-queue";
import { EmailKind } from "../email/email.types";
import { startFakeMailgun } from "../email/fake-mailgun";
import { MailgunTransport } from "../email/mailgun.transport";
import { OutboxWorker } from "../email/outbox-worker";
import { SecretBox } from "../email/secret-box";
import { createLogger } from "../logger";

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const url = process.env.BENCH_DATABASE_URL;
  const ds = await openDataSource(url ? { kind: "mysql", url } : { kind: "sqlite", file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-email-")), "bench.sqlite") });
  await ds.runMigrations({ transaction: "each" });
  const { org } = await createOrganizationWithDefaults(ds, `Bench ${Date.now()}`);
  const box = new SecretBox("bench-secret-bench-secret-bench-secret!!");
  const queue = new EmailQueue(box);
  const fake = await startFakeMailgun({ apiKey: "key-bench", domains: ["mg.bench.test"] });

  let t = Date.now();
  const scope = systemScope(ds, org.id);
  for (let start = 0; start < count; start += 1000) {
    await scope.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        await queue.queue(tx, {
          kind: EmailKind.INVITE_LINK,
          to: `patient${i}@bench.test`,
          language: Language.EN,
          variables: { recipientName: `Patient ${i}`, patientName: `Patient ${i}` },
          secrets: { link: `https://portal.bench.test/portal/invite/${i.toString(36).padStart(43, "x")}` },
        });
      }
    });
  }
  const queuedMs = Date.now() - t;

  const worker = new OutboxWorker({
    dataSource: ds,
    mailer: new MailgunTransport({ apiKey: "key-bench", domain: "mg.bench.test", url: fake.url, timeoutMs: 10_000 }),
    box,
    logger: createLogger("warn"),
    from: "Bench <no-reply@mg.bench.test>",
    publicUrl: "https://portal.bench.test",
  });
  t = Date.now();
  await worker.drain({ organizationId: org.id, timeoutMs: 120_000 });
  const drainMs = Date.now() - t;
  const copies = fake.copies().length;
  console.log(JSON.stringify({ database: url ? "mysql" : "sqlite", count, queuedMs, drainMs, calls: fake.messages.length, copies, perSecond: Math.round((count / drainMs) * 1000) }));
  await fake.close();
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
