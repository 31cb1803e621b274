import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, CircularProgress, Link, Stack, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate, useParams } from "react-router";
import { isIsoDate } from "@portal/schema";
import { errorMessage, splitUserErrors } from "../../components/errors";
import { FormPage } from "../../components/FormPage";
import { DateOfBirthField } from "../../components/DateOfBirthField";
import { newPasswordErrors, PasswordFields } from "../../components/PasswordFields";
import { PortalLayout } from "../../layout/PortalLayout";
import { AcceptPortalInviteMutation, CheckPortalInviteQuery } from "./invite.graphql";
import { RequestNewInvite } from "../activate/RequestNewInvite";

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
  // The link's state is asked before the form is shown, so a used or expired link says so at once.
  // If the check itself fails (network), the form stays usable: accepting checks the link again.
  const check = useQuery(CheckPortalInviteQuery, { variables: { token }, fetchPolicy: "network-only" });
  const checkError = check.data?.checkPortalInvite.userErrors.find((e) => FATAL.has(e.code));
  // Rule 22: an expired or locked link can be traded for a new one with the date of birth on file.
  const [fatalCode, setFatalCode] = useState<string | null>(null);
  const recoverable = ["INVITE_EXPIRED", "INVITE_LOCKED"].includes(fatalCode ?? checkError?.code ?? "");
  const shownFatal = fatal ?? (checkError ? errorMessage(t, checkError.code, checkError.message) : null);
  const checking = check.loading && !check.data;

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
    if (fatalError) {
      setFatalCode(fatalError.code);
      return setFatal(errorMessage(t, fatalError.code, fatalError.message));
    }
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
        intro={shownFatal || checking ? undefined : t("invite.intro")}
        alerts={
          <>
            {shownFatal && (
              <Alert severity="error" role="alert">
                {shownFatal}
              </Alert>
            )}
            {general.map((message) => (
              <Alert key={message} severity="error" role="alert">
                {message}
              </Alert>
            ))}
          </>
        }
        onSubmit={shownFatal || checking ? undefined : (e) => void onSubmit(e)}
      >
        {checking && (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }} role="status">
            <CircularProgress size={20} />
            <Typography>{t("invite.checking")}</Typography>
          </Stack>
        )}
        {shownFatal && recoverable && <RequestNewInvite token={token} />}
        {shownFatal && (
          <Stack spacing={1.5}>
            <Typography color="text.secondary">{t("invite.alreadySetUp")}</Typography>
            <Button component={RouterLink} to="/sign-in" variant="contained" size="large">
              {t("invite.signIn")}
            </Button>
            <Link component={RouterLink} to="/forgot-password" sx={{ alignSelf: "center" }}>
              {t("invite.forgot")}
            </Link>
          </Stack>
        )}
        {!shownFatal && !checking && (
          <>
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
              {t("invite.submit")}
            </Button>
          </>
        )}
      </FormPage>
    </PortalLayout>
  );
}
