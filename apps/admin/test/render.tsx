import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MockedProvider } from "@apollo/client/testing/react";
import type { MockLink } from "@apollo/client/testing";
import { MemoryRouter, Route, Routes } from "react-router";
import { ThemeProvider } from "@mui/material/styles";
import "../src/i18n/i18n";
import { i18n } from "../src/i18n/i18n";
import { makeTheme } from "../src/app/theme";
import { ViewerContext, type Viewer } from "../src/features/auth/viewer";
import { NotifierProvider } from "../src/shared/Notifier";
import type { ApiKeyScope, StaffPermission } from "../src/gql/shell/graphql";

export const ALL_PERMISSIONS: StaffPermission[] = [
  "MANAGE_PORTAL_ACCESS",
  "VIEW_PATIENTS",
  "EDIT_PATIENTS",
  "CONFIGURE_PORTAL_ROLES",
  "CONFIGURE_EMAIL_TEMPLATES",
  "MANAGE_STAFF",
  "VIEW_AUDIT_LOG",
  "MANAGE_API_KEYS",
  "MANAGE_SETTINGS",
];

// What the API answers for grantableApiKeyScopes (the server decides; this mirrors it for mocks only).
const SCOPE_NEEDS: Record<ApiKeyScope, StaffPermission[]> = {
  PATIENTS_READ: ["VIEW_PATIENTS"],
  PATIENTS_WRITE: ["VIEW_PATIENTS", "EDIT_PATIENTS"],
  PORTAL_ACCESS_READ: ["MANAGE_PORTAL_ACCESS"],
  PORTAL_ACCESS_WRITE: ["MANAGE_PORTAL_ACCESS"],
  AUDIT_READ: ["VIEW_AUDIT_LOG"],
};

export function makeViewer(permissions: StaffPermission[] = ALL_PERMISSIONS, staffRoleId = "1"): Viewer {
  return {
    __typename: "Viewer",
    permissions,
    grantablePermissions: [...permissions].sort(),
    grantableApiKeyScopes: (Object.keys(SCOPE_NEEDS) as ApiKeyScope[]).filter((s) => SCOPE_NEEDS[s].every((p) => permissions.includes(p))),
    user: { __typename: "StaffUser", id: "1", staffRoleId, name: "Fran Frontdesk", email: "frontdesk@demo.clinic", language: "EN" },
    organization: {
      __typename: "Organization",
      id: "1",
      name: "Demo Clinic",
      defaultPortalRoleId: "1",
      inviteMethod: "LINK",
      resendCooldownMinutes: 5,
    },
  };
}

interface Options {
  mocks?: MockLink.MockedResponse[];
  permissions?: StaffPermission[];
  /** Route pattern the element is mounted at, and the URL to open. */
  path?: string;
  url?: string;
  language?: "en" | "fr";
}

/** Renders a page as the app does: Apollo (mocked), router, theme, i18n, viewer, notifications. */
export function renderPage(ui: ReactElement, { mocks = [], permissions, path = "/", url = "/", language = "en" }: Options = {}) {
  void i18n.changeLanguage(language);
  return render(
    <MockedProvider mocks={mocks}>
      <ThemeProvider theme={makeTheme(language)}>
        <NotifierProvider>
          <ViewerContext.Provider value={makeViewer(permissions)}>
            <MemoryRouter initialEntries={[url]}>
              <Routes>
                <Route path={path} element={ui} />
              </Routes>
            </MemoryRouter>
          </ViewerContext.Provider>
        </NotifierProvider>
      </ThemeProvider>
    </MockedProvider>,
  );
}
