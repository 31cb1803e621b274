import { Language, UserErrorCode } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import type { EmailQueue } from "../../email/email-queue";
import { EMAIL_PLACEHOLDERS, EmailKind, placeholdersOf } from "../../email/email.types";
import { placeholdersIn, render, type TemplateParts } from "../../email/render";
import { defaultTemplate } from "../../email/templates";
import { UserFacingError } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { signInPath } from "../invites/portal-tokens";
import { STAFF_INVITE_TTL_HOURS, staffInvitePath } from "../staff/staff-tokens";
import { StaffUser } from "../staff/staff-user.entity";
import { EmailTemplate } from "./email-template.entity";

export const MAX_SUBJECT_LENGTH = 255;
// utf8mb4 TEXT holds 65,535 bytes: 16,000 characters fit whatever the script.
export const MAX_BODY_LENGTH = 16_000;

export interface EmailTemplateView extends TemplateParts {
  kind: EmailKind;
  language: Language;
  isCustomized: boolean;
  placeholders: string[];
  updatedAt: Date | null;
}

/** Secret placeholders a kind cannot do without: an invite without its link is useless. */
function requiredPlaceholders(kind: EmailKind): string[] {
  return [...EMAIL_PLACEHOLDERS[kind].secrets];
}

const fail = (code: UserErrorCode, message: string, field: string): never => {
  throw new UserFacingError(code, message, field);
};

/** Rule 13: each organization words each kind of email in each language, with good defaults. */
export class EmailTemplateService {
  constructor(
    private readonly emailQueue: EmailQueue,
    private readonly publicUrl: string,
  ) {}

  async list(scope: OrgScope): Promise<EmailTemplateView[]> {
    const own = await scope.find(EmailTemplate);
    const views: EmailTemplateView[] = [];
    for (const kind of Object.values(EmailKind)) {
      for (const language of Object.values(Language)) {
        views.push(this.view(kind, language, own.find((t) => t.kind === kind && t.language === language) ?? null));
      }
    }
    return views;
  }

  async get(scope: OrgScope, kind: EmailKind, language: Language): Promise<EmailTemplateView> {
    return this.view(kind, language, await scope.findOneBy(EmailTemplate, { kind, language }));
  }

  async update(scope: OrgScope, input: { kind: EmailKind; language: Language } & TemplateParts): Promise<{ emailTemplate: EmailTemplateView }> {
    const parts = this.validate(input.kind, input);
    return scope.transaction(async (tx) => {
      const existing = await tx.findOneForUpdate(EmailTemplate, { kind: input.kind, language: input.language });
      const row = existing ?? tx.build(EmailTemplate, { kind: input.kind, language: input.language });
      Object.assign(row, parts, { updatedByStaffId: tx.actor.staffId });
      await tx.save(EmailTemplate, row);
      await audit(tx, { action: "email_template.updated", targetType: "EmailTemplate", targetId: `${input.kind}:${input.language}`, after: { customized: true } });
      return { emailTemplate: this.view(input.kind, input.language, row) };
    });
  }

  /** Back to the built-in wording (deletes the organization's own). */
  async reset(scope: OrgScope, input: { kind: EmailKind; language: Language }): Promise<{ emailTemplate: EmailTemplateView }> {
    return scope.transaction(async (tx) => {
      const existing = await tx.findOneForUpdate(EmailTemplate, { kind: input.kind, language: input.language });
      if (existing) {
        await tx.delete(EmailTemplate, { id: existing.id });
        await audit(tx, { action: "email_template.reset", targetType: "EmailTemplate", targetId: `${input.kind}:${input.language}`, before: { customized: true }, after: { customized: false } });
      }
      return { emailTemplate: this.view(input.kind, input.language, null) };
    });
  }

  /** Renders the given draft (or the template in force) with sample values; nothing is saved. */
  async preview(scope: OrgScope, input: { kind: EmailKind; language: Language } & Partial<TemplateParts>): Promise<TemplateParts> {
    const current = await this.get(scope, input.kind, input.language);
    const draft = this.validate(input.kind, {
      subject: input.subject ?? current.subject,
      html: input.html ?? current.html,
      text: input.text ?? current.text,
    });
    return render(draft, await this.sampleValues(scope, input.kind, input.language));
  }

  /** "Send me a sample" (seed 003): the template in force, with sample values, to the staff member's own address. */
  async sendSample(scope: OrgScope, input: { kind: EmailKind; language: Language }): Promise<{ to: string }> {
    return scope.transaction(async (tx) => {
      const staff = tx.actor.staffId ? await tx.findOneBy(StaffUser, { id: tx.actor.staffId }) : null;
      if (!staff) fail(UserErrorCode.NOT_FOUND, "Only a signed-in staff member can receive a sample.", "kind");
      const values = await this.sampleValues(tx, input.kind, input.language, staff!.name);
      const secretNames = EMAIL_PLACEHOLDERS[input.kind].secrets;
      const secrets = Object.fromEntries(secretNames.map((n) => [n, values[n]]));
      const variables = Object.fromEntries(Object.entries(values).filter(([n]) => !secretNames.includes(n)));
      await this.emailQueue.queue(tx, { kind: input.kind, to: staff!.email, language: input.language, variables, secrets });
      await audit(tx, { action: "email_template.sample_sent", targetType: "EmailTemplate", targetId: `${input.kind}:${input.language}` });
      return { to: staff!.email };
    });
  }

  private async sampleValues(scope: OrgScope, kind: EmailKind, language: Language, recipientName?: string): Promise<Record<string, string>> {
    const org = await scope.organization();
    const fr = language === Language.FR;
    const values: Record<string, string> = {
      recipientName: recipientName ?? (fr ? "Camille Martin" : "Alex Martin"),
      organizationName: org.name,
      portalUrl: `${this.publicUrl}/portal`,
      signInUrl: `${this.publicUrl}${signInPath}`,
      patientName: fr ? "Léa Martin" : "Sam Martin",
      expiresInDays: String(Math.max(1, Math.round(org.inviteLinkTtlHours / 24))),
      expiresInHours: kind === EmailKind.STAFF_INVITE ? String(STAFF_INVITE_TTL_HOURS) : "24",
      // Samples carry links that lead nowhere, so a forwarded sample opens no account.
      link:
        kind === EmailKind.STAFF_INVITE
          ? `${this.publicUrl}${staffInvitePath("SAMPLE-LINK-NOT-VALID")}`
          : `${this.publicUrl}/portal/${kind.startsWith("INVITE") ? "invite" : kind === EmailKind.LOGIN_EMAIL_CONFIRM ? "confirm-email" : "reset"}/SAMPLE-LINK-NOT-VALID`,
      temporaryPassword: "Sample-Password-0000",
      code: "000000",
      expiresInMinutes: "10",
      // Access over time (rules 20, 21): a parent's proxy and the day it changes.
      proxyName: fr ? "Julie Martin" : "Jordan Martin",
      changeDate: "2027-03-14",
      changeDescription: fr ? "prendra fin" : "will end",
      patientUrl: `${this.publicUrl}/admin/patients/SAMPLE/portal`,
    };
    const allowed = new Set(placeholdersOf(kind));
    return Object.fromEntries(Object.entries(values).filter(([n]) => allowed.has(n)));
  }

  private validate(kind: EmailKind, parts: TemplateParts): TemplateParts {
    const subject = parts.subject.trim();
    if (!subject) fail(UserErrorCode.INVALID_INPUT, "The subject cannot be empty.", "subject");
    if (subject.length > MAX_SUBJECT_LENGTH) fail(UserErrorCode.INVALID_INPUT, `The subject is limited to ${MAX_SUBJECT_LENGTH} characters.`, "subject");
    if (/[\r\n]/.test(subject)) fail(UserErrorCode.INVALID_INPUT, "The subject must be on one line.", "subject");
    for (const field of ["html", "text"] as const) {
      if (!parts[field].trim()) fail(UserErrorCode.INVALID_INPUT, `The ${field === "html" ? "HTML" : "text"} version cannot be empty.`, field);
      if (parts[field].length > MAX_BODY_LENGTH) fail(UserErrorCode.INVALID_INPUT, `The ${field === "html" ? "HTML" : "text"} version is limited to ${MAX_BODY_LENGTH} characters.`, field);
    }
    const allowed = new Set(placeholdersOf(kind));
    for (const field of ["subject", "html", "text"] as const) {
      const unknown = placeholdersIn(parts[field]).filter((n) => !allowed.has(n));
      if (unknown.length) {
        fail(UserErrorCode.UNKNOWN_PLACEHOLDER, `Unknown placeholder {{${unknown[0]}}}; this email can use ${[...allowed].map((n) => `{{${n}}}`).join(", ")}.`, field);
      }
      // Secrets never go in the subject: subjects show in inbox lists and notifications.
      const secretInSubject = field === "subject" && placeholdersIn(parts.subject).find((n) => EMAIL_PLACEHOLDERS[kind].secrets.includes(n));
      if (secretInSubject) fail(UserErrorCode.INVALID_INPUT, `{{${secretInSubject}}} cannot appear in the subject.`, "subject");
    }
    for (const field of ["html", "text"] as const) {
      const missing = requiredPlaceholders(kind).filter((n) => !placeholdersIn(parts[field]).includes(n));
      if (missing.length) fail(UserErrorCode.MISSING_PLACEHOLDER, `This email must contain {{${missing[0]}}}.`, field);
    }
    return { subject, html: parts.html, text: parts.text };
  }

  private view(kind: EmailKind, language: Language, own: EmailTemplate | null): EmailTemplateView {
    const parts = own ? { subject: own.subject, html: own.html, text: own.text } : defaultTemplate(kind, language);
    return { kind, language, ...parts, isCustomized: own !== null, placeholders: placeholdersOf(kind), updatedAt: own?.updatedAt ?? null };
  }
}
