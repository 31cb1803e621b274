import { useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import FormControl from "@mui/material/FormControl";
import InputLabel from "@mui/material/InputLabel";
import OutlinedInput from "@mui/material/OutlinedInput";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { MfaSignInStep } from "./MfaSignInStep";

/** POST /auth/login sets the session cookie; the caller then reloads the viewer. */
export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<unknown> | void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After a correct password, when the server asks for a second factor (or its enrollment).
  const [mfaStep, setMfaStep] = useState<{ enrollment: boolean } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email, password }),
      });
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as { mfaRequired?: boolean; enrollmentRequired?: boolean };
        if (body.mfaRequired) {
          setMfaStep({ enrollment: !!body.enrollmentRequired });
          setPassword("");
          return;
        }
        await onSignedIn();
        return;
      }
      setError(res.status === 401 ? t("signIn.invalid") : res.status === 429 ? t("signIn.rateLimited") : t("signIn.failed"));
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: "100vh", display: "grid", placeItems: "center", p: 2, bgcolor: "background.default" }}>
      <Paper component="section" variant="outlined" sx={{ p: { xs: 3, sm: 5 }, width: "100%", maxWidth: mfaStep?.enrollment ? 560 : 420 }}>
        <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "center", mb: 2 }}>
          <Typography variant="overline" color="primary" sx={{ fontWeight: 700 }}>
            {t("app.title")}
          </Typography>
          <LanguageSwitch />
        </Box>
        {mfaStep ? (
          <MfaSignInStep enrollment={mfaStep.enrollment} onSignedIn={onSignedIn} onRestart={() => setMfaStep(null)} />
        ) : (
          <>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              {t("signIn.title")}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {t("signIn.subtitle")}
            </Typography>
            <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: "grid", gap: 2 }}>
              {error ? (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              ) : null}
              {/* OutlinedInput rather than TextField: TextField brings every input variant and Select. */}
              <FormControl required>
                <InputLabel htmlFor="sign-in-email">{t("signIn.email")}</InputLabel>
                <OutlinedInput
                  id="sign-in-email"
                  label={t("signIn.email")}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  autoFocus
                />
              </FormControl>
              <FormControl required>
                <InputLabel htmlFor="sign-in-password">{t("signIn.password")}</InputLabel>
                <OutlinedInput
                  id="sign-in-password"
                  label={t("signIn.password")}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </FormControl>
              <Button type="submit" variant="contained" size="large" disabled={busy || !email || !password}>
                {t("signIn.submit")}
              </Button>
            </Box>
          </>
        )}
      </Paper>
    </Box>
  );
}
