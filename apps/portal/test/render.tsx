import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { ThemeProvider } from "@mui/material";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { createI18n, type PortalLanguage } from "../src/i18n/i18n";
import { theme } from "../src/theme";

/** Shows where the page navigated to, and the notice it handed over, so a test can assert on it. */
function LocationProbe() {
  const location = useLocation();
  const state = (location.state ?? {}) as { notice?: string };
  return (
    <output data-testid="location" data-notice={state.notice ?? ""}>
      {location.pathname}
    </output>
  );
}

interface Options {
  mocks?: MockLink.MockedResponse[];
  /** The URL the page starts at, e.g. /invite/abc. */
  url?: string;
  /** The route pattern that renders `ui`, e.g. /invite/:token. */
  path?: string;
  language?: PortalLanguage;
}

/** Renders a page with the app's providers: mocked GraphQL, a memory router, its own i18next. */
export function renderPage(ui: ReactNode, { mocks = [], url = "/", path = "/", language = "en" }: Options = {}) {
  const i18n = createI18n(language);
  const user = userEvent.setup({ delay: null });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks}>
        <ThemeProvider theme={theme}>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={ui} />
              <Route path="*" element={<LocationProbe />} />
            </Routes>
          </MemoryRouter>
        </ThemeProvider>
      </MockedProvider>
    </I18nextProvider>,
  );
  return { ...result, user, i18n };
}

export const noViewer = (query: unknown): MockLink.MockedResponse => ({
  request: { query: query as never },
  result: { data: { portalViewer: null } },
});
