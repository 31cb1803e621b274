import { useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import type { Language, PatientPageQuery } from "../../gql/graphql";
import { useNotify } from "../../shared/Notifier";
import { emailUserError } from "../../shared/email-problem";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { useCan } from "../auth/viewer";
import { UpdatePatientDocument } from "./patient.documents";

type PatientData = NonNullable<PatientPageQuery["patient"]>;
const FIELDS = ["firstName", "lastName", "email", "dateOfBirth", "mrn", "language"] as const;

/** The record's demographics; the Portal tab's pencil leads here to correct the email on file. */
export function DemographicsTab({ patient, onChanged }: { patient: PatientData; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const editable = can("EDIT_PATIENTS");
  const [values, setValues] = useState({
    firstName: patient.firstName,
    lastName: patient.lastName,
    email: patient.email ?? "",
    dateOfBirth: patient.dateOfBirth ?? "",
    mrn: patient.mrn,
    language: patient.language,
  });
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [update] = useMutation(UpdatePatientDocument);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = emailUserError(values.email);
    if (invalid) return setErrors([invalid]);
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = (await update({ variables: { input: { id: patient.id, ...values, language: values.language as Language } } })).data
        ?.updatePatient;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else {
        notify(t("demographics.saved"));
        await onChanged();
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const { byField, general } = splitUserErrors(t, errors, FIELDS);
  const field = (name: (typeof FIELDS)[number], label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={values[name]}
      onChange={set(name)}
      disabled={!editable}
      {...extra}
      error={!!byField[name]}
      // After `extra`, so a field's error is shown in place of its usual hint.
      helperText={byField[name] ?? (extra.helperText as string | undefined)}
    />
  );

  return (
    <Card variant="outlined">
      <CardContent component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
        {general.map((text) => (
          <Alert key={text} severity="error" sx={{ mb: 2 }}>
            {text}
          </Alert>
        ))}
        {failure ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        ) : null}
        <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" }, gap: 2.5 }}>
          {field("firstName", t("demographics.firstName"))}
          {field("lastName", t("demographics.lastName"))}
          {field("email", t("demographics.email"), { type: "email", helperText: t("demographics.loginEmailNote") })}
          {field("dateOfBirth", t("demographics.dateOfBirth"), { type: "date", slotProps: { inputLabel: { shrink: true } } })}
          {field("mrn", t("demographics.mrn"))}
          <TextField select label={t("demographics.language")} value={values.language} onChange={set("language")} disabled={!editable}>
            <MenuItem value="EN">{t("language.EN")}</MenuItem>
            <MenuItem value="FR">{t("language.FR")}</MenuItem>
          </TextField>
        </Box>
        {editable ? (
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 3 }}>
            {t("app.save")}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
