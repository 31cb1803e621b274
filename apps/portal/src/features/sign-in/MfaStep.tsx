import { Alert, Button, Link, Stack, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { resendCode, verifySecondStep, type MfaMethod } from "../../auth/portal-auth";
import { FormPage } from "../../components/FormPage";

/**
 * The second step of portal sign-in, after a correct password: the emailed code (with "send a new
 * code"), or a code from the authenticator app (or a recovery code). No session exists before it.
 */
export function MfaStep({ method, onSignedIn, onRestart }: { method: MfaMethod; onSignedIn: () => Promise<void>; onRestart: () => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await verifySecondStep(recovery ? { recoveryCode: code.trim() } : { code: code.trim() });
    if (result.ok) {
      await onSignedIn();
      return;
    }
    setBusy(false);
    if (result.code === "MFA_EXPIRED") setExpired(true);
    setError(
      result.code === "MFA_EXPIRED"
        ? t("mfa.expired")
        : result.code === "RATE_LIMITED"
          ? t("mfa.rateLimited")
          : result.code === "NETWORK"
            ? t("app.networkError")
            : t("mfa.wrongCode"),
    );
  };

  const onResend = async () => {
    setError(null);
    const result = await resendCode();
    if (result.ok) setNotice(t("mfa.resent"));
    else if (result.code === "MFA_EXPIRED") {
      setExpired(true);
      setError(t("mfa.expired"));
    } else setError(result.code === "RATE_LIMITED" ? t("mfa.resendWait") : t("app.networkError"));
  };

  const intro = recovery ? t("mfa.recoveryIntro") : method === "EMAIL" ? t("mfa.emailIntro") : t("mfa.totpIntro");
  return (
    <FormPage
      title={t("mfa.stepTitle")}
      intro={intro}
      alerts={
        <>
          {notice && <Alert severity="success">{notice}</Alert>}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </>
      }
      onSubmit={expired ? undefined : (e) => void onSubmit(e)}
      footer={
        <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: "wrap", rowGap: 1 }}>
          {method === "EMAIL" && !expired ? (
            <Link component="button" type="button" onClick={() => void onResend()}>
              {t("mfa.resend")}
            </Link>
          ) : null}
          {method === "TOTP" && !expired ? (
            <Link
              component="button"
              type="button"
              onClick={() => {
                setRecovery(!recovery);
                setCode("");
                setError(null);
              }}
            >
              {recovery ? t("mfa.useCode") : t("mfa.useRecovery")}
            </Link>
          ) : null}
          <Link component="button" type="button" onClick={onRestart}>
            {t("mfa.backToSignIn")}
          </Link>
        </Stack>
      }
    >
      {expired ? (
        <Button variant="contained" onClick={onRestart}>
          {t("mfa.backToSignIn")}
        </Button>
      ) : (
        <>
          <TextField
            key={recovery ? "recovery" : "code"}
            label={recovery ? t("mfa.recoveryCode") : t("mfa.code")}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            fullWidth
            autoComplete={recovery ? "off" : "one-time-code"}
            slotProps={{
              htmlInput: {
                inputMode: recovery ? "text" : "numeric",
                maxLength: recovery ? 24 : 6,
                style: { fontSize: 22, letterSpacing: recovery ? 1 : 6 },
              },
            }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy || (recovery ? code.trim().length < 16 : code.trim().length !== 6)}
          >
            {t("mfa.verify")}
          </Button>
        </>
      )}
    </FormPage>
  );
}
