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
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(index, (err) => {
        if (err) next(err);
      });
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
