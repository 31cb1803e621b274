import { useId, useState, type FormEvent } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Checkbox from "@mui/material/Checkbox";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormLabel from "@mui/material/FormLabel";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import { OptionLabel } from "../../shared/CheckboxGroupField";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { failureMessage, splitUserErrors, userErrorMessage, type UserErrorLike } from "../../shared/user-errors";
import { useNotify } from "../../shared/Notifier";

export interface RoleRow {
  id: string;
  name: string;
  permissions: readonly string[];
  accessTypes?: readonly string[];
}

export interface RoleDraft {
  name: string;
  permissions: string[];
  accessTypes: string[];
}

interface Props {
  roles: readonly RoleRow[];
  /** All permissions, with their labels. */
  permissions: readonly { value: string; label: string }[];
  /** Portal roles also choose the access types they apply to (rule 5); staff roles do not. */
  accessTypes?: readonly { value: string; label: string }[];
  /**
   * Why a permission cannot be chosen in this role (the API says what the member may grant), null when
   * it can; and why none can (the member's own role). Without them every permission can be chosen.
   */
  permissionLock?: (roleId: string | null, permission: string) => string | null;
  permissionsLocked?: (roleId: string | null) => string | null;
  save: (id: string | null, draft: RoleDraft) => Promise<readonly UserErrorLike[]>;
  remove: (id: string) => Promise<readonly UserErrorLike[]>;
}

/** A table of organization-defined roles with their permissions, and a dialog to create or edit one. */
export function RolesSettings({ roles, permissions, accessTypes, permissionLock, permissionsLocked, save, remove }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const titleId = useId();
  const [editing, setEditing] = useState<{ id: string | null; draft: RoleDraft } | null>(null);
  const [deleting, setDeleting] = useState<RoleRow | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (list: readonly { value: string; label: string }[], value: string) => list.find((p) => p.value === value)?.label ?? value;

  const open = (role: RoleRow | null) => {
    setErrors([]);
    setFailure(null);
    setEditing({
      id: role?.id ?? null,
      draft: {
        name: role?.name ?? "",
        permissions: [...(role?.permissions ?? [])],
        accessTypes: [...(role?.accessTypes ?? (accessTypes ? ["PROXY"] : []))],
      },
    });
  };
  const toggle = (key: "permissions" | "accessTypes", value: string) =>
    setEditing(
      (e) =>
        e && {
          ...e,
          draft: { ...e.draft, [key]: e.draft[key].includes(value) ? e.draft[key].filter((v) => v !== value) : [...e.draft[key], value] },
        },
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const problems = await save(editing.id, editing.draft);
      if (problems.length) setErrors(problems);
      else {
        notify(t("app.saved"));
        setEditing(null);
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const { byField, general } = splitUserErrors(t, errors, ["name", "permissions", "accessTypes"]);
  const allLocked = editing ? (permissionsLocked?.(editing.id) ?? null) : null;

  return (
    <Card variant="outlined">
      <Box sx={{ p: 2, display: "flex", justifyContent: "flex-end" }}>
        <Button variant="contained" onClick={() => open(null)}>
          {t("settings.roles.add")}
        </Button>
      </Box>
      <TableContainer>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("settings.roles.name")}</TableCell>
              {accessTypes ? <TableCell>{t("settings.roles.accessTypes")}</TableCell> : null}
              <TableCell>{t("settings.roles.permissions")}</TableCell>
              <TableCell>{t("app.actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {roles.map((role) => (
              <TableRow key={role.id}>
                <TableCell sx={{ fontWeight: 500 }}>{role.name}</TableCell>
                {accessTypes ? <TableCell>{role.accessTypes?.map((a) => label(accessTypes, a)).join(", ")}</TableCell> : null}
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                    {role.permissions.map((p) => (
                      <Chip key={p} size="small" label={label(permissions, p)} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => open(role)} aria-label={`${t("app.edit")} ${role.name}`}>
                      {t("app.edit")}
                    </Button>
                    <Button size="small" color="error" onClick={() => setDeleting(role)} aria-label={`${t("app.delete")} ${role.name}`}>
                      {t("app.delete")}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Dialog open={!!editing} onClose={busy ? undefined : () => setEditing(null)} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        {editing ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <DialogTitle id={titleId}>{editing.id ? t("settings.roles.editTitle") : t("settings.roles.newTitle")}</DialogTitle>
            <DialogContent>
              <Stack spacing={2.5} sx={{ pt: 1 }}>
                {general.map((text) => (
                  <Alert key={text} severity="error">
                    {text}
                  </Alert>
                ))}
                {failure ? <Alert severity="error">{failure}</Alert> : null}
                <TextField
                  label={t("settings.roles.name")}
                  value={editing.draft.name}
                  onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, name: e.target.value } })}
                  required
                  error={!!byField.name}
                  helperText={byField.name}
                  autoFocus
                />
                {accessTypes ? (
                  <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                    <FormLabel component="legend">{t("settings.roles.accessTypes")}</FormLabel>
                    <FormGroup row>
                      {accessTypes.map((a) => (
                        <FormControlLabel
                          key={a.value}
                          control={
                            <Checkbox
                              checked={editing.draft.accessTypes.includes(a.value)}
                              onChange={() => toggle("accessTypes", a.value)}
                            />
                          }
                          label={a.label}
                        />
                      ))}
                    </FormGroup>
                    {byField.accessTypes ? <Alert severity="error">{byField.accessTypes}</Alert> : null}
                  </Box>
                ) : null}
                <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                  <FormLabel component="legend">{t("settings.roles.permissions")}</FormLabel>
                  {allLocked ? (
                    <Alert severity="info" sx={{ my: 1 }}>
                      {allLocked}
                    </Alert>
                  ) : null}
                  <FormGroup>
                    {permissions.map((p) => {
                      const reason = allLocked ? null : (permissionLock?.(editing.id, p.value) ?? null);
                      return (
                        <FormControlLabel
                          key={p.value}
                          disabled={!!allLocked || !!reason}
                          control={
                            <Checkbox checked={editing.draft.permissions.includes(p.value)} onChange={() => toggle("permissions", p.value)} />
                          }
                          label={<OptionLabel label={p.label} reason={reason} />}
                          sx={{ alignItems: reason ? "flex-start" : "center", "& .MuiCheckbox-root": reason ? { pt: 0.5 } : {} }}
                        />
                      );
                    })}
                  </FormGroup>
                  {byField.permissions ? <Alert severity="error">{byField.permissions}</Alert> : null}
                </Box>
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setEditing(null)} disabled={busy}>
                {t("app.cancel")}
              </Button>
              <Button type="submit" variant="contained" disabled={busy || !editing.draft.name.trim()}>
                {t("app.save")}
              </Button>
            </DialogActions>
          </form>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={t("settings.roles.confirmDeleteTitle")}
        destructive
        confirmLabel={t("app.delete")}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          try {
            const problems = await remove(deleting!.id);
            if (problems.length) return problems.map((e) => userErrorMessage(t, e)).join(" ");
            notify(t("settings.roles.deleted"));
            return undefined;
          } catch (e) {
            return failureMessage(t, e);
          }
        }}
      >
        {t("settings.roles.confirmDelete", { name: deleting?.name })}
      </ConfirmDialog>
    </Card>
  );
}
