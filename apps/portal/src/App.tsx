import { Button, Paper, Typography } from "@mui/material";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, Route, Routes } from "react-router";
import { RequireAccount } from "./auth/RequireAccount";
import { ConfirmEmailPage } from "./features/confirm-email/ConfirmEmailPage";
import { AcceptInvitePage } from "./features/invite/AcceptInvitePage";
import { ActivatePage } from "./features/activate/ActivatePage";
import { ChangePasswordPage } from "./features/password/ChangePasswordPage";
import { ForgotPasswordPage } from "./features/password/ForgotPasswordPage";
import { ResetPasswordPage } from "./features/password/ResetPasswordPage";
import { ProfilesPage } from "./features/profiles/ProfilesPage";
import { AccountPage } from "./features/account/AccountPage";
import { SignInPage } from "./features/sign-in/SignInPage";
import { PortalLayout } from "./layout/PortalLayout";

function NotFound() {
  const { t } = useTranslation();
  return (
    <PortalLayout>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 480, mx: "auto" }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t("app.notFound")}
        </Typography>
        <Button component={RouterLink} to="/">
          {t("app.home")}
        </Button>
      </Paper>
    </PortalLayout>
  );
}

/** Paths are relative to /portal (the router's basename); the API serves index.html for each. */
export function App() {
  return (
    <Routes>
      <Route path="/" element={<RequireAccount>{(viewer) => <ProfilesPage viewer={viewer} />}</RequireAccount>} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/account" element={<RequireAccount>{() => <AccountPage />}</RequireAccount>} />
      <Route path="/invite/:token" element={<AcceptInvitePage />} />
      <Route path="/activate" element={<ActivatePage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset/:token" element={<ResetPasswordPage />} />
      <Route path="/confirm-email/:token" element={<ConfirmEmailPage />} />
      <Route
        path="/change-password"
        element={<RequireAccount>{(viewer) => <ChangePasswordPage forced={viewer.account.mustChangePassword} needsDateOfBirth={viewer.account.needsDateOfBirth} />}</RequireAccount>}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
