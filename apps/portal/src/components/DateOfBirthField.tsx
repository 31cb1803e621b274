import { TextField } from "@mui/material";
import { useTranslation } from "react-i18next";

interface Props {
  value: string;
  onChange(value: string): void;
  /** A validation key (required, invalid…) shown once the user tried to submit. */
  error?: string | null;
  /** A server-side message for the field (e.g. a date of birth that does not match). */
  serverError?: string;
}

/** The date of birth a patient confirms (invite, activation code, temporary password): one field, one wording. */
export function DateOfBirthField({ value, onChange, error, serverError }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("fields.dateOfBirth")}
      type="date"
      name="date-of-birth"
      autoComplete="bday"
      required
      fullWidth
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error) || Boolean(serverError)}
      helperText={error ? t(`validation.${error}`) : (serverError ?? t("fields.dateOfBirthHelp"))}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: "9999-12-31" } }}
    />
  );
}
