import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { ApiKeyScope, ApiKeysQuery } from "../../gql/graphql";
import { ApiKeyScope as ApiKeyScopeValue, SCOPE_OPERATIONS } from "@portal/schema";
import { CheckboxGroupField } from "../../shared/CheckboxGroupField";
import { useViewer } from "../auth/viewer";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { Empty, LoadError, Loading } from "../../shared/QueryState";
import { useRunner } from "../../shared/useRunner";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from "./api-keys.documents";
import { monospace, OneTimeSecret } from "./OneTimeSecret";
import { WebhooksSettings } from "./WebhooksSettings";

type ApiKeyRow = ApiKeysQuery["apiKeys"]["edges"][number]["node"];

const SCOPES: ApiKeyScope[] = ["PATIENTS_READ", "PATIENTS_WRITE", "PORTAL_ACCESS_READ", "PORTAL_ACCESS_WRITE", "AUDIT_READ"];
const FIELDS = ["name", "scopes"] as const;


function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => unknown }) {
  const { t } = useTranslation();
  // A key's scopes stand for staff permissions: the API says which ones this member may give (rule 16).
  const grantable = useViewer().grantableApiKeyScopes;
  const titleId = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [create] = useMutation(CreateApiKeyDocument);

  const close = () => {
    // The secret is dropped with the dialog: it exists nowhere else.
    setSecret(null);
    setName("");
    setScopes([]);
    setErrors([]);
    setFailure(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = (await create({ variables: { input: { name: name.trim(), scopes } } })).data?.createApiKey;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else if (payload?.secret) {
        setSecret(payload.secret);
        await onCreated();
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const { byField, general } = splitUserErrors(t, errors, FIELDS);

  return (
    <Dialog open={open} onClose={busy || secret ? undefined : close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{secret ? t("settings.apiKeys.secretTitle") : t("settings.apiKeys.newTitle")}</DialogTitle>
      {secret ? (
        <OneTimeSecret secret={secret} label={t("settings.apiKeys.secretLabel")} warning={t("settings.apiKeys.secretWarning")} onDone={close} />
      ) : (
        <Box component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
          <DialogContent>
            {[...general, ...(failure ? [failure] : [])].map((text) => (
              <Alert key={text} severity="error" sx={{ mb: 2 }}>
                {text}
              </Alert>
            ))}
            <TextField
              label={t("settings.apiKeys.name")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={!!byField.name}
              helperText={byField.name ?? t("settings.apiKeys.nameHint")}
              fullWidth
              autoFocus
              slotProps={{ htmlInput: { maxLength: 100 } }}
              sx={{ mt: 1, mb: 2 }}
            />
            <CheckboxGroupField
              legend={t("settings.apiKeys.scopes")}
              options={SCOPES}
              labelOf={(o) => t(`settings.apiKeys.scope.${o}`)}
              value={scopes}
              onChange={setScopes}
              error={byField.scopes}
              disabledReason={(scope) => (grantable.includes(scope) ? null : t("settings.apiKeys.scopeNotHeld"))}
              // Generated from the API's access policy, so the dialog promises exactly what the server holds.
              detailOf={(scope) => t("settings.apiKeys.scopeAllows", { operations: SCOPE_OPERATIONS[ApiKeyScopeValue[scope]].join(", ") })}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {t("app.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {t("settings.apiKeys.create")}
            </Button>
          </DialogActions>
        </Box>
      )}
    </Dialog>
  );
}

/** Partner apps' API keys: list, create (the secret is shown once), revoke. Needs MANAGE_API_KEYS. */
export function ApiKeysSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const run = useRunner();
  const { data, loading, error, refetch } = useQuery(ApiKeysDocument, { fetchPolicy: "cache-and-network" });
  const [revoke] = useMutation(RevokeApiKeyDocument);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const keys = data?.apiKeys.edges.map((e) => e.node) ?? [];
  const status = (key: ApiKeyRow) =>
    key.revokedAt ? (
      <Box>
        <Chip size="small" color="error" variant="outlined" label={t("settings.apiKeys.revokedChip")} />
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: "nowrap", mt: 0.5 }}>
          {fmt.dateTime(key.revokedAt)}
        </Typography>
      </Box>
    ) : key.active ? (
      <Chip size="small" color="success" label={t("settings.apiKeys.active")} />
    ) : (
      <Chip size="small" label={t("settings.apiKeys.expired")} />
    );
  return (
    <Box>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2, justifyContent: "space-between", alignItems: { sm: "center" } }}>
        <Typography color="text.secondary">{t("settings.apiKeys.intro")}</Typography>
        <Button variant="contained" onClick={() => setCreating(true)} sx={{ flexShrink: 0 }}>
          {t("settings.apiKeys.add")}
        </Button>
      </Stack>
      {keys.length ? (
        <Card variant="outlined">
          {/* Scrolls sideways on narrow screens: focusable so the keyboard can scroll it too. */}
          <TableContainer tabIndex={0} role="region" aria-label={t("settings.tabs.apiKeys")}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("settings.apiKeys.name")}</TableCell>
                  <TableCell>{t("settings.apiKeys.scopes")}</TableCell>
                  <TableCell>{t("settings.apiKeys.prefix")}</TableCell>
                  <TableCell>{t("settings.apiKeys.createdAt")}</TableCell>
                  <TableCell>{t("settings.apiKeys.lastUsedAt")}</TableCell>
                  <TableCell>{t("settings.apiKeys.status")}</TableCell>
                  <TableCell>
                    <Box
                      component="span"
                      sx={{ position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" }}
                    >
                      {t("app.actions")}
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {keys.map((key) => (
                  <TableRow key={key.id}>
                    <TableCell sx={{ fontWeight: 500 }}>{key.name}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                        {key.scopes.map((s) => (
                          <Chip key={s} size="small" variant="outlined" label={t(`settings.apiKeys.scope.${s}`).split(" — ")[0]} title={t(`settings.apiKeys.scope.${s}`)} />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell sx={{ ...monospace, whiteSpace: "nowrap" }}>{key.prefix}…</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(key.createdAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(key.lastUsedAt)}</TableCell>
                    <TableCell>{status(key)}</TableCell>
                    <TableCell align="right">
                      {key.active ? (
                        <Button size="small" color="error" onClick={() => setRevoking(key)} aria-label={t("settings.apiKeys.revokeLabel", { name: key.name })}>
                          {t("settings.apiKeys.revoke")}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Card>
      ) : (
        <Empty>{t("settings.apiKeys.empty")}</Empty>
      )}
      <WebhooksSettings />
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={() => refetch()} />
      <ConfirmDialog
        open={!!revoking}
        title={t("settings.apiKeys.confirmRevokeTitle")}
        confirmLabel={t("settings.apiKeys.revoke")}
        destructive
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          run(
            async () => (await revoke({ variables: { input: { id: revoking!.id } } })).data?.revokeApiKey.userErrors,
            t("settings.apiKeys.revokedDone", { name: revoking!.name }),
            () => refetch(),
          )
        }
      >
        {revoking ? t("settings.apiKeys.confirmRevoke", { name: revoking.name, prefix: revoking.prefix }) : null}
      </ConfirmDialog>
    </Box>
  );
}
