import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { PortalViewerQuery } from "../viewer.graphql";
import { ChangePasswordPage } from "./ChangePasswordPage";
import { ForgotPasswordPage } from "./ForgotPasswordPage";
import { ChangePortalPasswordMutation, CompletePortalPasswordResetMutation, RequestPortalPasswordResetMutation } from "./password.graphql";
import { ResetPasswordPage } from "./ResetPasswordPage";

const PASSWORD = "a much longer passphrase";
const errors = (...codes: [string, string | null][]) => codes.map(([code, field]) => ({ __typename: "UserError", code, field, message: "x" }));

describe("ForgotPasswordPage", () => {
  it("gives the same answer whatever the address (rule 9)", async () => {
    const mock = {
      request: { query: RequestPortalPasswordResetMutation, variables: { input: { email: "who@example.com", language: "EN" } } },
      result: { data: { requestPortalPasswordReset: { __typename: "RequestPortalPasswordResetPayload", accepted: true, userErrors: [] } } },
    };
    const { user } = renderPage(<ForgotPasswordPage />, { mocks: [mock] });
    await user.type(screen.getByLabelText(/email/i), "who@example.com ");
    await user.click(screen.getByRole("button", { name: /email me a link/i }));
    expect(await screen.findByRole("status")).toHaveTextContent("If who@example.com belongs to a portal account, a link is on its way.");
  });
});

describe("ForgotPasswordPage language", () => {
  it("asks for the email in the language the portal is read in", async () => {
    const mock = {
      request: { query: RequestPortalPasswordResetMutation, variables: { input: { email: "qui@example.com", language: "FR" } } },
      result: { data: { requestPortalPasswordReset: { __typename: "RequestPortalPasswordResetPayload", accepted: true, userErrors: [] } } },
    };
    const { user } = renderPage(<ForgotPasswordPage />, { mocks: [mock], language: "fr" });
    await user.type(screen.getByLabelText(/courriel/i), "qui@example.com");
    await user.click(screen.getByRole("button", { name: "M'envoyer un lien" }));
    expect(await screen.findByRole("status")).toHaveTextContent("qui@example.com");
  });
});

describe("ResetPasswordPage", () => {
  const complete = (userErrors: ReturnType<typeof errors>) => ({
    request: { query: CompletePortalPasswordResetMutation, variables: { input: { token: "r1", password: PASSWORD } } },
    result: {
      data: {
        completePortalPasswordReset: {
          __typename: "CompletePortalPasswordResetPayload",
          account: userErrors.length ? null : { __typename: "PortalSelf", id: "7", mustChangePassword: false },
          userErrors,
        },
      },
    },
  });

  async function submit(user: ReturnType<typeof renderPage>["user"]) {
    await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
    await user.type(screen.getByLabelText(/confirm new password/i), PASSWORD);
    await user.click(screen.getByRole("button", { name: /save the new password/i }));
  }

  it("offers a new link when this one is used or expired", async () => {
    const { user } = renderPage(<ResetPasswordPage />, { url: "/reset/r1", path: "/reset/:token", mocks: [complete(errors(["TOKEN_INVALID", "token"]))] });
    await submit(user);
    expect(await screen.findByRole("alert")).toHaveTextContent(/not valid or has expired/);
    expect(screen.getByRole("link", { name: /request a new link/i })).toHaveAttribute("href", "/forgot-password");
    expect(screen.queryByLabelText(/^new password/i)).not.toBeInTheDocument();
  });

  it("opens the profiles once the new password is saved (the API signed the account in)", async () => {
    const { user } = renderPage(<ResetPasswordPage />, { url: "/reset/r1", path: "/reset/:token", mocks: [complete([])] });
    await submit(user);
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
  });
});

describe("ChangePasswordPage", () => {
  const change = (userErrors: ReturnType<typeof errors>, extra: Record<string, string> = {}) => ({
    request: { query: ChangePortalPasswordMutation, variables: { input: { currentPassword: "temporary-pass", newPassword: PASSWORD, ...extra } } },
    result: {
      data: {
        changePortalPassword: {
          __typename: "ChangePortalPasswordPayload",
          account: userErrors.length ? null : { __typename: "PortalSelf", id: "7", mustChangePassword: false },
          userErrors,
        },
      },
    },
  });
  const viewer = {
    request: { query: PortalViewerQuery },
    result: {
      data: {
        portalViewer: {
          __typename: "PortalViewer",
          organizationName: "Riverside Clinic",
          account: { __typename: "PortalSelf", id: "7", email: "a@example.com", language: "EN", mustChangePassword: false, needsDateOfBirth: false },
          profiles: [],
        },
      },
    },
  };

  async function submit(user: ReturnType<typeof renderPage>["user"], newPassword = PASSWORD) {
    await user.type(screen.getByLabelText(/current password/i), "temporary-pass");
    await user.type(screen.getByLabelText(/^new password/i), newPassword);
    await user.type(screen.getByLabelText(/confirm new password/i), newPassword);
    await user.click(screen.getByRole("button", { name: /change password/i }));
  }

  it("explains why when the change is forced", () => {
    renderPage(<ChangePasswordPage forced />);
    expect(screen.getByText(/asks you to choose a new password/)).toBeInTheDocument();
  });

  it("shows a wrong current password on that field", async () => {
    const { user } = renderPage(<ChangePasswordPage forced={false} />, { mocks: [change(errors(["WRONG_PASSWORD", "currentPassword"]))] });
    await submit(user);
    expect(await screen.findByText("The current password is wrong.")).toBeInTheDocument();
    expect(screen.getByLabelText(/current password/i)).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses a too long password with the shared rule", async () => {
    const { user } = renderPage(<ChangePasswordPage forced={false} />);
    await user.type(screen.getByLabelText(/current password/i), "temporary-pass");
    await user.click(screen.getByLabelText(/^new password/i));
    await user.paste("x".repeat(129));
    await user.click(screen.getByRole("button", { name: /change password/i }));
    expect(await screen.findByText("Use at most 128 characters.")).toBeInTheDocument();
  });

  it("asks for the date of birth when a temporary-password account signs up", async () => {
    const { user } = renderPage(<ChangePasswordPage forced needsDateOfBirth />, {
      url: "/change-password",
      path: "/change-password",
      mocks: [change([], { dateOfBirth: "1984-12-01" }), viewer],
    });
    await submit(user);
    expect(await screen.findByText("Required.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/date of birth/i), "1984-12-01");
    await user.click(screen.getByRole("button", { name: /change password/i }));
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
  });

  it("returns to the profiles once changed", async () => {
    const { user } = renderPage(<ChangePasswordPage forced />, { url: "/change-password", path: "/change-password", mocks: [change([]), viewer] });
    await submit(user);
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
  });
});
