import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import { AcceptStaffInvitePage } from "./AcceptStaffInvitePage";
import { AcceptStaffInviteDocument } from "./staff-invite.documents";

const TOKEN = "tok_".padEnd(43, "x");
const PASSWORD = "three words remembered";

function accepted(email: string | null, error?: string): MockLink.MockedResponse {
  return {
    request: { query: AcceptStaffInviteDocument, variables: { input: { token: TOKEN, password: PASSWORD } } },
    result: {
      data: {
        acceptStaffInvite: {
          __typename: "AcceptStaffInvitePayload",
          email,
          userErrors: error ? [{ __typename: "UserError", code: error, field: "token", message: "x" }] : [],
        },
      },
    },
  };
}

function open(mocks: MockLink.MockedResponse[], language: "en" | "fr" = "en") {
  renderPage(<AcceptStaffInvitePage />, { mocks, path: "/accept-invite/:token", url: `/accept-invite/${TOKEN}`, language });
}

async function fill(password: string, repeat = password, fr = false) {
  await userEvent.click(await screen.findByLabelText(fr ? /Nouveau mot de passe/ : /New password/));
  await userEvent.paste(password);
  await userEvent.click(screen.getByLabelText(fr ? /Répétez/ : /Repeat the password/));
  await userEvent.paste(repeat);
  await userEvent.click(screen.getByRole("button", { name: fr ? "Enregistrer mon mot de passe" : "Set my password" }));
}

describe("Admin › accept a staff invitation", () => {
  it("checks the two passwords before sending, then says the password is set and leads to sign-in", async () => {
    open([accepted("rita@demo.clinic")]);
    expect(await screen.findByRole("heading", { name: "Choose your password" })).toBeInTheDocument();
    await fill("short");
    expect(screen.getByText("Use at least 12 characters.")).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/New password/));
    await userEvent.clear(screen.getByLabelText(/Repeat the password/));
    await fill(PASSWORD, `${PASSWORD}!`);
    expect(screen.getByText("The two passwords differ.")).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/Repeat the password/));
    await userEvent.click(screen.getByLabelText(/Repeat the password/));
    await userEvent.paste(PASSWORD);
    await userEvent.click(screen.getByRole("button", { name: "Set my password" }));
    expect(await screen.findByRole("heading", { name: "Your password is set" })).toBeInTheDocument();
    expect(screen.getByText("Sign in with rita@demo.clinic and your new password.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to sign-in" })).toHaveAttribute("href", "/");
  });

  it("a used or replaced link says so, in French, with a way to sign in", async () => {
    open([accepted(null, "TOKEN_INVALID")], "fr");
    await fill(PASSWORD, PASSWORD, true);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ce lien d'invitation n'est pas valide");
    expect(within(alert).getByRole("link", { name: "Aller à la connexion" })).toHaveAttribute("href", "/");
  });

  it("an expired link asks for a new invitation", async () => {
    open([accepted(null, "TOKEN_EXPIRED")]);
    await fill(PASSWORD);
    expect(await screen.findByRole("alert")).toHaveTextContent("This invitation has expired. Ask your administrator to send a new one.");
  });
});
