import type { TFunction } from "i18next";
import { UserErrorCode } from "@portal/schema";
import { emailProblemOf } from "./email-problem";

export interface UserErrorLike {
  code: string;
  field?: string | null;
  message: string;
}

/**
 * A user error in the staff member's language. The code decides the text; the server's English
 * message is the fallback for a code this build does not know yet.
 */
export function userErrorMessage(t: TFunction, error: UserErrorLike): string {
  // An invalid email says which rule it broke (trailing dot, quotes, invisible character…).
  const emailProblem = error.code === UserErrorCode.INVALID_EMAIL ? emailProblemOf(error.message) : null;
  if (emailProblem) return t(`emailProblem.${emailProblem}`);
  const known = (Object.values(UserErrorCode) as string[]).includes(error.code);
  return known ? t(`errors.${error.code}`, { defaultValue: error.message }) : error.message;
}

/** Splits user errors into those shown at a form field and those shown above the form. */
export function splitUserErrors(t: TFunction, errors: readonly UserErrorLike[] | null | undefined, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    const text = userErrorMessage(t, error);
    if (error.field && fields.includes(error.field) && !byField[error.field]) byField[error.field] = text;
    else general.push(text);
  }
  return { byField, general };
}

/** Text of a thrown (not user) error: network or server failure. */
export function failureMessage(t: TFunction, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/fetch|network/i.test(message)) return t("errors.network");
  return t("errors.unexpected");
}
