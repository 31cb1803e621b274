import { screen } from "@testing-library/react";
import { renderPage } from "../../test/render";
import { createI18n, initialLanguage, LANGUAGE_STORAGE_KEY } from "../i18n/i18n";
import { PortalLayout } from "./PortalLayout";

afterEach(() => window.localStorage.clear());

describe("the language switch", () => {
  it("switches the page to French, sets <html lang> and remembers the choice", async () => {
    const { user } = renderPage(
      <PortalLayout>
        <p>content</p>
      </PortalLayout>,
    );
    expect(screen.getByText("Patient portal")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Français" }));
    expect(await screen.findByText("Portail patient")).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute("lang", "fr");
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("fr");
    expect(initialLanguage()).toBe("fr");
  });

  it("starts in the remembered language", () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, "fr");
    expect(createI18n().language).toBe("fr");
  });
});
