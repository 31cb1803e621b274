import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import type { AccessType } from "../../gql/graphql";
import { emailUserError } from "../../shared/email-problem";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { EnablePortalAccessDocument, GrantContactPortalAccessDocument } from "./access.documents";
import "./access.i18n";
import { authorizationInput, emptyAuthorization, ProxyAuthorizationFields } from "../access-schedule/ProxyAuthorizationFields";

export interface RoleOption {
  id: string;
  name: string;
  accessTypes: readonly AccessType[];
}

export type AccessTarget = { kind: "patient"; patientId: string } | { kind: "contact"; contactId: string };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Whose access it is, for the title. */
  name: string;
  target: AccessTarget;
  /** The email on file, prefilled (rule 1). */
  emailOnFile: string | null;
  /** The login of the account this person already has: used, and not editable (seed 000). */
  lockedEmail?: string | null;
  roles: readonly RoleOption[];
  defaultRoleId?: string | null;
  onGranted: (email: string) => void;
}

/** Add portal access (seed 000): login email prefilled from the record, role, invite sent on save. */
export function AddPortalAccessDialog({ open, onClose, name, target, emailOnFile, lockedEmail, roles, defaultRoleId, onGranted }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const accessType: AccessType = target.kind === "patient" ? "SELF" : "PROXY";
  const applicable = roles.filter((r) => r.accessTypes.includes(accessType));
  const initialRole = applicable.find((r) => r.id === defaultRoleId)?.id ?? applicable[0]?.id ?? "";
  const [email, setEmail] = useState(lockedEmail ?? emailOnFile ?? "");
  const [roleId, setRoleId] = useState(initialRole);
  const [sendInvite, setSendInvite] = useState(true);
  // Rule 21: why a contact may act for the patient, recorded with the grant.
  const [authorization, setAuthorization] = useState(emptyAuthorization);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // Why the server refused the link (e.g. the address is a patient's own login): said, not retried.
  const [linkRefusal, setLinkRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const [enable] = useMutation(EnablePortalAccessDocument);
  const [grant] = useMutation(GrantContactPortalAccessDocument);

  useEffect(() => {
    if (open) {
      setEmail(lockedEmail ?? emailOnFile ?? "");
      setRoleId(initialRole);
      setAuthorization(emptyAuthorization);
      setErrors([]);
      setFailure(null);
      setLinkRefusal(null);
    }
    // Reset only when the dialog opens for a person (the role list may refresh meanwhile).
  }, [open]);

  const submit = async (event: FormEvent | null, linkExistingAccount = false) => {
    event?.preventDefault();
    const invalid = lockedEmail ? null : emailUserError(email);
    if (invalid) return setErrors([invalid]);
    setBusy(true);
    setErrors([]);
    setFailure(null);
    setLinkRefusal(null);
    try {
      const typed = lockedEmail ? undefined : email.trim() || undefined;
      const payload =
        target.kind === "patient"
          ? (
              await enable({
                variables: { input: { patientId: target.patientId, email: typed, portalRoleId: roleId || undefined, sendInvite } },
              })
            ).data?.enablePortalAccess
          : (
              await grant({
                variables: {
                  input: {
                    contactId: target.contactId,
                    email: typed,
                    portalRoleId: roleId,
                    sendInvite,
                    linkExistingAccount: linkExistingAccount || undefined,
                    // Sent only when a basis was chosen: without one the grant is as before.
                    ...(authorizationInput(authorization) ? { authorization: authorizationInput(authorization) } : {}),
                  },
                },
              })
            ).data?.grantContactPortalAccess;
      if (payload?.userErrors.length) {
        setErrors(payload.userErrors);
        if (linkExistingAccount) {
          // The server's reason, in the staff member's language; the same click would only fail again.
          const [first] = payload.userErrors;
          setLinkRefusal(t(`addAccess.linkRefused.${first.code}`, { defaultValue: first.message }));
          emailRef.current?.focus();
        }
        return;
      }
      onGranted(payload?.account?.email ?? email);
      onClose();
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const { byField, general } = splitUserErrors(t, errors, ["email", "portalRoleId", "basis", "basisDocumentRef", "endsOn"]);
  const emailInUse = !linkRefusal && errors.some((e) => e.code === "EMAIL_IN_USE");
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{t("addAccess.titleFor", { name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {general.map((text) => (
              <Alert key={text} severity="error">
                {text}
              </Alert>
            ))}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
            {linkRefusal ? <Alert severity="error">{linkRefusal}</Alert> : null}
            <TextField
              label={t("addAccess.email")}
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                // Another address is another attempt: the previous refusal no longer applies.
                if (linkRefusal) {
                  setLinkRefusal(null);
                  setErrors([]);
                }
              }}
              inputRef={emailRef}
              required
              disabled={!!lockedEmail}
              error={!!byField.email || !!linkRefusal}
              helperText={linkRefusal ? undefined : (byField.email ?? (lockedEmail ? t("addAccess.emailLocked") : t("addAccess.emailHint")))}
              autoFocus={!lockedEmail}
            />
            {emailInUse && target.kind === "contact" ? (
              <Button variant="outlined" onClick={() => void submit(null, true)} disabled={busy} sx={{ alignSelf: "flex-start" }}>
                {t("addAccess.offerLink")}
              </Button>
            ) : null}
            <TextField
              select
              label={t("addAccess.role")}
              value={roleId}
              onChange={(e) => setRoleId(e.target.value)}
              required
              error={!!byField.portalRoleId}
              helperText={byField.portalRoleId}
            >
              {applicable.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.name}
                </MenuItem>
              ))}
            </TextField>
            {target.kind === "contact" ? <ProxyAuthorizationFields value={authorization} onChange={setAuthorization} errors={byField} /> : null}
            <FormControlLabel
              control={<Checkbox checked={sendInvite} onChange={(e) => setSendInvite(e.target.checked)} />}
              label={t("addAccess.sendInvite")}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || (!lockedEmail && !email.trim()) || !roleId}>
            {t("addAccess.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
