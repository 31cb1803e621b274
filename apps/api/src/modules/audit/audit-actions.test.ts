import fs from "node:fs";
import path from "node:path";
import { AUDIT_ACTIONS } from "@portal/schema";

/** Every action code the API writes, read from its source (literals, ternaries, the MFA prefix). */
function codesWritten(): Set<string> {
  const root = path.join(__dirname, "../..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) files.push(full);
    }
  };
  walk(root);
  const codes = new Set<string>();
  const code = String.raw`"([a-z_]+\.[a-z_]+)"`;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const line of text.split("\n")) {
      if (!/action|audit|revokeGrants/i.test(line)) continue;
      for (const m of line.matchAll(new RegExp(`action: ${code}`, "g"))) codes.add(m[1]);
      for (const m of line.matchAll(new RegExp(`\\? ${code} : ${code}`, "g"))) codes.add(m[1]).add(m[2]);
      for (const m of line.matchAll(new RegExp(`(?:revokeGrants|auditSignIn|audit)\\([^"]*${code}`, "g"))) codes.add(m[1]);
      for (const m of line.matchAll(/`\$\{this\.auditPrefix\([^`]*\)\}\.([a-z_]+)`/g)) codes.add(`portal.${m[1]}`).add(`staff.${m[1]}`);
    }
  }
  return codes;
}

describe("audit action labels", () => {
  it("give every action code the API writes a kind and an English and French label", () => {
    const written = codesWritten();
    expect(written.size).toBeGreaterThan(60);
    const missing = [...written].filter((c) => !AUDIT_ACTIONS[c]).sort();
    expect(missing).toEqual([]);
    for (const info of Object.values(AUDIT_ACTIONS)) {
      expect(info.en.trim()).not.toBe("");
      expect(info.fr.trim()).not.toBe("");
    }
  });
});
