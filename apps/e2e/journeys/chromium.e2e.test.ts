import { chromium } from "playwright-core";
import { findChromium } from "../src/browser";

// `pnpm test` must pass on a machine with only Node and npm: without Debian's chromium, the journeys
// fall back to the browser inside the @sparticuz/chromium package (no download, only the registry).
describe("the browser the journeys drive", () => {
  it("is E2E_CHROMIUM_PATH when set", async () => {
    await expect(findChromium({ E2E_CHROMIUM_PATH: "/opt/my-chromium" })).resolves.toEqual({ executablePath: "/opt/my-chromium", source: "E2E_CHROMIUM_PATH" });
  });

  it("is the system's when there is one", async () => {
    await expect(findChromium({ E2E_SYSTEM_CHROMIUM: process.execPath })).resolves.toEqual({ executablePath: process.execPath, source: "system" });
  });

  it("is the packaged headless Chromium when the machine has none, and it renders a page", async () => {
    const found = await findChromium({ E2E_SYSTEM_CHROMIUM: "/nonexistent/chromium" });
    expect(found.source).toBe("@sparticuz/chromium");
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
      ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
    });
    try {
      const page = await browser.newPage();
      await page.setContent("<main><h1>Accès au portail</h1><button>Send invite</button></main>");
      await expect(page.getByRole("heading").textContent()).resolves.toBe("Accès au portail");
      await expect(page.getByRole("button", { name: "Send invite" }).isVisible()).resolves.toBe(true);
    } finally {
      await browser.close();
    }
  });
});
