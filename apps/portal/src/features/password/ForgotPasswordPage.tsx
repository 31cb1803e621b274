import { useMutation } from "@apollo/client/react";
import { Alert, Button, Link, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router";
import { isValidEmail } from "@portal/schema";
import { errorMessage } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { PortalLayout } from "../../layout/PortalLayout";
import { RequestPortalPasswordResetMutation } from "./password.graphql";
import { RequestNewInvite } from "../activate/RequestNewInvite";

/** Rule 9: the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const [request, { loading }] = useMutation(RequestPortalPasswordResetMutation);
  const [email, setEmail] = useState("");
  const [tried, setTried] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const emailError = !email.trim() ? t("validation.required") : !isValidEmail(email) ? t("validation.invalidEmail") : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (emailError) return;
    setError(null);
    try {
      // The email is written in the language the person is reading now (the API falls back to the account's).
      const language = (i18n.resolvedLanguage ?? "en") === "fr" ? "FR" : "EN";
      const res = await request({ variables: { input: { email: email.trim(), language } } });
      const problem = res.data?.requestPortalPasswordReset.userErrors[0];
      if (problem) return setError(errorMessage(t, problem.code, problem.message));
      setSentTo(email.trim());
    } catch {
      setError(t("app.networkError"));
    }
  };

  return (
    <PortalLayout>
      <FormPage
        title={t("forgot.title")}
        intro={sentTo ? undefined : t("forgot.intro")}
        alerts={
          <>
            {sentTo && (
              <Alert severity="success" role="status">
                {t("forgot.sent", { email: sentTo })}
              </Alert>
            )}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
          </>
        }
        onSubmit={sentTo ? undefined : (e) => void onSubmit(e)}
        footer={
          <Link component={RouterLink} to="/sign-in">
            {t("forgot.back")}
          </Link>
        }
      >
        {!sentTo && (
          <>
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
            <Button type="submit" variant="contained" size="large" disabled={loading}>
              {t("forgot.submit")}
            </Button>
          </>
        )}
        {sentTo && <RequestNewInvite email={sentTo} heading={t("forgot.neverSetUp")} />}
      </FormPage>
    </PortalLayout>
  );
}
