import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { latestEmailTo } from "../src/mailbox";
import { findInvitablePatient, patientStatus } from "../src/patients";
import { DEMO_PASSWORD, signInAsStaff, StaffClient } from "../src/staff";

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

/** Polls until `check` holds (the grid keeps the previous page on screen while the next one loads). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The grid row of the patient found by a search on their email. */
async function searchGrid(page: Page, email: string, searchLabel = "Search") {
  await page.getByRole("searchbox", { name: searchLabel }).fill(email);
  await page.getByRole("row").filter({ hasText: email }).first().waitFor();
  return page.getByRole("row").filter({ hasText: email }).first();
}

/** A demo contact holding proxy access, with the patient whose record lists it. */
async function proxyGrant(staff: StaffClient) {
  const data = await staff.gql<{
    portalAccounts: {
      edges: {
        node: {
          email: string;
          grants: { accessType: string; patient: { id: string }; contact: { id: string; firstName: string; lastName: string } | null }[];
        };
      }[];
    };
  }>(
    `query Proxies { portalAccounts(first: 200) { edges { node { email grants { accessType patient { id } contact { id firstName lastName } } } } } }`,
  );
  for (const { node } of data.portalAccounts.edges) {
    const grant = node.grants.find((g) => g.accessType === "PROXY" && g.contact);
    if (grant && node.grants.length === 1) return { patientId: grant.patient.id, contact: grant.contact!, email: node.email };
  }
  throw new Error("no demo contact with proxy access");
}

describe("front desk", () => {
  it("signs in, filters red patients, enables one from its red block and sends the invite from the Action column", async () => {
    const staff = await StaffClient.signIn("frontdesk@demo.clinic");
    const patient = await findInvitablePatient(staff);
    const { page, problems } = tab;

    await page.goto("/admin/");
    await page.getByRole("heading", { name: "Staff sign-in" }).waitFor();
    await expectAccessible(page, "admin sign-in");
    await page.getByLabel("Email").fill("frontdesk@demo.clinic");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Overview" }).waitFor();

    await page.getByRole("link", { name: "Onboarding" }).click();
    await page.getByRole("heading", { name: "Onboarding" }).waitFor();
    await page.getByRole("button", { name: /^No access · / }).click();
    await page.waitForURL(/status=NO_ACCESS/);
    await page
      .getByRole("button", { name: /Enable access for/ })
      .first()
      .waitFor();
    await eventually(async () => (await page.getByRole("row").filter({ hasText: /Active|Invited|Enabled/ }).count()) === 0, "only red patients are listed");
    expect(await page.getByRole("row").filter({ hasText: "No access" }).count()).toBeGreaterThan(5);
    await expectAccessible(page, "admin onboarding grid (red)");
    await screenshot(page, "admin-onboarding-grid");

    const name = `${patient.firstName} ${patient.lastName}`;
    const row = await searchGrid(page, patient.email);
    await row.getByRole("button", { name: `Portal status: no access. Enable access for ${name}` }).click();
    await page.getByText(`Access enabled for ${name}.`).waitFor();
    // The red filter no longer matches it; show every status to find the gray row again.
    await page.getByRole("button", { name: /^All · / }).click();
    const enabled = await searchGrid(page, patient.email);
    await enabled.getByRole("button", { name: `Send invite to ${patient.email}` }).click();
    await page.getByText(`Invite sent to ${patient.email}.`).waitFor();
    expect(await patientStatus(staff, patient.id)).toBe("INVITED");
    const email = await latestEmailTo(patient.email, (e) => e.links.some((l) => l.includes("/portal/invite/")));
    expect(email.to.toLowerCase()).toBe(patient.email.toLowerCase());

    await page
      .getByRole("link", { name: `${patient.lastName}, ${patient.firstName}` })
      .first()
      .click();
    await page.getByRole("heading", { name: "Patient portal access" }).waitFor();
    await page.getByText(patient.email, { exact: true }).first().waitFor();
    await expectAccessible(page, "admin patient Portal tab");
    await screenshot(page, "admin-portal-tab");
    expect(problems).toEqual([]);
  });

  it("works the same in French, and remembers the language", async () => {
    const staff = await StaffClient.signIn("frontdesk@demo.clinic");
    const patient = await findInvitablePatient(staff);
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "frontdesk@demo.clinic");
    await page.goto("/admin/onboarding");
    await page.getByRole("heading", { name: "Onboarding" }).waitFor();
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("heading", { name: "Intégration" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    const name = `${patient.firstName} ${patient.lastName}`;
    const row = await searchGrid(page, patient.email, "Rechercher");
    await row.getByRole("button", { name: `Statut du portail : sans accès. Activer l'accès pour ${name}` }).click();
    await page.getByText(`Accès ouvert pour ${name}.`).waitFor();
    await row.getByRole("button", { name: `Envoyer l'invitation à ${patient.email}` }).click();
    await page.getByText(`Invitation envoyée à ${patient.email}.`).waitFor();
    expect(await patientStatus(staff, patient.id)).toBe("INVITED");
    await expectAccessible(page, "admin onboarding grid (fr)");
    await screenshot(page, "admin-onboarding-grid-fr");

    await page.reload();
    await page.getByRole("heading", { name: "Intégration" }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe("clinician", () => {
  it("revokes a proxy's access from the Contacts tab", async () => {
    const staff = await StaffClient.signIn("clinician@demo.clinic");
    const proxy = await proxyGrant(staff);
    const contactName = `${proxy.contact.firstName} ${proxy.contact.lastName}`;
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "clinician@demo.clinic");
    await page.goto(`/admin/patients/${proxy.patientId}/contacts`);
    const row = page.getByRole("row").filter({ hasText: contactName });
    await row.getByRole("button", { name: "Manage portal access" }).click();
    await expectAccessible(page, "admin Contacts tab");
    await screenshot(page, "admin-contacts-tab");
    await page.getByRole("button", { name: "Remove access to this patient" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove access?" });
    await dialog.getByText(`${proxy.email} will no longer see`).waitFor();
    await dialog.getByRole("button", { name: "Remove access to this patient" }).click();
    await page.getByText("Access removed.").waitFor();
    await row.getByText("No portal access").waitFor();

    const after = await staff.gql<{ patient: { contacts: { id: string; portalGrant: { id: string } | null }[] } }>(
      `query After($id: ID!) { patient(id: $id) { contacts { id portalGrant { id } } } }`,
      { id: proxy.patientId },
    );
    expect(after.patient.contacts.find((c) => c.id === proxy.contact.id)?.portalGrant).toBeNull();
    expect(problems).toEqual([]);
  });
});

describe("billing", () => {
  it("sees patients but no portal action anywhere", async () => {
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "billing@demo.clinic");
    await page.goto("/admin/");
    await page.getByRole("heading", { name: "Onboarding" }).waitFor();
    await page.getByRole("row").nth(1).waitFor();
    expect(await page.getByRole("button", { name: /Enable access/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Send invite|Resend invite|password reset/ }).count()).toBe(0);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    for (const hidden of ["Overview", "Portal users", "Settings", "Audit log"])
      expect(await page.getByRole("link", { name: hidden }).count()).toBe(0);
    await expectAccessible(page, "admin onboarding grid (billing)");

    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await page.getByRole("tab", { name: "Contacts" }).waitFor();
    expect(await page.getByRole("tab", { name: "Portal" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /portal access|Remove access|Reset password|Change role/ }).count()).toBe(0);
    await expectAccessible(page, "admin patient (billing)");
    expect(problems).toEqual([]);
  });
});

describe("every admin page", () => {
  it("has no serious accessibility violation", async () => {
    const staff = await StaffClient.signIn("admin@demo.clinic");
    const proxy = await proxyGrant(staff);
    const { page, problems } = tab;
    await signInAsStaff(tab.context, "admin@demo.clinic");
    const pages: [string, string][] = [
      ["/admin/", "Overview"],
      ["/admin/onboarding", "Onboarding"],
      [`/admin/patients/${proxy.patientId}/portal`, "Patient portal access"],
      [`/admin/patients/${proxy.patientId}/demographics`, "Save"],
      ["/admin/portal-users", "Portal users"],
      ["/admin/settings/organization", "Settings"],
      ["/admin/settings/portalRoles", "New role"],
      ["/admin/settings/staffRoles", "New role"],
      ["/admin/audit", "Audit log"],
      ["/admin/mailbox", "Dev mailbox"],
    ];
    for (const [path, marker] of pages) {
      await page.goto(path);
      await page.getByText(marker, { exact: true }).first().waitFor();
      await expectAccessible(page, path);
      if (path === "/admin/") await screenshot(page, "admin-overview");
    }
    expect(problems).toEqual([]);
  });
});
