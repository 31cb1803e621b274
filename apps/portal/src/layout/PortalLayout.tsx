import { useApolloClient } from "@apollo/client/react";
import { AppBar, Box, Button, Container, Link, Toolbar, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate } from "react-router";
import { signOut } from "../auth/portal-auth";
import { LanguageSwitch } from "./LanguageSwitch";

interface Props {
  children: ReactNode;
  /** Shows the sign-out button (pages behind sign-in). */
  signedIn?: boolean;
}

export function PortalLayout({ children, signedIn = false }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    // Nothing of the previous account may stay in memory for the next person at this computer.
    await client.clearStore();
    await navigate("/sign-in", { replace: true, state: { notice: "signIn.signedOut" } });
  };

  return (
    <Box sx={{ minHeight: "100vh", bgcolor: "grey.50", display: "flex", flexDirection: "column" }}>
      <Link
        href="#main"
        sx={{ position: "absolute", left: -9999, "&:focus": { left: 8, top: 8, zIndex: 2000, bgcolor: "background.paper", p: 1 } }}
      >
        {t("app.skipToContent")}
      </Link>
      <AppBar position="static" color="primary" elevation={0} component="header">
        <Toolbar sx={{ gap: 2, flexWrap: "wrap" }}>
          <Typography variant="h6" component="p" sx={{ flexGrow: 1 }}>
            <Link component={RouterLink} to="/" color="inherit" underline="none">
              {t("app.title")}
            </Link>
          </Typography>
          <LanguageSwitch />
          {signedIn && (
            <Button color="inherit" component={RouterLink} to="/account">
              {t("mfa.accountLink")}
            </Button>
          )}
          {signedIn && (
            <Button color="inherit" variant="outlined" onClick={() => void onSignOut()}>
              {t("app.signOut")}
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="md" sx={{ py: { xs: 3, sm: 5 }, flexGrow: 1, outline: "none" }}>
        {children}
      </Container>
    </Box>
  );
}
