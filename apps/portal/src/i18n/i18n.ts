import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { fr } from "./fr";
import { mfaMessages } from "../features/account/mfa.i18n";

export const LANGUAGES = ["en", "fr"] as const;
export type PortalLanguage = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "portal.language";

function isLanguage(value: unknown): value is PortalLanguage {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A `?lang=fr` link wins (emails in French link with it), then the remembered choice, then the browser. */
export function initialLanguage(): PortalLanguage {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, strict settings); the browser language still applies.
  }
  const browser = (navigator.language || "en").slice(0, 2);
  return isLanguage(browser) ? browser : "en";
}

/** The language this browser's user chose with the switch, if any (a choice wins over the account's). */
export function rememberedLanguage(): PortalLanguage | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The portal language of an account's preference (the API's EN / FR), if the portal speaks it. */
export function accountLanguage(language: string | null | undefined): PortalLanguage | null {
  const lower = language?.toLowerCase();
  return isLanguage(lower) ? lower : null;
}

export function rememberLanguage(language: PortalLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
}

/** One i18next instance per app (or per test), so tests never share a language. */
export function createI18n(language: PortalLanguage = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  // Two-step sign-in's texts live with that feature; merged in (deeply: they add error codes too).
  for (const lng of LANGUAGES) instance.addResourceBundle(lng, "translation", mfaMessages[lng], true, false);
  // Screen readers and the browser's spell-checking follow <html lang>.
  const setLang = (lng: string) => document.documentElement.setAttribute("lang", lng);
  setLang(language);
  instance.on("languageChanged", setLang);
  return instance;
}
