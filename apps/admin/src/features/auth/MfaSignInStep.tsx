import { useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { MfaEnrollment, type ConfirmResult, type EnrollmentSecret } from "./MfaEnrollment";
import "./mfa.i18n";

const monospace = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" };

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * The second sign-in step, after a correct password: a code from the authenticator app or a
 * recovery code; or, when the organization requires MFA and the member has none, the enrollment.
 * Nothing of the app is reachable before this step succeeds (the server holds no session yet).
 */
export function MfaSignInStep({
  enrollment,
  onSignedIn,
  onRestart,
}: {
  enrollment: boolean;
  onSignedIn: () => Promise<unknown> | void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  const messageFor = (status: number, body: Record<string, unknown>) => {
    if (status === 401 && body.error === "MFA_EXPIRED") {
      setExpired(true);
      return t("mfa.expired");
    }
    if (status === 429) return t("mfa.rateLimited");
    if (status === 401 || body.error === "MFA_CODE_INVALID") return t("mfa.wrongCode");
    return t("signIn.failed");
  };

  if (enrollment) {
    const start = async (): Promise<EnrollmentSecret | { error: string }> => {
      try {
        const r = await post("/auth/login/mfa/enroll", {});
        return r.status === 200 ? (r.body as unknown as EnrollmentSecret) : { error: messageFor(r.status, r.body) };
      } catch {
        return { error: t("errors.network") };
      }
    };
    const confirm = async (value: string): Promise<ConfirmResult> => {
      try {
        const r = await post("/auth/login/mfa/enroll/confirm", { code: value });
        return r.status === 200 ? { recoveryCodes: r.body.recoveryCodes as string[] } : { error: messageFor(r.status, r.body) };
      } catch {
        return { error: t("errors.network") };
      }
    };
    return (
      <Box sx={{ display: "grid", gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {t("mfa.requiredTitle")}
        </Typography>
        <Typography color="text.secondary">{t("mfa.requiredSubtitle")}</Typography>
        <MfaEnrollment start={start} confirm={confirm} onDone={() => void onSignedIn()} />
      </Box>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await post("/auth/login/mfa", useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() });
      if (r.status === 200) {
        await onSignedIn();
        return;
      }
      setError(messageFor(r.status, r.body));
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: "grid", gap: 2 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
        {t("mfa.stepTitle")}
      </Typography>
      <Typography color="text.secondary">{useRecovery ? t("mfa.recoverySubtitle") : t("mfa.stepSubtitle")}</Typography>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
      {expired ? (
        <Button variant="contained" onClick={onRestart}>
          {t("mfa.backToPassword")}
        </Button>
      ) : (
        <>
          <TextField
            key={useRecovery ? "recovery" : "code"}
            label={useRecovery ? t("mfa.recoveryCode") : t("mfa.code")}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete={useRecovery ? "off" : "one-time-code"}
            slotProps={{
              htmlInput: {
                inputMode: useRecovery ? "text" : "numeric",
                maxLength: useRecovery ? 24 : 6,
                spellCheck: false,
                style: { ...monospace, fontSize: 20, letterSpacing: useRecovery ? 1 : 4 },
              },
            }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy || (useRecovery ? code.trim().length < 16 : code.trim().length !== 6)}
          >
            {t("mfa.verify")}
          </Button>
          <Box sx={{ display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: 1 }}>
            <Link
              component="button"
              type="button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setCode("");
                setError(null);
              }}
            >
              {useRecovery ? t("mfa.useCode") : t("mfa.useRecovery")}
            </Link>
            <Link component="button" type="button" onClick={onRestart}>
              {t("mfa.backToPassword")}
            </Link>
          </Box>
        </>
      )}
    </Box>
  );
}
