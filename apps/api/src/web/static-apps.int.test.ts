import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import request from "supertest";
import { startTestApp, type TestApp } from "../../test/test-app";
import { acceptedEncodings } from "./static-apps";

const APP_JS = Array.from({ length: 200 }, (_, i) => `export const label${i} = "Portal access line ${i}";`).join("\n");
const APP_CSS = Array.from({ length: 100 }, (_, i) => `.row-${i} { color: #${(i * 99999).toString(16).padStart(6, "0").slice(0, 6)}; }`).join("\n");
const INDEX_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Patient portal</title>
<script type="module" src="/portal/assets/index-abc123.js"></script><link rel="stylesheet" href="/portal/assets/app-def456.css">
${"<!-- padding so the page is worth compressing -->\n".repeat(20)}</head><body><div id="root"></div></body></html>`;

let t: TestApp;
let portalDist: string;
let adminDist: string;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-web-"));
  portalDist = path.join(root, "portal");
  adminDist = path.join(root, "admin-not-built");
  fs.mkdirSync(path.join(portalDist, "assets"), { recursive: true });
  fs.writeFileSync(path.join(portalDist, "index.html"), '<!doctype html><div id="root"></div><script type="module" src="/portal/assets/index-abc123.js"></script>');
  fs.writeFileSync(path.join(portalDist, "assets", "index-abc123.js"), "console.log('portal')");
  // A build made with source maps (a local debugging build): the server must still not publish them.
  fs.writeFileSync(path.join(portalDist, "assets", "index-abc123.js.map"), '{"version":3,"sources":["../src/secret.ts"]}');
  fs.writeFileSync(path.join(portalDist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  // Files large enough to be compressed, then the build's compression step itself.
  fs.writeFileSync(path.join(portalDist, "assets", "app-def456.js"), APP_JS);
  fs.writeFileSync(path.join(portalDist, "assets", "app-def456.css"), APP_CSS);
  fs.writeFileSync(path.join(portalDist, "index.html"), INDEX_HTML);
  execFileSync(process.execPath, [path.join(__dirname, "../../../../tools/precompress.mjs"), portalDist]);
  t = await startTestApp({ PORTAL_DIST_DIR: portalDist, ADMIN_DIST_DIR: adminDist });
});
afterAll(() => t.close());

describe("the built portal served by the API", () => {
  it("serves index.html for the portal's client-side routes, never cached", async () => {
    for (const url of ["/portal/", "/portal/invite/abc-token", "/portal/reset/xyz", "/portal/profiles"]) {
      const res = await request(t.app).get(url).set("accept", "text/html");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("caches hashed assets forever and other files never", async () => {
    const asset = await request(t.app).get("/portal/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const favicon = await request(t.app).get("/portal/favicon.svg");
    expect(favicon.status).toBe(200);
    expect(favicon.headers["cache-control"]).toBe("no-cache");
  });

  it("answers 404 for a missing asset instead of the page", async () => {
    const res = await request(t.app).get("/portal/assets/gone-000.js");
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it("never serves source maps, even when the build folder holds some", async () => {
    const res = await request(t.app).get("/portal/assets/index-abc123.js.map");
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("sources");
    const upper = await request(t.app).get("/portal/assets/index-abc123.JS.MAP");
    expect(upper.status).toBe(404);
  });

  it("redirects the bare prefix to the trailing-slash URL, keeping the query", async () => {
    const res = await request(t.app).get("/portal?lang=fr").set("accept", "text/html");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/portal/?lang=fr");
  });

  it("sends a content security policy that allows only same-origin scripts", async () => {
    const res = await request(t.app).get("/portal/").set("accept", "text/html");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' https: 'unsafe-inline'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("leaves API routes to the API", async () => {
    const health = await request(t.app).get("/healthz");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
    const gql = await request(t.app).post("/graphql").set("content-type", "application/json").send({ query: "{ __typename }" });
    expect(gql.status).toBe(200);
    expect(gql.body.data.__typename).toBe("Query");
  });
});

describe("an app that is not built", () => {
  it("explains what to run, with status 503, instead of crashing", async () => {
    const res = await request(t.app).get("/admin/patients").set("accept", "text/html");
    expect(res.status).toBe(503);
    expect(res.text).toContain("pnpm build");
    expect(res.text).not.toContain(adminDist); // no file-system paths to the public
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("redirects / to the admin", async () => {
    const res = await request(t.app).get("/");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/admin/");
  });
});

/** Raw bytes and headers, without the client decompressing anything (supertest would). */
function rawGet(server: http.Server, url: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: url, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressed pages", () => {
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const cases = [
    { url: "/portal/assets/app-def456.js", type: /^text\/javascript/, original: APP_JS, cache: "public, max-age=31536000, immutable" },
    { url: "/portal/assets/app-def456.css", type: /^text\/css/, original: APP_CSS, cache: "public, max-age=31536000, immutable" },
    { url: "/portal/", type: /^text\/html/, original: INDEX_HTML, cache: "no-cache" },
    { url: "/portal/profiles", type: /^text\/html/, original: INDEX_HTML, cache: "no-cache" },
  ];

  it.each(cases)("sends $url as brotli to a browser that accepts it, decompressing to the built file", async ({ url, type, original, cache }) => {
    const res = await rawGet(server, url, { "accept-encoding": "gzip, deflate, br, zstd", accept: "text/html" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["content-type"]).toMatch(type);
    expect(res.headers["cache-control"]).toBe(cache);
    expect(res.headers["accept-ranges"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(original) / 2);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(original);
  });

  it.each(cases)("sends $url as gzip when brotli is not accepted", async ({ url, type, original, cache }) => {
    const res = await rawGet(server, url, { "accept-encoding": "gzip", accept: "text/html" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["content-type"]).toMatch(type);
    expect(res.headers["cache-control"]).toBe(cache);
    expect(zlib.gunzipSync(res.body).toString()).toBe(original);
  });

  it.each(cases)("sends $url as is without Accept-Encoding, still varying on it", async ({ url, type, original, cache }) => {
    const res = await rawGet(server, url, { accept: "text/html" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["content-type"]).toMatch(type);
    expect(res.headers["cache-control"]).toBe(cache);
    expect(res.body.toString()).toBe(original);
  });

  it("honours q-values: br;q=0 gets gzip, identity only gets the file", async () => {
    const noBrotli = await rawGet(server, "/portal/assets/app-def456.js", { "accept-encoding": "br;q=0, gzip;q=0.8" });
    expect(noBrotli.headers["content-encoding"]).toBe("gzip");
    const gzipPreferred = await rawGet(server, "/portal/assets/app-def456.js", { "accept-encoding": "br;q=0.5, gzip;q=1" });
    expect(gzipPreferred.headers["content-encoding"]).toBe("gzip");
    const identity = await rawGet(server, "/portal/assets/app-def456.js", { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.toString()).toBe(APP_JS);
  });

  it("answers HEAD with the compressed copy's headers and no body", async () => {
    const res = await rawGet(server, "/portal/assets/app-def456.js", { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBe(0);
  });

  it("still refuses source maps and missing files, compressed or not", async () => {
    for (const url of ["/portal/assets/index-abc123.js.map", "/portal/assets/gone-000.js", "/portal/assets/..%2f..%2fetc%2fpasswd"]) {
      const res = await rawGet(server, url, { "accept-encoding": "br, gzip" });
      expect(res.status).toBe(404);
      expect(res.headers["content-encoding"]).toBeUndefined();
    }
  });

  it("leaves files too small to gain from compression as they are", async () => {
    const res = await rawGet(server, "/portal/favicon.svg", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(fs.existsSync(path.join(portalDist, "favicon.svg.br"))).toBe(false);
  });
});

describe("acceptedEncodings", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["gzip, deflate, br", ["br", "gzip"]],
    ["gzip", ["gzip"]],
    ["br;q=0, gzip", ["gzip"]],
    ["gzip;q=1, br;q=0.2", ["gzip", "br"]],
    ["*", ["br", "gzip"]],
    ["*;q=0", []],
    ["identity", []],
    ["BR; q=0.9, GZIP; q=0.9", ["br", "gzip"]],
  ])("%p → %p", (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });
});
