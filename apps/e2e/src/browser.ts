import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { artifactPath } from "./artifacts";
import { baseUrl } from "./env";

// Debian's chromium (installed by .ci/run): no browser download at install time, and the flags
// keep it quiet and deterministic in a container without a GPU, a sandbox or an outbound network.
const CHROMIUM = process.env.E2E_CHROMIUM_PATH ?? "/usr/bin/chromium";
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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
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
