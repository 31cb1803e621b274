import { useEffect, useId, useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import type { AccessType } from "../../gql/graphql";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { ChangePortalRoleDocument } from "./access.documents";
import type { RoleOption } from "./AddPortalAccessDialog";

interface Props {
  open: boolean;
  onClose: () => void;
  grant: { id: string; accessType: AccessType; portalRoleId: string; roleName: string };
  roles: readonly RoleOption[];
  onChanged: (roleName: string) => void;
}

/** Change the role of one grant (seed 000 "Edit"): only roles applicable to its access type (rule 5). */
export function ChangeRoleDialog({ open, onClose, grant, roles, onChanged }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const applicable = roles.filter((r) => r.accessTypes.includes(grant.accessType));
  const [roleId, setRoleId] = useState(grant.portalRoleId);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [change] = useMutation(ChangePortalRoleDocument);
  useEffect(() => {
    if (open) {
      setRoleId(grant.portalRoleId);
      setErrors([]);
      setFailure(null);
    }
  }, [open, grant.portalRoleId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = (await change({ variables: { input: { grantId: grant.id, portalRoleId: roleId } } })).data?.changePortalRole;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else {
        onChanged(payload?.grant?.portalRole.name ?? "");
        onClose();
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const { byField, general } = splitUserErrors(t, errors, ["portalRoleId"]);
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{t("changeRole.title")}</DialogTitle>
        <DialogContent>
          {general.map((text) => (
            <Alert key={text} severity="error" sx={{ mb: 2 }}>
              {text}
            </Alert>
          ))}
          {failure ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          ) : null}
          <TextField
            select
            fullWidth
            sx={{ mt: 1 }}
            label={t("changeRole.role")}
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
            error={!!byField.portalRoleId}
            helperText={byField.portalRoleId ?? t("changeRole.current", { role: grant.roleName })}
          >
            {applicable.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || roleId === grant.portalRoleId}>
            {t("app.save")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
