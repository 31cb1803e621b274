import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { AccountPage } from "./AccountPage";
import { PortalMfaStatusQuery, UpdatePortalAccountLanguageMutation } from "./account.graphql";

const status = (language: "EN" | "FR") => ({
  request: { query: PortalMfaStatusQuery },
  result: {
    data: {
      portalViewer: {
        __typename: "PortalViewer",
        account: { __typename: "PortalSelf", id: "1", email: "ana@example.com", language, mfaMethod: null, mfaRequired: false, mfaChosen: false },
      },
    },
  },
});

describe("AccountPage: password and language", () => {
  it("offers a password change from the account page", async () => {
    renderPage(<AccountPage />, { mocks: [status("EN")] });
    expect(await screen.findByRole("heading", { name: "Password" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Change my password" })).toHaveAttribute("href", "/change-password");
  });

  it("saves the language on the account, for its emails, and switches the portal to it", async () => {
    const save = {
      request: { query: UpdatePortalAccountLanguageMutation, variables: { input: { language: "FR" } } },
      result: {
        data: {
          updatePortalAccountLanguage: { __typename: "UpdatePortalAccountLanguagePayload", account: { __typename: "PortalSelf", id: "1", language: "FR" }, userErrors: [] },
        },
      },
    };
    const { user } = renderPage(<AccountPage />, { mocks: [status("EN"), save, status("FR")] });
    const group = await screen.findByRole("radiogroup", { name: "Language of the portal and of your emails" });
    expect(screen.getByRole("radio", { name: "English" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Français" }));
    expect(group).toBeInTheDocument();
    expect(await screen.findByText("Enregistré : vos courriels seront en français.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Mot de passe" })).toBeInTheDocument();
  });
});
