import { Language } from "@portal/schema";
import type { EmailKind } from "../email.types";
import type { TemplateParts } from "../render";
import { en } from "./en";
import { fr } from "./fr";

const defaults: Record<Language, Record<EmailKind, TemplateParts>> = { [Language.EN]: en, [Language.FR]: fr };

/** The built-in template of a kind in a language (English for a language without its own set). */
export function defaultTemplate(kind: EmailKind, language: string): TemplateParts {
  return (defaults[language as Language] ?? en)[kind];
}

/** What the greeting says when the caller gave no name. */
export function anonymousRecipient(language: string): string {
  return language === Language.FR ? "Madame, Monsieur" : "there";
}
