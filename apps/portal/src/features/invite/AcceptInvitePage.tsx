import { useApolloClient, useMutation } from "@apollo/client/react";
import { Alert, Button, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { isIsoDate } from "@portal/schema";
import { errorMessage, splitUserErrors } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { newPasswordErrors, PasswordFields } from "../../components/PasswordFields";
import { PortalLayout } from "../../layout/PortalLayout";
import { AcceptPortalInviteMutation } from "./invite.graphql";

// The invite itself is unusable after these: no point in letting the user type again.
const FATAL = new Set(["INVITE_LOCKED", "INVITE_EXPIRED", "INVITE_INVALID"]);

/** `/portal/invite/:token`: the date of birth on file (rule 8) and a new password create the account. */
export function AcceptInvitePage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [accept, { loading }] = useMutation(AcceptPortalInviteMutation);
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [tried, setTried] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [fatal, setFatal] = useState<string | null>(null);

  const dobError = !dateOfBirth ? "required" : !isIsoDate(dateOfBirth) ? "invalidDate" : null;
  const passwordErrors = newPasswordErrors(password, confirm);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (dobError || passwordErrors.password || passwordErrors.confirm) return;
    setFieldErrors({});
    setGeneral([]);
    let payload;
    try {
      const res = await accept({ variables: { input: { token, dateOfBirth, password } } });
      payload = res.data?.acceptPortalInvite;
    } catch {
      setGeneral([t("app.networkError")]);
      return;
    }
    if (!payload) return setGeneral([t("errors.generic")]);
    const fatalError = payload.userErrors.find((e) => FATAL.has(e.code));
    if (fatalError) return setFatal(errorMessage(t, fatalError.code, fatalError.message));
    if (payload.userErrors.length) {
      const split = splitUserErrors(t, payload.userErrors, ["dateOfBirth", "password"]);
      setFieldErrors(split.byField);
      setGeneral(split.general);
      return;
    }
    // The API signs the new account in (session cookie): straight to the profiles.
    await client.clearStore();
    await navigate("/", { replace: true });
  };

  return (
    <PortalLayout>
      <FormPage
        title={t("invite.title")}
        intro={fatal ? undefined : t("invite.intro")}
        alerts={
          <>
            {fatal && (
              <Alert severity="error" role="alert">
                {fatal}
              </Alert>
            )}
            {general.map((message) => (
              <Alert key={message} severity="error" role="alert">
                {message}
              </Alert>
            ))}
          </>
        }
        onSubmit={fatal ? undefined : (e) => void onSubmit(e)}
      >
        {!fatal && (
          <>
            <TextField
              label={t("fields.dateOfBirth")}
              type="date"
              name="date-of-birth"
              autoComplete="bday"
              required
              fullWidth
              value={dateOfBirth}
              onChange={(e) => {
                setDateOfBirth(e.target.value);
                setFieldErrors(({ dateOfBirth: _, ...rest }) => rest);
              }}
              error={(tried && Boolean(dobError)) || Boolean(fieldErrors.dateOfBirth)}
              helperText={tried && dobError ? t(`validation.${dobError}`) : (fieldErrors.dateOfBirth ?? t("fields.dateOfBirthHelp"))}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: "9999-12-31" } }}
            />
            <PasswordFields
              password={password}
              confirm={confirm}
              onPasswordChange={setPassword}
              onConfirmChange={setConfirm}
              errors={tried ? passwordErrors : {}}
              serverError={fieldErrors.password}
            />
            <Button type="submit" variant="contained" size="large" disabled={loading}>
              {t("invite.submit")}
            </Button>
          </>
        )}
      </FormPage>
    </PortalLayout>
  );
}
