#!/usr/bin/env node
// Validates docker/compose.yaml, docker/Dockerfile and docker/env.example offline (no Docker engine runs in CI):
// structure, images/builds, health checks, volumes, and that every environment variable they use is one
// the API's config.ts reads and the README documents. `--self-test` proves the checks catch breakage.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const read = (p) => fs.readFileSync(path.join(root, p), "utf8");

// Keys docker-compose v1 rejects although v2 accepts them; keeping to the common subset keeps both happy.
const V2_ONLY = ["start_interval", "develop"];
const COMPOSE_ONLY_VARS = new Set(["MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD", "APP_PORT"]);

/** Variables config.ts validates (the keys of its zod object). */
export function configVariables(source) {
  const body = source.slice(source.indexOf("z.object({"), source.indexOf("});", source.indexOf("z.object({")));
  return new Set([...body.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]));
}

/** Variables the README's configuration table documents. */
export function readmeVariables(readme) {
  const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
  const names = new Set();
  for (const line of section.split("\n").filter((l) => l.startsWith("| `"))) {
    const firstCell = line.split("|")[1];
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1]);
  }
  return names;
}

export function check({ composeText, dockerfile, envExample, configSource, readme, exists }) {
  const problems = [];
  const fail = (m) => problems.push(m);
  let doc;
  try {
    doc = parse(composeText);
  } catch (err) {
    return [`compose.yaml is not valid YAML: ${err.message}`];
  }
  if (!doc || typeof doc !== "object") return ["compose.yaml is empty"];
  for (const key of Object.keys(doc)) {
    if (!["services", "volumes", "networks", "configs", "secrets"].includes(key) && !key.startsWith("x-")) fail(`unexpected top-level key "${key}" (docker-compose v1 rejects it)`);
  }
  const services = doc.services ?? {};
  for (const name of ["db", "app"]) if (!services[name]) fail(`service "${name}" is missing`);
  const declaredVolumes = new Set(Object.keys(doc.volumes ?? {}));
  for (const [name, svc] of Object.entries(services)) {
    if (!svc.image && !svc.build) fail(`service "${name}" has neither image nor build`);
    if (svc.build) {
      const ctx = typeof svc.build === "string" ? svc.build : svc.build.context;
      const dockerfilePath = typeof svc.build === "object" && svc.build.dockerfile ? svc.build.dockerfile : "Dockerfile";
      if (!ctx || !exists(path.join("docker", ctx))) fail(`service "${name}": build context "${ctx}" does not exist`);
      else if (!exists(path.join("docker", ctx, dockerfilePath))) fail(`service "${name}": Dockerfile "${dockerfilePath}" not found in the build context`);
    }
    const hc = svc.healthcheck;
    if (!hc || !hc.test) fail(`service "${name}" has no healthcheck`);
    else {
      for (const k of ["interval", "timeout", "retries"]) if (hc[k] === undefined) fail(`service "${name}": healthcheck.${k} is missing`);
      for (const k of V2_ONLY) if (k in hc) fail(`service "${name}": healthcheck.${k} is compose-v2 only`);
    }
    for (const k of V2_ONLY) if (k in svc) fail(`service "${name}": "${k}" is compose-v2 only`);
    for (const v of svc.volumes ?? []) {
      const source = typeof v === "string" ? v.split(":")[0] : v.source;
      if (source && !source.startsWith(".") && !source.startsWith("/") && !declaredVolumes.has(source)) fail(`service "${name}": volume "${source}" is not declared`);
    }
    for (const p of svc.ports ?? []) if (!/^(\$\{[A-Z_]+(:-\d+)?\}|\d+):\d+$/.test(String(p))) fail(`service "${name}": port mapping "${p}" is malformed`);
    for (const f of svc.env_file ?? []) if (f !== ".env" && !exists(path.join("docker", f))) fail(`service "${name}": env_file "${f}" not found`);
  }
  if (services.db && !/^(mysql:8|mariadb:1[01])/.test(String(services.db.image ?? ""))) fail(`service "db" should run MySQL 8 (image "${services.db.image}")`);
  if (services.db && !(services.db.volumes ?? []).length) fail(`service "db" keeps its data in no volume`);
  const dep = services.app?.depends_on;
  if (!dep || Array.isArray(dep) || dep.db?.condition !== "service_healthy") fail(`service "app" must wait for "db" to be healthy (depends_on.db.condition: service_healthy)`);
  const appEnv = services.app?.environment ?? {};
  if (!String(appEnv.DATABASE_URL ?? "").startsWith("mysql://")) fail(`service "app" needs DATABASE_URL=mysql://…`);
  if (appEnv.NODE_ENV !== "production") fail(`service "app" must run with NODE_ENV=production`);

  // Environment variables: compose ↔ env.example ↔ config.ts ↔ README.
  const config = configVariables(configSource);
  const documented = readmeVariables(readme);
  const example = new Set(envExample.split("\n").map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1]).filter(Boolean));
  const referenced = new Set([...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
  for (const v of referenced) if (!example.has(v)) fail(`compose.yaml uses \${${v}} but env.example does not list it`);
  for (const v of [...example, ...Object.keys(appEnv)]) {
    if (COMPOSE_ONLY_VARS.has(v)) continue;
    if (!config.has(v)) fail(`${v} is set for the app but config.ts does not read it`);
    else if (!documented.has(v)) fail(`${v} is set for the app but the README configuration table does not document it`);
  }
  for (const v of config) if (!documented.has(v)) fail(`config.ts reads ${v} but the README configuration table does not document it`);
  for (const v of documented) if (!config.has(v)) fail(`the README documents ${v} but config.ts does not read it`);

  // Dockerfile: multi-stage, production dependencies only, unprivileged, health-checked.
  const stages = dockerfile.match(/^FROM /gm) ?? [];
  if (stages.length < 2) fail("Dockerfile is not multi-stage");
  const final = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
  if (!/^USER (?!root\b|0\b)\S+/m.test(final)) fail("Dockerfile: the final stage must switch to a non-root USER");
  if (!/^HEALTHCHECK [\s\S]*\/healthz/m.test(final)) fail("Dockerfile: the final stage needs a HEALTHCHECK on /healthz");
  if (!/deploy --prod/.test(dockerfile)) fail("Dockerfile: production dependencies only (pnpm deploy --prod)");
  if (!/^CMD .*dist\/src\/main\.js/m.test(final)) fail("Dockerfile: CMD must start dist/src/main.js");
  if (!/NODE_ENV=production/.test(final)) fail("Dockerfile: the final stage must set NODE_ENV=production");
  return problems;
}

function realInputs() {
  return {
    composeText: read("docker/compose.yaml"),
    dockerfile: read("docker/Dockerfile"),
    envExample: read("docker/env.example"),
    configSource: read("apps/api/src/config.ts"),
    readme: read("README.md"),
    exists: (p) => fs.existsSync(path.join(root, p)),
  };
}

function selfTest() {
  const good = realInputs();
  const cases = [
    ["missing healthcheck", { composeText: good.composeText.replace(/(\n  app:[\s\S]*?)\n    healthcheck:[\s\S]*?start_period: 30s\n/, "$1\n") }, /"app" has no healthcheck/],
    ["v2-only key", { composeText: `name: portal\n${good.composeText}` }, /top-level key "name"/],
    ["undocumented variable", { envExample: `${good.envExample}\nSOMETHING_NEW=1\n` }, /SOMETHING_NEW is set for the app but config.ts/],
    ["config not in README", { configSource: good.configSource.replace("z.object({", "z.object({\n  NEW_SETTING: z.string(),") }, /config.ts reads NEW_SETTING/],
    ["root user", { dockerfile: good.dockerfile.replace(/^USER node$/m, "USER root") }, /non-root USER/],
    ["missing build context", { exists: (p) => !p.endsWith("docker/Dockerfile") && good.exists(p) }, /Dockerfile "docker\/Dockerfile" not found/],
    ["db not waited for", { composeText: good.composeText.replace("condition: service_healthy", "condition: service_started") }, /wait for "db"/],
  ];
  let failed = 0;
  for (const [name, change, expected] of cases) {
    const problems = check({ ...good, ...change });
    if (!problems.some((p) => expected.test(p))) {
      failed++;
      console.error(`self-test "${name}": expected a problem matching ${expected}, got ${JSON.stringify(problems)}`);
    }
  }
  const unchanged = check(good);
  if (unchanged.length) {
    failed++;
    console.error(`self-test: the real files should pass, got ${JSON.stringify(unchanged)}`);
  }
  console.log(`check-compose self-test: ${failed} failure(s) over ${cases.length} broken variants and the real files`);
  return failed === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--self-test")) process.exit(selfTest() ? 0 : 1);
  const problems = check(realInputs());
  for (const p of problems) console.error(`docker: ${p}`);
  console.log(problems.length ? `docker/compose.yaml: ${problems.length} problem(s)` : "docker/compose.yaml, Dockerfile and env.example are consistent");
  process.exit(problems.length ? 1 : 0);
}
