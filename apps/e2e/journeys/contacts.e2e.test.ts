import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { latestEmailTo } from "../src/mailbox";
import { findInvitablePatient } from "../src/patients";
import { signInAsStaff, StaffClient } from "../src/staff";

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

/** What has keyboard focus: its accessible label and the grid row it sits in. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { label: el?.getAttribute("aria-label") ?? null, row: el?.closest('[role="row"]')?.getAttribute("data-rowindex") ?? null, body: el === document.body };
  });
}

describe("clinician", () => {
  it("adds a guardian who is not on file as a contact and grants proxy access (issue 13, item 2)", async () => {
    const staff = await StaffClient.signIn("clinician@demo.clinic");
    const patient = await findInvitablePatient(staff);
    const guardian = `guardian.${Date.now().toString(36)}@example.test`;
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "clinician@demo.clinic");
    await page.goto(`/admin/patients/${patient.id}/contacts`);
    await page.getByRole("heading", { name: `${patient.firstName} ${patient.lastName}` }).waitFor();

    await page.getByRole("button", { name: "Add contact" }).click();
    const dialog = page.getByRole("dialog", { name: `Add a contact to ${patient.firstName} ${patient.lastName}'s record` });
    await dialog.getByRole("textbox", { name: "First name" }).fill("Gail");
    await dialog.getByRole("textbox", { name: "Last name" }).fill("Guardian");
    await dialog.getByRole("combobox", { name: /Relationship to the patient/ }).click();
    await page.getByRole("option", { name: "Guardian" }).click();
    // The shared email rule answers before anything is sent.
    await dialog.getByRole("textbox", { name: "Email" }).fill(`${guardian}.`);
    await dialog.getByRole("textbox", { name: "Phone" }).fill("+1 514 555 0199");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await dialog.getByText(/dot/i).first().waitFor();
    await dialog.getByRole("textbox", { name: "Email" }).fill(guardian);
    await expectAccessible(page, "admin add contact dialog");
    await screenshot(page, "admin-contact-add-dialog");
    await dialog.getByRole("button", { name: "Add contact" }).click();
    await page.getByText("Gail Guardian was added to the contacts.").waitFor();

    const row = page.getByRole("row").filter({ hasText: "Gail Guardian" });
    await row.getByText("+1 514 555 0199").waitFor();
    await row.getByRole("button", { name: "Add portal access" }).click();
    const grant = page.getByRole("dialog", { name: "Add portal access for Gail Guardian" });
    await grant.getByRole("combobox", { name: /Portal role/ }).click();
    await page.getByRole("option", { name: "Family" }).click();
    await grant.getByRole("button", { name: "Grant access" }).click();
    await page.getByText(`Portal access granted to ${guardian}.`).waitFor();
    await row.getByText("Family").waitFor();
    const invite = await latestEmailTo(guardian, (e) => e.links.some((l) => l.includes("/portal/invite/")));
    expect(invite.to.toLowerCase()).toBe(guardian);

    // Editing the email of a contact who holds access says what happens to the login.
    await row.getByRole("button", { name: "Edit Gail Guardian" }).click();
    const edit = page.getByRole("dialog", { name: "Edit contact: Gail Guardian" });
    await edit.getByText(`Gail Guardian signs in to the portal as ${guardian}.`, { exact: false }).waitFor();
    await expectAccessible(page, "admin edit contact dialog");
    await screenshot(page, "admin-contact-edit-dialog");
    const moved = guardian.replace("guardian.", "gail.");
    await edit.getByRole("textbox", { name: "Email" }).fill(moved);
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByText(`Contact saved. A confirmation link was sent to ${moved}; the portal login changes once it is confirmed.`).waitFor();
    await row.getByText(`Login change to ${moved} awaiting confirmation`).waitFor();
    await latestEmailTo(moved, (e) => e.links.some((l) => l.includes("/portal/confirm-email/")));
    await expectAccessible(page, "admin Contacts tab with a new contact");
    await screenshot(page, "admin-contacts-tab-added");

    // The same screens in French.
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("button", { name: "Ajouter un contact" }).click();
    await page.getByRole("dialog", { name: /Ajouter un contact au dossier de/ }).waitFor();
    await screenshot(page, "admin-contact-add-dialog-fr");
    await page.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("button", { name: "Modifier Gail Guardian" }).click();
    await page.getByRole("dialog", { name: "Modifier le contact : Gail Guardian" }).waitFor();
    await screenshot(page, "admin-contact-edit-dialog-fr");
    await page.getByRole("button", { name: "Annuler" }).click();
    await screenshot(page, "admin-contacts-tab-fr");
    await page.getByRole("button", { name: "English" }).click();
    expect(problems).toEqual([]);
  });
});

describe("contact dialog (issue 13, item 8)", () => {
  it("says why linking a contact to the patient's own login is refused, in English and French", async () => {
    const staff = await StaffClient.signIn("clinician@demo.clinic");
    const patient = await findInvitablePatient(staff);
    const enabled = await staff.gql<{ enablePortalAccess: { userErrors: unknown[] } }>(
      `mutation Enable($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`,
      { input: { patientId: patient.id } },
    );
    expect(enabled.enablePortalAccess.userErrors).toEqual([]);
    // A sibling's record carries the parent's address, which is this patient's own login.
    const created = await staff.gql<{ createContact: { userErrors: unknown[] } }>(
      `mutation Add($input: CreateContactInput!) { createContact(input: $input) { userErrors { code } } }`,
      { input: { patientId: patient.id, firstName: "Sam", lastName: "Sharer", relationship: "SPOUSE", email: patient.email } },
    );
    expect(created.createContact.userErrors).toEqual([]);
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "clinician@demo.clinic");
    await page.goto(`/admin/patients/${patient.id}/contacts`);
    const row = page.getByRole("row").filter({ hasText: "Sam Sharer" });
    await row.getByRole("button", { name: "Add portal access" }).click();
    const dialog = page.getByRole("dialog", { name: "Add portal access for Sam Sharer" });
    await dialog.getByRole("combobox", { name: /Portal role/ }).click();
    await page.getByRole("option", { name: "Family" }).click();
    await dialog.getByRole("button", { name: "Grant access" }).click();
    await dialog.getByRole("button", { name: "Link to the existing account instead" }).click();
    await dialog.getByRole("alert").filter({ hasText: "a patient's own portal login: a contact cannot share it" }).waitFor();
    expect(await dialog.getByRole("button", { name: "Link to the existing account instead" }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("email");
    await expectAccessible(page, "admin add access dialog, link refused");
    await screenshot(page, "admin-contact-link-refused");
    await page.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Français" }).click();
    await row.getByRole("button", { name: "Ajouter l'accès au portail" }).click();
    const fr = page.getByRole("dialog", { name: "Ajouter l'accès au portail pour Sam Sharer" });
    await fr.getByRole("combobox", { name: /Rôle du portail/ }).click();
    await page.getByRole("option", { name: "Family" }).click();
    await fr.getByRole("button", { name: "Accorder l'accès" }).click();
    await fr.getByRole("button", { name: "Lier plutôt au compte existant" }).click();
    await fr.getByRole("alert").filter({ hasText: "l'identifiant du portail d'un patient" }).waitFor();
    await screenshot(page, "admin-contact-link-refused-fr");
    await page.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("button", { name: "English" }).click();
    expect(problems).toEqual([]);
  });
});

describe("onboarding grid from the keyboard (issue 13, item 8)", () => {
  it("Space on a red block enables it and Enter under the No access filter keeps focus on a red row", async () => {
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "frontdesk@demo.clinic");
    await page.goto("/admin/onboarding?status=NO_ACCESS");
    await page.getByRole("heading", { name: "Onboarding" }).waitFor();
    const blocks = page.getByRole("button", { name: /^Portal status: no access\. Enable access for / });
    await blocks.nth(1).waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
      await screenshot(page, "debug-grid");
      throw err;
    });

    const first = await blocks.nth(0).getAttribute("aria-label");
    await blocks.nth(0).focus();
    await page.keyboard.press(" ");
    await page.getByText(`Access enabled for ${first!.replace(/^.*Enable access for /, "")}.`).waitFor();
    // The row left the filter: focus is on the red block now in its place, not 6 rows down nor on the page.
    let now = await focused(page);
    for (let i = 0; i < 50 && (now.body || now.label === first); i++) {
      await page.waitForTimeout(100);
      now = await focused(page);
    }
    expect(now).toMatchObject({ body: false, row: "0" });
    expect(now.label).toMatch(/^Portal status: no access\. Enable access for /);
    expect(now.label).not.toBe(first);

    const second = now.label!;
    await page.keyboard.press("Enter");
    await page.getByText(`Access enabled for ${second.replace(/^.*Enable access for /, "")}.`).waitFor();
    now = await focused(page);
    for (let i = 0; i < 50 && (now.body || now.label === second); i++) {
      await page.waitForTimeout(100);
      now = await focused(page);
    }
    expect(now).toMatchObject({ body: false, row: "0" });
    expect(now.label).not.toBe(second);
    await screenshot(page, "admin-onboarding-grid-keyboard");
    expect(problems).toEqual([]);
  });
});
