// Sums the gzip size of the JavaScript the first page load needs (the entry and what index.html
// preloads) and fails above the budget: lazy pages must stay lazy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 250;
const dist = "dist";
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const kb = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
  total += kb;
  console.log(`${kb.toFixed(1).padStart(8)} kB  ${file}`);
}
console.log(`${total.toFixed(1).padStart(8)} kB  initial JavaScript (gzip), budget ${BUDGET_KB} kB`);
if (total > BUDGET_KB) {
  console.error("Initial JavaScript is over budget: make the new code a lazy route or chunk.");
  process.exit(1);
}
