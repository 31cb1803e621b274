import { EmailKind } from "../email.types";
import type { TemplateParts } from "../render";
import { layout } from "./layout";

const ignore = "If you were not expecting this email, you can ignore it.";

/** Built-in English templates; an organization may override each one (email_templates). */
export const en: Record<EmailKind, TemplateParts> = {
  [EmailKind.INVITE_LINK]: {
    subject: "{{organizationName}}: your patient portal invitation",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "{{organizationName}} has invited you to its patient portal to access the profile of {{patientName}}.", "Choose your password with the button below. You will be asked to confirm the date of birth on file. This link is valid for {{expiresInDays}} days and can be used once."],
      { label: "Accept the invitation", href: "{{link}}" },
      ignore,
    ),
    text: "Hello {{recipientName}},\n\n{{organizationName}} has invited you to its patient portal to access the profile of {{patientName}}.\n\nChoose your password here (you will be asked to confirm the date of birth on file):\n{{link}}\n\nThis link is valid for {{expiresInDays}} days and can be used once.\n\n" + ignore + "\n",
  },
  [EmailKind.INVITE_TEMPORARY_PASSWORD]: {
    subject: "{{organizationName}}: your patient portal account",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "{{organizationName}} has opened a patient portal account for you to access the profile of {{patientName}}.", "Your temporary password is: <strong style=\"font-family:monospace;font-size:18px\">{{temporaryPassword}}</strong>", "Sign in with this email address and the temporary password; you will then choose your own password."],
      { label: "Sign in to the portal", href: "{{signInUrl}}" },
      ignore,
    ),
    text: "Hello {{recipientName}},\n\n{{organizationName}} has opened a patient portal account for you to access the profile of {{patientName}}.\n\nYour temporary password is: {{temporaryPassword}}\n\nSign in at {{signInUrl}} with this email address and the temporary password; you will then choose your own password.\n\n" + ignore + "\n",
  },
  [EmailKind.STAFF_PASSWORD_RESET]: {
    subject: "{{organizationName}}: reset your portal password",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "The team at {{organizationName}} has started a password reset for your patient portal account.", "Choose a new password with the button below. This link is valid for {{expiresInHours}} hours and can be used once. Your current password keeps working until then."],
      { label: "Choose a new password", href: "{{link}}" },
      "If you did not ask for this, contact {{organizationName}}.",
    ),
    text: "Hello {{recipientName}},\n\nThe team at {{organizationName}} has started a password reset for your patient portal account.\n\nChoose a new password here:\n{{link}}\n\nThis link is valid for {{expiresInHours}} hours and can be used once. Your current password keeps working until then.\n\nIf you did not ask for this, contact {{organizationName}}.\n",
  },
  [EmailKind.SELF_SERVICE_RESET]: {
    subject: "{{organizationName}}: reset your portal password",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "Someone asked to reset the password of your {{organizationName}} patient portal account.", "Choose a new password with the button below. This link is valid for {{expiresInHours}} hours and can be used once."],
      { label: "Choose a new password", href: "{{link}}" },
      "If you did not ask for this, ignore this email: your password has not changed.",
    ),
    text: "Hello {{recipientName}},\n\nSomeone asked to reset the password of your {{organizationName}} patient portal account.\n\nChoose a new password here:\n{{link}}\n\nThis link is valid for {{expiresInHours}} hours and can be used once.\n\nIf you did not ask for this, ignore this email: your password has not changed.\n",
  },
  [EmailKind.ACCESS_REVOKED]: {
    subject: "{{organizationName}}: portal access removed",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "Your access to the profile of {{patientName}} in the {{organizationName}} patient portal has been removed."],
      undefined,
      "If you think this is a mistake, contact {{organizationName}}.",
    ),
    text: "Hello {{recipientName}},\n\nYour access to the profile of {{patientName}} in the {{organizationName}} patient portal has been removed.\n\nIf you think this is a mistake, contact {{organizationName}}.\n",
  },
  [EmailKind.LOGIN_EMAIL_CHANGED]: {
    subject: "{{organizationName}}: a change of your portal login email was requested",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "A change of the login email of your {{organizationName}} patient portal account was requested. It takes effect only once it is confirmed from the new address; until then, you keep signing in with this one.", "Once the change is confirmed, this address will no longer be used to sign in, and any pending invitation or password reset link sent to it will stop working."],
      undefined,
      "If you did not ask for this change, contact {{organizationName}} right away.",
    ),
    text: "Hello {{recipientName}},\n\nA change of the login email of your {{organizationName}} patient portal account was requested. It takes effect only once it is confirmed from the new address; until then, you keep signing in with this one.\n\nOnce the change is confirmed, this address will no longer be used to sign in, and any pending invitation or password reset link sent to it will stop working.\n\nIf you did not ask for this change, contact {{organizationName}} right away.\n",
  },
  [EmailKind.LOGIN_EMAIL_CONFIRM]: {
    subject: "{{organizationName}}: confirm your new portal login email",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "{{organizationName}} was asked to make this address the login email of your patient portal account.", "Confirm it with the button below. This link is valid for {{expiresInHours}} hours and can be used once. Nothing changes until you confirm."],
      { label: "Confirm my login email", href: "{{link}}" },
      "If you were not expecting this email, ignore it: the login email will not change.",
    ),
    text: "Hello {{recipientName}},\n\n{{organizationName}} was asked to make this address the login email of your patient portal account.\n\nConfirm it here:\n{{link}}\n\nThis link is valid for {{expiresInHours}} hours and can be used once. Nothing changes until you confirm.\n\nIf you were not expecting this email, ignore it: the login email will not change.\n",
  },
  [EmailKind.MFA_CODE]: {
    subject: "{{organizationName}}: your sign-in code",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "Your code to finish signing in to the {{organizationName}} patient portal is:", "<strong style=\"font-family:monospace;font-size:24px;letter-spacing:4px\">{{code}}</strong>", "It is valid for {{expiresInMinutes}} minutes and can be used once. Never share it: {{organizationName}} will never ask you for it."],
      undefined,
      "If you did not just sign in, someone may know your password: change it from your account page.",
    ),
    text: "Hello {{recipientName}},\n\nYour code to finish signing in to the {{organizationName}} patient portal is: {{code}}\n\nIt is valid for {{expiresInMinutes}} minutes and can be used once. Never share it: {{organizationName}} will never ask you for it.\n\nIf you did not just sign in, someone may know your password: change it from your account page.\n",
  },
  [EmailKind.STAFF_INVITE]: {
    subject: "{{organizationName}}: you are invited to the staff dashboard",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "{{organizationName}} has added you as a staff member of its patient portal dashboard.", "Choose your password with the button below, then sign in with this email address. This link is valid for {{expiresInHours}} hours and can be used once."],
      { label: "Choose my password", href: "{{link}}" },
      "If you were not expecting this email, ignore it and tell {{organizationName}}: no account opens without the link.",
    ),
    text: "Hello {{recipientName}},\n\n{{organizationName}} has added you as a staff member of its patient portal dashboard.\n\nChoose your password here, then sign in with this email address:\n{{link}}\n\nThis link is valid for {{expiresInHours}} hours and can be used once.\n\nIf you were not expecting this email, ignore it and tell {{organizationName}}: no account opens without the link.\n",
  },
  [EmailKind.INVITE_REMINDER]: {
    subject: "Reminder — {{organizationName}}: your patient portal invitation",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "{{organizationName}} invited you to its patient portal to access the profile of {{patientName}}, and your account is not set up yet.", "Here is a new link: choose your password with the button below. You will be asked to confirm the date of birth on file. This link is valid for {{expiresInDays}} days and can be used once; earlier invitation links no longer work."],
      { label: "Set up my account", href: "{{link}}" },
      ignore,
    ),
    text: "Hello {{recipientName}},\n\n{{organizationName}} invited you to its patient portal to access the profile of {{patientName}}, and your account is not set up yet.\n\nHere is a new link to choose your password (you will be asked to confirm the date of birth on file):\n{{link}}\n\nThis link is valid for {{expiresInDays}} days and can be used once; earlier invitation links no longer work.\n\n" + ignore + "\n",
  },
  [EmailKind.ACCESS_CHANGE_NOTICE]: {
    subject: "{{organizationName}}: portal access to {{patientName}}'s profile changes on {{changeDate}}",
    html: layout(
      "en",
      ["Hello {{recipientName}},", "Under {{organizationName}}'s rules for minors, the patient portal access of {{proxyName}} to the profile of {{patientName}} {{changeDescription}} on {{changeDate}}.", "{{patientName}} can have their own portal account; ask {{organizationName}} about it, or about continuing shared access with {{patientName}}'s consent."],
      undefined,
      "If you have questions, contact {{organizationName}}.",
    ),
    text: "Hello {{recipientName}},\n\nUnder {{organizationName}}'s rules for minors, the patient portal access of {{proxyName}} to the profile of {{patientName}} {{changeDescription}} on {{changeDate}}.\n\n{{patientName}} can have their own portal account; ask {{organizationName}} about it, or about continuing shared access with {{patientName}}'s consent.\n\nIf you have questions, contact {{organizationName}}.\n",
  },
  [EmailKind.PROXY_END_REMINDER]: {
    subject: "{{organizationName}}: proxy access of {{proxyName}} ends on {{changeDate}}",
    html: layout(
      "en",
      ["Hello,", "The proxy access of {{proxyName}} to the profile of {{patientName}} ends on {{changeDate}}, the end date recorded when it was authorized.", "If the document it rests on was renewed, renew the access from the patient's Portal tab before that day; otherwise it ends by itself."],
      { label: "Open the Portal tab", href: "{{patientUrl}}" },
      "You receive this because you manage portal access at {{organizationName}}.",
    ),
    text: "Hello,\n\nThe proxy access of {{proxyName}} to the profile of {{patientName}} ends on {{changeDate}}, the end date recorded when it was authorized.\n\nIf the document it rests on was renewed, renew the access from the patient's Portal tab before that day; otherwise it ends by itself:\n{{patientUrl}}\n\nYou receive this because you manage portal access at {{organizationName}}.\n",
  },
};
