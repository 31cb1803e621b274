import { useState } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormHelperText from "@mui/material/FormHelperText";
import Switch from "@mui/material/Switch";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { MfaOrganizationSettingsDocument, UpdateMfaRequirementDocument } from "./mfa-settings.documents";
import "../auth/mfa.i18n";

/** The organization's two-factor requirements (rule 18): each switch saves at once and applies at the next sign-in. */
export function MfaSettings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { data } = useQuery(MfaOrganizationSettingsDocument);
  const [update] = useMutation(UpdateMfaRequirementDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const org = data?.viewer?.organization;
  if (!org) return null;

  const save = async (input: { requireStaffMfa?: boolean; requireProxyMfa?: boolean }) => {
    setBusy(true);
    setFailure(null);
    try {
      const payload = (await update({ variables: { input } })).data?.updateOrganizationSettings;
      if (payload?.userErrors.length) setFailure(userErrorMessage(t, payload.userErrors[0]));
      else notify(t("app.saved"));
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent sx={{ display: "grid", gap: 1.5 }}>
        <Typography variant="h6" component="h2">
          {t("mfa.orgSettingTitle")}
        </Typography>
        {failure ? <Alert severity="error">{failure}</Alert> : null}
        <Box>
          <FormControlLabel
            control={
              <Switch checked={org.requireStaffMfa} disabled={busy} onChange={(e) => void save({ requireStaffMfa: e.target.checked })} />
            }
            label={t("mfa.requireStaff")}
          />
          <FormHelperText sx={{ ml: 6, mt: -0.5 }}>{t("mfa.requireStaffHelp")}</FormHelperText>
        </Box>
        <Box>
          <FormControlLabel
            control={
              <Switch checked={org.requireProxyMfa} disabled={busy} onChange={(e) => void save({ requireProxyMfa: e.target.checked })} />
            }
            label={t("mfa.requireProxy")}
          />
          <FormHelperText sx={{ ml: 6, mt: -0.5 }}>{t("mfa.requireProxyHelp")}</FormHelperText>
        </Box>
      </CardContent>
    </Card>
  );
}
