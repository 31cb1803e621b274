import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Box, Button, Checkbox, FormControlLabel, Link, Paper, Stack, TextField, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router";
import { errorMessage } from "../../components/errors";
import {
  ConfirmPortalTotpMutation,
  DisablePortalMfaMutation,
  EnablePortalEmailMfaMutation,
  PortalMfaStatusQuery,
  StartPortalTotpMutation,
} from "./account.graphql";
import { AccountSettings } from "./AccountSettings";

const monospace = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" };

type Step = { kind: "idle" } | { kind: "totp"; secret: string; qrCodeSvg: string } | { kind: "codes"; codes: string[] } | { kind: "off" };

/** The account page: two-step sign-in by emailed code or authenticator app, the account's own choice (rule 18). */
export function AccountPage() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(PortalMfaStatusQuery, { fetchPolicy: "network-only" });
  const [startTotp] = useMutation(StartPortalTotpMutation);
  const [confirmTotp] = useMutation(ConfirmPortalTotpMutation);
  const [enableEmail] = useMutation(EnablePortalEmailMfaMutation);
  const [disable] = useMutation(DisablePortalMfaMutation);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const account = data?.portalViewer.account;
  if (!account) return null;

  const run = async (work: () => Promise<readonly { code: string; message: string }[] | undefined | void>, success?: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const errors = await work();
      if (errors?.length) setError(errorMessage(t, errors[0]!.code, errors[0]!.message));
      else if (success) setNotice(success);
    } catch {
      setError(t("app.networkError"));
    } finally {
      setBusy(false);
    }
  };
  const reset = async (message?: string) => {
    setStep({ kind: "idle" });
    setValue("");
    setSaved(false);
    await refetch();
    if (message) setNotice(message);
  };

  const onEmail = () =>
    run(async () => {
      const payload = (await enableEmail()).data?.enablePortalEmailMfa;
      if (!payload?.userErrors.length) await refetch();
      return payload?.userErrors;
    }, t("mfa.turnedOn"));
  const onTotp = () =>
    run(async () => {
      const payload = (await startTotp()).data?.startPortalTotpEnrollment;
      if (payload && !payload.userErrors.length) setStep({ kind: "totp", secret: payload.secret!, qrCodeSvg: payload.qrCodeSvg! });
      return payload?.userErrors;
    });
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const payload = (await confirmTotp({ variables: { input: { code: value.trim() } } })).data?.confirmPortalTotpEnrollment;
      if (payload && !payload.userErrors.length) {
        setValue("");
        setStep({ kind: "codes", codes: payload.recoveryCodes ?? [] });
      }
      return payload?.userErrors;
    });
  };
  const onOff = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const input = account.mfaMethod === "TOTP" ? { code: value.trim() } : { password: value };
      const payload = (await disable({ variables: { input } })).data?.disablePortalMfa;
      if (payload && !payload.userErrors.length) await reset(t("mfa.turnedOff"));
      return payload?.userErrors;
    });
  };

  const status =
    account.mfaMethod === "TOTP" ? t("mfa.statusTotp") : account.mfaMethod === "EMAIL" ? t("mfa.statusEmail") : t("mfa.statusOff");
  return (
    <Paper variant="outlined" sx={{ maxWidth: 560, mx: "auto", p: { xs: 2.5, sm: 4 } }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t("mfa.accountTitle")}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {account.email}
      </Typography>
      <AccountSettings language={account.language} />
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t("mfa.sectionTitle")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t("mfa.sectionIntro")}
        </Typography>
        <Typography sx={{ fontWeight: 500, color: account.mfaMethod ? "success.dark" : "text.primary" }}>{status}</Typography>
        {account.mfaRequired ? <Alert severity="info">{t("mfa.requiredNote")}</Alert> : null}
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

        {step.kind === "idle" && !account.mfaChosen ? (
          <Stack spacing={1.5}>
            <Button variant="contained" disabled={busy} onClick={() => void onEmail()}>
              {t("mfa.chooseEmail")}
            </Button>
            <Button variant="outlined" disabled={busy} onClick={() => void onTotp()}>
              {t("mfa.chooseTotp")}
            </Button>
          </Stack>
        ) : null}
        {step.kind === "idle" && account.mfaChosen ? (
          <Box>
            <Button variant="outlined" color="error" onClick={() => setStep({ kind: "off" })}>
              {t("mfa.turnOff")}
            </Button>
          </Box>
        ) : null}

        {step.kind === "totp" ? (
          <Box component="form" noValidate onSubmit={onConfirm}>
            <Stack spacing={2}>
              <Typography>{t("mfa.scan")}</Typography>
              <Box
                component="img"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(step.qrCodeSvg)}`}
                alt={t("mfa.qrAlt")}
                sx={{ width: 180, height: 180, alignSelf: "center", bgcolor: "#fff", border: 1, borderColor: "divider", borderRadius: 1 }}
              />
              <Box>
                <Typography variant="body2" color="text.secondary">
                  {t("mfa.manualKey")}
                </Typography>
                <Typography data-testid="portal-mfa-key" sx={{ ...monospace, wordBreak: "break-all" }}>
                  {step.secret.match(/.{1,4}/g)?.join(" ")}
                </Typography>
              </Box>
              <TextField
                label={t("mfa.code")}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoComplete="one-time-code"
                slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 6 } }}
              />
              <Button type="submit" variant="contained" disabled={busy || value.trim().length !== 6}>
                {t("mfa.confirm")}
              </Button>
              <Button onClick={() => void reset()}>{t("mfa.cancel")}</Button>
            </Stack>
          </Box>
        ) : null}

        {step.kind === "codes" ? (
          <Stack spacing={2}>
            <Typography variant="h6" component="h3">
              {t("mfa.recoveryTitle")}
            </Typography>
            <Alert severity="warning">{t("mfa.recoveryWarning")}</Alert>
            <Box component="ol" sx={{ ...monospace, m: 0, p: 2, pl: 5, bgcolor: "grey.100", borderRadius: 1 }}>
              {step.codes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </Box>
            <Button
              variant="outlined"
              onClick={() => void navigator.clipboard.writeText(step.codes.join("\n")).then(() => setNotice(t("mfa.copied")))}
            >
              {t("mfa.copy")}
            </Button>
            <FormControlLabel control={<Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />} label={t("mfa.saved")} />
            <Button variant="contained" disabled={!saved} onClick={() => void reset(t("mfa.turnedOn"))}>
              {t("mfa.done")}
            </Button>
          </Stack>
        ) : null}

        {step.kind === "off" ? (
          <Box component="form" noValidate onSubmit={onOff}>
            <Stack spacing={2}>
              <Typography>{account.mfaMethod === "TOTP" ? t("mfa.turnOffTotpHelp") : t("mfa.turnOffEmailHelp")}</Typography>
              <TextField
                label={account.mfaMethod === "TOTP" ? t("mfa.code") : t("mfa.password")}
                type={account.mfaMethod === "TOTP" ? "text" : "password"}
                autoComplete={account.mfaMethod === "TOTP" ? "one-time-code" : "current-password"}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
              <Button type="submit" variant="contained" color="error" disabled={busy || !value}>
                {t("mfa.turnOff")}
              </Button>
              <Button onClick={() => void reset()}>{t("mfa.cancel")}</Button>
            </Stack>
          </Box>
        ) : null}

        <Link component={RouterLink} to="/">
          {t("mfa.back")}
        </Link>
      </Stack>
    </Paper>
  );
}
