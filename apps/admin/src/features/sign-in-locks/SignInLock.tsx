import { useState } from "react";
import { useMutation } from "@apollo/client/react";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { useRunner } from "../../shared/useRunner";
import { UnlockPortalAccountDocument, UnlockStaffUserDocument } from "./sign-in-locks.documents";
import "./sign-in-locks.i18n";

/** Whether a `lockedUntil` from the API is still in the future (a lock that ran out needs no action). */
export function isLocked(lockedUntil: string | null | undefined): lockedUntil is string {
  return !!lockedUntil && new Date(lockedUntil).getTime() > Date.now();
}

/** "Locked until 14:32", with how locks work on hover; nothing when not locked. */
export function SignInLockChip({ lockedUntil }: { lockedUntil: string | null | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!isLocked(lockedUntil)) return null;
  // Locks last an hour at most: the time alone says it, unless the lock runs past midnight.
  const until = new Date(lockedUntil);
  const time = until.toDateString() === new Date().toDateString() ? new Intl.DateTimeFormat(fmt.locale, { timeStyle: "short" }).format(until) : fmt.dateTime(lockedUntil);
  return (
    <Tooltip title={t("signInLock.lockedHint")}>
      <Chip size="small" color="warning" variant="outlined" label={t("signInLock.locked", { time })} />
    </Tooltip>
  );
}

interface UnlockProps {
  kind: "staff" | "portal";
  id: string;
  /** Who is unlocked, as the dialog names them (a name or a login email). */
  name: string;
  lockedUntil: string | null | undefined;
  onDone?: () => unknown;
}

/** "Unlock" with a dialog asking for the reason (required, kept in the audit log); shown only while locked. */
export function UnlockButton({ kind, id, name, lockedUntil, onDone }: UnlockProps) {
  const { t } = useTranslation();
  const run = useRunner();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [unlockStaff] = useMutation(UnlockStaffUserDocument);
  const [unlockPortal] = useMutation(UnlockPortalAccountDocument);
  if (!isLocked(lockedUntil)) return null;
  const confirm = () =>
    reason.trim() === ""
      ? t("signInLock.reasonRequired")
      : run(
      async () =>
        kind === "staff"
          ? (await unlockStaff({ variables: { input: { staffUserId: id, reason } } })).data?.unlockStaffUser.userErrors
          : (await unlockPortal({ variables: { input: { portalAccountId: id, reason } } })).data?.unlockPortalAccount.userErrors,
      t("signInLock.done"),
      onDone,
    );
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setReason("");
          setOpen(true);
        }}
      >
        {t("signInLock.unlock")}
      </Button>
      <ConfirmDialog open={open} title={t("signInLock.title", { name })} confirmLabel={t("signInLock.unlock")} onClose={() => setOpen(false)} onConfirm={confirm}>
        {t(kind === "staff" ? "signInLock.bodyStaff" : "signInLock.bodyPortal", { name })}
        <TextField
          label={t("signInLock.reason")}
          helperText={t("signInLock.reasonHelp")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          required
          multiline
          minRows={2}
          autoFocus
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </ConfirmDialog>
    </>
  );
}
