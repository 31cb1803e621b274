import type { MockLink } from "@apollo/client/testing";
import { screen, waitFor } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { AcceptInvitePage } from "./AcceptInvitePage";
import { AcceptPortalInviteMutation, CheckPortalInviteQuery } from "./invite.graphql";

function checkMock(code: string | null) {
  return {
    request: { query: CheckPortalInviteQuery, variables: { token: "tok123" } },
    result: {
      data: {
        checkPortalInvite: {
          __typename: "CheckPortalInvitePayload",
          usable: code === null,
          userErrors: code ? [{ __typename: "UserError", code, field: "token", message: "x" }] : [],
        },
      },
    },
  };
}

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
  // The page checks the link before showing the form; a test that does not say otherwise has a live link.
  const withCheck = mocks.some((m) => m.request.query === CheckPortalInviteQuery) ? mocks : [checkMock(null), ...mocks];
  return renderPage(<AcceptInvitePage />, { url: "/invite/tok123", path: "/invite/:token", mocks: withCheck, language });
}

async function fillForm(user: ReturnType<typeof renderPage>["user"], dob: string, password = PASSWORD, confirm = password) {
  await user.type(await screen.findByLabelText(/date of birth/i), dob);
  await user.type(screen.getByLabelText(/^new password/i), password);
  await user.type(screen.getByLabelText(/confirm new password/i), confirm);
  await user.click(screen.getByRole("button", { name: /create my account/i }));
}

describe("AcceptInvitePage: the link is checked first", () => {
  it("a used link says so at once, with sign-in and forgotten-password links and no form", async () => {
    renderInvite([checkMock("INVITE_INVALID")]);
    expect(await screen.findByRole("alert")).toHaveTextContent(/not valid \(it may have been used already/);
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    expect(screen.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute("href", "/forgot-password");
    expect(screen.queryByLabelText(/date of birth/i)).not.toBeInTheDocument();
  });

  it("an expired link says so in French, with the same links", async () => {
    renderInvite([checkMock("INVITE_EXPIRED")], "fr");
    expect(await screen.findByRole("alert")).toHaveTextContent("Cette invitation a expiré.");
    expect(screen.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/sign-in");
    expect(screen.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute("href", "/forgot-password");
  });

  it("a usable link shows the form", async () => {
    renderInvite([checkMock(null)]);
    expect(await screen.findByLabelText(/date of birth/i)).toBeInTheDocument();
  });
});

describe("AcceptInvitePage", () => {
  it("refuses a password shorter than the shared policy before calling the API", async () => {
    const { user } = renderInvite([]);
    await fillForm(user, "1990-04-25", "short", "short");
    expect(await screen.findByText("Use at least 12 characters.")).toBeInTheDocument();
  });

  it("refuses two different passwords and a missing date of birth", async () => {
    const { user } = renderInvite([]);
    await user.type(await screen.findByLabelText(/^new password/i), PASSWORD);
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
    await user.type(await screen.findByLabelText(/date de naissance/i), "1990-04-26");
    await user.type(screen.getByLabelText(/^nouveau mot de passe/i), PASSWORD);
    await user.type(screen.getByLabelText(/confirmez/i), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Créer mon compte" }));
    await waitFor(() => expect(screen.getByText(/ne correspond pas à celle du dossier/)).toBeInTheDocument());
  });
});
