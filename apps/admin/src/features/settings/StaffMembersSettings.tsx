import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import IconButton from "@mui/material/IconButton";
import ListItemText from "@mui/material/ListItemText";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import MoreVertIcon from "@mui/icons-material/MoreVert";
import PersonAddIcon from "@mui/icons-material/PersonAddAlt1";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language, StaffMembersQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { LoadError, Loading } from "../../shared/QueryState";
import { useRunner } from "../../shared/useRunner";
import { splitUserErrors, userErrorMessage, type UserErrorLike } from "../../shared/user-errors";
import { useViewer } from "../auth/viewer";
import { SignInLockChip, UnlockButton, isLocked } from "../sign-in-locks/SignInLock";
import { ResetStaffMfaDocument } from "./mfa-settings.documents";
import {
  InviteStaffUserDocument,
  ResendStaffInviteDocument,
  StaffMembersDocument,
  UpdateStaffMemberDocument,
} from "./staff-members.documents";
import "./staff-members.i18n";

type Member = StaffMembersQuery["staffUsers"][number];
type Role = StaffMembersQuery["staffRoles"][number];
type Action = { kind: "role" | "disable" | "enable" | "resend" | "resetMfa"; member: Member };

/** A staff user error in staff words (the shared texts speak of portal accounts), else the shared text. */
function staffError(t: TFunction, error: UserErrorLike): string {
  const key = `staffMembers.errors.${error.code}`;
  return t(key, { defaultValue: "" }) || userErrorMessage(t, error);
}

/**
 * Why a role cannot be given by the signed-in member, or null: the API says what they may grant
 * (viewer.grantablePermissions, rule 16), and the server refuses the rest anyway.
 */
function useRoleLock() {
  const { t } = useTranslation();
  const viewer = useViewer();
  return (role: Role): string | null => {
    const missing = role.permissions.filter((p) => !viewer.grantablePermissions.includes(p));
    return missing.length
      ? t("staffMembers.notHeldRole", { permissions: missing.map((p) => t(`settings.staffPermission.${p}`)).join(", ") })
      : null;
  };
}

/** An email that may wrap before its "@" (not inside a word), so the table fits at 1280 px. */
function EmailCell({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  if (at <= 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

function StatusChips({ member, isMe }: { member: Member; isMe: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const expired = member.invitePending && (!member.inviteExpiresAt || new Date(member.inviteExpiresAt).getTime() <= Date.now());
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }}>
      {member.disabled ? <Chip size="small" label={t("staffMembers.disabled")} /> : null}
      {member.invitePending ? (
        <Chip
          size="small"
          variant="outlined"
          color={expired ? "error" : "warning"}
          // The orange outline says "waiting"; the text stays dark enough to read (WCAG AA).
          sx={expired ? undefined : { color: "text.primary" }}
          label={expired ? t("staffMembers.inviteExpired") : t("staffMembers.invited", { date: fmt.instantDay(member.inviteExpiresAt) })}
          title={member.inviteExpiresAt ? fmt.dateTime(member.inviteExpiresAt) : undefined}
        />
      ) : null}
      {!member.disabled && !member.invitePending ? (
        <Chip size="small" color="success" variant="outlined" label={t("staffMembers.active")} />
      ) : null}
      <SignInLockChip lockedUntil={member.lockedUntil} />
      {isMe ? <Chip size="small" color="primary" label={t("staffMembers.you")} /> : null}
    </Box>
  );
}

function InviteDialog({ roles, onClose, onDone }: { roles: Role[]; onClose: () => void; onDone: () => unknown }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const lock = useRoleLock();
  const run = useRunner();
  const [invite] = useMutation(InviteStaffUserDocument);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [staffRoleId, setStaffRoleId] = useState(() => roles.find((r) => !lock(r))?.id ?? "");
  const [language, setLanguage] = useState<Language>(viewer.user.language);
  const [errors, setErrors] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    let userErrors: readonly UserErrorLike[] = [];
    const failure = await run(
      async () => {
        userErrors =
          (await invite({ variables: { input: { name, email, staffRoleId, language } } })).data?.inviteStaffUser.userErrors ?? [];
        return userErrors;
      },
      t("staffMembers.invitedDone", { email: email.trim() }),
      async () => {
        onClose();
        await onDone();
      },
    );
    setBusy(false);
    if (!failure) return;
    const split = splitUserErrors(t, userErrors, ["name", "email", "staffRoleId"]);
    for (const e of userErrors) if (e.field && split.byField[e.field]) split.byField[e.field] = staffError(t, e);
    setErrors(userErrors.length ? split : { byField: {}, general: [failure] });
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="invite-staff-title" maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="invite-staff-title">{t("staffMembers.inviteTitle")}</DialogTitle>
        <DialogContent sx={{ display: "grid", gap: 2 }}>
          <Typography color="text.secondary">{t("staffMembers.inviteBody")}</Typography>
          {errors.general.length ? <Alert severity="error">{errors.general.join(" ")}</Alert> : null}
          <TextField
            label={t("staffMembers.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoFocus
            error={!!errors.byField.name}
            helperText={errors.byField.name}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            label={t("staffMembers.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            error={!!errors.byField.email}
            helperText={errors.byField.email}
            slotProps={{ htmlInput: { maxLength: 254 } }}
          />
          <TextField
            select
            label={t("staffMembers.role")}
            value={staffRoleId}
            onChange={(e) => setStaffRoleId(e.target.value)}
            required
            error={!!errors.byField.staffRoleId}
            helperText={errors.byField.staffRoleId}
          >
            {roles.map((role) => {
              const why = lock(role);
              return (
                <MenuItem key={role.id} value={role.id} disabled={!!why}>
                  <ListItemText primary={role.name} secondary={why} slotProps={{ secondary: { sx: { whiteSpace: "normal" } } }} />
                </MenuItem>
              );
            })}
          </TextField>
          <TextField select label={t("staffMembers.language")} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {(["EN", "FR"] as const).map((l) => (
              <MenuItem key={l} value={l}>
                {t(`language.${l}`)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !name.trim() || !email.trim() || !staffRoleId}>
            {t("staffMembers.send")}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function ChangeRoleDialog({
  member,
  roles,
  onClose,
  onDone,
}: {
  member: Member;
  roles: Role[];
  onClose: () => void;
  onDone: () => unknown;
}) {
  const { t } = useTranslation();
  const lock = useRoleLock();
  const [update] = useMutation(UpdateStaffMemberDocument);
  const [roleId, setRoleId] = useState(member.staffRoleId);
  const run = useRunner();
  return (
    <ConfirmDialog
      open
      title={t("staffMembers.changeRoleTitle", { name: member.name })}
      confirmLabel={t("staffMembers.save")}
      onClose={onClose}
      onConfirm={async () => {
        if (roleId === member.staffRoleId) return;
        let errors: readonly UserErrorLike[] = [];
        const failure = await run(
          async () =>
            (errors =
              (await update({ variables: { input: { id: member.id, staffRoleId: roleId } } })).data?.updateStaffUser.userErrors ?? []),
          t("staffMembers.roleChanged"),
          onDone,
        );
        return failure && errors.length ? errors.map((e) => staffError(t, e)).join(" ") : failure;
      }}
    >
      {t("staffMembers.changeRoleBody")}
      <TextField select label={t("staffMembers.role")} value={roleId} onChange={(e) => setRoleId(e.target.value)} fullWidth sx={{ mt: 2 }}>
        {roles.map((role) => {
          // The member's current role stays selectable: keeping it grants nothing.
          const why = role.id === member.staffRoleId ? null : lock(role);
          return (
            <MenuItem key={role.id} value={role.id} disabled={!!why}>
              <ListItemText primary={role.name} secondary={why} slotProps={{ secondary: { sx: { whiteSpace: "normal" } } }} />
            </MenuItem>
          );
        })}
      </TextField>
    </ConfirmDialog>
  );
}

function ActionDialog({ action, roles, onClose, onDone }: { action: Action; roles: Role[]; onClose: () => void; onDone: () => unknown }) {
  const { t } = useTranslation();
  const run = useRunner();
  const [update] = useMutation(UpdateStaffMemberDocument);
  const [resend] = useMutation(ResendStaffInviteDocument);
  const [resetMfa] = useMutation(ResetStaffMfaDocument);
  const [reason, setReason] = useState("");
  const { member } = action;
  const name = member.name;
  const withErrors = async (call: () => Promise<readonly UserErrorLike[] | undefined>, success: string) => {
    let errors: readonly UserErrorLike[] = [];
    const failure = await run(async () => (errors = (await call()) ?? []), success, onDone);
    return failure && errors.length ? errors.map((e) => staffError(t, e)).join(" ") : failure;
  };
  if (action.kind === "role") return <ChangeRoleDialog member={member} roles={roles} onClose={onClose} onDone={onDone} />;
  if (action.kind === "disable" || action.kind === "enable") {
    const disabling = action.kind === "disable";
    const role = roles.find((r) => r.id === member.staffRoleId)?.name ?? "";
    return (
      <ConfirmDialog
        open
        destructive={disabling}
        title={t(disabling ? "staffMembers.disableTitle" : "staffMembers.enableTitle", { name })}
        confirmLabel={t(disabling ? "staffMembers.disable" : "staffMembers.enable")}
        onClose={onClose}
        onConfirm={() =>
          withErrors(
            async () => (await update({ variables: { input: { id: member.id, disabled: disabling } } })).data?.updateStaffUser.userErrors,
            t(disabling ? "staffMembers.disabledDone" : "staffMembers.enabledDone", { name }),
          )
        }
      >
        {t(disabling ? "staffMembers.disableBody" : "staffMembers.enableBody", { name, role })}
      </ConfirmDialog>
    );
  }
  if (action.kind === "resend") {
    return (
      <ConfirmDialog
        open
        title={t("staffMembers.resendTitle", { name })}
        confirmLabel={t("staffMembers.resend")}
        onClose={onClose}
        onConfirm={() =>
          withErrors(
            async () => (await resend({ variables: { input: { staffUserId: member.id } } })).data?.resendStaffInvite.userErrors,
            t("staffMembers.resentDone", { email: member.email }),
          )
        }
      >
        {t("staffMembers.resendBody", { email: member.email })}
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      open
      destructive
      title={t("staffMembers.resetMfaTitle", { name })}
      confirmLabel={t("staffMembers.resetMfa")}
      onClose={onClose}
      onConfirm={() =>
        reason.trim() === ""
          ? t("staffMembers.reasonRequired")
          : withErrors(
              async () => (await resetMfa({ variables: { input: { staffUserId: member.id, reason } } })).data?.resetStaffMfa.userErrors,
              t("staffMembers.resetMfaDone"),
            )
      }
    >
      {t("staffMembers.resetMfaBody")}
      <TextField
        label={t("staffMembers.reason")}
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
  );
}

/** The "⋮" menu of one member; an action that does not apply says why instead of disappearing. */
function MemberMenu({ member, isMe, onPick }: { member: Member; isMe: boolean; onPick: (kind: Action["kind"]) => void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (kind: Action["kind"]) => () => {
    setAnchor(null);
    onPick(kind);
  };
  const item = (kind: Action["kind"], label: string, why: string | null = null) => (
    <MenuItem key={kind} onClick={pick(kind)} disabled={!!why}>
      <ListItemText primary={label} secondary={why} slotProps={{ secondary: { sx: { whiteSpace: "normal", maxWidth: 280 } } }} />
    </MenuItem>
  );
  return (
    <>
      <IconButton
        aria-label={t("staffMembers.actionsFor", { name: member.name })}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        size="small"
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {[
          item("role", t("staffMembers.changeRole"), isMe ? t("staffMembers.ownRole") : null),
          member.invitePending
            ? item("resend", t("staffMembers.resend"), member.disabled ? t("staffMembers.errors.ACCOUNT_DISABLED") : null)
            : null,
          member.mfaEnabled ? item("resetMfa", t("staffMembers.resetMfa"), isMe ? t("staffMembers.ownMfa") : null) : null,
          member.disabled
            ? item("enable", t("staffMembers.enable"))
            : item("disable", t("staffMembers.disable"), isMe ? t("staffMembers.ownAccount") : null),
        ]}
      </Menu>
    </>
  );
}

/**
 * Settings › Staff members (issue 13): who signs in, with which role, MFA, last sign-in, locks and
 * invitations; invite, change role, disable or enable, unlock, reset MFA. Every action goes through
 * the API's own mutation, which enforces "no one grants what they don't hold" (rule 16).
 */
export function StaffMembersSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(StaffMembersDocument);
  const [inviting, setInviting] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const roles = data?.staffRoles ?? [];
  const members = data?.staffUsers ?? [];
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? t("staffMembers.noRole");
  const done = () => refetch();
  return (
    <Card variant="outlined">
      <CardContent>
        <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: 2, mb: 2, flexWrap: "wrap" }}>
          <Box>
            <Typography variant="h6" component="h2">
              {t("staffMembers.title")}
            </Typography>
            <Typography color="text.secondary">{t("staffMembers.intro")}</Typography>
          </Box>
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setInviting(true)}>
            {t("staffMembers.invite")}
          </Button>
        </Box>
        <Box sx={{ overflowX: "auto" }}>
          <Table size="small" aria-label={t("staffMembers.title")}>
            <TableHead>
              <TableRow>
                <TableCell>{t("staffMembers.name")}</TableCell>
                <TableCell>{t("staffMembers.email")}</TableCell>
                <TableCell>{t("staffMembers.role")}</TableCell>
                <TableCell>{t("staffMembers.status")}</TableCell>
                <TableCell>{t("staffMembers.mfa")}</TableCell>
                <TableCell>{t("staffMembers.lastSignIn")}</TableCell>
                <TableCell align="right">{t("staffMembers.actions")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {members.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={7}>{t("staffMembers.empty")}</TableCell>
                </TableRow>
              ) : null}
              {members.map((m) => {
                const isMe = m.id === viewer.user.id;
                return (
                  <TableRow key={m.id} hover sx={m.disabled ? { "& td": { color: "text.secondary" } } : undefined}>
                    <TableCell sx={{ fontWeight: 500 }}>{m.name}</TableCell>
                    <TableCell>
                      <EmailCell email={m.email} />
                    </TableCell>
                    <TableCell>{roleName(m.staffRoleId)}</TableCell>
                    <TableCell>
                      <StatusChips member={m} isMe={isMe} />
                    </TableCell>
                    <TableCell>{m.mfaEnabled ? t("staffMembers.mfaOn") : t("staffMembers.mfaOff")}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(m.lastSignInAt)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                      {isLocked(m.lockedUntil) ? (
                        <UnlockButton kind="staff" id={m.id} name={m.name} lockedUntil={m.lockedUntil} onDone={done} />
                      ) : null}
                      <MemberMenu member={m} isMe={isMe} onPick={(kind) => setAction({ kind, member: m })} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
      {inviting ? <InviteDialog roles={roles} onClose={() => setInviting(false)} onDone={done} /> : null}
      {action ? <ActionDialog action={action} roles={roles} onClose={() => setAction(null)} onDone={done} /> : null}
    </Card>
  );
}
