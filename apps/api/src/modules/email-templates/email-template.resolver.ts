import { IsOptional, MaxLength } from "class-validator";
import { GraphQLError } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";
import { GraphQLErrorCodes, Language, normalizeEmail } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { Connection, decodeCursor, pageSize, toConnection } from "../../graphql/connection";
import { asPayload } from "../../graphql/user-error";
import { DevMailboxMessage } from "../../email/dev-mailbox-message.entity";
import { openDevMailboxMessages } from "../../email/dev-mailbox.transport";
import { EmailKind } from "../../email/email.types";
import { Payload } from "../portal-access/portal-access.payloads";
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from "./email-template.service";

registerEnumType(EmailKind, {
  name: "EmailKind",
  description: "A kind of email the product sends; each has a template per organization and language.",
  valuesConfig: {
    INVITE_LINK: { description: "Portal invitation with a link that sets the password." },
    INVITE_TEMPORARY_PASSWORD: { description: "Portal invitation with a temporary password to change at first sign-in." },
    STAFF_PASSWORD_RESET: { description: "Password reset started by staff." },
    SELF_SERVICE_RESET: { description: "Password reset asked for by the portal user." },
    ACCESS_REVOKED: { description: "Notice that access to a patient's profile was removed." },
    LOGIN_EMAIL_CHANGED: { description: "Notice to the old address that a change of the login email was requested." },
    LOGIN_EMAIL_CONFIRM: { description: "Link to the new address that confirms a change of the login email (valid 24 hours, once)." },
    MFA_CODE: { description: "A 6-digit code that finishes a portal sign-in (two-factor sign-in by email; valid 10 minutes, once)." },
    STAFF_INVITE: { description: "Invitation of a new staff member, with a link to the admin that sets their password (valid 72 hours, once)." },
    INVITE_REMINDER: { description: "Reminder to an invited account that has not signed in yet, with a fresh invite link (rule 23)." },
    ACCESS_CHANGE_NOTICE: { description: "Notice to a parent holding proxy access and to the patient, some days before the organization's age rules limit or end that access (rule 20)." },
    PROXY_END_REMINDER: { description: "Reminder to staff, some days before a proxy's end date, with a link to renew it (rule 21)." },
  },
});

@ObjectType("EmailTemplate", {
  description: "The wording of one kind of email in one language: the organization's own, or the built-in default.",
})
class EmailTemplateType {
  @Field(() => EmailKind, { description: "Kind of email." })
  kind: EmailKind;

  @Field(() => Language, { description: "Language." })
  language: Language;

  @Field({ description: "Subject line, with {{placeholders}}." })
  subject: string;

  @Field({ description: "HTML version, with {{placeholders}} (values are HTML-escaped when rendered)." })
  html: string;

  @Field({ description: "Plain-text version, with {{placeholders}}." })
  text: string;

  @Field({ description: "True when the organization changed the built-in wording." })
  isCustomized: boolean;

  @Field(() => [String], { description: "Placeholder names this kind of email may use, e.g. recipientName, link." })
  placeholders: string[];

  @Field(() => Date, { nullable: true, description: "When the organization last changed it; null for the built-in wording." })
  updatedAt: Date | null;
}

@InputType({ description: "Which template." })
class EmailTemplateKeyInput {
  @Field(() => EmailKind, { description: "Kind of email." })
  kind: EmailKind;

  @Field(() => Language, { description: "Language." })
  language: Language;
}

@InputType({ description: "New wording of a template; placeholders must be among the kind's `placeholders`." })
class UpdateEmailTemplateInput extends EmailTemplateKeyInput {
  @Field({ description: "Subject line (one line, at most 255 characters)." })
  @MaxLength(MAX_SUBJECT_LENGTH + 100)
  subject: string;

  @Field({ description: "HTML version (at most 16,000 characters)." })
  @MaxLength(MAX_BODY_LENGTH + 1000)
  html: string;

  @Field({ description: "Plain-text version (at most 16,000 characters)." })
  @MaxLength(MAX_BODY_LENGTH + 1000)
  text: string;
}

@InputType({ description: "Restore the built-in wording of a template." })
class ResetEmailTemplateInput extends EmailTemplateKeyInput {}

@InputType({ description: "Template to send to yourself with sample values." })
class SendSampleEmailInput extends EmailTemplateKeyInput {}

@InputType({ description: "A draft to preview; omitted parts come from the template in force." })
class PreviewEmailTemplateInput extends EmailTemplateKeyInput {
  @Field(() => String, { nullable: true, description: "Draft subject." })
  @IsOptional()
  @MaxLength(MAX_SUBJECT_LENGTH + 100)
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "Draft HTML version." })
  @IsOptional()
  @MaxLength(MAX_BODY_LENGTH + 1000)
  html?: string | null;

  @Field(() => String, { nullable: true, description: "Draft plain-text version." })
  @IsOptional()
  @MaxLength(MAX_BODY_LENGTH + 1000)
  text?: string | null;
}

@ObjectType({ description: "Result of updateEmailTemplate." })
class UpdateEmailTemplatePayload extends Payload {
  @Field(() => EmailTemplateType, { nullable: true, description: "The template as saved." })
  emailTemplate?: EmailTemplateType;
}

@ObjectType({ description: "Result of resetEmailTemplate." })
class ResetEmailTemplatePayload extends Payload {
  @Field(() => EmailTemplateType, { nullable: true, description: "The built-in template now in force." })
  emailTemplate?: EmailTemplateType;
}

@ObjectType({ description: "A template rendered with sample values (sample names, a link that leads nowhere)." })
class PreviewEmailTemplatePayload extends Payload {
  @Field(() => String, { nullable: true, description: "Rendered subject." })
  subject?: string;

  @Field(() => String, { nullable: true, description: "Rendered HTML." })
  html?: string;

  @Field(() => String, { nullable: true, description: "Rendered plain text." })
  text?: string;
}

@ObjectType({ description: "Result of sendSampleEmail." })
class SendSampleEmailPayload extends Payload {
  @Field(() => String, { nullable: true, description: "The address the sample was queued to: your own." })
  to?: string;
}

const DevMailboxConnection = Connection(DevMailboxMessage, { name: "DevMailbox", description: "A page of the dev mailbox, newest first.", node: "The email.", edges: "The emails of this page." });
type DevMailboxConnection = InstanceType<typeof DevMailboxConnection>;

@ArgsType()
class DevMailboxArgs {
  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after." })
  after?: string | null;

  @Field(() => String, { nullable: true, description: "Only emails to this address (case-insensitive)." })
  @IsOptional()
  @MaxLength(254)
  to?: string | null;
}

@Resolver()
export class EmailTemplateResolver {
  @Query(() => [EmailTemplateType], {
    description: "Every kind of email in every language, with the organization's wording where it has one (rule 13).",
  })
  emailTemplates(@Ctx() ctx: Context) {
    return ctx.services.emailTemplates.list(ctx.scope());
  }

  @Query(() => PreviewEmailTemplatePayload, { description: "Render a template, or a draft of it, with sample values; nothing is saved." })
  previewEmailTemplate(@Arg("input", () => PreviewEmailTemplateInput) input: PreviewEmailTemplateInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.emailTemplates.preview(ctx.scope(), {
        kind: input.kind,
        language: input.language,
        subject: input.subject ?? undefined,
        html: input.html ?? undefined,
        text: input.text ?? undefined,
      }),
    );
  }

  @Mutation(() => UpdateEmailTemplatePayload, { description: "Change the organization's wording of one kind of email in one language." })
  updateEmailTemplate(@Arg("input", () => UpdateEmailTemplateInput) input: UpdateEmailTemplateInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.emailTemplates.update(ctx.scope(), input));
  }

  @Mutation(() => ResetEmailTemplatePayload, { description: "Go back to the built-in wording of one kind of email in one language." })
  resetEmailTemplate(@Arg("input", () => ResetEmailTemplateInput) input: ResetEmailTemplateInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.emailTemplates.reset(ctx.scope(), input));
  }

  @Mutation(() => SendSampleEmailPayload, { description: "Send the template in force, with sample values, to your own email address." })
  sendSampleEmail(@Arg("input", () => SendSampleEmailInput) input: SendSampleEmailInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.emailTemplates.sendSample(ctx.scope(), input));
  }

  @Query(() => DevMailboxConnection, {
    description:
      "Emails kept instead of sent, newest first — only while no Mailgun key is configured (the dev mailbox). With Mailgun configured it fails with the error code DEV_MAILBOX_DISABLED.",
  })
  async devMailbox(@Args(() => DevMailboxArgs) { first, after, to }: DevMailboxArgs, @Ctx() ctx: Context): Promise<DevMailboxConnection> {
    if (ctx.services.mailer.name !== "dev-mailbox") {
      throw new GraphQLError("The dev mailbox is off: emails are sent through Mailgun.", {
        extensions: { code: GraphQLErrorCodes.DEV_MAILBOX_DISABLED },
      });
    }
    const limit = pageSize(first);
    const qb = ctx
      .scope()
      .qb(DevMailboxMessage, "m")
      .orderBy("m.id", "DESC")
      .take(limit + 1);
    if (to?.trim()) qb.andWhere("LOWER(m.toAddress) = :to", { to: normalizeEmail(to) });
    if (after) qb.andWhere("m.id < :cursor", { cursor: decodeCursor(after, ["id"])[0] });
    // Sealed at rest (rule 6): opened here, for the staff member reading them, and nowhere else.
    const rows = limit === 0 ? [] : openDevMailboxMessages(ctx.services.secretBox, await qb.getMany());
    return toConnection(rows, limit, (m) => [m.id]);
  }
}
