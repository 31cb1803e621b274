import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { baseUrl } from "../src/env";
import { latestEmailTo } from "../src/mailbox";
import { enableAndInvite, findInvitablePatient } from "../src/patients";
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
});
afterEach(async () => {
  await tab.context.close();
});

/** A partner app's call with an API key: the HTTP status and, when answered, the patients' total. */
async function callWithKey(secret: string): Promise<{ status: number; totalCount?: number }> {
  const res = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: "{ patients(first: 1) { totalCount } }" }),
  });
  const body = (await res.json().catch(() => null)) as { data?: { patients?: { totalCount: number } } } | null;
  return { status: res.status, totalCount: body?.data?.patients?.totalCount };
}

describe("administrator settings", () => {
  it("edits the French invite subject with a live preview, sends a sample to the dev mailbox, then restores the default", async () => {
    const { page, problems } = tab;
    const tag = `E2E-${Date.now().toString(36)}`;
    await signInAsStaff(tab.context, ADMIN);
    await page.goto("/admin/settings/emailTemplates");
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await page.getByRole("tab", { name: "Email templates", selected: true }).waitFor();

    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await page.getByRole("combobox", { name: "Email", exact: true }).filter({ hasText: "Invitation (link)" }).waitFor();
    const subject = page.getByRole("textbox", { name: "Subject" });
    await expectValue(subject, /portail/i);
    await subject.fill(`Votre accès au portail ${tag} — {{organizationName}}`);
    // The preview renders the draft (placeholder filled in) a moment after typing; nothing is saved yet.
    await page.getByTestId("preview-subject").filter({ hasText: `Votre accès au portail ${tag} — ` }).waitFor();
    expect(await page.getByTestId("preview-subject").textContent()).not.toContain("{{organizationName}}");
    await page.getByText("Unsaved changes").waitFor();
    await expectAccessible(page, "admin email templates");
    await screenshot(page, "admin-email-templates");

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Send me a sample" }).click();
    await page.getByText(`A sample was sent to ${ADMIN}.`).waitFor();

    const sample = await latestEmailTo(ADMIN, (e) => (e.subject ?? "").includes(tag));
    expect(sample.subject).toMatch(new RegExp(`^Votre accès au portail ${tag} — `));
    expect(sample.text).toContain("SAMPLE-LINK-NOT-VALID");

    await page.getByRole("link", { name: "Open it in the dev mailbox" }).click();
    await page.getByRole("heading", { name: "Dev mailbox" }).waitFor();
    await page.getByRole("heading", { name: new RegExp(`Votre accès au portail ${tag}`) }).waitFor();
    await expectAccessible(page, "admin dev mailbox with the sample");
    await screenshot(page, "admin-dev-mailbox-sample");

    // Back to the built-in wording, so the other journeys' French invites read as usual.
    await page.goto("/admin/settings/emailTemplates");
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByRole("option", { name: "Français" }).click();
    await expectValue(page.getByRole("textbox", { name: "Subject" }), new RegExp(tag));
    await page.getByRole("button", { name: "Back to the default text" }).click();
    const dialog = page.getByRole("dialog", { name: "Go back to the default text?" });
    await dialog.getByRole("button", { name: "Back to the default text" }).click();
    await page.getByText("The default text is in force again.").waitFor();
    await expectValue(page.getByRole("textbox", { name: "Subject" }), /^(?!.*E2E-)/);
    expect(problems).toEqual([]);
  });

  it("creates an API key whose secret is shown once and works, then revokes it", async () => {
    const { page, problems } = tab;
    const name = `Scheduling partner ${Date.now().toString(36)}`;
    await signInAsStaff(tab.context, ADMIN);
    await page.goto("/admin/settings/apiKeys");
    await page.getByRole("tab", { name: "API keys", selected: true }).waitFor();
    await page.getByRole("button", { name: "New API key" }).click();
    const dialog = page.getByRole("dialog", { name: "New API key" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("checkbox", { name: /^patients:read/ }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();

    const secretDialog = page.getByRole("dialog", { name: "Your new API key" });
    await secretDialog.getByText(/It will not be shown again/).waitFor();
    const secret = await secretDialog.getByRole("textbox", { name: "API key" }).inputValue();
    expect(secret).toMatch(/^pak_live_/);
    await expectAccessible(page, "admin new API key secret");
    await screenshot(page, "admin-api-key-secret");
    expect(await callWithKey(secret)).toMatchObject({ status: 200, totalCount: expect.any(Number) });
    await secretDialog.getByRole("button", { name: "I have copied it" }).click();
    await secretDialog.waitFor({ state: "detached" });
    expect(await page.locator(`input[value="${secret}"]`).count()).toBe(0);

    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByText("Active").waitFor();
    await expectAccessible(page, "admin API keys");
    await screenshot(page, "admin-api-keys");

    await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
    await page.getByRole("dialog", { name: "Revoke this API key?" }).getByRole("button", { name: "Revoke" }).click();
    await page.getByText(`API key “${name}” revoked.`).waitFor();
    await row.getByText("Revoked", { exact: true }).waitFor();
    expect((await callWithKey(secret)).status).toBe(401);
    await expectAccessible(page, "admin API keys with a revoked key");
    await screenshot(page, "admin-api-keys-revoked");

    // Webhooks live on the same screen; an internal address is refused at its field (no request leaves the test).
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    await page.getByRole("button", { name: "New webhook" }).click();
    const hook = page.getByRole("dialog", { name: "New webhook" });
    await hook.getByRole("textbox", { name: "Endpoint URL" }).fill("http://127.0.0.1:9/hook");
    await hook.getByRole("checkbox", { name: /^portal_invite\.sent/ }).check();
    await hook.getByRole("button", { name: "Subscribe" }).click();
    await hook.getByText(/This address cannot receive webhooks\./).waitFor();
    expect(await hook.getByRole("textbox", { name: "Endpoint URL" }).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "admin new webhook dialog");
    await screenshot(page, "admin-webhook-refused");
    await hook.getByRole("button", { name: "Cancel" }).click();
    expect(problems).toEqual([]);
  });
});

describe("portal login email", () => {
  // The whole change (confirmation by the new address) is journeys/login-email.e2e.test.ts; here, the
  // dialog's refusal of a bad address, its accessibility and its look.
  it("refuses an address that is not one, in the dialog, before anything is sent", async () => {
    const { page, problems } = tab;
    const staff = await StaffClient.signIn(ADMIN);
    const patient = await findInvitablePatient(staff);
    await enableAndInvite(staff, patient.id);
    await signInAsStaff(tab.context, ADMIN);
    await page.goto(`/admin/patients/${patient.id}`);
    await page.getByRole("heading", { name: "Patient portal access" }).waitFor();
    await page.getByRole("button", { name: "Change login email" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the login email" });
    const field = dialog.getByRole("textbox", { name: /New login email/ });
    await field.fill("not-an-email");
    await dialog.getByRole("button", { name: "Send confirmation link" }).click();
    await dialog.getByText("This is not a valid email address.").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "admin change login email dialog");
    await screenshot(page, "admin-change-login-email");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(problems).toEqual([]);
  });
});

/** Waits until a text field's value matches (the editor fills in after its query answers). */
async function expectValue(field: import("playwright-core").Locator, pattern: RegExp, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await field.inputValue().catch(() => "");
    if (pattern.test(value)) return;
    if (Date.now() > deadline) throw new Error(`field value ${JSON.stringify(value)} does not match ${pattern}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
