import { useMutation } from "@apollo/client/react";
import { Alert, Button, Stack, TextField, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "@portal/schema";
import { errorMessage } from "../../components/errors";
import { RequestNewPortalInviteMutation } from "./activate.graphql";

/**
 * Rule 22: from an expired or locked invite link (`token`), or from "forgot password" for an
 * account that never signed up (`email`), the person asks for a new invite with the date of birth
 * on file. The answer is the same whether or not it matched, so this says only what may happen.
 */
export function RequestNewInvite({ token, email, heading }: { token?: string; email?: string; heading?: string }) {
  const { t } = useTranslation();
  const [request, { loading }] = useMutation(RequestNewPortalInviteMutation);
  const [dateOfBirth, setDateOfBirth] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dobError = !dateOfBirth ? "required" : !isIsoDate(dateOfBirth) ? "invalidDate" : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (dobError) return;
    setError(null);
    try {
      const res = await request({ variables: { input: { token: token ?? null, email: email ?? null, dateOfBirth } } });
      const problem = res.data?.requestNewPortalInvite.userErrors[0];
      if (problem) return setError(errorMessage(t, problem.code, problem.message));
      setDone(true);
    } catch {
      setError(t("app.networkError"));
    }
  };

  if (done) {
    return (
      <Alert severity="success" role="status">
        {t("newInvite.sent")}
      </Alert>
    );
  }
  return (
    <Stack component="form" noValidate spacing={1.5} onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-invite-title">
      <Typography id="new-invite-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {heading ?? t("newInvite.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t("newInvite.intro")}
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <TextField
        label={t("fields.dateOfBirth")}
        type="date"
        name="new-invite-date-of-birth"
        autoComplete="bday"
        required
        fullWidth
        value={dateOfBirth}
        onChange={(e) => setDateOfBirth(e.target.value)}
        error={tried && Boolean(dobError)}
        helperText={tried && dobError ? t(`validation.${dobError}`) : t("fields.dateOfBirthHelp")}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: "9999-12-31" } }}
      />
      <Button type="submit" variant="outlined" size="large" disabled={loading}>
        {t("newInvite.submit")}
      </Button>
    </Stack>
  );
}
