import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import { EmailTemplatesSettings } from "./EmailTemplatesSettings";
import {
  EmailTemplatesDocument,
  PreviewEmailTemplateDocument,
  ResetEmailTemplateDocument,
  SendSampleEmailDocument,
  UpdateEmailTemplateDocument,
} from "./email-templates.documents";

const PLACEHOLDERS = ["recipientName", "organizationName", "link", "expiresInDays"];

function template(language: "EN" | "FR", overrides: Partial<{ subject: string; html: string; text: string; isCustomized: boolean }> = {}) {
  const fr = language === "FR";
  return {
    __typename: "EmailTemplate" as const,
    kind: "INVITE_LINK" as const,
    language,
    subject: fr ? "Votre invitation au portail de {{organizationName}}" : "Your invitation to the {{organizationName}} portal",
    html: fr
      ? '<p>Bonjour {{recipientName}}, <a href="{{link}}">acceptez</a></p>'
      : '<p>Hello {{recipientName}}, <a href="{{link}}">accept</a></p>',
    text: fr ? "Bonjour {{recipientName}}, acceptez : {{link}}" : "Hello {{recipientName}}, accept: {{link}}",
    isCustomized: false,
    placeholders: PLACEHOLDERS,
    updatedAt: null,
    ...overrides,
  };
}

const templatesMock = (
  list: (Omit<ReturnType<typeof template>, "kind"> & { kind: string })[] = [template("EN"), template("FR")],
): MockLink.MockedResponse => ({
  request: { query: EmailTemplatesDocument },
  result: { data: { emailTemplates: list } },
});

function previewMock(
  draft: { kind?: string; language: "EN" | "FR"; subject: string; html: string; text: string },
  rendered: { subject: string; html: string; text: string } | null,
  userErrors: { code: string; field: string; message: string }[] = [],
): MockLink.MockedResponse {
  return {
    request: { query: PreviewEmailTemplateDocument, variables: { input: { kind: "INVITE_LINK", ...draft } } },
    result: {
      data: {
        previewEmailTemplate: {
          __typename: "PreviewEmailTemplatePayload",
          subject: rendered?.subject ?? null,
          html: rendered?.html ?? null,
          text: rendered?.text ?? null,
          userErrors: userErrors.map((e) => ({ __typename: "UserError" as const, ...e })),
        },
      },
    },
  };
}

const en = template("EN");
const fr = template("FR");
const renderedEn = {
  subject: "Your invitation to the Demo Clinic portal",
  html: '<p>Hello Alex Martin, <a href="http://x/portal/invite/SAMPLE">accept</a></p>',
  text: "Hello Alex Martin, accept: http://x/portal/invite/SAMPLE",
};

describe("EmailTemplatesSettings", () => {
  it("renders the template in force, then previews the draft as it is edited, in a sandboxed frame", async () => {
    const newSubject = "Bienvenue sur le portail de {{organizationName}}";
    renderPage(<EmailTemplatesSettings />, {
      mocks: [
        templatesMock(),
        previewMock({ language: "EN", subject: en.subject, html: en.html, text: en.text }, renderedEn),
        previewMock(
          { language: "FR", subject: fr.subject, html: fr.html, text: fr.text },
          { ...renderedEn, subject: "Votre invitation au portail de Demo Clinic" },
        ),
        previewMock(
          { language: "FR", subject: newSubject, html: fr.html, text: fr.text },
          { ...renderedEn, subject: "Bienvenue sur le portail de Demo Clinic" },
        ),
      ],
    });
    expect(await screen.findByTestId("preview-subject")).toHaveTextContent("Your invitation to the Demo Clinic portal");
    const frame = screen.getByTitle("HTML preview of the email");
    expect(frame).toHaveAttribute("sandbox", "");
    expect(frame).toHaveAttribute("srcdoc", renderedEn.html);
    expect(screen.getByText("{{recipientName}}")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("combobox", { name: "Language" }));
    await userEvent.click(screen.getByRole("option", { name: "Français" }));
    const subject = screen.getByRole("textbox", { name: "Subject" });
    expect(subject).toHaveValue(fr.subject);
    expect(await screen.findByText("Votre invitation au portail de Demo Clinic")).toBeInTheDocument();

    await userEvent.clear(subject);
    await userEvent.paste(newSubject);
    expect(await screen.findByText("Bienvenue sur le portail de Demo Clinic")).toBeInTheDocument();
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
    // The sample is the saved wording: it waits for the save.
    expect(screen.getByRole("button", { name: "Send me a sample" })).toBeDisabled();
  });

  it("shows the save's user errors at the field they concern, in the staff member's language", async () => {
    const html = "<p>Bonjour {{recipientName}}</p>";
    renderPage(<EmailTemplatesSettings />, {
      language: "fr",
      mocks: [
        templatesMock(),
        previewMock({ language: "FR", subject: fr.subject, html: fr.html, text: fr.text }, renderedEn),
        previewMock({ language: "FR", subject: fr.subject, html, text: fr.text }, renderedEn),
        {
          request: {
            query: UpdateEmailTemplateDocument,
            variables: { input: { kind: "INVITE_LINK", language: "FR", subject: fr.subject, html, text: fr.text } },
          },
          result: {
            data: {
              updateEmailTemplate: {
                __typename: "UpdateEmailTemplatePayload",
                emailTemplate: null,
                userErrors: [
                  { __typename: "UserError", code: "MISSING_PLACEHOLDER", field: "html", message: "This email must contain {{link}}." },
                ],
              },
            },
          },
        },
      ],
    });
    const body = await screen.findByRole("textbox", { name: "Version HTML" });
    await screen.findByTestId("preview-subject");
    await userEvent.clear(body);
    await userEvent.paste(html);
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(body).toHaveAccessibleDescription("Cette version doit contenir {{link}}."));
    expect(body).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("textbox", { name: "Objet" })).toHaveAttribute("aria-invalid", "false");
  });

  it("sends a sample of the saved wording and says where it went", async () => {
    renderPage(<EmailTemplatesSettings />, {
      mocks: [
        templatesMock(),
        previewMock({ language: "EN", subject: en.subject, html: en.html, text: en.text }, renderedEn),
        {
          request: { query: SendSampleEmailDocument, variables: { input: { kind: "INVITE_LINK", language: "EN" } } },
          result: { data: { sendSampleEmail: { __typename: "SendSampleEmailPayload", to: "frontdesk@demo.clinic", userErrors: [] } } },
        },
      ],
    });
    await userEvent.click(await screen.findByRole("button", { name: "Send me a sample" }));
    const done = await screen.findByText(/A sample was sent to frontdesk@demo\.clinic\./);
    expect(
      within(done.closest('[role="status"]') as HTMLElement).getByRole("link", { name: "Open it in the dev mailbox" }),
    ).toHaveAttribute("href", "/mailbox?to=frontdesk%40demo.clinic");
  });

  it("goes back to the default text only after confirmation", async () => {
    const custom = template("EN", { subject: "Custom {{organizationName}}", isCustomized: true });
    renderPage(<EmailTemplatesSettings />, {
      mocks: [
        templatesMock([custom, fr]),
        previewMock({ language: "EN", subject: custom.subject, html: custom.html, text: custom.text }, renderedEn),
        previewMock({ language: "EN", subject: en.subject, html: en.html, text: en.text }, renderedEn),
        {
          request: { query: ResetEmailTemplateDocument, variables: { input: { kind: "INVITE_LINK", language: "EN" } } },
          result: { data: { resetEmailTemplate: { __typename: "ResetEmailTemplatePayload", emailTemplate: en, userErrors: [] } } },
        },
        templatesMock([en, fr]),
      ],
    });
    const subject = await screen.findByRole("textbox", { name: "Subject" });
    expect(subject).toHaveValue("Custom {{organizationName}}");
    await userEvent.click(screen.getByRole("button", { name: "Back to the default text" }));
    const dialog = await screen.findByRole("dialog", { name: "Go back to the default text?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(subject).toHaveValue("Custom {{organizationName}}");

    await userEvent.click(screen.getByRole("button", { name: "Back to the default text" }));
    const again = await screen.findByRole("dialog", { name: "Go back to the default text?" });
    await userEvent.click(within(again).getByRole("button", { name: "Back to the default text" }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Subject" })).toHaveValue(en.subject));
    expect(await screen.findByText("The default text is in force again.")).toBeInTheDocument();
  });

  it("asks before switching email or language drops unsaved changes, and keeps them on cancel", async () => {
    const edited = "Welcome to {{organizationName}}";
    const revoked = { ...template("EN"), kind: "ACCESS_REVOKED" as const, subject: "Your access to {{organizationName}} ended" };
    const user = userEvent.setup();
    renderPage(<EmailTemplatesSettings />, {
      mocks: [
        templatesMock([en, fr, revoked]),
        previewMock({ language: "EN", subject: en.subject, html: en.html, text: en.text }, renderedEn),
        previewMock({ language: "EN", subject: edited, html: en.html, text: en.text }, renderedEn),
        previewMock({ language: "FR", subject: fr.subject, html: fr.html, text: fr.text }, renderedEn),
        previewMock(
          { kind: "ACCESS_REVOKED", language: "EN", subject: revoked.subject, html: revoked.html, text: revoked.text },
          renderedEn,
        ),
      ],
    });
    await screen.findByTestId("preview-subject");
    const subject = screen.getByRole("textbox", { name: "Subject" });
    await user.clear(subject);
    await user.paste(edited);

    // Cancel: nothing switches and the draft is kept.
    await user.click(screen.getByRole("combobox", { name: "Language" }));
    await user.click(screen.getByRole("option", { name: "Français" }));
    let dialog = await screen.findByRole("dialog", { name: "Discard your unsaved changes?" });
    expect(dialog).toHaveTextContent("Your changes to “Invitation (link)” (English) have not been saved");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveTextContent("English");
    expect(screen.getByRole("textbox", { name: "Subject" })).toHaveValue(edited);

    // The email kind asks too; discarding switches to the other email's saved wording.
    await user.click(screen.getByRole("combobox", { name: "Email" }));
    await user.click(screen.getByRole("option", { name: /Access removed/ }));
    dialog = await screen.findByRole("dialog", { name: "Discard your unsaved changes?" });
    await user.click(within(dialog).getByRole("button", { name: "Discard changes" }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Subject" })).toHaveValue(revoked.subject));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    // Without unsaved changes, switching does not ask.
    await user.click(screen.getByRole("combobox", { name: "Email" }));
    await user.click(screen.getByRole("option", { name: /^Invitation \(link\)/ }));
    expect(screen.getByRole("textbox", { name: "Subject" })).toHaveValue(en.subject);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
