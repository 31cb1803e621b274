import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { latestEmailTo, portalLink } from "../src/mailbox";
import { acceptInvite, fillInvite, INVITE_FORM_EN as en, INVITE_FORM_FR as fr, PORTAL_PASSWORD as PASSWORD } from "../src/portal-accept";
import { dayAfter, enableAndInvite, findInvitablePatient, patientStatus, selfAccount, type InvitablePatient } from "../src/patients";
import { StaffClient } from "../src/staff";

let browser: Browser;
let staff: StaffClient;
const tabs: TrackedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await StaffClient.signIn("frontdesk@demo.clinic");
});
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
});

async function open(locale: string): Promise<TrackedPage> {
  const tab = await openPage(browser, { locale });
  tabs.push(tab);
  return tab;
}

async function invite(language: "en" | "fr"): Promise<{ patient: InvitablePatient; link: string }> {
  const patient = await findInvitablePatient(staff, language);
  await enableAndInvite(staff, patient.id);
  const email = await latestEmailTo(patient.email, (e) => e.links.some((l) => l.includes("/portal/invite/")));
  return { patient, link: portalLink(email, "invite") };
}

describe("a patient accepts the invite in the portal", () => {
  it("is refused with a wrong date of birth, accepted with the right one, signs in and sees their profile", async () => {
    const { patient, link } = await invite("en");
    const { page, problems } = await open("en-US");
    await page.goto(link);
    await page.getByRole("heading", { name: "Set up your portal account" }).waitFor();
    await expectAccessible(page, "accept invite");

    await fillInvite(page, en, dayAfter(patient.dateOfBirth));
    await page.getByText("This date of birth does not match the one on file", { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe(link.split("?")[0]);
    await expectAccessible(page, "accept invite with a date-of-birth error");
    await screenshot(page, "portal-accept-invite-wrong-dob");

    await page.getByLabel(en.dob).fill(patient.dateOfBirth);
    await page.getByRole("button", { name: en.submit }).click();
    await page.getByRole("heading", { name: "My profiles" }).waitFor();
    const card = page.getByRole("region", { name: `${patient.firstName} ${patient.lastName}` });
    await card.waitFor();
    await expectAccessible(page, "my profiles");
    await screenshot(page, "portal-profiles");
    expect(await patientStatus(staff, patient.id)).toBe("ACTIVE");

    // Sign out, then back in with the new password.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("You are signed out.").waitFor();
    await page.goto("/portal/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel(/^Email/).fill(patient.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("region", { name: `${patient.firstName} ${patient.lastName}` }).waitFor();
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });

  it("the invite link cannot be used twice", async () => {
    const { patient, link } = await invite("en");
    const first = await open("en-US");
    await acceptInvite(first.page, link, patient.dateOfBirth);

    // The page asks about the link before showing the form: a used link says so at once, with the
    // way to sign in instead, and no form to fill.
    const second = await open("en-US");
    await second.page.goto(link);
    await second.page.getByRole("alert").filter({ hasText: "This invite link is not valid" }).waitFor();
    await second.page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await second.page.getByLabel(en.dob).count()).toBe(0);
    expect(await second.page.getByRole("button", { name: en.submit }).count()).toBe(0);
  });

  it("goes the same way in French", async () => {
    const { patient, link } = await invite("fr");
    const { page } = await open("fr-CA");
    await page.goto(link);
    await page.getByRole("heading", { name: "Créez votre compte du portail" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expectAccessible(page, "accept invite (fr)");

    await fillInvite(page, fr, dayAfter(patient.dateOfBirth));
    await page.getByText("Cette date de naissance ne correspond pas", { exact: false }).waitFor();
    await page.getByLabel(fr.dob).fill(patient.dateOfBirth);
    await page.getByRole("button", { name: fr.submit }).click();
    await page.getByRole("heading", { name: "Mes profils" }).waitFor();
    await page.getByRole("region", { name: `${patient.firstName} ${patient.lastName}` }).waitFor();
    await expectAccessible(page, "my profiles (fr)");
    await screenshot(page, "portal-profiles-fr");
  });

  it("a password change forced by staff comes before the profiles", async () => {
    const { patient, link } = await invite("en");
    const { page } = await open("en-US");
    await acceptInvite(page, link, patient.dateOfBirth);

    const account = await selfAccount(staff, patient.id);
    await staff.gql(`mutation Force($input: ForcePortalPasswordChangeInput!) { forcePortalPasswordChange(input: $input) { userErrors { code } } }`, {
      input: { accountId: account.id },
    });
    await page.goto("/portal/");
    await page.getByRole("heading", { name: "Change your password" }).waitFor();
    await page.getByText("Your clinic asks you to choose a new password").waitFor();
    await expectAccessible(page, "forced password change");
    await screenshot(page, "portal-change-password");
    await page.getByLabel(/^Current password/).fill(PASSWORD);
    await page.getByLabel(/^New password/).fill(`${PASSWORD} again`);
    await page.getByLabel(/^Confirm new password/).fill(`${PASSWORD} again`);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "My profiles" }).waitFor();
  });

  it("a forgotten password is reset through the emailed link", async () => {
    const { patient, link } = await invite("en");
    const { page } = await open("en-US");
    await acceptInvite(page, link, patient.dateOfBirth);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel(/^Email/).fill(patient.email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByRole("status").filter({ hasText: "a link is on its way" }).waitFor();

    const email = await latestEmailTo(patient.email, (e) => e.links.some((l) => l.includes("/portal/reset/")));
    await page.goto(portalLink(email, "reset"));
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await page.getByLabel(/^New password/).fill(`${PASSWORD} reset`);
    await page.getByLabel(/^Confirm new password/).fill(`${PASSWORD} reset`);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByRole("heading", { name: "My profiles" }).waitFor();
  });

  it("the reset page is accessible and refuses an unknown link", async () => {
    const { page } = await open("en-US");
    await page.goto("/portal/reset/not-a-real-token-000000000000");
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await expectAccessible(page, "reset password");
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByLabel(/^Confirm new password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByRole("link", { name: "Request a new link" }).waitFor();
  });
});
