import { useState } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { useViewer } from "../auth/viewer";
import { ResetStaffMfaDocument, StaffMfaDocument } from "./mfa-settings.documents";
import { SignInLockChip, UnlockButton } from "../sign-in-locks/SignInLock";
import "../auth/mfa.i18n";

/** Staff members and whether each signs in with a second factor; "Reset two-factor" for a lost phone (audited, with a reason). */
export function StaffMfaSettings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const viewer = useViewer();
  const { data, refetch } = useQuery(StaffMfaDocument);
  const [reset] = useMutation(ResetStaffMfaDocument);
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState("");
  const users = data?.staffUsers ?? [];

  const confirm = async (): Promise<string | void> => {
    if (!target) return;
    try {
      const payload = (await reset({ variables: { input: { staffUserId: target.id, reason } } })).data?.resetStaffMfa;
      if (payload?.userErrors.length) return userErrorMessage(t, payload.userErrors[0]);
      notify(t("mfa.resetDone"));
      await refetch();
    } catch (e) {
      return failureMessage(t, e);
    }
  };

  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t("mfa.staffTitle")}
        </Typography>
        <Table size="small" aria-label={t("mfa.staffTitle")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("mfa.staffName")}</TableCell>
              <TableCell>{t("mfa.staffEmail")}</TableCell>
              <TableCell>{t("mfa.staffMfa")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  {u.name} <SignInLockChip lockedUntil={u.lockedUntil} />
                </TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell>
                  <Chip size="small" color={u.mfaEnabled ? "success" : "default"} label={u.mfaEnabled ? t("mfa.on") : t("mfa.off")} />
                </TableCell>
                <TableCell align="right">
                  <UnlockButton kind="staff" id={u.id} name={u.name} lockedUntil={u.lockedUntil} onDone={refetch} />
                  {u.mfaEnabled && u.id !== viewer.user.id ? (
                    <Button
                      size="small"
                      color="error"
                      onClick={() => {
                        setReason("");
                        setTarget({ id: u.id, name: u.name });
                      }}
                    >
                      {t("mfa.reset")}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      <ConfirmDialog
        open={!!target}
        title={t("mfa.resetTitle", { name: target?.name ?? "" })}
        confirmLabel={t("mfa.reset")}
        destructive
        onClose={() => setTarget(null)}
        onConfirm={confirm}
      >
        {t("mfa.resetBody")}
        <TextField
          label={t("mfa.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          required
          autoFocus
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </ConfirmDialog>
    </Card>
  );
}
