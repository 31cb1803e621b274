import { useState } from "react";
import { useMutation } from "@apollo/client/react";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { GrantDetailsFragment } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useRunner } from "../../shared/useRunner";
import { useNotify } from "../../shared/Notifier";
import { useFormat } from "../../shared/format";
import { userErrorMessage } from "../../shared/user-errors";
import {
  ForcePortalPasswordChangeDocument,
  ResetPortalPasswordDocument,
  RevokeAllPortalAccessDocument,
  RevokePortalAccessDocument,
  SendPortalInviteDocument,
  SetPortalAccountDisabledDocument,
} from "./access.documents";
import { ChangeRoleDialog } from "./ChangeRoleDialog";
import type { RoleOption } from "./AddPortalAccessDialog";

type Pending = "invite" | "reset" | "removeOne" | "removeAll" | "disable" | "force" | "role" | null;

interface Props {
  grant: GrantDetailsFragment;
  /** The patient whose profile the grant opens, for the confirmation texts. */
  patientName: string;
  roles: readonly RoleOption[];
  onChanged: () => unknown;
  /** Account-wide actions (disable, force password change) are offered on the Portal tab only. */
  accountActions?: boolean;
}

/** Every staff action on one grant and its account (rules 7, 9, 10), each confirmed first. */
export function GrantActions({ grant, patientName, roles, onChanged, accountActions = true }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const run = useRunner();
  const notify = useNotify();
  const [pending, setPending] = useState<Pending>(null);
  const [sendInvite] = useMutation(SendPortalInviteDocument);
  const [resetPassword] = useMutation(ResetPortalPasswordDocument);
  const [revoke] = useMutation(RevokePortalAccessDocument);
  const [revokeAll] = useMutation(RevokeAllPortalAccessDocument);
  const [setDisabled] = useMutation(SetPortalAccountDisabledDocument);
  const [force] = useMutation(ForcePortalPasswordChangeDocument);
  const account = grant.account;
  const email = account.email;
  const close = () => setPending(null);
  // The server decides whether an invite can go out now and why not (PortalGrant.inviteAction: the
  // rules the send mutation applies, the date of birth on file included); the screen shows it.
  const decided = grant.inviteAction;
  // During the cooldown (rule 7): say when, not only that it waits.
  const waitUntil = decided.availableAt && new Date(decided.availableAt) > new Date() ? decided.availableAt : null;
  const refused = !decided.allowed && decided.reason !== "COOLDOWN" ? userErrorMessage(t, { code: decided.reason ?? "", message: "" }) : null;
  const profiles = grant.otherProfiles.length + 1;

  const inviteButton = (
    <Button variant="contained" disabled={!!waitUntil || !!refused} onClick={() => setPending("invite")}>
      {decided.resend ? t("portal.resendInvite") : t("portal.sendInvite")}
    </Button>
  );

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
        {!account.signedUp ? (
          waitUntil || refused ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
              <Tooltip title={refused ?? t("portal.resendNotYet")}>
                <span>{inviteButton}</span>
              </Tooltip>
              <Typography variant="body2" color="text.secondary">
                {waitUntil ? t("portal.resendAvailableAt", { time: fmt.clock(waitUntil) }) : refused}
              </Typography>
            </Stack>
          ) : (
            inviteButton
          )
        ) : (
          <Button variant="contained" disabled={account.disabled} onClick={() => setPending("reset")}>
            {t("portal.resetPassword")}
          </Button>
        )}
        <Button variant="outlined" onClick={() => setPending("role")}>
          {t("portal.changeRole")}
        </Button>
        <Button variant="outlined" color="error" onClick={() => setPending("removeOne")}>
          {t("portal.removeOne")}
        </Button>
        {grant.otherProfiles.length > 0 ? (
          <Button variant="outlined" color="error" onClick={() => setPending("removeAll")}>
            {t("portal.removeAll")}
          </Button>
        ) : null}
        {accountActions ? (
          <>
            <Button
              variant="text"
              onClick={() =>
                account.disabled
                  ? void run(
                      async () =>
                        (await setDisabled({ variables: { input: { accountId: account.id, disabled: false } } })).data
                          ?.setPortalAccountDisabled.userErrors,
                      t("portalUsers.accountEnabled"),
                      onChanged,
                    )
                  : setPending("disable")
              }
            >
              {account.disabled ? t("portal.enableAccount") : t("portal.disableAccount")}
            </Button>
            {account.signedUp && !account.mustChangePassword ? (
              <Button variant="text" onClick={() => setPending("force")}>
                {t("portal.forcePasswordChange")}
              </Button>
            ) : null}
          </>
        ) : null}
      </Stack>

      <ConfirmDialog
        open={pending === "invite"}
        title={t("portal.confirmInviteTitle")}
        onClose={close}
        onConfirm={() =>
          run(
            async () => (await sendInvite({ variables: { input: { grantId: grant.id } } })).data?.sendPortalInvite.userErrors,
            t("portal.inviteSentTo", { email }),
            onChanged,
          )
        }
      >
        {t("portal.confirmInvite", { email })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "reset"}
        title={t("portal.confirmResetTitle")}
        onClose={close}
        onConfirm={() =>
          run(
            async () => (await resetPassword({ variables: { input: { accountId: account.id } } })).data?.resetPortalPassword.userErrors,
            t("portal.resetSentTo", { email }),
            onChanged,
          )
        }
      >
        {t("portal.confirmReset", { email })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "removeOne"}
        title={t("portal.confirmRemoveOneTitle")}
        destructive
        confirmLabel={t("portal.removeOne")}
        onClose={close}
        onConfirm={() =>
          run(
            async () => (await revoke({ variables: { input: { grantId: grant.id } } })).data?.revokePortalAccess.userErrors,
            t("portal.removed"),
            onChanged,
          )
        }
      >
        {t("portal.confirmRemoveOne", { email, patient: patientName })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "removeAll"}
        title={t("portal.confirmRemoveAllTitle")}
        destructive
        confirmLabel={t("portal.removeAll")}
        onClose={close}
        onConfirm={() =>
          run(
            async () => (await revokeAll({ variables: { input: { accountId: account.id } } })).data?.revokeAllPortalAccess.userErrors,
            t("portal.removedAll", { count: profiles }),
            onChanged,
          )
        }
      >
        {t("portal.confirmRemoveAll", { email, count: profiles })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "disable"}
        title={t("portal.confirmDisableTitle")}
        destructive
        confirmLabel={t("portal.disableAccount")}
        onClose={close}
        onConfirm={() =>
          run(
            async () =>
              (await setDisabled({ variables: { input: { accountId: account.id, disabled: true } } })).data?.setPortalAccountDisabled
                .userErrors,
            t("portalUsers.accountDisabled"),
            onChanged,
          )
        }
      >
        {t("portal.confirmDisable", { email })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "force"}
        title={t("portal.confirmForceTitle")}
        onClose={close}
        onConfirm={() =>
          run(
            async () => (await force({ variables: { input: { accountId: account.id } } })).data?.forcePortalPasswordChange.userErrors,
            t("portalUsers.forced"),
            onChanged,
          )
        }
      >
        {t("portal.confirmForce", { email })}
      </ConfirmDialog>
      <ChangeRoleDialog
        open={pending === "role"}
        onClose={close}
        grant={{ id: grant.id, accessType: grant.accessType, portalRoleId: grant.portalRoleId, roleName: grant.portalRole.name }}
        roles={roles}
        onChanged={() => {
          notify(t("portal.roleChanged"));
          void onChanged();
        }}
      />
    </>
  );
}
