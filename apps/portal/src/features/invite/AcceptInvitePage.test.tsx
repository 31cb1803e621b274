import type { MockLink } from "@apollo/client/testing";
import { screen, waitFor } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { AcceptInvitePage } from "./AcceptInvitePage";
import { AcceptPortalInviteMutation } from "./invite.graphql";

const PASSWORD = "correct horse battery";

function acceptMock(dateOfBirth: string, userErrors: { code: string; field: string | null; message: string }[]) {
  return {
    request: { query: AcceptPortalInviteMutation, variables: { input: { token: "tok123", dateOfBirth, password: PASSWORD } } },
    result: {
      data: {
        acceptPortalInvite: {
          __typename: "AcceptPortalInvitePayload",
          account: userErrors.length ? null : { __typename: "PortalSelf", id: "7", email: "ana@example.com" },
          userErrors: userErrors.map((e) => ({ __typename: "UserError", ...e })),
        },
      },
    },
  };
}

function renderInvite(mocks: MockLink.MockedResponse[], language: "en" | "fr" = "en") {
  return renderPage(<AcceptInvitePage />, { url: "/invite/tok123", path: "/invite/:token", mocks, language });
}

async function fillForm(user: ReturnType<typeof renderPage>["user"], dob: string, password = PASSWORD, confirm = password) {
  await user.type(screen.getByLabelText(/date of birth/i), dob);
  await user.type(screen.getByLabelText(/^new password/i), password);
  await user.type(screen.getByLabelText(/confirm new password/i), confirm);
  await user.click(screen.getByRole("button", { name: /create my account/i }));
}

describe("AcceptInvitePage", () => {
  it("refuses a password shorter than the shared policy before calling the API", async () => {
    const { user } = renderInvite([]);
    await fillForm(user, "1990-04-25", "short", "short");
    expect(await screen.findByText("Use at least 12 characters.")).toBeInTheDocument();
  });

  it("refuses two different passwords and a missing date of birth", async () => {
    const { user } = renderInvite([]);
    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/confirm new password/i), PASSWORD + "x");
    await user.click(screen.getByRole("button", { name: /create my account/i }));
    expect(await screen.findByText("The two passwords differ.")).toBeInTheDocument();
    expect(screen.getByText("Required.")).toBeInTheDocument();
  });

  it("shows a wrong date of birth next to the field and lets the user try again", async () => {
    const { user } = renderInvite([acceptMock("1990-04-26", [{ code: "DATE_OF_BIRTH_MISMATCH", field: "dateOfBirth", message: "x" }])]);
    await fillForm(user, "1990-04-26");
    expect(await screen.findByText(/does not match the one on file/)).toBeInTheDocument();
    expect(screen.getByLabelText(/date of birth/i)).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: /create my account/i })).toBeEnabled();
  });

  it.each([
    ["INVITE_LOCKED", /locked after too many wrong dates of birth/],
    ["INVITE_EXPIRED", /has expired/],
    ["INVITE_INVALID", /not valid/],
  ])("replaces the form with the reason when the invite is unusable (%s)", async (code, text) => {
    const { user } = renderInvite([acceptMock("1990-04-25", [{ code, field: null, message: "x" }])]);
    await fillForm(user, "1990-04-25");
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
    expect(screen.queryByRole("button", { name: /create my account/i })).not.toBeInTheDocument();
  });

  it("shows a WEAK_PASSWORD refusal from the server on the password field", async () => {
    const { user } = renderInvite([acceptMock("1990-04-25", [{ code: "WEAK_PASSWORD", field: "password", message: "x" }])]);
    await fillForm(user, "1990-04-25");
    expect(await screen.findByText(/too weak/)).toBeInTheDocument();
  });

  it("sends the token, date of birth and password, then opens the profiles (the API signed the account in)", async () => {
    const { user } = renderInvite([acceptMock("1990-04-25", [])]);
    await fillForm(user, "1990-04-25");
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
  });

  it("speaks French", async () => {
    const { user } = renderInvite([acceptMock("1990-04-26", [{ code: "DATE_OF_BIRTH_MISMATCH", field: "dateOfBirth", message: "x" }])], "fr");
    expect(screen.getByRole("heading", { name: "Créez votre compte du portail" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/date de naissance/i), "1990-04-26");
    await user.type(screen.getByLabelText(/^nouveau mot de passe/i), PASSWORD);
    await user.type(screen.getByLabelText(/confirmez/i), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Créer mon compte" }));
    await waitFor(() => expect(screen.getByText(/ne correspond pas à celle du dossier/)).toBeInTheDocument());
  });
});
