import { screen } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { renderPage } from "../../test/render";
import { PortalViewerQuery } from "../features/viewer.graphql";
import { LANGUAGE_STORAGE_KEY } from "../i18n/i18n";
import { RequireAccount } from "./RequireAccount";

const viewer = (mustChangePassword: boolean, language = "EN") => ({
  request: { query: PortalViewerQuery },
  result: {
    data: {
      portalViewer: {
        __typename: "PortalViewer",
        organizationName: "Riverside Clinic",
        account: { __typename: "PortalSelf", id: "7", email: "a@example.com", language, mustChangePassword, needsDateOfBirth: false },
        profiles: [],
      },
    },
  },
});

const page = <RequireAccount>{(v) => <p>profiles of {v.account.email}</p>}</RequireAccount>;

describe("RequireAccount", () => {
  it("sends an anonymous visitor to sign in", async () => {
    const mock = { request: { query: PortalViewerQuery }, result: { errors: [new GraphQLError("Sign in first.", { extensions: { code: "UNAUTHENTICATED" } })] } };
    renderPage(page, { mocks: [mock] });
    expect(await screen.findByTestId("location")).toHaveTextContent("/sign-in");
  });

  it("sends an account that must change its password to that page first", async () => {
    renderPage(page, { mocks: [viewer(true)] });
    expect(await screen.findByTestId("location")).toHaveTextContent("/change-password");
  });

  it("shows the page, with sign-out, to a signed-in account", async () => {
    renderPage(page, { mocks: [viewer(false)] });
    expect(await screen.findByText("profiles of a@example.com")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
  });

  describe("language", () => {
    afterEach(() => window.localStorage.clear());

    it("speaks the account's preferred language once signed in", async () => {
      const { i18n } = renderPage(page, { mocks: [viewer(false, "FR")], language: "en" });
      expect(await screen.findByRole("button", { name: "Se déconnecter" })).toBeInTheDocument();
      expect(i18n.language).toBe("fr");
      expect(document.documentElement.lang).toBe("fr");
    });

    it("keeps the language this browser's user chose with the switch", async () => {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, "en");
      const { i18n } = renderPage(page, { mocks: [viewer(false, "FR")], language: "en" });
      expect(await screen.findByText("profiles of a@example.com")).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
      expect(i18n.language).toBe("en");
    });
  });
});
