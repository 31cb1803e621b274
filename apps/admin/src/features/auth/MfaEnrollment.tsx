import { useEffect, useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { RecoveryCodes } from "./RecoveryCodes";
import "./mfa.i18n";

export interface EnrollmentSecret {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** What a confirmation returns: the recovery codes, or a message to show at the code field. */
export type ConfirmResult = { recoveryCodes: string[] } | { error: string };

const monospace = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" };

/** The secret in groups of four, easier to type from the screen. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * Enrolling an authenticator app: the QR code (an SVG drawn by the server, shown as an image so it
 * cannot run anything), the key for typing by hand, a first code to confirm, then the recovery codes.
 * The transport is the caller's: GraphQL when signed in, the sign-in routes when enrollment is required.
 */
export function MfaEnrollment({
  start,
  confirm,
  onDone,
}: {
  start: () => Promise<EnrollmentSecret | { error: string }>;
  confirm: (code: string) => Promise<ConfirmResult>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<EnrollmentSecret | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  useEffect(() => {
    let live = true;
    void start().then((r) => {
      if (!live) return;
      if ("error" in r) setFailure(r.error);
      else setSecret(r);
    });
    return () => {
      live = false;
    };
    // Starting again would replace the secret the person may be scanning: once per mount.
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setCodeError(null);
    try {
      const r = await confirm(code.trim());
      if ("error" in r) setCodeError(r.error);
      else setCodes(r.recoveryCodes);
    } finally {
      setBusy(false);
    }
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  if (failure) return <Alert severity="error">{failure}</Alert>;
  if (!secret) return null;
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: "grid", gap: 2 }}>
      <Typography>{t("mfa.scan")}</Typography>
      <Box
        component="img"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(secret.qrCodeSvg)}`}
        alt={t("mfa.qrAlt")}
        sx={{ width: 200, height: 200, justifySelf: "start", border: 1, borderColor: "divider", borderRadius: 1, bgcolor: "#fff" }}
      />
      <Box>
        <Typography variant="body2" color="text.secondary">
          {t("mfa.manualKey")}
        </Typography>
        <Typography data-testid="mfa-manual-key" sx={{ ...monospace, fontSize: 18, letterSpacing: 1, wordBreak: "break-all" }}>
          {groupKey(secret.secret)}
        </Typography>
      </Box>
      <Typography>{t("mfa.confirmLabel")}</Typography>
      <TextField
        label={t("mfa.code")}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={!!codeError}
        helperText={codeError}
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 6, style: { ...monospace, fontSize: 20, letterSpacing: 4 } } }}
        sx={{ maxWidth: 320 }}
      />
      <Box>
        <Button type="submit" variant="contained" disabled={busy || code.trim().length !== 6}>
          {t("mfa.confirm")}
        </Button>
      </Box>
    </Box>
  );
}
