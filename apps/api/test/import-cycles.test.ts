import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The API's modules form no import cycle. A cycle (data-source → entities → bulk-job.entity →
 * patient-grid → data-source was one) makes the load order decide whether a class is defined yet
 * when a decorator or a top-level statement reads it. Type-only imports count too: they are
 * where the next runtime import gets added. Like `madge --circular`, with no dependency.
 */
const SRC = path.resolve(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']/g;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts"), base]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * Imports still closing a cycle, each listed with why and until when ("from → to", relative to
 * src). The dialect test used to be imported from data-source.ts (which loads every entity); these
 * files are being rewritten to import it from db/dialect.ts, and leave this list then.
 */
const TOLERATED: string[] = [
];

/** Relative imports of each file under `root` (files outside it, and packages, are left out). */
function importGraph(root: string, tolerated: string[] = []): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => resolve(file, m[1]))
      .filter((t): t is string => t !== null && t.startsWith(root) && !tolerated.includes(`${path.relative(root, file)} → ${path.relative(root, t)}`));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each cycle once, as the files around it relative to `root` (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>, root: string): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.map((f) => path.relative(root, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return out;
}

describe("import graph of apps/api/src", () => {
  it("has no import cycle across folders (none through db/: the data source, entities and dialect load first)", () => {
    // A back-reference between two files of one feature folder (an entity and its row type) is that
    // feature's own business; a cycle between folders is a layering mistake.
    const acrossFolders = cycles(importGraph(SRC, TOLERATED), SRC).filter((files) => new Set(files.map((f) => path.dirname(f))).size > 1);
    expect(acrossFolders).toEqual([]);
  });

  it("keeps the dialect module free of entities and modules (what lets everything import it)", () => {
    const imports = importGraph(path.join(SRC, "db")).get(path.join(SRC, "db/dialect.ts"));
    expect(imports).toEqual([]);
    expect(fs.readFileSync(path.join(SRC, "db/dialect.ts"), "utf8")).not.toMatch(/from\s+["']\.\.?\//);
  });

  it("finds a cycle when there is one, type-only imports included (the check itself works)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycles-"));
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = b;\n');
    fs.writeFileSync(path.join(dir, "b.ts"), 'import type { C } from "./c";\nexport const b = 1 as unknown as C;\n');
    fs.writeFileSync(path.join(dir, "c.ts"), 'export type C = number;\nexport { a } from "./a";\n');
    fs.writeFileSync(path.join(dir, "d.ts"), '// import { a } from "./a";\nexport const d = 1;\n');
    expect(cycles(importGraph(dir), dir)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    // The old data-source → entities → bulk-job.entity → patient-grid → data-source loop had this shape.
    fs.mkdirSync(path.join(dir, "db"));
    fs.writeFileSync(path.join(dir, "db/data-source.ts"), 'import { entities } from "../entities";\nexport const isMysql = () => entities.length > 0;\n');
    fs.writeFileSync(path.join(dir, "entities.ts"), 'import type { Grid } from "./grid";\nexport const entities: Grid[] = [];\n');
    fs.writeFileSync(path.join(dir, "grid.ts"), 'import { isMysql } from "./db/data-source";\nexport type Grid = ReturnType<typeof isMysql>;\n');
    expect(cycles(importGraph(dir), dir)).toContainEqual(["db/data-source.ts", "entities.ts", "grid.ts"]);
  });
});
