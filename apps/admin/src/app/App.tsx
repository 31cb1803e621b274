import { lazy, Suspense, useMemo } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { ApolloProvider, useQuery } from "@apollo/client/react";
import CssBaseline from "@mui/material/CssBaseline";
import { ThemeProvider } from "@mui/material/styles";
import { useTranslation } from "react-i18next";
import "../i18n/i18n";
import { createApolloClient } from "./apollo";
import { makeTheme } from "./theme";
import { AppShell } from "./AppShell";
import { SignInPage } from "../features/auth/SignInPage";
import { ViewerContext, ViewerDocument } from "../features/auth/viewer";
import { NotifierProvider } from "../shared/Notifier";
import { Empty, LoadError, Loading } from "../shared/QueryState";
import { allowed, navItems } from "./navigation";

// Every page is its own chunk: the sign-in page never downloads the grid, charts or settings.
const OverviewPage = lazy(() => import("../features/overview/OverviewPage").then((m) => ({ default: m.OverviewPage })));
const OnboardingPage = lazy(() => import("../features/onboarding/OnboardingPage").then((m) => ({ default: m.OnboardingPage })));
const PatientPage = lazy(() => import("../features/patient/PatientPage").then((m) => ({ default: m.PatientPage })));
const PortalUsersPage = lazy(() => import("../features/portal-users/PortalUsersPage").then((m) => ({ default: m.PortalUsersPage })));
const SettingsPage = lazy(() => import("../features/settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import("../features/audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const SecurityPage = lazy(() => import("../features/auth/SecurityPage").then((m) => ({ default: m.SecurityPage })));
const ActivationSheetPage = lazy(() => import("../features/activation/ActivationSheetPage").then((m) => ({ default: m.ActivationSheetPage })));
const ImportPage = lazy(() => import("../features/imports/ImportPage").then((m) => ({ default: m.ImportPage })));
const MailboxPage = lazy(() => import("../features/mailbox/MailboxPage").then((m) => ({ default: m.MailboxPage })));
// Public: an invited staff member opens it from their email, before they can sign in.
const AcceptStaffInvitePage = lazy(() => import("../features/staff-invite/AcceptStaffInvitePage").then((m) => ({ default: m.AcceptStaffInvitePage })));

function SignedInRoutes() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument, { fetchPolicy: "cache-first" });
  const { t } = useTranslation();
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const viewer = data?.viewer;
  if (!viewer) return <SignInPage onSignedIn={() => refetch()} />;

  const can = (key: (typeof navItems)[number]["labelKey"]) =>
    allowed(
      navItems.find((i) => i.labelKey === key)!,
      viewer.permissions,
    );
  const home = can("overview") ? null : can("onboarding") ? "/onboarding" : can("settings") ? "/settings" : can("audit") ? "/audit" : null;
  return (
    <ViewerContext.Provider value={viewer}>
      <AppShell showMailbox>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route
              path="/"
              element={can("overview") ? <OverviewPage /> : home ? <Navigate to={home} replace /> : <Empty>{t("app.forbidden")}</Empty>}
            />
            {can("onboarding") ? <Route path="/onboarding" element={<OnboardingPage />} /> : null}
            {can("onboarding") ? <Route path="/patients/:id/:tab?" element={<PatientPage />} /> : null}
            {can("onboarding") ? <Route path="/activation/:grantId" element={<ActivationSheetPage />} /> : null}
            {can("imports") ? <Route path="/imports" element={<ImportPage />} /> : null}
            {can("portalUsers") ? <Route path="/portal-users" element={<PortalUsersPage />} /> : null}
            {can("settings") ? <Route path="/settings/:tab?" element={<SettingsPage />} /> : null}
            {can("audit") ? <Route path="/audit" element={<AuditPage />} /> : null}
            {can("mailbox") ? <Route path="/mailbox" element={<MailboxPage />} /> : null}
            <Route path="/account/security" element={<SecurityPage />} />
            <Route path="*" element={<Empty>{t("app.notFound")}</Empty>} />
          </Routes>
        </Suspense>
      </AppShell>
    </ViewerContext.Provider>
  );
}

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  const { i18n } = useTranslation();
  const theme = useMemo(() => makeTheme(i18n.language), [i18n.language]);
  return (
    <ApolloProvider client={client}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <NotifierProvider>
          <BrowserRouter basename="/admin">
            <Routes>
              <Route
                path="/accept-invite/:token"
                element={
                  <Suspense fallback={<Loading />}>
                    <AcceptStaffInvitePage />
                  </Suspense>
                }
              />
              <Route path="*" element={<SignedInRoutes />} />
            </Routes>
          </BrowserRouter>
        </NotifierProvider>
      </ThemeProvider>
    </ApolloProvider>
  );
}
