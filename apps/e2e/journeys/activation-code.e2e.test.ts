import type { Browser } from "playwright-core";
import { expectAccessible } from "../src/axe";
import { launchBrowser, openPage, screenshot, type TrackedPage } from "../src/browser";
import { dayAfter, findInvitablePatient, patientStatus } from "../src/patients";
import { PORTAL_PASSWORD } from "../src/portal-accept";
import { signInAsStaff, StaffClient } from "../src/staff";
import { artifactPath } from "../src/artifacts";

/**
 * Rule 23, seed 004: the front desk hands an invite over in person. Staff open the activation sheet
 * from the Portal tab; the patient types its code at /portal/activate with the date of birth, sets a
 * password and is signed in.
 */
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

async function open(locale = "en-US"): Promise<TrackedPage> {
  const tab = await openPage(browser, { locale });
  tabs.push(tab);
  return tab;
}

it("staff print an activation sheet from the Portal tab; the patient activates with the code and the date of birth", async () => {
  const patient = await findInvitablePatient(staff, "en");
  // Enabled, not invited by email: the sheet is the invite.
  const enabled = await staff.gql<{ enablePortalAccess: { userErrors: { code: string }[] } }>(
    `mutation Enable($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`,
    { input: { patientId: patient.id } },
  );
  expect(enabled.enablePortalAccess.userErrors).toEqual([]);

  const desk = await open();
  await desk.page.setViewportSize({ width: 1280, height: 800 });
  await signInAsStaff(desk.context, "frontdesk@demo.clinic");
  await desk.page.goto(`/admin/patients/${patient.id}/portal`);
  await desk.page.getByRole("link", { name: "Activation sheet" }).click();
  await desk.page.getByRole("heading", { name: "Activation sheet" }).waitFor();
  await desk.page.getByText(patient.email, { exact: false }).waitFor();
  await desk.page.getByRole("button", { name: "Create the sheet" }).click();
  const codeBox = desk.page.getByTestId("activation-code");
  await codeBox.waitFor();
  const code = (await codeBox.innerText()).trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await desk.page.getByRole("img", { name: "Scan with your phone's camera" }).waitFor();
  await desk.page.getByText(`Access to the profile of ${patient.firstName} ${patient.lastName}`).waitFor();
  await expectAccessible(desk.page, "activation sheet");
  await screenshot(desk.page, "admin-activation-sheet");
  // Printed, the sheet is alone on the page.
  await desk.page.emulateMedia({ media: "print" });
  await desk.page.screenshot({ path: artifactPath("admin-activation-sheet-print.png") });
  await desk.page.emulateMedia({ media: "screen" });
  expect(await patientStatus(staff, patient.id)).toBe("INVITED");

  // The patient, on a phone.
  const phone = await open();
  await phone.page.setViewportSize({ width: 390, height: 844 });
  await phone.page.goto("/portal/activate");
  await phone.page.getByRole("heading", { name: "Activate your portal account" }).waitFor();
  await expectAccessible(phone.page, "activate");
  await phone.page.getByLabel(/^Activation code/).fill(code.toLowerCase().replace("-", " "));
  await phone.page.getByLabel(/^Date of birth/).fill(dayAfter(patient.dateOfBirth));
  await phone.page.getByLabel(/^New password/).fill(PORTAL_PASSWORD);
  await phone.page.getByLabel(/^Confirm new password/).fill(PORTAL_PASSWORD);
  await phone.page.getByRole("button", { name: "Activate my account" }).click();
  await phone.page.getByText("This date of birth does not match the one on file", { exact: false }).waitFor();
  await screenshot(phone.page, "portal-activate-phone");

  await phone.page.getByLabel(/^Date of birth/).fill(patient.dateOfBirth);
  await phone.page.getByRole("button", { name: "Activate my account" }).click();
  await phone.page.getByRole("heading", { name: "My profiles" }).waitFor();
  await phone.page.getByRole("region", { name: `${patient.firstName} ${patient.lastName}` }).waitFor();
  expect(await patientStatus(staff, patient.id)).toBe("ACTIVE");
  expect(phone.problems.filter((p) => !p.includes("401"))).toEqual([]);
  expect(desk.problems).toEqual([]);
});
