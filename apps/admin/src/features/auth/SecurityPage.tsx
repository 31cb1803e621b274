import { useState, type FormEvent } from "react";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { LoadError, Loading } from "../../shared/QueryState";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { MfaEnrollment, type ConfirmResult, type EnrollmentSecret } from "./MfaEnrollment";
import { RecoveryCodes } from "./RecoveryCodes";
import {
  ConfirmMfaEnrollmentDocument,
  DisableMfaDocument,
  MfaStatusDocument,
  RegenerateRecoveryCodesDocument,
  StartMfaEnrollmentDocument,
} from "./mfa.documents";
import "./mfa.i18n";

type Mode = "idle" | "enroll" | "regenerate" | "disable";

/** One's own two-factor sign-in: set it up, replace the recovery codes, or turn it off (each with a current code). */
export function SecurityPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MfaStatusDocument, { fetchPolicy: "network-only" });
  const [start] = useMutation(StartMfaEnrollmentDocument);
  const [confirmEnrollment] = useMutation(ConfirmMfaEnrollmentDocument);
  const [regenerate] = useMutation(RegenerateRecoveryCodesDocument);
  const [disable] = useMutation(DisableMfaDocument);
  const [mode, setMode] = useState<Mode>("idle");
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const viewer = data?.viewer;
  if (!viewer) return null;

  const finish = async (message?: string) => {
    setMode("idle");
    setCode("");
    setCodeError(null);
    setNewCodes(null);
    await refetch();
    await client.refetchQueries({ include: "active" });
    if (message) notify(message);
  };

  const startEnrollment = async (): Promise<EnrollmentSecret | { error: string }> => {
    try {
      const payload = (await start()).data?.startMfaEnrollment;
      if (!payload || payload.userErrors.length)
        return { error: payload ? userErrorMessage(t, payload.userErrors[0]) : t("errors.unexpected") };
      return { secret: payload.secret!, otpauthUri: payload.otpauthUri!, qrCodeSvg: payload.qrCodeSvg! };
    } catch (e) {
      return { error: failureMessage(t, e) };
    }
  };
  const confirm = async (value: string): Promise<ConfirmResult> => {
    try {
      const payload = (await confirmEnrollment({ variables: { input: { code: value } } })).data?.confirmMfaEnrollment;
      if (!payload || payload.userErrors.length)
        return { error: payload ? userErrorMessage(t, payload.userErrors[0]) : t("errors.unexpected") };
      return { recoveryCodes: payload.recoveryCodes ?? [] };
    } catch (e) {
      return { error: failureMessage(t, e) };
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setCodeError(null);
    try {
      const input = { code: code.trim() };
      if (mode === "regenerate") {
        const payload = (await regenerate({ variables: { input } })).data?.regenerateRecoveryCodes;
        if (payload?.userErrors.length) setCodeError(userErrorMessage(t, payload.userErrors[0]));
        else setNewCodes(payload?.recoveryCodes ?? []);
      } else {
        const payload = (await disable({ variables: { input } })).data?.disableMfa;
        if (payload?.userErrors.length) setCodeError(userErrorMessage(t, payload.userErrors[0]));
        else await finish(t("mfa.disabled"));
      }
    } catch (e) {
      setCodeError(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 2 }}>
        {t("mfa.securityTitle")}
      </Typography>
      <Card variant="outlined">
        <CardContent sx={{ display: "grid", gap: 2 }}>
          <Box sx={{ display: "flex", alignItems: "center", gap: 1.5, flexWrap: "wrap" }}>
            <Chip color={viewer.mfaEnabled ? "success" : "default"} label={viewer.mfaEnabled ? t("mfa.on") : t("mfa.off")} />
            <Typography>{viewer.mfaEnabled ? t("mfa.statusOn") : t("mfa.statusOff")}</Typography>
          </Box>
          {viewer.mfaRequired ? <Alert severity="info">{t("mfa.requiredNote")}</Alert> : null}
          {viewer.mfaEnabled && viewer.recoveryCodesLeft != null ? (
            <Typography color={viewer.recoveryCodesLeft <= 2 ? "warning.main" : "text.secondary"}>
              {t("mfa.codesLeft", { count: viewer.recoveryCodesLeft })}
            </Typography>
          ) : null}

          {mode === "enroll" ? <MfaEnrollment start={startEnrollment} confirm={confirm} onDone={() => void finish(t("mfa.done"))} /> : null}
          {newCodes ? <RecoveryCodes codes={newCodes} onDone={() => void finish()} /> : null}
          {(mode === "regenerate" || mode === "disable") && !newCodes ? (
            <Box component="form" onSubmit={(e) => void submitCode(e)} noValidate sx={{ display: "grid", gap: 2 }}>
              <Typography>{mode === "regenerate" ? t("mfa.regenerateHelp") : t("mfa.disableHelp")}</Typography>
              <TextField
                label={t("mfa.code")}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={!!codeError}
                helperText={codeError}
                autoFocus
                autoComplete="one-time-code"
                slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 24 } }}
                sx={{ maxWidth: 320 }}
              />
              <Box sx={{ display: "flex", gap: 1 }}>
                <Button
                  type="submit"
                  variant="contained"
                  color={mode === "disable" ? "error" : "primary"}
                  disabled={busy || code.trim().length < 6}
                >
                  {mode === "regenerate" ? t("mfa.regenerate") : t("mfa.disable")}
                </Button>
                <Button onClick={() => void finish()}>{t("mfa.cancel")}</Button>
              </Box>
            </Box>
          ) : null}

          {mode === "idle" ? (
            <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
              {!viewer.mfaEnabled ? (
                <Button variant="contained" onClick={() => setMode("enroll")}>
                  {t("mfa.setUp")}
                </Button>
              ) : (
                <>
                  <Button variant="outlined" onClick={() => setMode("regenerate")}>
                    {t("mfa.regenerate")}
                  </Button>
                  {!viewer.mfaRequired ? (
                    <Button variant="outlined" color="error" onClick={() => setMode("disable")}>
                      {t("mfa.disable")}
                    </Button>
                  ) : null}
                </>
              )}
            </Box>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
}
