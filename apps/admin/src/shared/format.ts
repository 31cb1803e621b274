import { useTranslation } from "react-i18next";

/** Dates and times in the staff member's chosen language (its locale conventions). */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const language = i18n.language === "fr" ? "fr" : "en";
  // The browser's regional conventions when they match the chosen language (en-US, fr-FR…).
  const browser = typeof navigator !== "undefined" ? navigator.language : "";
  const locale = browser.toLowerCase().startsWith(language) ? browser : `${language}-CA`;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return {
    locale,
    /** An instant (ISO string) as a local date and time, or "Never". */
    dateTime: (iso: string | null | undefined, empty = t("app.never")) => (iso ? dateTime.format(new Date(iso)) : empty),
    /** A calendar date (YYYY-MM-DD, no time zone) as written in the locale. */
    day: (ymd: string | null | undefined, empty = t("app.none")) => {
      if (!ymd) return empty;
      const [y, m, d] = ymd.split("-").map(Number);
      return date.format(new Date(y, m - 1, d));
    },
    /** An instant soon to come: its time alone when it is today ("14:05"), else date and time. */
    clock: (iso: string) => {
      const at = new Date(iso);
      return at.toDateString() === new Date().toDateString() ? new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(at) : dateTime.format(at);
    },
    /** An instant as its local date only (compact, for grid columns). */
    instantDay: (iso: string | null | undefined, empty = t("app.never")) => (iso ? date.format(new Date(iso)) : empty),
    number: (n: number) => n.toLocaleString(locale),
    percent: (ratio: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio),
  };
}
