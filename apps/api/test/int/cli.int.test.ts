import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// These drive the compiled commands, as an operator would (`pnpm test` builds first).
const run = promisify(execFile);
const dist = path.resolve(__dirname, "../../dist/src");

function env(extra: Record<string, string>) {
  const { TEST_DATABASE_URL: _t, DATABASE_URL: _d, ...rest } = process.env;
  return { ...rest, NODE_ENV: "development", LOG_LEVEL: "silent", ...extra };
}

describe("command-line steps", () => {
  it("the server refuses a bad configuration with a message naming the variable (exit 78)", async () => {
    const err = await run("node", [path.join(dist, "main.js")], { env: env({ PORT: "not-a-port" }) }).catch((e) => e);
    expect(err.code).toBe(78);
    expect(err.stderr).toMatch(/PORT/);
  });

  it("create-admin creates an organization and its first administrator, once", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cli-"));
    const args = [path.join(dist, "cli/create-admin.js"), "--org", "Riverside Clinic", "--email", "Owner@Riverside.example", "--name", "Olive Owner"];
    const ok = await run("node", args, { env: env({ DATA_DIR: dataDir, ADMIN_PASSWORD: "a very long admin password" }) });
    expect(ok.stdout).toMatch(/Created organization "Riverside Clinic".*Owner@Riverside.example/);
    const again = await run("node", args, { env: env({ DATA_DIR: dataDir, ADMIN_PASSWORD: "a very long admin password" }) }).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const weak = await run("node", [...args.slice(0, 4), "other@riverside.example", "--name", "X"], { env: env({ DATA_DIR: dataDir, ADMIN_PASSWORD: "short" }) }).catch((e) => e);
    expect(weak.code).toBe(2);
  });
});
