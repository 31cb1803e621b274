import { EMAIL_PROBLEM_MESSAGES, emailProblem, type EmailProblem, UserErrorCode } from "@portal/schema";
import type { UserErrorLike } from "./user-errors";

/**
 * The shared email rule (packages/schema) checked before a form is sent: the same INVALID_EMAIL
 * user error, with the same message, that the API would answer. Null when the address may be sent
 * (an empty field is left to the form's own "required" handling).
 */
export function emailUserError(value: string | null | undefined, field = "email"): UserErrorLike | null {
  const problem = value?.trim() ? emailProblem(value) : null;
  return problem ? { code: UserErrorCode.INVALID_EMAIL, field, message: EMAIL_PROBLEM_MESSAGES.en[problem] } : null;
}

/** Which problem an API message names, so the admin shows it in the staff member's language. */
export function emailProblemOf(message: string): EmailProblem | null {
  const found = (Object.entries(EMAIL_PROBLEM_MESSAGES.en) as [EmailProblem, string][]).find(([, text]) => text === message);
  return found ? found[0] : null;
}
