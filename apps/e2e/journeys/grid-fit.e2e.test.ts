import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { signInAsStaff } from "../src/staff";

// Issue 13 item 5: at 1280×800 the front desk sees each row's colour and its main action
// without scrolling sideways, and enough rows to work down the list.
const VIEWPORT = { width: 1280, height: 800 };
const MIN_ROWS = 10;

let browser: Browser;
let tab: TrackedPage;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  tab = await openPage(browser);
  await tab.page.setViewportSize(VIEWPORT);
});
afterEach(async () => {
  await tab.context.close();
});

interface Fit {
  statusRight: number;
  actionLeft: number;
  actionRight: number;
  /** The action button's text is cut (ellipsis or clipped) when its content is wider than its box. */
  actionClipped: boolean;
  actionText: string;
  rowsVisible: number;
}

/** Where the first invitable row's status and action sit, and how many data rows show in full. */
async function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.MuiDataGrid-row[data-rowindex]'));
    const row = rows.find((r) => r.querySelector('[data-field="action"] button')) ?? rows[0];
    const status = row.querySelector<HTMLElement>('[data-field="portalStatus"]')!.getBoundingClientRect();
    const cell = row.querySelector<HTMLElement>('[data-field="action"]')!;
    const button = cell.querySelector<HTMLElement>("button");
    const box = (button ?? cell).getBoundingClientRect();
    const cellBox = cell.getBoundingClientRect();
    const scroller = document.querySelector<HTMLElement>(".MuiDataGrid-virtualScroller")!.getBoundingClientRect();
    const bottom = Math.min(window.innerHeight, scroller.bottom);
    return {
      statusRight: status.right,
      actionLeft: cellBox.left,
      actionRight: Math.max(box.right, cellBox.right),
      actionClipped: !!button && (button.scrollWidth > button.clientWidth + 1 || box.right > cellBox.right + 1),
      actionText: button?.textContent ?? "",
      rowsVisible: rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= bottom + 0.5;
      }).length,
    };
  });
}

async function openGrid(page: Page, heading: string) {
  await page.goto("/admin/onboarding?status=ENABLED");
  await page.getByRole("heading", { name: heading }).waitFor();
  await page.locator('.MuiDataGrid-row [data-field="action"] button').first().waitFor();
}

describe("onboarding grid at 1280×800", () => {
  it("shows the colour and the main action without horizontal scrolling, and at least 10 rows", async () => {
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "frontdesk@demo.clinic");
    await openGrid(page, "Onboarding");
    // Back to every status: the rows of the day, not only the enabled ones.
    await page.goto("/admin/onboarding");
    await page.locator('.MuiDataGrid-row [data-field="action"] button').first().waitFor();
    const all = await measure(page);
    await screenshot(page, "admin-onboarding-grid-1280x800");

    await openGrid(page, "Onboarding");
    const fit = await measure(page);
    expect(fit.actionText).toMatch(/invite/i);
    expect(fit.statusRight).toBeLessThanOrEqual(VIEWPORT.width);
    expect(fit.actionLeft).toBeGreaterThan(fit.statusRight - 1);
    expect(fit.actionRight).toBeLessThanOrEqual(VIEWPORT.width);
    expect(fit.actionClipped).toBe(false);
    expect(all.rowsVisible).toBeGreaterThanOrEqual(MIN_ROWS);
    expect(problems).toEqual([]);
  });

  it("fits the same in French", async () => {
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "frontdesk@demo.clinic");
    await openGrid(page, "Onboarding");
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Intégration" }).waitFor();
    await page.locator('.MuiDataGrid-row [data-field="action"] button').first().waitFor();
    const fit = await measure(page);
    await screenshot(page, "admin-onboarding-grid-1280x800-fr");
    expect(fit.actionText).toMatch(/invitation/i);
    expect(fit.actionRight).toBeLessThanOrEqual(VIEWPORT.width);
    expect(fit.actionClipped).toBe(false);
    expect(fit.rowsVisible).toBeGreaterThanOrEqual(MIN_ROWS);
    expect(problems).toEqual([]);
  });
});
