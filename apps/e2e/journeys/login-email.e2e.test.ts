import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot } from "../src/browser";
import { deliveredEmailTo, latestEmailTo, portalLink } from "../src/mailbox";
import { enableAndInvite, findInvitablePatient } from "../src/patients";
import { acceptInvite, PORTAL_PASSWORD } from "../src/portal-accept";
import { signInAsStaff, StaffClient } from "../src/staff";

/**
 * Rules 14 and 18: staff ask to change a login email in the admin; nothing changes until the new
 * address confirms with the button on the page its link opens; then the new address signs in.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it("a login email changes only once the new address confirms it", async () => {
  const staff = await StaffClient.signIn("admin@demo.clinic");
  const patient = await findInvitablePatient(staff, "en");
  await enableAndInvite(staff, patient.id);
  const patientTab = await openPage(browser);
  await acceptInvite(patientTab.page, portalLink(await latestEmailTo(patient.email, (e) => e.links.some((l) => l.includes("/portal/invite/"))), "invite"), patient.dateOfBirth);
  await patientTab.context.close();

  // Staff ask for the change in the Portal tab.
  const admin = await openPage(browser);
  await signInAsStaff(admin.context, "admin@demo.clinic");
  await admin.page.goto(`/admin/patients/${patient.id}/portal`);
  await admin.page.getByRole("button", { name: "Change login email" }).click();
  const dialog = admin.page.getByRole("dialog", { name: "Change the login email" });
  await dialog.getByText(/A confirmation link is sent to the new address/).waitFor();
  const newEmail = `moved.${patient.id}.${Date.now()}@example.com`;
  await dialog.getByRole("textbox", { name: /New login email/ }).fill(newEmail);
  await dialog.getByRole("button", { name: "Send confirmation link" }).click();
  await admin.page.getByText(`Awaiting confirmation: ${newEmail}`, { exact: false }).first().waitFor();
  await screenshot(admin.page, "admin-login-email-pending");

  // Until confirmed, the old login signs in and the new one does not.
  const signIn = (email: string) => fetch(new URL("/portal/auth/login", admin.page.url()), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PORTAL_PASSWORD }) });
  expect((await signIn(newEmail)).status).toBe(401);
  expect((await signIn(patient.email)).status).toBe(200);

  // The new address's link opens a page that confirms only with its button.
  const link = portalLink(await deliveredEmailTo(newEmail, (e) => e.links.some((l) => l.includes("/portal/confirm-email/"))), "confirm-email");
  const mailbox = await openPage(browser);
  await mailbox.page.goto(link);
  await mailbox.page.getByRole("heading", { name: "Confirm your new login email" }).waitFor();
  await expectAccessible(mailbox.page, "portal confirm login email");
  expect((await signIn(newEmail)).status).toBe(401);
  await mailbox.page.getByRole("button", { name: "Confirm my login email" }).click();
  await mailbox.page.getByRole("status").filter({ hasText: `you now sign in with ${newEmail}` }).waitFor();
  await screenshot(mailbox.page, "portal-login-email-confirmed");

  expect((await signIn(newEmail)).status).toBe(200);
  expect((await signIn(patient.email)).status).toBe(401);
  expect([...admin.problems, ...mailbox.problems].filter((p) => !p.includes("401"))).toEqual([]);
  await admin.context.close();
  await mailbox.context.close();
});
