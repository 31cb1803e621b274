import { useState, type FormEvent } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../app/LanguageSwitch";
import { failureMessage } from "../../shared/user-errors";
import { AcceptStaffInviteDocument } from "./staff-invite.documents";
import "./staff-invite.i18n";

/** What a refusal of acceptStaffInvite means for the person holding the link. */
const LINK_PROBLEMS: Record<string, string> = {
  TOKEN_INVALID: "staffInvite.invalid",
  TOKEN_EXPIRED: "staffInvite.expired",
  ACCOUNT_DISABLED: "staffInvite.disabled",
  RATE_LIMITED: "staffInvite.rateLimited",
};

/**
 * /admin/accept-invite/:token, public: an invited staff member chooses a password (acceptStaffInvite),
 * then signs in on the usual page, where MFA applies if the organization requires it.
 */
export function AcceptStaffInvitePage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [accept] = useMutation(AcceptStaffInviteDocument);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  // A used, replaced or expired link cannot become valid: the form goes away, sign-in stays.
  const [linkDead, setLinkDead] = useState(false);
  const [email, setEmail] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setLinkProblem(null);
    if ([...password].length < 12) return setFieldError(t("staffInvite.tooShort"));
    if (password !== repeat) return setFieldError(t("staffInvite.mismatch"));
    setBusy(true);
    try {
      const payload = (await accept({ variables: { input: { token, password } } })).data?.acceptStaffInvite;
      const error = payload?.userErrors[0];
      if (error) {
        if (error.field === "password") setFieldError(t("staffInvite.tooShort"));
        else {
          setLinkProblem(t(LINK_PROBLEMS[error.code] ?? "staffInvite.invalid"));
          setLinkDead(error.code !== "RATE_LIMITED");
        }
        return;
      }
      setEmail(payload?.email ?? "");
    } catch (e) {
      setLinkProblem(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: "100vh", display: "grid", placeItems: "center", p: 2, bgcolor: "background.default" }}>
      <Paper component="section" variant="outlined" sx={{ p: { xs: 3, sm: 5 }, width: "100%", maxWidth: 460 }}>
        <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "center", mb: 2 }}>
          <Typography variant="overline" color="primary" sx={{ fontWeight: 700 }}>
            {t("app.title")}
          </Typography>
          <LanguageSwitch />
        </Box>
        {email !== null ? (
          <>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 1 }}>
              {t("staffInvite.doneTitle")}
            </Typography>
            <Alert severity="success" sx={{ mb: 3 }}>
              {t("staffInvite.done", { email })}
            </Alert>
            <Button component={RouterLink} to="/" variant="contained" size="large" fullWidth>
              {t("staffInvite.signIn")}
            </Button>
          </>
        ) : (
          <>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              {t("staffInvite.title")}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {t("staffInvite.subtitle")}
            </Typography>
            {linkProblem ? (
              <Alert
                severity="error"
                role="alert"
                sx={{ mb: 2 }}
                action={
                  <Button component={RouterLink} to="/" color="inherit" size="small">
                    {t("staffInvite.signIn")}
                  </Button>
                }
              >
                {linkProblem}
              </Alert>
            ) : null}
            {linkDead ? null : (
              <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: "grid", gap: 2 }}>
                <TextField
                  label={t("staffInvite.password")}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                  autoFocus
                  error={!!fieldError}
                  helperText={fieldError ?? t("staffInvite.rules")}
                  slotProps={{ htmlInput: { maxLength: 128 } }}
                />
                <TextField
                  label={t("staffInvite.confirm")}
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(e) => setRepeat(e.target.value)}
                  required
                  slotProps={{ htmlInput: { maxLength: 128 } }}
                />
                <Button type="submit" variant="contained" size="large" disabled={busy || !password || !repeat}>
                  {t("staffInvite.submit")}
                </Button>
              </Box>
            )}
          </>
        )}
      </Paper>
    </Box>
  );
}
