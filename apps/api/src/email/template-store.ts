import { In, type EntityManager } from "typeorm";
import { EmailTemplate } from "../modules/email-templates/email-template.entity";
import type { EmailKind } from "./email.types";
import type { TemplateParts } from "./render";
import { defaultTemplate } from "./templates";

export const templateKey = (organizationId: number, kind: string, language: string) => `${organizationId}|${kind}|${language}`;

/** The templates in force for these (organization, kind, language) triples: the organization's own, else the built-in one. */
export async function loadTemplates(
  manager: EntityManager,
  wanted: { organizationId: number; kind: string; language: string }[],
): Promise<Map<string, TemplateParts>> {
  const out = new Map<string, TemplateParts>();
  if (wanted.length === 0) return out;
  const overrides = await manager.find(EmailTemplate, {
    where: { organizationId: In([...new Set(wanted.map((w) => w.organizationId))]), kind: In([...new Set(wanted.map((w) => w.kind))]) },
  });
  const byKey = new Map(overrides.map((t) => [templateKey(t.organizationId, t.kind, t.language), t]));
  for (const w of wanted) {
    const key = templateKey(w.organizationId, w.kind, w.language);
    const own = byKey.get(key);
    out.set(key, own ? { subject: own.subject, html: own.html, text: own.text } : defaultTemplate(w.kind as EmailKind, w.language));
  }
  return out;
}
