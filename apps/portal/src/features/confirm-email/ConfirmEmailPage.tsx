import { useApolloClient, useMutation } from "@apollo/client/react";
import { Alert, Button, Link } from "@mui/material";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useParams } from "react-router";
import { errorMessage } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { PortalLayout } from "../../layout/PortalLayout";
import { ConfirmPortalLoginEmailMutation } from "./confirm-email.graphql";

/** Codes with a sentence of this page's own; any other code reads as on every page. */
const OWN_MESSAGES = ["TOKEN_INVALID", "TOKEN_EXPIRED", "EMAIL_IN_USE"];

/**
 * `/portal/confirm-email/:token`: the link sent to a new login email. Opening the page changes
 * nothing — mail scanners and previews fetch links — the button does (rule 18).
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const client = useApolloClient();
  const [confirm, { loading }] = useMutation(ConfirmPortalLoginEmailMutation);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [finished, setFinished] = useState(false);

  const onConfirm = async () => {
    setErrors([]);
    try {
      const res = await confirm({ variables: { input: { token } } });
      const payload = res.data?.confirmPortalLoginEmail;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length) {
        setErrors(userErrors.map((e) => (OWN_MESSAGES.includes(e.code) ? t(`confirmEmail.errors.${e.code}`) : errorMessage(t, e.code, e.message))));
        // A used, replaced or expired link cannot succeed on a second try.
        if (userErrors.some((e) => OWN_MESSAGES.includes(e.code))) setFinished(true);
        return;
      }
      // Every session of the account ended with the change: forget what this browser showed.
      await client.clearStore();
      setConfirmed(payload?.loginEmail ?? "");
      setFinished(true);
    } catch {
      setErrors([t("app.networkError")]);
    }
  };

  return (
    <PortalLayout>
      <FormPage
        title={t("confirmEmail.title")}
        intro={confirmed === null && !finished ? t("confirmEmail.intro") : undefined}
        alerts={[
          ...errors.map((message) => (
            <Alert key={message} severity="error" role="alert">
              {message}
            </Alert>
          )),
          confirmed !== null ? (
            <Alert key="done" severity="success" role="status">
              {t("confirmEmail.done", { email: confirmed })}
            </Alert>
          ) : null,
        ]}
        footer={
          finished ? (
            <Button component={RouterLink} to="/sign-in" variant={confirmed !== null ? "contained" : "text"} size="large">
              {t("confirmEmail.signIn")}
            </Button>
          ) : (
            <Link component={RouterLink} to="/sign-in" variant="body2">
              {t("confirmEmail.notNow")}
            </Link>
          )
        }
      >
        {!finished && (
          <Button variant="contained" size="large" disabled={loading || !token} onClick={() => void onConfirm()}>
            {t("confirmEmail.submit")}
          </Button>
        )}
      </FormPage>
    </PortalLayout>
  );
}
