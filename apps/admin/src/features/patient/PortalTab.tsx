import { useState, type ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Divider from "@mui/material/Divider";
import IconButton from "@mui/material/IconButton";
import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Stack from "@mui/material/Stack";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import EditIcon from "@mui/icons-material/EditOutlined";
import QrCodeIcon from "@mui/icons-material/QrCode2";
import { useTranslation } from "react-i18next";
import type { PatientPageQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { useRunner } from "../../shared/useRunner";
import { useCan, useViewer } from "../auth/viewer";
import { EnablePortalAccessDocument, LinkPatientToPortalAccountDocument } from "../access/access.documents";
import { AddPortalAccessDialog } from "../access/AddPortalAccessDialog";
import { GrantActions } from "../access/GrantActions";
import { StatusBlock } from "../onboarding/StatusBlock";
import { UpcomingAccessChangeNote } from "../access-schedule/UpcomingAccessChangeNote";
import { ChangeLoginEmailDialog } from "./ChangeLoginEmailDialog";
import "../activation/activation.i18n";

type PatientData = NonNullable<PatientPageQuery["patient"]>;

/** An expired or locked invite, said beside the colour (SPEC: never hidden); only before sign-up. */
function inviteFlags(t: (key: string) => string, account: { signedUp: boolean; latestInvite?: { state: string } | null }): string[] {
  if (account.signedUp || !account.latestInvite) return [];
  if (account.latestInvite.state === "LOCKED") return [t("status.inviteLocked")];
  if (account.latestInvite.state === "EXPIRED") return [t("status.inviteExpired")];
  return [];
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

/** Rule 11: everything staff need to know about a patient's own portal access, and its actions. */
export function PortalTab({
  patient,
  roles,
  onChanged,
}: {
  patient: PatientData;
  roles: PatientPageQuery["portalRoles"];
  onChanged: () => unknown;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const viewer = useViewer();
  const can = useCan();
  const notify = useNotify();
  const run = useRunner();
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState(false);
  const [changingEmail, setChangingEmail] = useState(false);
  const [link] = useMutation(LinkPatientToPortalAccountDocument);
  const [enable] = useMutation(EnablePortalAccessDocument);
  const [resumeError, setResumeError] = useState<string | undefined>();
  const name = `${patient.firstName} ${patient.lastName}`;
  const grant = patient.portalAccess;
  const account = grant?.account;
  const roleOptions = roles ?? [];

  if (!grant || !account) {
    return (
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {t("portal.sectionTitle")}
          </Typography>
          <Stack spacing={2}>
            {!patient.active ? <Alert severity="warning">{t("portal.inactiveAlert")}</Alert> : null}
            <UpcomingAccessChangeNote patient={patient} />
            <Box sx={{ display: "flex", alignItems: "center", gap: 2 }}>
              <StatusBlock status={patient.portalStatus ?? "NO_ACCESS"} name={name} />
              <Typography color="text.secondary">{t("portal.noAccess")}</Typography>
            </Box>
            {patient.linkableAccount ? (
              <Alert
                severity="info"
                action={
                  <Button color="inherit" onClick={() => setLinking(true)}>
                    {t("portal.linkAccount")}
                  </Button>
                }
              >
                {t("portal.linkHint", { email: patient.linkableAccount.email })}
              </Alert>
            ) : null}
            {!patient.email ? <Alert severity="warning">{t("portal.needsEmail")}</Alert> : null}
            {patient.email && !patient.dateOfBirth ? <Alert severity="warning">{t("portal.needsDob")}</Alert> : null}
            <Box>
              <Button variant="contained" disabled={!patient.email || !patient.active} onClick={() => setAdding(true)}>
                {t("portal.addAccess")}
              </Button>
            </Box>
          </Stack>
        </CardContent>
        <AddPortalAccessDialog
          open={adding}
          onClose={() => setAdding(false)}
          name={name}
          target={{ kind: "patient", patientId: patient.id }}
          emailOnFile={patient.email}
          roles={roleOptions}
          defaultRoleId={viewer.organization.defaultPortalRoleId}
          onGranted={(email) => {
            notify(t("addAccess.granted", { email }));
            void onChanged();
          }}
        />
        {patient.linkableAccount ? (
          <ConfirmDialog
            open={linking}
            title={t("portal.linkAccount")}
            onClose={() => setLinking(false)}
            onConfirm={() =>
              run(
                async () => (await link({ variables: { input: { patientId: patient.id } } })).data?.linkPatientToPortalAccount.userErrors,
                t("portal.linked", { email: patient.linkableAccount!.email }),
                onChanged,
              )
            }
          >
            {t("portal.linkHint", { email: patient.linkableAccount.email })}
          </ConfirmDialog>
        ) : null}
      </Card>
    );
  }

  const locked = account.lockedUntil && new Date(account.lockedUntil) > new Date();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {t("portal.sectionTitle")}
        </Typography>
        {!patient.active ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t("portal.inactiveAlert")}
          </Alert>
        ) : grant.suspendedAt ? (
          <Alert
            severity="info"
            sx={{ mb: 2 }}
            action={
              can("MANAGE_PORTAL_ACCESS") ? (
                <Button
                  color="inherit"
                  onClick={() =>
                    void run(
                      async () =>
                        (await enable({ variables: { input: { patientId: patient.id, portalRoleId: grant.portalRoleId } } })).data?.enablePortalAccess.userErrors,
                      t("portal.resumed"),
                      onChanged,
                    ).then(setResumeError)
                  }
                >
                  {t("portal.resume")}
                </Button>
              ) : undefined
            }
          >
            {t("portal.suspendedAlert", { date: fmt.dateTime(grant.suspendedAt), name })}
            {resumeError ? <Box sx={{ mt: 1, fontWeight: 500 }}>{resumeError}</Box> : null}
          </Alert>
        ) : null}
        <UpcomingAccessChangeNote patient={patient} />
        <Box
          component="dl"
          sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", lg: "repeat(3, 1fr)" }, gap: 2.5, my: 2 }}
        >
          <Fact label={t("portal.loginEmail")}>
            <Box component="span" sx={{ display: "inline-flex", alignItems: "center", gap: 0.5, wordBreak: "break-all" }}>
              {account.email}
              <Tooltip title={t("portal.editLoginEmail")}>
                <IconButton
                  size="small"
                  component={RouterLink}
                  to={`/patients/${patient.id}/demographics`}
                  aria-label={t("portal.editLoginEmail")}
                >
                  <EditIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Box>
            {account.pendingLoginEmail ? (
              <Typography component="span" variant="body2" color="warning.dark" sx={{ display: "block", overflowWrap: "anywhere" }}>
                {t("loginEmail.pending", { email: account.pendingLoginEmail })}
                {account.pendingLoginEmailExpiresAt
                  ? ` (${t(new Date(account.pendingLoginEmailExpiresAt).getTime() > Date.now() ? "loginEmail.pendingUntil" : "loginEmail.pendingExpired", { date: fmt.dateTime(account.pendingLoginEmailExpiresAt) })})`
                  : null}
              </Typography>
            ) : null}
            {can("MANAGE_PORTAL_ACCESS") ? (
              <Box component="span" sx={{ display: "block" }}>
                <Button size="small" onClick={() => setChangingEmail(true)} sx={{ px: 0.5, minWidth: 0 }}>
                  {t("loginEmail.change")}
                </Button>
              </Box>
            ) : null}
          </Fact>
          <Fact label={t("portal.status")}>
            <StatusBlock status={patient.portalStatus ?? "NO_ACCESS"} name={name} flags={inviteFlags(t, account)} />
          </Fact>
          <Fact label={t("portal.role")}>{grant.portalRole.name}</Fact>
          <Fact label={t("portal.inviteSent")}>{fmt.dateTime(account.lastInviteSentAt)}</Fact>
          <Fact label={t("portal.signedUp")}>{fmt.dateTime(account.signedUpAt)}</Fact>
          <Fact label={t("portal.lastSignIn")}>{fmt.dateTime(account.lastSignInAt)}</Fact>
        </Box>
        {account.disabled || locked || account.mustChangePassword || grant.suspendedAt ? (
          <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
            {grant.suspendedAt ? <Chip color="warning" label={t("status.suspended")} /> : null}
            {account.disabled ? <Chip color="error" label={t("status.disabled")} /> : null}
            {locked ? <Chip color="warning" label={t("status.locked")} /> : null}
            {account.mustChangePassword ? <Chip label={t("portal.mustChangePassword")} /> : null}
          </Stack>
        ) : null}
        {account.inviteDeliveryFailedAt && !account.signedUp ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            <b>{t("portal.deliveryProblems")}</b> — {fmt.dateTime(account.inviteDeliveryFailedAt)}
            {account.inviteDeliveryFailureReason ? `: ${account.inviteDeliveryFailureReason}` : ""}
          </Alert>
        ) : null}
        <GrantActions grant={grant} patientName={name} roles={roleOptions} onChanged={onChanged} />
        {!account.signedUp && !account.disabled && patient.active && can("MANAGE_PORTAL_ACCESS") ? (
          <Tooltip title={t("activation.openHint")} describeChild>
            <Button
              component={RouterLink}
              to={`/activation/${grant.id}`}
              state={{ email: account.email, patientId: patient.id }}
              variant="outlined"
              startIcon={<QrCodeIcon />}
              sx={{ mt: 1 }}
            >
              {t("activation.open")}
            </Button>
          </Tooltip>
        ) : null}
        {can("MANAGE_PORTAL_ACCESS") ? (
          <ChangeLoginEmailDialog
            open={changingEmail}
            onClose={() => setChangingEmail(false)}
            account={account}
            onChanged={(pending) => {
              notify(pending ? t("loginEmail.requested", { email: pending }) : t("loginEmail.cancelled"));
              return onChanged();
            }}
          />
        ) : null}
        <Divider sx={{ my: 3 }} />
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t("portal.otherProfiles")}
        </Typography>
        {grant.otherProfiles.length ? (
          <List dense>
            {grant.otherProfiles.map((other) => (
              <ListItem key={other.id} disableGutters>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/patients/${other.patient.id}`}>
                      {other.patient.firstName} {other.patient.lastName}
                    </Link>
                  }
                  secondary={`${other.portalRole.name} · ${t(`portal.${other.accessType}`)}`}
                />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography color="text.secondary">{t("portal.noOtherProfiles")}</Typography>
        )}
      </CardContent>
    </Card>
  );
}
