import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { ConfirmPortalLoginEmailMutation } from "./confirm-email.graphql";
import { ConfirmEmailPage } from "./ConfirmEmailPage";

const confirm = (userErrors: { code: string; field: string | null }[], loginEmail: string | null = null) => ({
  request: { query: ConfirmPortalLoginEmailMutation, variables: { input: { token: "c1" } } },
  result: {
    data: {
      confirmPortalLoginEmail: {
        __typename: "ConfirmPortalLoginEmailPayload",
        loginEmail,
        userErrors: userErrors.map((e) => ({ __typename: "UserError", ...e, message: "x" })),
      },
    },
  },
});
const open = (mocks: ReturnType<typeof confirm>[]) => renderPage(<ConfirmEmailPage />, { url: "/confirm-email/c1", path: "/confirm-email/:token", mocks });

describe("ConfirmEmailPage", () => {
  it("confirms only when the button is pressed, then sends the person to sign in with the new email", async () => {
    // No mock is spent by opening the page: a mail scanner fetching the link confirms nothing.
    const { user } = open([confirm([], "new@example.com")]);
    expect(screen.getByText(/nothing changes until you confirm/i)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /confirm my login email/i }));
    expect(await screen.findByRole("status")).toHaveTextContent("you now sign in with new@example.com");
    expect(screen.queryByRole("button", { name: /confirm my login email/i })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /go to sign in/i })).toHaveAttribute("href", "/sign-in");
  });

  it.each([
    ["TOKEN_EXPIRED", /has expired/],
    ["TOKEN_INVALID", /used already, or replaced/],
    ["EMAIL_IN_USE", /login of another portal account/],
  ])("explains %s and offers no second try", async (code, message) => {
    const { user } = open([confirm([{ code, field: "token" }])]);
    await user.click(screen.getByRole("button", { name: /confirm my login email/i }));
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(screen.queryByRole("button", { name: /confirm my login email/i })).not.toBeInTheDocument();
  });

  it("lets the person try again after a rate limit", async () => {
    const { user } = open([confirm([{ code: "RATE_LIMITED", field: null }])]);
    await user.click(screen.getByRole("button", { name: /confirm my login email/i }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/too many attempts/i);
    expect(screen.getByRole("button", { name: /confirm my login email/i })).toBeEnabled();
  });
});
