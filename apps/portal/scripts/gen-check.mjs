// Fails when src/gql is not what `pnpm gen` would write from the current schema and documents.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const tmp = mkdtempSync(join(tmpdir(), "portal-gql-"));
try {
  execFileSync("pnpm", ["exec", "graphql-codegen", "--config", "codegen.ts", "--silent"], {
    stdio: "inherit",
    env: { ...process.env, GQL_OUT: tmp + "/" },
  });
  const committed = "src/gql";
  const names = new Set([...readdirSync(tmp), ...readdirSync(committed)]);
  const stale = [...names].filter((name) => {
    try {
      return readFileSync(join(tmp, name), "utf8") !== readFileSync(join(committed, name), "utf8");
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`src/gql is stale (${stale.join(", ")}): run \`pnpm --filter @portal/portal gen\` and commit.`);
    process.exit(1);
  }
  console.log("src/gql is current.");
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
