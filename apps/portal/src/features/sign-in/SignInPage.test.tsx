import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { SignInPage } from "./SignInPage";

const realFetch = global.fetch;
let calls: { url: string; body: unknown }[];

function answer(...responses: [number, unknown][]) {
  calls = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body ?? "null")) });
    const [status, body] = responses[Math.min(calls.length, responses.length) - 1]!;
    // jsdom has no Response class; the page reads only these members.
    return { ok: status < 300, status, json: async () => body } as Response;
  }) as typeof fetch;
}
afterEach(() => {
  global.fetch = realFetch;
});

async function signIn(user: ReturnType<typeof renderPage>["user"], email: string, password: string) {
  if (email) await user.type(screen.getByLabelText(/email/i), email);
  if (password) await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInPage", () => {
  it("checks the email before posting", async () => {
    answer([200, {}]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await signIn(user, "not-an-email", "whatever");
    expect(await screen.findByText(/enter an email address/i)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("says so when the credentials are wrong, without saying which", async () => {
    answer([401, { error: "INVALID_CREDENTIALS", message: "Wrong email or password." }]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await signIn(user, "ana@example.com", "wrong password");
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password.");
    expect(calls[0]).toEqual({ url: "/portal/auth/login", body: { email: "ana@example.com", password: "wrong password" } });
  });

  it("asks to wait after too many attempts", async () => {
    answer([429, { error: "RATE_LIMITED" }]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await signIn(user, "ana@example.com", "again");
    expect(await screen.findByRole("alert")).toHaveTextContent(/too many attempts/i);
  });

  it("lets an email that signs in to several clinics choose one", async () => {
    const organizations = [
      { id: "1", name: "Riverside Clinic" },
      { id: "2", name: "Hillside Practice" },
    ];
    answer([409, { error: "CHOOSE_ORGANIZATION", organizations }], [200, {}]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await signIn(user, "ana@example.com", "correct horse battery");
    await user.click(await screen.findByRole("combobox", { name: "Clinic" }));
    await user.click(screen.getByRole("option", { name: "Hillside Practice" }));
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
    expect(calls[1]?.body).toEqual({ email: "ana@example.com", password: "correct horse battery", organizationId: "2" });
  });

  it("opens the profiles once signed in", async () => {
    answer([200, { account: { id: "7" } }]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await signIn(user, " ana@example.com ", "correct horse battery");
    expect(await screen.findByTestId("location")).toHaveTextContent(/^\/$/);
    expect(calls[0]?.body).toEqual({ email: "ana@example.com", password: "correct horse battery" });
  });
});
