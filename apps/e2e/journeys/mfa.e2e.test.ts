import type { Browser } from "playwright-core";
import { generate } from "otplib";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { StaffClient } from "../src/staff";

const ADMIN = "admin@demo.clinic";
const PASSWORD = "a newcomer's long password";

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

/** A new staff member made by the demo administrator (other journeys keep signing in as the administrator without MFA). */
async function newcomer(): Promise<string> {
  const admin = await StaffClient.signIn(ADMIN);
  const { staffRoles } = await admin.gql<{ staffRoles: { id: string; name: string }[] }>(`{ staffRoles { id name } }`);
  const email = `newcomer-${Date.now().toString(36)}@demo.clinic`;
  const created = await admin.gql<{ createStaffUser: { userErrors: unknown[] } }>(
    `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { code field message } } }`,
    { input: { email, name: "Nora Newcomer", password: PASSWORD, staffRoleId: staffRoles[0].id } },
  );
  expect(created.createStaffUser.userErrors).toEqual([]);
  return email;
}

/** The code an authenticator app would show `stepsAhead` 30-second steps from now. */
function totp(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

describe("two-factor sign-in", () => {
  it("a newcomer enrolls TOTP, signs out, and signs back in with a code, then with a recovery code", async () => {
    const { page, problems } = tab;
    const email = await newcomer();
    const passwordStep = async () => {
      await page.getByRole("heading", { name: "Staff sign-in" }).waitFor();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    const signOut = async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Staff sign-in" }).waitFor();
    };

    // Enroll from the account's security page.
    await page.goto("/admin/");
    await passwordStep();
    await page.getByRole("link", { name: "Two-factor sign-in" }).click();
    await page.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
    await page.getByText("Off: you sign in with your password only.").waitFor();
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    const secret = (await page.getByTestId("mfa-manual-key").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, "admin-mfa-enroll");
    await page.getByLabel("Authenticator code").fill(await totp(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByTestId("recovery-codes").getByRole("listitem").nth(9).waitFor();
    const codes = (await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await expectAccessible(page, "admin MFA recovery codes");
    await screenshot(page, "admin-mfa-recovery-codes");
    await page.getByLabel("I have saved these codes").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("On: you sign in with your password and a code from your authenticator app.").waitFor();
    await page.getByText("Unused recovery codes: 10").waitFor();

    // Back in with the password and a code of the next time step (the enrollment's step is spent).
    await signOut();
    await passwordStep();
    await page.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
    await page.getByLabel("Authenticator code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("alert").filter({ hasText: "That code is not right" }).waitFor();
    await expectAccessible(page, "admin MFA sign-in step");
    await screenshot(page, "admin-mfa-sign-in-step");
    await page.getByLabel("Authenticator code").fill(await totp(secret, 1));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    // And with a recovery code, which then counts as used.
    await signOut();
    await passwordStep();
    await page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill(codes[0]);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.goto("/admin/account/security");
    await page.getByText("Unused recovery codes: 9").waitFor();

    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
