// Writes a brotli (.br) and a gzip (.gz) copy next to every text file of a built web app, once at
// build time at the highest levels, so the API serves compressed pages without compressing per
// request (apps/api/src/web/static-apps.ts picks the copy the browser accepts).
// Runs at the end of every `vite build` of the admin and the portal (the plugin below, in their
// vite.config.ts), and by hand: node tools/precompress.mjs <dist folder>
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".svg", ".json", ".txt", ".webmanifest", ".xml"]);
// Below this the headers cost more than compression saves.
const MIN_BYTES = 512;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes the copies for every file of `dist` and returns the totals, for the build's log line. */
export function precompressDir(dist) {
  let before = 0;
  let brotli = 0;
  let gzip = 0;
  let count = 0;
  for (const file of files(dist)) {
    // A copy left by an earlier build of a file that no longer exists would be served for nothing.
    if (file.endsWith(".br") || file.endsWith(".gz")) {
      if (!statSync(file.slice(0, -3), { throwIfNoEntry: false })) rmSync(file);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(file).toLowerCase())) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) {
      rmSync(`${file}.br`, { force: true });
      rmSync(`${file}.gz`, { force: true });
      continue;
    }
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    before += body.length;
    brotli += br.length;
    gzip += gz.length;
    count += 1;
  }
  return { count, before, brotli, gzip };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
export function describe(dist, { count, before, brotli, gzip }) {
  return `precompressed ${count} files in ${relative(process.cwd(), dist) || "."}: ${kb(before)} → ${kb(brotli)} brotli, ${kb(gzip)} gzip`;
}

/** Vite plugin: the copies are written after every production build, so no build ships without them. */
export function precompressPlugin() {
  let outDir = "dist";
  return {
    name: "portal-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        console.log(describe(outDir, precompressDir(outDir)));
      },
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dist = process.argv[2];
  if (!dist) {
    console.error("usage: node tools/precompress.mjs <dist folder>");
    process.exit(2);
  }
  console.log(describe(dist, precompressDir(dist)));
}
