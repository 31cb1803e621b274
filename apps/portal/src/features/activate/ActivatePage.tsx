import { useApolloClient, useMutation } from "@apollo/client/react";
import { Alert, Button, Link, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate } from "react-router";
import { isIsoDate } from "@portal/schema";
import { errorMessage, splitUserErrors } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { DateOfBirthField } from "../../components/DateOfBirthField";
import { newPasswordErrors, PasswordFields } from "../../components/PasswordFields";
import { PortalLayout } from "../../layout/PortalLayout";
import { ActivatePortalAccountMutation } from "./activate.graphql";

// The code itself is unusable after these: the person needs a new sheet from the clinic.
const FATAL = new Set(["INVITE_LOCKED", "INVITE_EXPIRED"]);
// Eight characters once spaces and dashes are gone; the server decides whether it is a code.
const codeLength = (code: string) => code.replace(/[\s-]/g, "").length;

/**
 * `/portal/activate` (rule 23, seed 004): the activation code from the sheet the clinic handed
 * over, the date of birth on file, and a new password create the account, as the invite link does.
 */
export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [activate, { loading }] = useMutation(ActivatePortalAccountMutation);
  const [code, setCode] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [tried, setTried] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [fatal, setFatal] = useState<string | null>(null);

  const codeError = !code.trim() ? "required" : codeLength(code) !== 8 ? "codeLength" : null;
  const dobError = !dateOfBirth ? "required" : !isIsoDate(dateOfBirth) ? "invalidDate" : null;
  const passwordErrors = newPasswordErrors(password, confirm);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (codeError || dobError || passwordErrors.password || passwordErrors.confirm) return;
    setFieldErrors({});
    setGeneral([]);
    let payload;
    try {
      const res = await activate({ variables: { input: { code, dateOfBirth, password } } });
      payload = res.data?.activatePortalAccount;
    } catch {
      setGeneral([t("app.networkError")]);
      return;
    }
    if (!payload) return setGeneral([t("errors.generic")]);
    const fatalError = payload.userErrors.find((e) => FATAL.has(e.code));
    if (fatalError) return setFatal(errorMessage(t, fatalError.code, fatalError.message));
    if (payload.userErrors.length) {
      const split = splitUserErrors(t, payload.userErrors, ["code", "dateOfBirth", "password"]);
      setFieldErrors(split.byField);
      setGeneral(split.general);
      return;
    }
    // Signed in by the API (session cookie): straight to the profiles.
    await client.clearStore();
    await navigate("/", { replace: true });
  };

  return (
    <PortalLayout>
      <FormPage
        title={t("activate.title")}
        intro={fatal ? undefined : t("activate.intro")}
        alerts={
          <>
            {fatal && (
              <Alert severity="error" role="alert">
                {fatal} {t("activate.askClinic")}
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
        footer={
          <Link component={RouterLink} to="/sign-in" sx={{ alignSelf: "center" }}>
            {t("activate.haveAccount")}
          </Link>
        }
      >
        {fatal ? (
          <Button component={RouterLink} to="/sign-in" variant="contained" size="large">
            {t("invite.signIn")}
          </Button>
        ) : (
          <>
            <TextField
              label={t("activate.code")}
              name="activation-code"
              autoComplete="one-time-code"
              required
              fullWidth
              value={code}
              onChange={(e) => {
                setCode(e.target.value.toUpperCase());
                setFieldErrors(({ code: _, ...rest }) => rest);
              }}
              error={(tried && Boolean(codeError)) || Boolean(fieldErrors.code)}
              helperText={tried && codeError ? t(codeError === "required" ? "validation.required" : "activate.codeLength") : (fieldErrors.code ?? t("activate.codeHelp"))}
              slotProps={{ htmlInput: { autoCapitalize: "characters", spellCheck: false, maxLength: 12, style: { fontFamily: "monospace", letterSpacing: "0.15em", fontSize: "1.2rem" } } }}
            />
            <DateOfBirthField
              value={dateOfBirth}
              onChange={(v) => {
                setDateOfBirth(v);
                setFieldErrors(({ dateOfBirth: _, ...rest }) => rest);
              }}
              error={tried ? dobError : null}
              serverError={fieldErrors.dateOfBirth}
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
              {t("activate.submit")}
            </Button>
          </>
        )}
      </FormPage>
    </PortalLayout>
  );
}
