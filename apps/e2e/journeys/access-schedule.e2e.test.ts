import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import type { Page } from "playwright-core";
import { artifactPath } from "../src/artifacts";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { signInAsStaff, StaffClient } from "../src/staff";

const ADMIN = "admin@demo.clinic";

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
  await tab.page.setViewportSize({ width: 1280, height: 800 });
});
afterEach(async () => {
  await tab.context.close();
});

/** What a 1280×800 screen shows (no full-page stitching under the fixed app bar). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`${name}.png`) });
}

/** The day `years` years before `days` days from now (UTC), as YYYY-MM-DD. */
function birthDate(days: number, years: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

describe("access over time (rules 20, 21)", () => {
  it("an administrator picks the Quebec preset; a parent's proxy added with its basis shows when it ends on the Portal and Contacts tabs", async () => {
    const { page, problems } = tab;
    await signInAsStaff(tab.context, ADMIN);
    await page.goto("/admin/settings/accessSchedule");
    await page.getByRole("tab", { name: "Access over time", selected: true }).waitFor();
    await page.getByRole("combobox", { name: "Preset" }).click();
    await page.getByRole("option", { name: "Quebec" }).click();
    await page.getByText("Civil Code of Québec, art. 14", { exact: false }).waitFor();
    expect(await page.getByRole("spinbutton", { name: "Own account from age" }).inputValue()).toBe("14");
    expect(await page.getByRole("spinbutton", { name: "Parent's proxy ends at age" }).inputValue()).toBe("14");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Access-over-time settings saved").waitFor();
    await expectAccessible(page, "admin access-over-time settings");
    await screenshot(page, "admin-access-schedule-settings");
    await page.evaluate(() => window.scrollTo(0, 0));
    await viewportShot(page, "admin-access-schedule-settings-1280x800");

    // A 13-year-old who turns 14 in 100 days, and her mother on file.
    const staff = await StaffClient.signIn(ADMIN);
    const dob = birthDate(100, 14);
    const mrn = `E2E-${Date.now().toString(36)}`;
    const created = await staff.gql<{ createPatient: { patient: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id } userErrors { code } } }`,
      { input: { mrn, firstName: "Léa", lastName: "Tremblay", dateOfBirth: dob, email: `lea.${mrn.toLowerCase()}@example.test` } },
    );
    expect(created.createPatient.userErrors).toEqual([]);
    const patientId = created.createPatient.patient.id;
    await staff.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { userErrors { code } } }`, {
      input: { patientId, firstName: "Maude", lastName: "Tremblay", relationship: "MOTHER", email: `maude.${mrn.toLowerCase()}@example.test` },
    });

    await page.goto(`/admin/patients/${patientId}/contacts`);
    const row = page.getByRole("row").filter({ hasText: "Maude Tremblay" });
    await row.getByRole("button", { name: "Add portal access" }).click();
    const dialog = page.getByRole("dialog", { name: "Add portal access for Maude Tremblay" });
    await dialog.getByRole("combobox", { name: /Portal role/ }).click();
    await page.getByRole("option", { name: "Family" }).click();
    await dialog.getByRole("combobox", { name: "Basis" }).click();
    await page.getByRole("option", { name: "Parent" }).click();
    await dialog.getByRole("textbox", { name: "Document reference (optional)" }).fill("Birth certificate seen at the front desk");
    await expectAccessible(page, "admin add proxy dialog with basis");
    await screenshot(page, "admin-add-proxy-basis-dialog");
    await dialog.getByRole("button", { name: "Grant access" }).click();
    await row.getByText("Basis: Parent", { exact: false }).waitFor();
    await row.getByText(/Proxy ends on .* \(age rules for minors\)/).waitFor();
    await screenshot(page, "admin-contacts-tab-proxy-basis");

    await page.goto(`/admin/patients/${patientId}/portal`);
    await page.getByTestId("upcoming-access-change").filter({ hasText: "Maude Tremblay: proxy access ends on" }).waitFor();
    await page.getByText("Own account possible from", { exact: false }).waitFor();
    await expectAccessible(page, "admin Portal tab with a coming proxy end");
    await screenshot(page, "admin-portal-tab-proxy-ends");

    // The onboarding grid marks the row, with the same words in the icon's label.
    const email = `lea.${mrn.toLowerCase()}@example.test`;
    await page.goto("/admin/onboarding");
    await page.getByRole("searchbox", { name: "Search" }).fill(email);
    const gridRow = page.getByRole("row").filter({ hasText: email }).first();
    await gridRow.getByRole("img", { name: /Proxy ends on .* \(age rules for minors\)/ }).waitFor();
    await gridRow.getByRole("img", { name: /Proxy ends on/ }).hover();
    await page.getByRole("tooltip").waitFor();
    await viewportShot(page, "admin-grid-proxy-ends-1280x800");

    await page.goto(`/admin/patients/${patientId}/portal`);
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByTestId("upcoming-access-change").filter({ hasText: "Maude Tremblay : l’accès mandataire prend fin le" }).waitFor();
    await screenshot(page, "admin-portal-tab-proxy-ends-fr");
    await page.goto("/admin/settings/accessSchedule");
    await page.getByRole("tab", { name: "Accès dans le temps", selected: true }).waitFor();
    await page.getByText("Code civil du Québec", { exact: false }).waitFor();
    await viewportShot(page, "admin-access-schedule-settings-fr-1280x800");
    await page.getByRole("button", { name: "English" }).click();

    // Back to no age rules, so the other journeys see the demo organization as it was.
    await page.getByRole("combobox", { name: "Preset" }).click();
    await page.getByRole("option", { name: "No age rules" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Access-over-time settings saved").waitFor();
    expect(problems).toEqual([]);
  });
});
