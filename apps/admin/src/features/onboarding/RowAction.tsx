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

// Short labels (the email is in the button's accessible name and tooltip) so the action fits at 1280 px.
const BUTTON_SX = { textTransform: "none", justifyContent: "flex-start", whiteSpace: "nowrap", minWidth: 0 } as const;

/** The translation key of a reason that is a missing fact on the record, shown as text instead of a button. */
function missingText(reason: string | null | undefined): string | null {
  if (reason === "MISSING_EMAIL") return "onboarding.noEmail";
  if (reason === "MISSING_DATE_OF_BIRTH") return "onboarding.noDob";
  return null;
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
  // What can be done and why not is decided by the server (Patient.inviteAction, the rules the
  // send mutations apply): the row shows it, it does not re-derive it.
  const decided = row.inviteAction;
  const missing = decided && !decided.allowed ? missingText(decided.reason) : null;

  if (row.portalStatus === "NO_ACCESS" || !row.portalAccess || !account) {
    return missing ? (
      <Typography variant="body2" color="text.secondary">
        {t(missing)}
      </Typography>
    ) : null;
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
    const reset = (
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          void run(
            async () => (await resetPassword({ variables: { input: { accountId: account.id } } })).data?.resetPortalPassword.userErrors[0],
            t("onboarding.resetSent", { email: account.email }),
          )
        }
        aria-label={t("onboarding.resetPasswordFor", { email: account.email })}
        sx={BUTTON_SX}
      >
        {t("onboarding.resetPassword")}
      </Button>
    );
    return <Tooltip describeChild title={t("onboarding.resetPasswordFor", { email: account.email })}>{reset}</Tooltip>;
  }
  if (missing)
    return (
      <Typography variant="body2" color="text.secondary">
        {t(missing)}
      </Typography>
    );
  const resend = decided?.resend ?? !!account.lastInviteSentAt;
  // The server says until when the cooldown runs (rule 7); the button says when, not only that it waits.
  const waitUntil = decided?.availableAt && new Date(decided.availableAt) > new Date() ? decided.availableAt : null;
  // Any other refusal (e.g. below the minimum age) disables the button and names the reason.
  const refused = decided && !decided.allowed && decided.reason !== "COOLDOWN" ? userErrorMessage(t, { code: decided.reason ?? "", message: "" }) : null;
  const label = t(resend ? "onboarding.resendInviteTo" : "onboarding.sendInviteTo", { email: account.email });
  // While the cooldown runs the button itself says when a resend becomes possible: one line, so the
  // row keeps the grid's compact height.
  const when = waitUntil ? t("portal.resendAvailableAt", { time: fmt.clock(waitUntil) }) : null;
  const button = (
    <Button
      size="small"
      disabled={busy || !!waitUntil || !!refused}
      onClick={() =>
        void run(
          async () => (await sendInvite({ variables: { input: { grantId: row.portalAccess!.id } } })).data?.sendPortalInvite.userErrors[0],
          t("onboarding.inviteSent", { email: account.email }),
        )
      }
      // The visible text is part of the name (WCAG 2.5.3), the email too.
      aria-label={when ? `${label} — ${when}` : label}
      sx={BUTTON_SX}
    >
      {when ?? t(resend ? "onboarding.resendInvite" : "onboarding.sendInvite")}
    </Button>
  );
  // A disabled button fires no pointer events: the span carries the tooltip.
  return (
    <Tooltip describeChild title={refused ? `${label} — ${refused}` : label}>
      <Box component="span" sx={{ display: "inline-flex", minWidth: 0, maxWidth: "100%" }}>
        {button}
      </Box>
    </Tooltip>
  );
}
