import { useMutation } from "@apollo/client/react";
import { Alert, Button, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isIsoDate } from "@portal/schema";
import { splitUserErrors } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { DateOfBirthField } from "../../components/DateOfBirthField";
import { newPasswordErrors, PasswordFields } from "../../components/PasswordFields";
import { PortalViewerQuery } from "../viewer.graphql";
import { ChangePortalPasswordMutation } from "./password.graphql";

interface Props {
  /** Staff forced the change, or the account signed in with a temporary password (rule 6). */
  forced: boolean;
  /** A temporary-password invite: signing up still needs the date of birth on file (rule 8). */
  needsDateOfBirth?: boolean;
}

export function ChangePasswordPage({ forced, needsDateOfBirth = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [change, { loading }] = useMutation(ChangePortalPasswordMutation, { refetchQueries: [PortalViewerQuery], awaitRefetchQueries: true });
  const [current, setCurrent] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [tried, setTried] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const errors = newPasswordErrors(password, confirm);
  const currentError = current ? null : t("validation.required");
  const dobError = !needsDateOfBirth ? null : !dateOfBirth ? "required" : !isIsoDate(dateOfBirth) ? "invalidDate" : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (currentError || dobError || errors.password || errors.confirm) return;
    setFieldErrors({});
    setGeneral([]);
    try {
      const input = { currentPassword: current, newPassword: password, ...(needsDateOfBirth ? { dateOfBirth } : {}) };
      const res = await change({ variables: { input } });
      const userErrors = res.data?.changePortalPassword.userErrors ?? [];
      if (userErrors.length) {
        const split = splitUserErrors(t, userErrors, ["currentPassword", "newPassword", "dateOfBirth"]);
        setFieldErrors(split.byField);
        setGeneral(split.general);
        return;
      }
      await navigate("/", { replace: true });
    } catch {
      setGeneral([t("app.networkError")]);
    }
  };

  return (
    <FormPage
      title={t("changePassword.title")}
      alerts={
        <>
          {forced && <Alert severity="info">{t("changePassword.forced")}</Alert>}
          {general.map((message) => (
            <Alert key={message} severity="error" role="alert">
              {message}
            </Alert>
          ))}
        </>
      }
      onSubmit={(e) => void onSubmit(e)}
    >
      <TextField
        label={t("fields.currentPassword")}
        type="password"
        name="current-password"
        autoComplete="current-password"
        required
        fullWidth
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={(tried && Boolean(currentError)) || Boolean(fieldErrors.currentPassword)}
        helperText={tried && currentError ? currentError : (fieldErrors.currentPassword ?? " ")}
      />
      {needsDateOfBirth && (
        <DateOfBirthField
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={tried ? dobError : null}
          serverError={fieldErrors.dateOfBirth}
        />
      )}
      <PasswordFields
        password={password}
        confirm={confirm}
        onPasswordChange={setPassword}
        onConfirmChange={setConfirm}
        errors={tried ? errors : {}}
        serverError={fieldErrors.newPassword}
      />
      <Button type="submit" variant="contained" size="large" disabled={loading}>
        {t("changePassword.submit")}
      </Button>
    </FormPage>
  );
}
