import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { REPO_ROOT } from "../src/server";
import { DEMO_PASSWORD } from "../src/staff";

/**
 * A newcomer's first import (SPEC rule 19): the sample files shipped in docs/samples are imported
 * from the admin — dry run read, import run, patients found in the grid — and the same file again
 * changes nothing.
 */
let browser: Browser;
const tabs: TrackedPage[] = [];
const SAMPLES = path.join(REPO_ROOT, "docs", "samples");

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
});

async function signIn(locale = "en-US"): Promise<TrackedPage> {
  const tab = await openPage(browser, { locale });
  tabs.push(tab);
  const { page } = tab;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin/");
  await page.getByLabel(locale.startsWith("fr") ? "Courriel" : "Email").fill("admin@demo.clinic");
  await page.getByLabel(locale.startsWith("fr") ? "Mot de passe" : "Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: locale.startsWith("fr") ? "Se connecter" : "Sign in" }).click();
  return tab;
}

/** Drops a sample on the import screen and waits for its dry run. */
async function dryRun(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, file));
  await page.getByRole("heading", { name: "Dry run: what the import will do" }).waitFor();
}

/** A number of the dry run or report, by its label. */
async function count(page: Page, label: string): Promise<number> {
  const text = await page.locator(`[data-count="${label}"] p`).first().innerText();
  return Number(text.replace(/\D/g, ""));
}

describe("importing the sample files from the admin", () => {
  it("reads each file's dry run, runs it, and finds the patients in the grid; importing a file again changes nothing", async () => {
    const { page, problems } = await signIn();
    await page.getByRole("link", { name: "Import patients" }).click();
    await page.getByRole("heading", { name: "Import patients" }).waitFor();
    await screenshot(page, "import-1-drop");

    const expected: [string, number, string][] = [
      ["patients-en.csv", 5, "Lovelace"],
      ["patients-fr-excel.csv", 5, "Bérubé"],
      ["patients-fhir.ndjson", 3, "Nguyen"],
    ];
    for (const [file, created, someone] of expected) {
      await dryRun(page, file);
      expect(await count(page, "New patients")).toBe(created);
      expect(await count(page, "Refused rows")).toBe(0);
      if (file === expected[0][0]) await screenshot(page, "import-2-dry-run");
      await page.getByRole("button", { name: "Run the import" }).click();
      await page.getByRole("heading", { name: "Import finished" }).waitFor();
      expect(await count(page, "Created")).toBe(created);
      if (file === expected[0][0]) await screenshot(page, "import-3-done");
      await page.getByRole("link", { name: "Open the patient grid" }).click();
      await page.getByRole("searchbox", { name: "Search" }).fill(someone);
      await page.getByRole("row").filter({ hasText: someone }).first().waitFor();
      await page.getByRole("link", { name: "Import patients" }).click();
    }
    await screenshot(page, "import-4-grid");

    // The same file again: every row already up to date.
    await dryRun(page, "patients-en.csv");
    expect(await count(page, "Already up to date")).toBe(5);
    expect(await count(page, "New patients")).toBe(0);
    expect(problems).toEqual([]);
  });

  it("speaks French and asks for a mapping of columns it does not know", async () => {
    const { page } = await signIn("fr-CA");
    await page.getByRole("link", { name: "Importer des patients" }).click();
    await page.getByRole("heading", { name: "Importer des patients" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: "inconnu.csv", mimeType: "text/csv", buffer: Buffer.from("Chart;Given;Family\nX-1;Ann;Lee\n") });
    await page.getByRole("heading", { name: "Quel champ chaque colonne remplit-elle?" }).waitFor();
    await screenshot(page, "import-5-mapping-fr");
  });
});
