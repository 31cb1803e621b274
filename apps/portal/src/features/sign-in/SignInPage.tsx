import { useApolloClient } from "@apollo/client/react";
import { Alert, Button, Link, MenuItem, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useLocation, useNavigate } from "react-router";
import { isValidEmail } from "@portal/schema";
import { signIn, type MfaMethod, type Organization } from "../../auth/portal-auth";
import { errorMessage } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { PortalLayout } from "../../layout/PortalLayout";
import { MfaStep } from "./MfaStep";

/** Notices other pages hand over when they send the user here (sign-out, password changed, invite accepted). */
export interface SignInState {
  notice?: string;
  email?: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const state = (useLocation().state ?? {}) as SignInState;
  const [email, setEmail] = useState(state.email ?? "");
  const [password, setPassword] = useState("");
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [organizationId, setOrganizationId] = useState("");
  // After a correct password, when the account has a second step.
  const [mfa, setMfa] = useState<MfaMethod | null>(null);

  const emailError = !email.trim() ? t("validation.required") : !isValidEmail(email) ? t("validation.invalidEmail") : null;
  const passwordError = password ? null : t("validation.required");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (emailError || passwordError) return;
    setBusy(true);
    setError(null);
    const result = await signIn(email.trim(), password, organizationId || undefined);
    if (!result.ok) {
      setBusy(false);
      if (result.code === "CHOOSE_ORGANIZATION" && result.organizations?.length) {
        setOrganizations(result.organizations);
        setOrganizationId(result.organizations[0]!.id);
        return;
      }
      setError(result.code === "NETWORK" ? t("app.networkError") : errorMessage(t, result.code));
      return;
    }
    if (result.mfa) {
      setBusy(false);
      setPassword("");
      setMfa(result.mfa);
      return;
    }
    await enter();
  };

  const enter = async () => {
    // A new session: whatever the cache held belonged to nobody or to someone else.
    await client.resetStore().catch(() => undefined);
    await navigate("/", { replace: true });
  };

  if (mfa) {
    return (
      <PortalLayout>
        <MfaStep method={mfa} onSignedIn={enter} onRestart={() => setMfa(null)} />
      </PortalLayout>
    );
  }

  return (
    <PortalLayout>
      <FormPage
        title={t("signIn.title")}
        alerts={
          <>
            {state.notice && !error && <Alert severity="success">{t(state.notice)}</Alert>}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
          </>
        }
        onSubmit={(e) => void onSubmit(e)}
        footer={
          <Link component={RouterLink} to="/forgot-password">
            {t("signIn.forgot")}
          </Link>
        }
      >
        <TextField
          label={t("fields.email")}
          type="email"
          name="email"
          autoComplete="username"
          required
          fullWidth
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={tried && Boolean(emailError)}
          helperText={tried && emailError ? emailError : " "}
        />
        <TextField
          label={t("fields.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          fullWidth
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tried && Boolean(passwordError)}
          helperText={tried && passwordError ? passwordError : " "}
        />
        {organizations.length > 0 && (
          <TextField
            select
            label={t("signIn.organization")}
            helperText={t("signIn.organizationHelp")}
            fullWidth
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          >
            {organizations.map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button type="submit" variant="contained" size="large" disabled={busy}>
          {t("signIn.submit")}
        </Button>
      </FormPage>
    </PortalLayout>
  );
}
