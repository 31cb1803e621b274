import { registerEnumType } from "type-graphql";
import { normalizeEmail, UserErrorCode } from "@portal/schema";
import { fail } from "../../graphql/user-error";

/**
 * What an edit of a contact's email did to the portal login of a contact holding access (SPEC rules
 * 14 and 18). The email on file is the record's; the login is the account's. An edit of the record
 * never moves a login by itself: it asks the new address to confirm, as a staff login-email change does.
 */
export enum ContactLoginEmailChange {
  /** The new address was sent a confirmation link and the login's owner was told; the login changes once it is confirmed. */
  REQUESTED = "REQUESTED",
  /** The email was set back to the login: the change awaiting confirmation was withdrawn. */
  CANCELLED = "CANCELLED",
  /** The caller may not manage portal access: the email on file changed, the login stays as it is. */
  KEPT = "KEPT",
}

registerEnumType(ContactLoginEmailChange, {
  name: "ContactLoginEmailChange",
  description: "What an edit of a contact's email did to the portal login of a contact holding access (rules 14 and 18).",
  valuesConfig: {
    REQUESTED: { description: "The new address was sent a confirmation link and the login's owner was told; the login changes once it is confirmed." },
    CANCELLED: { description: "The email was set back to the login: the change awaiting confirmation was withdrawn." },
    KEPT: { description: "The caller may not manage portal access: the email on file changed, the login stays as it is." },
  },
});

/** What to do about the login when a contact's email on file changes. */
export type ContactEmailDecision = { kind: "none" } | { kind: "keep" } | { kind: "login"; email: string };

/**
 * Decides, without the database, what an edit of a contact's email means for its portal login.
 * `typed` is the edited email (undefined: not edited, null: cleared); `login` the account of the
 * contact's grant (active or suspended), if any.
 */
export function decideContactEmailChange(input: {
  onFile: string | null;
  typed: string | null | undefined;
  login: { email: string; emailNormalized: string; pendingLoginEmail: string | null } | null;
  mayChangeLogin: boolean;
}): ContactEmailDecision {
  const { onFile, typed, login, mayChangeLogin } = input;
  if (typed === undefined || !login) return { kind: "none" };
  const before = onFile ? normalizeEmail(onFile) : null;
  const after = typed ? normalizeEmail(typed) : null;
  if (after === before) return { kind: "none" };
  // Rule 1: a person holding access has an address; the login cannot be left without its record's.
  if (after === null) {
    fail(UserErrorCode.MISSING_EMAIL, `This contact signs in to the portal as ${login.email}: remove their portal access before clearing the email.`, "email");
  }
  if (after === login.emailNormalized) return mayChangeLogin && login.pendingLoginEmail ? { kind: "login", email: typed! } : { kind: "none" };
  return mayChangeLogin ? { kind: "login", email: typed! } : { kind: "keep" };
}

const PHONE = /^\+?[(0-9][0-9 ().\-/]*(?:\s*(?:x|ext\.?|poste)\s*[0-9]{1,6})?$/i;

/** The phone rule: digits with the usual separators and an optional extension; null when fine. */
export function phoneProblem(phone: string): string | null {
  const digits = phone.replace(/\D/g, "").length;
  if (phone.length > 32 || !PHONE.test(phone) || digits < 4 || digits > 20) {
    return "Enter a phone number: digits, spaces, +, -, parentheses and an optional extension (ext. 123).";
  }
  return null;
}
