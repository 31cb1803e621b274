import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Tenancy by construction (SPEC, "Services don't use .manager"): code under src/modules reaches the
 * database through an OrgScope (or, for system work across organizations, a SystemScope), never
 * through a bare EntityManager, where a forgotten `organizationId` condition would leak another
 * organization's rows. This test reads the sources, so a new `.manager` fails here at once.
 */
const MODULES = path.resolve(__dirname, "../src/modules");

/**
 * Files still allowed to use `.manager`, each with why. Shrink this list; never grow it for a service.
 * Paths are relative to src/modules.
 */
const EXCEPTIONS: Record<string, string> = {
  // The one adapter handing a scope's transaction to webhook-events.ts, until emitting takes an OrgScope.
  "webhooks/webhook-emit.ts": "adapter to webhook-events.ts",
  // The access-change core (being rewritten onto facts → decisions → writes → events): these move
  // onto OrgScope savepoints and systemScope as part of that rewrite, then leave this list.
  "bulk/bulk-job.runner.ts": "job claiming across organizations, rewritten with the runner",
  // Modules written at the same time as OrgScope's savepoints, delete and systemScope: to move onto them.
  "imports/import-upsert.ts": "emits many webhook events at once through webhook-events.ts, until emitting takes an OrgScope",
  "reminders/reminder.service.ts": "written before OrgScope.organization",
  "activation/activation.service.ts": "written before OrgScope.organization",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Lines using `.manager` (comments aside), as "file:line". */
function managerUses(file: string): string[] {
  const rel = path.relative(MODULES, file).split(path.sep).join("/");
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => (/\.manager\b/.test(line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "")) ? [`${rel}:${i + 1}`] : []));
}

describe("tenancy: services under src/modules never use .manager", () => {
  it("finds no .manager outside the listed exceptions", () => {
    const uses = sourceFiles(MODULES)
      .filter((file) => !(path.relative(MODULES, file).split(path.sep).join("/") in EXCEPTIONS))
      .flatMap(managerUses);
    expect(uses).toEqual([]);
  });

  it("sees a .manager use when there is one (the check itself works)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tenancy-"));
    const file = path.join(dir, "probe.ts");
    fs.writeFileSync(file, "// tx.manager in a comment does not count\nconst x = tx.manager.find(A);\n");
    expect(managerUses(file).map((u) => u.split(":").pop())).toEqual(["2"]);
  });
});
