import type { TFunction } from "i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@portal/schema";

/** A user error's sentence in the page's language: translated by code, the server's English as a last resort. */
export function errorMessage(t: TFunction, code: string, serverMessage?: string): string {
  const key = `errors.${code}`;
  const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  if (t(key, { ...params, defaultValue: "" })) return t(key, params);
  return serverMessage ?? t("errors.generic");
}

export interface UserErrorLike {
  code: string;
  field?: string | null;
  message: string;
}

/** Splits userErrors into messages per input field and the rest (shown above the form). */
export function splitUserErrors(t: TFunction, errors: readonly UserErrorLike[], fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    const field = e.field && fields.includes(e.field) ? e.field : null;
    if (field) byField[field] = errorMessage(t, e.code, e.message);
    else general.push(errorMessage(t, e.code, e.message));
  }
  return { byField, general };
}
