import type { Page } from "playwright-core";

/** The password the journeys' patients choose when they accept an invite. */
export const PORTAL_PASSWORD = "a long and memorable passphrase";

export interface InviteFormLabels {
  dob: RegExp;
  password: RegExp;
  confirm: RegExp;
  submit: string;
}

export const INVITE_FORM_EN: InviteFormLabels = {
  dob: /^Date of birth/,
  password: /^New password/,
  confirm: /^Confirm new password/,
  submit: "Create my account",
};

export const INVITE_FORM_FR: InviteFormLabels = {
  dob: /^Date de naissance/,
  password: /^Nouveau mot de passe/,
  confirm: /^Confirmez le nouveau mot de passe/,
  submit: "Créer mon compte",
};

/** Fills the accept-invite form (date of birth, password twice) and submits it. */
export async function fillInvite(page: Page, labels: InviteFormLabels, dob: string, password = PORTAL_PASSWORD): Promise<void> {
  await page.getByLabel(labels.dob).fill(dob);
  await page.getByLabel(labels.password).fill(password);
  await page.getByLabel(labels.confirm).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

/**
 * A patient opens the invite link (English: the browser's language), gives the right date of birth and
 * a password, and lands on their profiles — in the account's preferred language once signed in.
 */
export async function acceptInvite(page: Page, link: string, dateOfBirth: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { name: "Set up your portal account" }).waitFor();
  await fillInvite(page, INVITE_FORM_EN, dateOfBirth);
  await page.getByRole("heading", { name: /^(My profiles|Mes profils)$/ }).waitFor();
}
