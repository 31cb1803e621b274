import { useMutation } from "@apollo/client/react";
import { Alert, Button, FormControlLabel, Radio, RadioGroup, Stack, Typography } from "@mui/material";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router";
import { errorMessage } from "../../components/errors";
import { accountLanguage, LANGUAGES, rememberLanguage, type PortalLanguage } from "../../i18n/i18n";
import { UpdatePortalAccountLanguageMutation } from "./account.graphql";

interface Props {
  /** The account's saved language, EN or FR. */
  language: string;
}

/** The account page's password and language sections: the language is saved on the account, for its emails. */
export function AccountSettings({ language }: Props) {
  const { t, i18n } = useTranslation();
  const [save, { loading }] = useMutation(UpdatePortalAccountLanguageMutation);
  const [saved, setSaved] = useState<PortalLanguage>(accountLanguage(language) ?? "en");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const labelId = useId();

  const onChange = async (next: PortalLanguage) => {
    setNotice(null);
    setError(null);
    try {
      const payload = (await save({ variables: { input: { language: next === "fr" ? "FR" : "EN" } } })).data?.updatePortalAccountLanguage;
      const problem = payload?.userErrors[0];
      if (!payload || problem) return setError(problem ? errorMessage(t, problem.code, problem.message) : t("errors.generic"));
      setSaved(next);
      // The portal follows the account's choice at once, and remembers it in this browser.
      rememberLanguage(next);
      await i18n.changeLanguage(next);
      setNotice(i18n.getFixedT(next)("account.saved"));
    } catch {
      setError(t("app.networkError"));
    }
  };

  return (
    <Stack spacing={3} sx={{ mb: 3 }}>
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          {t("account.passwordTitle")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t("account.passwordIntro")}
        </Typography>
        <Button component={RouterLink} to="/change-password" variant="outlined" sx={{ alignSelf: "flex-start" }}>
          {t("account.changePassword")}
        </Button>
      </Stack>
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          {t("account.languageTitle")}
        </Typography>
        <Typography variant="body2" color="text.secondary" id={labelId}>
          {t("account.languageLabel")}
        </Typography>
        <RadioGroup row aria-labelledby={labelId} value={saved} onChange={(_e, value) => void onChange(value as PortalLanguage)}>
          {LANGUAGES.map((lng) => (
            <FormControlLabel key={lng} value={lng} disabled={loading} control={<Radio />} label={<span lang={lng}>{t(`app.languages.${lng}`)}</span>} />
          ))}
        </RadioGroup>
        {notice ? (
          <Alert severity="success" role="status">
            {notice}
          </Alert>
        ) : null}
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Stack>
  );
}
