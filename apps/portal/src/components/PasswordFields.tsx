import { TextField } from "@mui/material";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@portal/schema";

/** The shared password rule from @portal/schema, so the form refuses exactly what the server refuses. */
export function newPasswordErrors(password: string, confirm: string): { password?: string; confirm?: string } {
  const problem = passwordProblem(password);
  if (problem) return { password: problem };
  if (password !== confirm) return { confirm: "mismatch" };
  return {};
}

interface Props {
  password: string;
  confirm: string;
  onPasswordChange(value: string): void;
  onConfirmChange(value: string): void;
  /** Validation keys (TOO_SHORT, mismatch…) shown once the user tried to submit. */
  errors: { password?: string; confirm?: string };
  /** A server-side message for the password field (e.g. WEAK_PASSWORD). */
  serverError?: string;
  disabled?: boolean;
}

export function PasswordFields({ password, confirm, onPasswordChange, onConfirmChange, errors, serverError, disabled }: Props) {
  const { t } = useTranslation();
  const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  const passwordError = errors.password ? t(`validation.${errors.password}`, params) : serverError;
  return (
    <>
      <TextField
        label={t("fields.newPassword")}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        fullWidth
        value={password}
        disabled={disabled}
        onChange={(e) => onPasswordChange(e.target.value)}
        error={Boolean(passwordError)}
        helperText={passwordError ?? t("fields.passwordHelp", params)}
        slotProps={{ htmlInput: { maxLength: PASSWORD_MAX_LENGTH * 2 } }}
      />
      <TextField
        label={t("fields.confirmPassword")}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        fullWidth
        value={confirm}
        disabled={disabled}
        onChange={(e) => onConfirmChange(e.target.value)}
        error={Boolean(errors.confirm)}
        helperText={errors.confirm ? t(`validation.${errors.confirm}`) : " "}
      />
    </>
  );
}
