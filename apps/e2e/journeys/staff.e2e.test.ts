import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { latestEmailTo } from "../src/mailbox";
import { signInAsStaff, StaffClient } from "../src/staff";

const ADMIN = "admin@demo.clinic";
const ADMIN_PASSWORD = "the new administrator's password";
const MEMBER_PASSWORD = "reception desk by the window";
const SCREEN = { width: 1280, height: 800 };

let browser: Browser;
const tabs: TrackedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.context.close();
});

async function newTab(): Promise<TrackedPage> {
  const tab = await openPage(browser);
  await tab.page.setViewportSize(SCREEN);
  tabs.push(tab);
  return tab;
}

/** A new administrator of the demo clinic (made by the demo one), who has never used the staff screens. */
async function newAdministrator(): Promise<string> {
  const admin = await StaffClient.signIn(ADMIN);
  const { staffRoles } = await admin.gql<{ staffRoles: { id: string; name: string }[] }>(`{ staffRoles { id name } }`);
  const email = `new-admin-${Date.now().toString(36)}@demo.clinic`;
  const created = await admin.gql<{ createStaffUser: { userErrors: unknown[] } }>(
    `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { code field message } } }`,
    {
      input: {
        email,
        name: "Ada Administrator",
        password: ADMIN_PASSWORD,
        staffRoleId: staffRoles.find((r) => r.name === "Administrator")!.id,
      },
    },
  );
  expect(created.createStaffUser.userErrors).toEqual([]);
  return email;
}

describe("staff members", () => {
  it("a new administrator invites a receptionist, who receives the email, chooses a password and signs in", async () => {
    const adminEmail = await newAdministrator();
    const memberEmail = `reception-${Date.now().toString(36)}@demo.clinic`;

    // The administrator adds the member from Settings › Staff members.
    const admin = await newTab();
    await signInAsStaff(admin.context, adminEmail, ADMIN_PASSWORD);
    await admin.page.goto("/admin/settings/staffMembers");
    await admin.page.getByRole("tab", { name: "Staff members", selected: true }).waitFor();
    await admin.page.getByRole("table", { name: "Staff members" }).getByText("Ada Administrator").waitFor();
    await admin.page.getByRole("button", { name: "Invite a member" }).click();
    const dialog = admin.page.getByRole("dialog", { name: "Invite a staff member" });
    await dialog.getByRole("textbox", { name: "Name" }).fill("Rita Reception");
    await dialog.getByRole("textbox", { name: "Email" }).fill(memberEmail);
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await admin.page.getByRole("option", { name: /^Front desk/ }).click();
    await expectAccessible(admin.page, "admin invite staff member dialog");
    await screenshot(admin.page, "admin-staff-invite-dialog");
    await dialog.getByRole("button", { name: "Send the invitation" }).click();
    await admin.page.getByText(`Invitation sent to ${memberEmail}.`).waitFor();
    const row = admin.page.getByRole("row").filter({ hasText: memberEmail });
    await row.getByText(/Invited, until/).waitFor();
    await row.getByText("Front desk").waitFor();
    await admin.page.getByRole("alert").filter({ hasText: "Invitation sent" }).getByRole("button").click();
    await expectAccessible(admin.page, "admin staff members");
    await screenshot(admin.page, "admin-staff-members");

    // Before choosing a password, the member cannot sign in at all.
    const refused = await fetch(new URL("/auth/login", admin.page.url()), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: memberEmail, password: MEMBER_PASSWORD }),
    });
    expect(refused.status).toBe(401);

    // The member's email carries a link to the admin's page.
    const email = await latestEmailTo(memberEmail, (e) => e.links.some((l) => l.includes("/admin/accept-invite/")));
    const link = new URL(email.links.find((l) => l.includes("/admin/accept-invite/"))!);
    const member = await newTab();
    await member.page.goto(link.pathname);
    await member.page.getByRole("heading", { name: "Choose your password" }).waitFor();
    await member.page.getByLabel("New password").fill(MEMBER_PASSWORD);
    await member.page.getByLabel("Repeat the password").fill(MEMBER_PASSWORD);
    await expectAccessible(member.page, "admin accept staff invitation");
    await screenshot(member.page, "admin-staff-accept-invite");
    await member.page.getByRole("button", { name: "Set my password" }).click();
    await member.page.getByRole("heading", { name: "Your password is set" }).waitFor();
    await member.page.getByText(`Sign in with ${memberEmail} and your new password.`).waitFor();
    await screenshot(member.page, "admin-staff-accept-invite-done");

    // Then signs in on the usual page and reaches what the Front desk role opens.
    await member.page.getByRole("link", { name: "Go to sign-in" }).click();
    await member.page.getByLabel("Email").fill(memberEmail);
    await member.page.getByLabel("Password").fill(MEMBER_PASSWORD);
    await member.page.getByRole("button", { name: "Sign in" }).click();
    await member.page
      .getByRole("link", { name: /Onboarding/ })
      .first()
      .waitFor();
    await member.page.getByRole("heading", { name: "Overview" }).waitFor();
    await member.page.getByText("Loading…").waitFor({ state: "detached" });
    expect(await member.page.getByRole("link", { name: /Settings/ }).count()).toBe(0);
    await screenshot(member.page, "admin-staff-member-signed-in");

    // The link works once; the administrator now sees the member as active, with a last sign-in.
    await member.page.goto(link.pathname);
    await member.page.getByLabel("New password").fill("a different password here");
    await member.page.getByLabel("Repeat the password").fill("a different password here");
    await member.page.getByRole("button", { name: "Set my password" }).click();
    await member.page
      .getByRole("alert")
      .getByText(/This invitation link is not valid/)
      .waitFor();
    // The form goes away: a used link cannot become valid, sign-in stays one click away.
    expect(await member.page.getByLabel("New password").count()).toBe(0);
    await member.page.getByRole("alert").getByRole("link", { name: "Go to sign-in" }).waitFor();
    await screenshot(member.page, "admin-staff-accept-invite-used");

    await admin.page.reload();
    await admin.page.getByRole("table", { name: "Staff members" }).waitFor();
    const active = admin.page.getByRole("row").filter({ hasText: memberEmail });
    await active.getByText("Active", { exact: true }).waitFor();
    expect(await active.getByText("Never").count()).toBe(0);
    await screenshot(admin.page, "admin-staff-members-active");

    // The same screen in French, with a member's actions open.
    await admin.page.getByRole("button", { name: /^FR/ }).click();
    await admin.page.getByRole("tab", { name: "Membres du personnel", selected: true }).waitFor();
    await admin.page.getByRole("button", { name: "Actions pour Rita Reception" }).click();
    await admin.page.getByRole("menuitem", { name: /Désactiver/ }).waitFor();
    await expectAccessible(admin.page, "admin staff members in French, actions open");
    await screenshot(admin.page, "admin-staff-members-fr-actions");
    await admin.page.keyboard.press("Escape");
    expect(admin.problems).toEqual([]);
    expect(member.problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
