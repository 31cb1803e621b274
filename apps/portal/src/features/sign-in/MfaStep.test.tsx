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
    return { ok: status < 300, status, json: async () => body } as Response;
  }) as typeof fetch;
}
afterEach(() => {
  global.fetch = realFetch;
});

async function password(user: ReturnType<typeof renderPage>["user"]) {
  await user.type(screen.getByLabelText(/email/i), "ana@example.com");
  await user.type(screen.getByLabelText(/^password/i), "correct horse battery");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("the second sign-in step", () => {
  it("asks for the emailed code after a correct password, says when it is wrong, and can send a new one", async () => {
    answer([200, { mfaRequired: true, method: "EMAIL" }], [401, { error: "MFA_CODE_INVALID" }], [200, { sent: true }]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await password(user);
    expect(await screen.findByRole("heading", { name: "Enter your sign-in code" })).toBeInTheDocument();
    expect(screen.getByText(/sent a 6-digit code to your email/i)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Code"), "123456");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code is not right.");
    expect(calls[1]).toEqual({ url: "/portal/auth/login/mfa", body: { code: "123456" } });
    await user.click(screen.getByRole("button", { name: "Send a new code" }));
    expect(await screen.findByText("A new code is on its way.")).toBeInTheDocument();
    expect(calls[2]!.url).toBe("/portal/auth/login/mfa/resend");
  });

  it("takes a recovery code instead of the authenticator's", async () => {
    answer([200, { mfaRequired: true, method: "TOTP" }], [429, { error: "RATE_LIMITED" }]);
    const { user } = renderPage(<SignInPage />, { url: "/sign-in", path: "/sign-in" });
    await password(user);
    await user.click(await screen.findByRole("button", { name: "Use a recovery code" }));
    await user.type(screen.getByLabelText("Recovery code"), "abcd-efgh-ijkm-npqr");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/too many wrong codes/i);
    expect(calls[1]).toEqual({ url: "/portal/auth/login/mfa", body: { recoveryCode: "abcd-efgh-ijkm-npqr" } });
  });
});
