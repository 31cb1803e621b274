import { CombinedGraphQLErrors } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Alert, Box, CircularProgress } from "@mui/material";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { PortalViewerQuery as Viewer } from "../gql/graphql";
import { PortalViewerQuery } from "../features/viewer.graphql";
import { accountLanguage, rememberedLanguage } from "../i18n/i18n";
import { PortalLayout } from "../layout/PortalLayout";

export type PortalViewer = Viewer["portalViewer"];

interface Props {
  children(viewer: PortalViewer): ReactNode;
}

function isSignedOut(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
}

/**
 * Pages behind sign-in: anonymous visitors go to the sign-in page, and an account that must change
 * its password (temporary password, or staff forced it) goes to that page before anything else.
 */
export function RequireAccount({ children }: Props) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { data, loading, error } = useQuery(PortalViewerQuery, { fetchPolicy: "cache-and-network" });
  const preferred = accountLanguage(data?.portalViewer?.account.language);

  // Signed in, the account's preferred language applies, unless this browser's user picked one with
  // the switch (that explicit choice is remembered and wins).
  useEffect(() => {
    if (preferred && !rememberedLanguage() && i18n.language !== preferred) void i18n.changeLanguage(preferred);
  }, [preferred, i18n]);

  if (error && isSignedOut(error)) return <Navigate to="/sign-in" replace />;
  if (!data && loading) {
    return (
      <PortalLayout>
        <Box sx={{ display: "flex", justifyContent: "center", py: 6 }} role="status" aria-live="polite">
          <CircularProgress aria-label={t("app.loading")} />
        </Box>
      </PortalLayout>
    );
  }
  const viewer = data?.portalViewer;
  if (!viewer) {
    return (
      <PortalLayout>
        <Alert severity="error">{t("app.networkError")}</Alert>
      </PortalLayout>
    );
  }
  if (viewer.account.mustChangePassword && location.pathname !== "/change-password") {
    return <Navigate to="/change-password" replace />;
  }
  return <PortalLayout signedIn>{children(viewer)}</PortalLayout>;
}
