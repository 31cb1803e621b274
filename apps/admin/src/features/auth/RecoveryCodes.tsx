import { useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Typography from "@mui/material/Typography";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import DownloadIcon from "@mui/icons-material/Download";
import { useTranslation } from "react-i18next";
import "./mfa.i18n";

const monospace = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" };

/**
 * Ten recovery codes, shown once (the server keeps only their hashes): copy, download, and a
 * checkbox to confirm they were saved before going on.
 */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const text = codes.join("\n") + "\n";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`Portal Access recovery codes\n\n${text}`], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "portal-access-recovery-codes.txt";
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      <Typography variant="h6" component="h2">
        {t("mfa.recoveryTitle")}
      </Typography>
      <Alert severity="warning">{t("mfa.recoveryWarning")}</Alert>
      <Box
        component="ol"
        aria-label={t("mfa.recoveryTitle")}
        data-testid="recovery-codes"
        sx={{
          ...monospace,
          m: 0,
          p: 2,
          pl: 5,
          bgcolor: "action.hover",
          borderRadius: 1,
          display: "grid",
          gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" },
          columnGap: 4,
          rowGap: 0.5,
          fontSize: 16,
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {t("mfa.copy")}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          {t("mfa.download")}
        </Button>
      </Box>
      <Box role="status" sx={{ minHeight: 24 }}>
        {copied === "yes" ? <Typography color="success.main">{t("mfa.copied")}</Typography> : null}
        {copied === "failed" ? <Typography color="error">{t("mfa.copyFailed")}</Typography> : null}
      </Box>
      <FormControlLabel control={<Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />} label={t("mfa.saved")} />
      <Box>
        <Button variant="contained" disabled={!saved} onClick={onDone}>
          {t("mfa.continue")}
        </Button>
      </Box>
    </Box>
  );
}
