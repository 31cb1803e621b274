import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { artifactPath } from "./artifacts";
import { baseUrl } from "./env";

export interface FoundChromium {
  executablePath: string;
  /** Where it came from, printed once so a failing run says which browser it used. */
  source: "E2E_CHROMIUM_PATH" | "system" | "@sparticuz/chromium";
  /** Extra environment for the browser process (fonts for the packaged browser on a bare machine). */
  env?: Record<string, string>;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Which Chromium the journeys drive, without downloading anything at install or run time:
 * 1. `E2E_CHROMIUM_PATH` when set;
 * 2. the system's (Debian's `/usr/bin/chromium`, installed by .ci/run; `E2E_SYSTEM_CHROMIUM` names
 *    another path, or `none` to ignore it);
 * 3. else the headless Chromium shipped inside the `@sparticuz/chromium` npm package (a brotli file
 *    in the package itself, unpacked once into the temporary folder), so `pnpm test` works on a
 *    machine with only Node and npm.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  if (env.E2E_CHROMIUM_PATH) return { executablePath: env.E2E_CHROMIUM_PATH, source: "E2E_CHROMIUM_PATH" };
  const system = env.E2E_SYSTEM_CHROMIUM ?? "/usr/bin/chromium";
  if (system !== "none" && isExecutable(system)) return { executablePath: system, source: "system" };
  const { default: packaged } = await import("@sparticuz/chromium");
  const executablePath = await packaged.executablePath();
  // The package's fonts are unpacked beside the browser; they stand in only when the machine has no
  // font configuration of its own (a bare machine), so pages still render text in screenshots.
  const fonts = path.join(os.tmpdir(), "fonts");
  const hasSystemFonts = fs.existsSync("/etc/fonts/fonts.conf");
  return { executablePath, source: "@sparticuz/chromium", env: hasSystemFonts ? undefined : { FONTCONFIG_PATH: fonts } };
}

let found: Promise<FoundChromium> | undefined;

// Flags that keep the browser quiet and deterministic in a container without a GPU, a sandbox or
// an outbound network.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  found ??= findChromium().then((chromiumFound) => {
    console.log(`e2e: Chromium from ${chromiumFound.source}: ${chromiumFound.executablePath}`);
    return chromiumFound;
  });
  const { executablePath, env } = await found;
  return chromium.launch({ executablePath, headless: true, args: FLAGS, ...(env ? { env: { ...process.env, ...env } } : {}) });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, failed requests to the app and CSP violations seen so far. */
  problems: string[];
}

/** A fresh context (own cookies and storage) whose page records what would show in a devtools console. */
export async function openPage(browser: Browser, { locale = "en-US" }: { locale?: string } = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("response", (res) => {
    if (res.status() >= 500) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = artifactPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
