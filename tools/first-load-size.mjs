// What a browser downloads on a first visit before the app runs: index.html plus every script and
// stylesheet it references (the entry and its preloaded imports), counted as sent with brotli (the
// .br copies of tools/precompress.mjs). Fails above the budget, so lazy pages stay lazy.
// Usage: node tools/first-load-size.mjs <dist folder> <mount, e.g. /admin> <budget in kB>
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

const [dist, mount, budget] = process.argv.slice(2);
if (!dist || !mount || !budget) {
  console.error("usage: node tools/first-load-size.mjs <dist folder> <mount> <budget kB>");
  process.exit(2);
}
const sizes = (file) => {
  const body = readFileSync(join(dist, file));
  const br = existsSync(join(dist, `${file}.br`)) ? readFileSync(join(dist, `${file}.br`)).length : brotliCompressSync(body).length;
  return { raw: body.length, br, gzip: gzipSync(body, { level: 9 }).length };
};
const html = readFileSync(join(dist, "index.html"), "utf8");
const escaped = mount.replace(/[/.]/g, "\\$&");
const files = ["index.html", ...new Set([...html.matchAll(new RegExp(`(?:src|href)="${escaped}/(assets/[^"]+\\.(?:js|css))"`, "g"))].map((m) => m[1]))];
const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(9);
const total = { raw: 0, br: 0, gzip: 0 };
console.log(`${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`);
for (const file of files) {
  const s = sizes(file);
  for (const key of Object.keys(total)) total[key] += s[key];
  console.log(`${kb(s.raw)}${kb(s.gzip)}${kb(s.br)}  ${file}`);
}
console.log(`${kb(total.raw)}${kb(total.gzip)}${kb(total.br)}  ${mount} first load (HTML, scripts, styles); budget ${budget} kB brotli`);
if (total.br > Number(budget) * 1024) {
  console.error(`${mount}: the first load is over budget: make the new code a lazy route or chunk.`);
  process.exit(1);
}
