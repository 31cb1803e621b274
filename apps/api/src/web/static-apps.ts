import fs from "node:fs";
import path from "node:path";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "../logger";

export interface WebApp {
  /** URL prefix without a trailing slash, e.g. `/admin`. */
  mount: string;
  /** Folder holding the Vite build (index.html and assets/). */
  dist: string;
  /** Shown when the folder is missing, so a newcomer knows what to run. */
  label: string;
}

// Vite names every file under assets/ after a hash of its content, so a changed file gets a new URL
// and browsers may keep these forever; index.html is never cached so a deploy shows up at once.
const IMMUTABLE = "public, max-age=31536000, immutable";

function missingPage(app: WebApp): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${app.label} not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>${app.label} is not built</h1>
<p>The API is running, but this app's build folder does not exist yet (the server log names it).</p>
<p>Run <code>pnpm build</code> (or <code>pnpm start</code>, which builds everything) from the repository root,
or <code>pnpm dev</code> for the development servers with hot reload.</p>
</body></html>`;
}

// The builds carry a brotli and a gzip copy of each text file (tools/precompress.mjs at `pnpm build`),
// served to browsers that accept them: brotli first (smaller), then gzip, else the file itself.
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Each coding's q-value from an Accept-Encoding header (RFC 9110 §12.5.3); `*` stands for those not named. */
export function acceptedEncodings(header: string | undefined): Encoding["name"][] {
  const q = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = weight ? Number(weight.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weightOf = (name: string) => q.get(name) ?? q.get("*") ?? 0;
  return ENCODINGS.map((e) => e.name)
    .filter((name) => weightOf(name) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a)); // stable: br stays ahead of gzip at equal weight
}

/**
 * Sends `file` as the compressed copy the request accepts when the build has one, else as is.
 * The type is the original file's, and caches are told the body depends on Accept-Encoding.
 */
function sendFile(req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): void {
  const accepted = acceptedEncodings(req.headers["accept-encoding"]);
  const variants = ENCODINGS.filter((e) => fs.existsSync(file + e.suffix));
  if (variants.length > 0) res.vary("Accept-Encoding");
  const chosen = accepted.map((name) => variants.find((v) => v.name === name)).find((v) => v !== undefined);
  res.setHeader("Cache-Control", cacheControl);
  if (!chosen) {
    res.sendFile(file, (err) => err && next(err));
    return;
  }
  res.type(path.extname(file));
  res.setHeader("Content-Encoding", chosen.name);
  // A byte range of the compressed body means nothing to a client that asked for the original's.
  res.sendFile(file + chosen.suffix, { acceptRanges: false, cacheControl: false }, (err) => err && next(err));
}

/** The built file a request names under the app's folder, if it is one (never outside the folder). */
function builtFile(dist: string, req: Request): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(req.path);
  } catch {
    return undefined;
  }
  if (relative.includes("\0") || path.extname(relative) === "") return undefined;
  const file = path.resolve(dist, `.${path.posix.normalize(relative)}`);
  if (!file.startsWith(path.resolve(dist) + path.sep)) return undefined;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? file : undefined;
}

function wantsHtml(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  // A missing script or image must be a 404, not the SPA's index.html with status 200.
  if (path.extname(req.path) !== "") return false;
  const accept = req.headers.accept ?? "";
  return accept === "" || accept.includes("text/html") || accept.includes("*/*");
}

/**
 * Serves built single-page apps from the API process: static files with long-lived caching for
 * hashed assets, and index.html for every other page path so client-side routes survive a reload.
 * Must be registered after the API routes (e.g. POST /portal/auth/login) so they take precedence.
 */
export function serveWebApps(app: Express, webApps: WebApp[], logger: Logger): void {
  for (const web of webApps) {
    const index = path.join(web.dist, "index.html");
    const present = fs.existsSync(index);
    if (!present) logger.warn({ app: web.label, dist: web.dist }, "web app not built; its pages answer 503 until `pnpm build`");

    // Source maps would publish the apps' source; the builds do not emit them, and should a local
    // build have some, they are still not served.
    app.use(web.mount, (req: Request, res: Response, next: NextFunction) => {
      if (req.path.toLowerCase().endsWith(".map")) {
        res.status(404).type("text").send("Not found");
        return;
      }
      next();
    });
    // Hashed assets and other built files, compressed when the build has a copy the browser accepts.
    app.use(web.mount, (req: Request, res: Response, next: NextFunction) => {
      const file = builtFile(web.dist, req);
      if (!file || !ENCODINGS.some((e) => fs.existsSync(file + e.suffix))) return next();
      sendFile(req, res, next, file, file.startsWith(path.resolve(web.dist, "assets") + path.sep) ? IMMUTABLE : "no-cache");
    });
    app.use(
      web.mount,
      express.static(web.dist, {
        index: false,
        redirect: false,
        setHeaders: (res, file) => {
          res.setHeader("Cache-Control", file.startsWith(path.join(web.dist, "assets") + path.sep) ? IMMUTABLE : "no-cache");
        },
      }),
    );
    app.use(web.mount, (req: Request, res: Response, next: NextFunction) => {
      if (!wantsHtml(req)) return next();
      const [pathname, query] = req.originalUrl.split(/\?(.*)/s, 2);
      // The apps' router basenames end in a slash; one canonical URL per page.
      if (pathname === web.mount) {
        res.redirect(301, `${web.mount}/${query ? `?${query}` : ""}`);
        return;
      }
      // Checked per request: a build that finishes after start-up is picked up without a restart.
      if (!fs.existsSync(index)) {
        res.status(503).type("html").setHeader("Cache-Control", "no-store").send(missingPage(web));
        return;
      }
      sendFile(req, res, next, index, "no-cache");
    });
  }
}

/** Where the admin and portal builds live: next to the API package in the repository. */
export function defaultWebApps(adminDist: string, portalDist: string): WebApp[] {
  return [
    { mount: "/admin", dist: adminDist, label: "The admin dashboard" },
    { mount: "/portal", dist: portalDist, label: "The patient portal" },
  ];
}
