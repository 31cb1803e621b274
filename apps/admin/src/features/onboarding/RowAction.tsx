import { useState } from "react";
import { useMutation } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { ResetPortalPasswordDocument, SendPortalInviteDocument } from "../access/access.documents";
import { useNotify } from "../../shared/Notifier";
import { useFormat } from "../../shared/format";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import type { OnboardingRow } from "./OnboardingPage";

interface Props {
  row: OnboardingRow;
  canManage: boolean;
  onDone: () => void;
}

/** The Action column of seed 002: the email that can go to this row right now, sent at once. */
export function RowAction({ row, canManage, onDone }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [sendInvite] = useMutation(SendPortalInviteDocument);
  const [resetPassword] = useMutation(ResetPortalPasswordDocument);
  if (!canManage) return null;
  const account = row.portalAccess?.account;

  if (row.portalStatus === "NO_ACCESS" || !row.portalAccess || !account) {
    if (!row.email)
      return (
        <Typography variant="body2" color="text.secondary">
          {t("onboarding.noEmail")}
        </Typography>
      );
    if (!row.dateOfBirth)
      return (
        <Typography variant="body2" color="text.secondary">
          {t("onboarding.noDob")}
        </Typography>
      );
    return null;
  }
  if (account.disabled) return null;

  const run = async (action: () => Promise<{ code: string; field?: string | null; message: string } | undefined>, success: string) => {
    setBusy(true);
    try {
      const problem = await action();
      if (problem) notify(`${row.firstName} ${row.lastName}: ${userErrorMessage(t, problem)}`, { severity: "error" });
      else {
        notify(success);
        onDone();
      }
    } catch (e) {
      notify(failureMessage(t, e), { severity: "error" });
    } finally {
      setBusy(false);
    }
  };

  if (account.signedUp) {
    return (
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          void run(
            async () => (await resetPassword({ variables: { input: { accountId: account.id } } })).data?.resetPortalPassword.userErrors[0],
            t("onboarding.resetSent", { email: account.email }),
          )
        }
        sx={{ textTransform: "none", justifyContent: "flex-start" }}
      >
        {t("onboarding.resetPasswordFor", { email: account.email })}
      </Button>
    );
  }
  if (!row.dateOfBirth)
    return (
      <Typography variant="body2" color="text.secondary">
        {t("onboarding.noDob")}
      </Typography>
    );
  const resend = !!account.lastInviteSentAt;
  // The server decides when the cooldown ends (rule 7); the button says when, not only that it waits.
  const waitUntil = account.resendAvailableAt ? new Date(account.resendAvailableAt) > new Date() ? account.resendAvailableAt : null : null;
  const label = t(resend ? "onboarding.resendInviteTo" : "onboarding.sendInviteTo", { email: account.email });
  const button = (
    <Button
      size="small"
      disabled={busy || !!waitUntil}
      onClick={() =>
        void run(
          async () => (await sendInvite({ variables: { input: { grantId: row.portalAccess!.id } } })).data?.sendPortalInvite.userErrors[0],
          t("onboarding.inviteSent", { email: account.email }),
        )
      }
      sx={{ textTransform: "none", justifyContent: "flex-start" }}
    >
      {label}
    </Button>
  );
  if (!waitUntil) return button;
  const when = t("portal.resendAvailableAt", { time: fmt.clock(waitUntil) });
  return (
    <Tooltip title={when}>
      <Box sx={{ display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 }}>
        {button}
        <Typography variant="caption" color="text.secondary" sx={{ lineHeight: 1.2, px: 0.6 }}>
          {when}
        </Typography>
      </Box>
    </Tooltip>
  );
}
