import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { startTestApp, type TestApp } from "../../test/test-app";

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
