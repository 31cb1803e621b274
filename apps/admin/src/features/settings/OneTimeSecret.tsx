import { useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { useTranslation } from "react-i18next";

export const monospace = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" };

/**
 * A secret shown once (an API key, a webhook signing secret): a warning, the value, a copy button.
 * The server keeps only a hash or a sealed copy; closing the dialog forgets it for good.
 */
export function OneTimeSecret({ secret, label, warning, onDone }: { secret: string; label: string; warning: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {warning}
        </Alert>
        <TextField
          label={label}
          value={secret}
          fullWidth
          onFocus={(e) => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, spellCheck: false, style: monospace },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={t("settings.apiKeys.copy")}>
                    <IconButton aria-label={t("settings.apiKeys.copy")} onClick={() => void copy()} edge="end">
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
        <Box role="status" sx={{ minHeight: 24, mt: 1 }}>
          {copied === "yes" ? <Typography color="success.main">{t("settings.apiKeys.copied")}</Typography> : null}
          {copied === "failed" ? <Typography color="error">{t("settings.apiKeys.copyFailed")}</Typography> : null}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onDone}>
          {t("settings.apiKeys.done")}
        </Button>
      </DialogActions>
    </>
  );
}
