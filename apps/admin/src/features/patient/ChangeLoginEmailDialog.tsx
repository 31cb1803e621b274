import { useEffect, useId, useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import { emailUserError } from "../../shared/email-problem";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { ChangePortalLoginEmailDocument } from "./patient.documents";

interface Props {
  open: boolean;
  onClose: () => void;
  account: { id: string; email: string; pendingLoginEmail?: string | null };
  /** Called with the address now awaiting confirmation, or null when a pending change was cancelled. */
  onChanged: (pendingLoginEmail: string | null) => unknown;
}

/**
 * Asks to change a portal account's login (rules 14, 18), which is not the email on the patient's
 * record: a confirmation link goes to the new address and the change happens only once it is used
 * there; the old address is told at once. The current address cancels a pending change.
 */
export function ChangeLoginEmailDialog({ open, onClose, account, onChanged }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [change] = useMutation(ChangePortalLoginEmailDocument);

  useEffect(() => {
    if (open) {
      setEmail("");
      setErrors([]);
      setFailure(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = emailUserError(email);
    if (invalid) return setErrors([invalid]);
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = (await change({ variables: { input: { accountId: account.id, email: email.trim() } } })).data?.changePortalLoginEmail;
      if (payload?.userErrors.length) {
        setErrors(payload.userErrors);
        return;
      }
      await onChanged(payload?.account?.pendingLoginEmail ?? null);
      onClose();
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const { byField, general } = splitUserErrors(t, errors, ["email"]);
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{t("loginEmail.title")}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5}>
            <DialogContentText>{t("loginEmail.current", { email: account.email })}</DialogContentText>
            {account.pendingLoginEmail ? (
              <DialogContentText>
                {t("loginEmail.pending", { email: account.pendingLoginEmail })}. {t("loginEmail.cancelHint")}
              </DialogContentText>
            ) : null}
            {general.map((text) => (
              <Alert key={text} severity="error">
                {text}
              </Alert>
            ))}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
            <TextField
              label={t("loginEmail.newEmail")}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoFocus
              error={!!byField.email}
              helperText={byField.email}
            />
            <Alert severity="info">{t("loginEmail.warning")}</Alert>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !email.trim()}>
            {t("loginEmail.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
