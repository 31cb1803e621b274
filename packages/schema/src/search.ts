/**
 * How staff search for a person: names compared without accents or case, and a date of birth typed
 * the way a clinic writes it. Pure functions shared by the API (which searches) and the admin (which
 * can say what a search will look for).
 */

/** Letters that Unicode decomposition does not split into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** The longest folded name stored; a folded name can be longer than its original (ß → ss). */
export const FOLDED_NAME_MAX_LENGTH = 200;

/**
 * A name or search term folded for comparison: lower case, accents and other combining marks
 * removed, ligatures spelled out, runs of spaces collapsed. "Côté" and "COTE" fold to "cote";
 * "Œuvray" to "oeuvray". Stored beside each name so that a prefix search stays an index range scan.
 */
export function foldSearchText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, FOLDED_NAME_MAX_LENGTH);
}

/** Month names and their abbreviations, English and French, folded (no accents, no dot). */
const MONTHS: Record<string, number> = {};
(
  [
    ["january", "jan", "janvier", "janv"],
    ["february", "feb", "fevrier", "fevr", "fev"],
    ["march", "mar", "mars"],
    ["april", "apr", "avril", "avr"],
    ["may", "mai"],
    ["june", "jun", "juin"],
    ["july", "jul", "juillet", "juil"],
    ["august", "aug", "aout"],
    ["september", "sep", "sept", "septembre"],
    ["october", "oct", "octobre"],
    ["november", "nov", "novembre"],
    ["december", "dec", "decembre"],
  ] as const
).forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar dates (YYYY-MM-DD) a typed search may mean, or none when it is not a date. Accepted:
 * ISO (1960-09-21, 1960/09/21), day first with dots (21.09.1960), numbers with slashes or dashes
 * (21/09/1960 is read day first in French, 09/21/1960 month first in English; without a language,
 * or when only one reading is a real date, every real reading), and the admin's display with a
 * month name in English or French ("Sep 21, 1960", "21 sept. 1960", "21 septembre 1960").
 * Four-digit years only: "21/09/60" is not a date.
 */
export function parseTypedDate(text: string, language?: "EN" | "FR" | null): string[] {
  const t = foldSearchText(text);
  const out = (...dates: (string | null)[]) => [...new Set(dates.filter((d): d is string => d !== null))];
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return out(isoOf(+m[1], +m[2], +m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return out(isoOf(+m[3], +m[2], +m[1]));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    const dayFirst = isoOf(y, b, a);
    const monthFirst = isoOf(y, a, b);
    if (!dayFirst || !monthFirst) return out(dayFirst, monthFirst);
    if (language === "FR") return out(dayFirst);
    if (language === "EN") return out(monthFirst);
    return out(dayFirst, monthFirst);
  }
  // "sep 21, 1960" / "september 21 1960"
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]]) return out(isoOf(+m[3], MONTHS[m[1]], +m[2]));
  // "21 sept. 1960" / "21 septembre 1960" / "1er mai 1960"
  m = /^(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})$/.exec(t);
  if (m && MONTHS[m[2]]) return out(isoOf(+m[3], MONTHS[m[2]], +m[1]));
  return [];
}
