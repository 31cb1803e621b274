import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { deliveredEmailTo, portalLink } from "../src/mailbox";
import { patientStatus } from "../src/patients";
import { acceptInvite } from "../src/portal-accept";
import { DEMO_PASSWORD, StaffClient } from "../src/staff";

let browser: Browser;
const tabs: TrackedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
});

async function open(): Promise<TrackedPage> {
  const tab = await openPage(browser);
  tabs.push(tab);
  return tab;
}

interface DonePatient {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
}

/** Rows of a bulk job with one outcome, as staff read them over GraphQL. */
async function jobRows(staff: StaffClient, jobId: string, outcome: "SUCCEEDED" | "SKIPPED") {
  const data = await staff.gql<{ bulkJob: { items: { edges: { node: { reason: string | null; patient: DonePatient } }[] } } }>(
    `query Rows($id: ID!, $outcome: BulkJobOutcome) { bulkJob(id: $id) { items(first: 500, outcome: $outcome) { edges { node { reason patient { id firstName lastName email dateOfBirth } } } } } }`,
    { id: jobId, outcome },
  );
  return data.bulkJob.items.edges.map((e) => e.node);
}

describe("front desk, bulk onboarding", () => {
  it("enables and invites a page of red patients in one action, follows it to the per-row report, and an invited patient turns green after accepting", async () => {
    const staff = await StaffClient.signIn("frontdesk@demo.clinic");
    const { page, problems } = await open();

    await page.goto("/admin/");
    await page.getByLabel("Email").fill("frontdesk@demo.clinic");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    await page.getByRole("link", { name: "Onboarding" }).click();
    await page.getByRole("button", { name: /^No access · / }).click();
    await page.waitForURL(/status=NO_ACCESS/);
    await page
      .getByRole("button", { name: /Enable access for/ })
      .first()
      .waitFor();

    // A page of 50 red patients (the default page size), some without an email or a date of birth.
    // Select once the filtered page has replaced the unfiltered one (only red blocks left), until the selection holds.
    await page.waitForFunction(() => {
      const blocks = Array.from(document.querySelectorAll('[role="grid"] [role="img"]')).map((e) => e.getAttribute("aria-label") ?? "");
      return blocks.length > 0 && blocks.every((label) => /red/i.test(label));
    });
    await page.waitForLoadState("networkidle");
    for (let attempt = 0; ; attempt++) {
      await page.getByRole("checkbox", { name: "Select all rows" }).click();
      const held = await page
        .getByRole("region", { name: "50 selected" })
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        );
      if (held) break;
      if (attempt === 2) throw new Error("selecting the page of 50 did not hold");
    }
    await page.getByRole("button", { name: "Enable portal access", exact: true }).click();

    const dialog = page.getByRole("dialog", { name: "Enable portal access" });
    await dialog.getByText("Enable portal access for 50 patients and send their invites?").waitFor();
    const role = dialog.getByRole("combobox", { name: /Portal role/ });
    await page.waitForFunction(() => document.querySelector('[role="dialog"] [role="combobox"]')?.textContent === "Patient");
    expect(await role.textContent()).toBe("Patient");
    expect(await dialog.getByRole("checkbox", { name: "Also send the invite to each enabled patient" }).isChecked()).toBe(true);
    await expectAccessible(page, "bulk confirmation dialog");
    await screenshot(page, "bulk-confirm");
    await dialog.getByRole("button", { name: "Start" }).click();

    await dialog.getByRole("progressbar", { name: "Bulk action progress" }).waitFor();
    const result = dialog.getByRole("region", { name: "Bulk action result" });
    await result.waitFor({ timeout: 90_000 });
    expect(await dialog.getByRole("progressbar", { name: "Bulk action progress" }).getAttribute("aria-valuenow")).toBe("100");
    const summary = (await result.getByText(/done, .* skipped, .* failed, out of 50\./).textContent()) ?? "";
    const [, succeeded, skipped, failed] = (/^(\d+) done, (\d+) skipped, (\d+) failed/.exec(summary) ?? []).map(Number);
    expect(succeeded + skipped + failed).toBe(50);
    expect(failed).toBe(0);
    expect(succeeded).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(0);

    // Skipped rows are listed by patient with the reason in words.
    const table = result.getByRole("table", { name: "Skipped and failed rows" });
    await table.getByRole("row").nth(1).waitFor();
    const reasons = await table.getByRole("row").allTextContents();
    expect(reasons.slice(1).every((text) => /required|must be on file|already|inactive|moments ago/.test(text))).toBe(true);
    await expectAccessible(page, "bulk result panel");
    await screenshot(page, "bulk-result");

    // The CSV report has one line per selected row.
    const href = await result.getByRole("link", { name: "Download CSV report" }).getAttribute("href");
    expect(href).toMatch(/^\/bulk-jobs\/\d+\/results\.csv$/);
    const jobId = /\/bulk-jobs\/(\d+)\//.exec(href!)![1];
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(51);

    const skippedRows = await jobRows(staff, jobId, "SKIPPED");
    expect(skippedRows).toHaveLength(skipped);
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByRole("region", { name: "50 selected" }).count()).toBe(0);

    // The report can be read again later, from the recent bulk actions.
    await page.getByRole("button", { name: "Recent bulk actions" }).click();
    const recent = page.getByRole("dialog");
    const listed = recent.getByRole("table", { name: "Recent bulk actions" }).getByRole("row").nth(1);
    await listed.waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    expect(await listed.textContent()).toMatch(/Enable portal access.*Done/);
    await screenshot(page, "bulk-recent-list");
    await expectAccessible(page, "recent bulk actions");
    await listed.getByRole("button", { name: /View the report/ }).click();
    const again = recent.getByRole("region", { name: "Bulk action result" });
    expect(await again.getByRole("link", { name: "Download CSV report" }).getAttribute("href")).toBe(href);
    await again.getByRole("table", { name: "Skipped and failed rows" }).getByRole("row").nth(1).waitFor();
    await screenshot(page, "bulk-recent-report");
    await recent.getByRole("button", { name: "Close" }).click();
    await recent.waitFor({ state: "hidden" });

    // An invite reached the dev mailbox; the patient accepts it in the portal.
    const [done] = await jobRows(staff, jobId, "SUCCEEDED");
    expect(await patientStatus(staff, done.patient.id)).toBe("INVITED");
    const email = await deliveredEmailTo(done.patient.email, (e) => e.links.some((l) => l.includes("/portal/invite/")));
    const portal = await open();
    await acceptInvite(portal.page, portalLink(email, "invite"), done.patient.dateOfBirth);

    // Back in the grid, the patient is green.
    await page.goto(`/admin/onboarding?q=${encodeURIComponent(done.patient.email)}`);
    const row = page.getByRole("row").filter({ hasText: done.patient.email });
    await row.getByText("Active").waitFor();
    expect(await row.getByRole("img", { name: "green" }).count()).toBe(1);
    await screenshot(page, "bulk-accepted-green");

    // Sorted by last sign-in, newest first (on the server, kept in the URL), the patient who just signed in leads.
    await page.goto("/admin/onboarding");
    await page.waitForLoadState("networkidle");
    const header = page.getByRole("columnheader", { name: /Last sign-in/ });
    // A header click during the grid's re-render can be lost: click until the URL shows the next order.
    const sortBy = async (expected: RegExp) => {
      for (let attempt = 0; !expected.test(page.url()); attempt++) {
        if (attempt === 3) throw new Error(`sorting did not reach ${expected}`);
        await header.click();
        await page.waitForURL(expected, { timeout: 3_000 }).catch(() => undefined);
      }
      await page.waitForLoadState("networkidle");
    };
    await sortBy(/sort=lastSignInAt/);
    await sortBy(/sort=-lastSignInAt/);
    await page.getByRole("row").nth(1).filter({ hasText: done.patient.email }).waitFor();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(problems).toEqual([]);
  });
});
