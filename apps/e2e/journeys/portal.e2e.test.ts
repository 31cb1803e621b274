import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { baseUrl } from "../src/env";
import { latestEmailTo, portalLink } from "../src/mailbox";
import { enableAndInvite, findInvitablePatient } from "../src/patients";
import { StaffClient } from "../src/staff";

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

describe("one server", () => {
  it("sends / to the admin and serves the portal's pages from the API", async () => {
    const root = await fetch(`${baseUrl()}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/admin/");
    const page = await fetch(`${baseUrl()}/portal/invite/some-token`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});

describe("portal pages", () => {
  it("sign-in renders under the production CSP, without console errors, and is accessible", async () => {
    const { page, problems } = tab;
    await page.goto("/portal/sign-in");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(page, "portal sign-in");
    expect(problems).toEqual([]);
  });

  it("forgot-password is accessible and switches to French", async () => {
    const { page, problems } = tab;
    await page.goto("/portal/forgot-password");
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await expectAccessible(page, "portal forgot password");
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Réinitialiser votre mot de passe" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expectAccessible(page, "portal forgot password (fr)");
    // Remembered across visits.
    await page.goto("/portal/sign-in");
    await page.getByRole("heading", { name: "Connexion" }).waitFor();
    expect(problems).toEqual([]);
  });

  it("an unknown portal path says so", async () => {
    const { page } = tab;
    await page.goto("/portal/no-such-page");
    await page.getByRole("heading", { name: "This page does not exist." }).waitFor();
    await expectAccessible(page, "portal not found");
  });
});

describe("the invite email", () => {
  it("carries a portal link that opens the accept page", async () => {
    const staff = await StaffClient.signIn("frontdesk@demo.clinic");
    const patient = await findInvitablePatient(staff);
    await enableAndInvite(staff, patient.id);
    const email = await latestEmailTo(patient.email, (e) => e.links.some((l) => l.includes("/portal/invite/")));
    const link = portalLink(email, "invite");
    expect(link).toMatch(/^\/portal\/invite\/[A-Za-z0-9_-]{20,}/);

    const { page, problems } = tab;
    await page.goto(link);
    await page.getByRole("heading", { name: "Set up your portal account" }).waitFor();
    await expectAccessible(page, "portal accept invite");
    await screenshot(page, "portal-accept-invite");
    expect(problems).toEqual([]);
  });
});
