import { useApolloClient, useMutation } from "@apollo/client/react";
import { Alert, Button, Link } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate, useParams } from "react-router";
import { splitUserErrors } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { newPasswordErrors, PasswordFields } from "../../components/PasswordFields";
import { PortalLayout } from "../../layout/PortalLayout";
import { CompletePortalPasswordResetMutation } from "./password.graphql";

/** `/portal/reset/:token`: the emailed link (24 hours, single use) sets a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [complete, { loading }] = useMutation(CompletePortalPasswordResetMutation);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [tried, setTried] = useState(false);
  const [serverPasswordError, setServerPasswordError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [tokenInvalid, setTokenInvalid] = useState(false);
  const errors = newPasswordErrors(password, confirm);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (errors.password || errors.confirm) return;
    setGeneral([]);
    setServerPasswordError(undefined);
    try {
      const res = await complete({ variables: { input: { token, password } } });
      const userErrors = res.data?.completePortalPasswordReset.userErrors ?? [];
      if (userErrors.some((e) => e.code === "TOKEN_INVALID")) setTokenInvalid(true);
      const split = splitUserErrors(t, userErrors, ["password"]);
      setServerPasswordError(split.byField.password);
      setGeneral(split.general);
      if (!userErrors.length) {
        // The API signs the account in with the new password: straight to the profiles.
        await client.clearStore();
        await navigate("/", { replace: true });
      }
    } catch {
      setGeneral([t("app.networkError")]);
    }
  };

  return (
    <PortalLayout>
      <FormPage
        title={t("reset.title")}
        alerts={general.map((message) => (
          <Alert key={message} severity="error" role="alert">
            {message}
          </Alert>
        ))}
        onSubmit={tokenInvalid ? undefined : (e) => void onSubmit(e)}
        footer={
          tokenInvalid ? (
            <Link component={RouterLink} to="/forgot-password">
              {t("reset.requestNew")}
            </Link>
          ) : undefined
        }
      >
        {!tokenInvalid && (
          <>
            <PasswordFields
              password={password}
              confirm={confirm}
              onPasswordChange={setPassword}
              onConfirmChange={setConfirm}
              errors={tried ? errors : {}}
              serverError={serverPasswordError}
            />
            <Button type="submit" variant="contained" size="large" disabled={loading}>
              {t("reset.submit")}
            </Button>
          </>
        )}
      </FormPage>
    </PortalLayout>
  );
}
