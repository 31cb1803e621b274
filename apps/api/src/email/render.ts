/**
 * `{{name}}` templates. Every value is HTML-escaped in the HTML part and kept as plain text in the
 * subject and text parts; a value never introduces markup, and a subject never spans lines.
 */
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Placeholder names used in a template source, in order of first use. */
export function placeholdersIn(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(PLACEHOLDER)) names.add(m[1]);
  return [...names];
}

type Mode = "subject" | "html" | "text";

/** Replaces each placeholder with `value(name, mode)`; the function decides escaping. */
export function renderWith(parts: TemplateParts, value: (name: string, mode: Mode) => string): TemplateParts {
  const one = (source: string, mode: Mode) => source.replace(PLACEHOLDER, (_m, name: string) => value(name, mode));
  return { subject: one(parts.subject, "subject"), html: one(parts.html, "html"), text: one(parts.text, "text") };
}

/** Renders with concrete values (unknown names become empty). */
export function render(parts: TemplateParts, values: Record<string, string>): TemplateParts {
  return renderWith(parts, (name, mode) => {
    const v = values[name] ?? "";
    if (mode === "html") return escapeHtml(v);
    if (mode === "subject") return v.replace(/[\r\n]+/g, " ");
    return v;
  });
}

/**
 * Renders for a Mailgun batch: each placeholder becomes `%recipient.<name>%` (or `<name>_html` in
 * the HTML part), and `recipientValues` gives, per recipient, the values Mailgun substitutes —
 * already escaped for the part they go into, since Mailgun substitutes verbatim.
 */
export function renderForBatch(parts: TemplateParts): TemplateParts {
  return renderWith(parts, (name, mode) => `%recipient.${mode === "html" ? `${name}_html` : mode === "subject" ? `${name}_subject` : name}%`);
}

export function recipientValues(parts: TemplateParts, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of placeholdersIn(parts.subject)) out[`${name}_subject`] = (values[name] ?? "").replace(/[\r\n]+/g, " ");
  for (const name of placeholdersIn(parts.html)) out[`${name}_html`] = escapeHtml(values[name] ?? "");
  for (const name of placeholdersIn(parts.text)) out[name] = values[name] ?? "";
  return out;
}

/** Mailgun's batch substitution: `%recipient.key%` from the recipient's variables, `%recipient%` = address; unknown keys stay verbatim. */
export function substituteRecipientVariables(source: string, address: string, vars: Record<string, unknown>): string {
  return source.replace(/%recipient(?:\.([A-Za-z0-9_-]+))?%/g, (whole, key: string | undefined) => {
    if (key === undefined) return address;
    return Object.prototype.hasOwnProperty.call(vars, key) ? String(vars[key]) : whole;
  });
}
