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
import type { WebhookEventType, WebhooksQuery } from "../../gql/graphql";
import { CheckboxGroupField } from "../../shared/CheckboxGroupField";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { Empty, LoadError, Loading } from "../../shared/QueryState";
import { useRunner } from "../../shared/useRunner";
import { failureMessage, splitUserErrors, userErrorMessage, type UserErrorLike } from "../../shared/user-errors";
import { monospace, OneTimeSecret } from "./OneTimeSecret";
import {
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  SendTestWebhookEventDocument,
  WebhooksDocument,
} from "./webhooks.documents";

type Subscription = WebhooksQuery["webhookSubscriptions"][number];

/** What a partner can subscribe to; webhook.test only comes from "Send a test event". */
const EVENTS: WebhookEventType[] = [
  "PORTAL_ACCESS_ENABLED",
  "PORTAL_ACCESS_REVOKED",
  "PORTAL_INVITE_SENT",
  "PORTAL_INVITE_ACCEPTED",
  "PORTAL_INVITE_DELIVERY_FAILED",
  "PORTAL_ACCOUNT_DISABLED",
  "PATIENT_DEACTIVATED",
  "PATIENT_REACTIVATED",
];
const FIELDS = ["url", "events", "description"] as const;

function CreateSubscriptionDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => unknown }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [create] = useMutation(CreateWebhookSubscriptionDocument);

  const close = () => {
    setSecret(null);
    setUrl("");
    setDescription("");
    setEvents([]);
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
      const payload = (await create({ variables: { input: { url: url.trim(), events, description: description.trim() || undefined } } })).data
        ?.createWebhookSubscription;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else if (payload?.signingSecret) {
        setSecret(payload.signingSecret);
        await onCreated();
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  // WEBHOOK_URL_REFUSED says why (private address, bad scheme…): the server's words are the useful part.
  const { byField, general } = splitUserErrors(t, errors, FIELDS);
  const urlError = errors.find((e) => e.field === "url" && e.code === "WEBHOOK_URL_REFUSED");
  return (
    <Dialog open={open} onClose={busy || secret ? undefined : close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{secret ? t("settings.webhooks.secretTitle") : t("settings.webhooks.newTitle")}</DialogTitle>
      {secret ? (
        <OneTimeSecret secret={secret} label={t("settings.webhooks.secretLabel")} warning={t("settings.webhooks.secretWarning")} onDone={close} />
      ) : (
        <Box component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
          <DialogContent>
            {[...general, ...(failure ? [failure] : [])].map((text) => (
              <Alert key={text} severity="error" sx={{ mb: 2 }}>
                {text}
              </Alert>
            ))}
            <TextField
              label={t("settings.webhooks.url")}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              error={!!byField.url}
              helperText={byField.url ? `${byField.url}${urlError ? ` ${urlError.message}` : ""}` : t("settings.webhooks.urlHint")}
              fullWidth
              autoFocus
              sx={{ mt: 1, mb: 2 }}
            />
            <TextField
              label={t("settings.webhooks.description")}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              error={!!byField.description}
              helperText={byField.description}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 500 } }}
              sx={{ mb: 2 }}
            />
            <CheckboxGroupField
              legend={t("settings.webhooks.events")}
              options={EVENTS}
              labelOf={(o) => t(`settings.webhooks.event.${o}`)}
              value={events}
              onChange={setEvents}
              error={byField.events}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {t("app.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {t("settings.webhooks.create")}
            </Button>
          </DialogActions>
        </Box>
      )}
    </Dialog>
  );
}

/** Partner endpoints that receive signed events: list, subscribe (secret shown once), test, delete. */
export function WebhooksSettings() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const run = useRunner();
  const { data, loading, error, refetch } = useQuery(WebhooksDocument, { fetchPolicy: "cache-and-network" });
  const [remove] = useMutation(DeleteWebhookSubscriptionDocument);
  const [sendTest] = useMutation(SendTestWebhookEventDocument);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  const [testProblem, setTestProblem] = useState<string | null>(null);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const subscriptions = data?.webhookSubscriptions ?? [];
  const deliveries = data?.webhookDeliveries.edges.map((e) => e.node) ?? [];
  const urlOf = (id: string) => subscriptions.find((s) => s.id === id)?.url ?? id;

  const test = async (subscription: Subscription) => {
    setTestProblem(null);
    try {
      const payload = (await sendTest({ variables: { input: { id: subscription.id } } })).data?.sendTestWebhookEvent;
      if (payload?.userErrors.length) setTestProblem(payload.userErrors.map((e) => userErrorMessage(t, e)).join(" "));
      else {
        notify(t("settings.webhooks.testQueued", { url: subscription.url }));
        await refetch();
      }
    } catch (e) {
      setTestProblem(failureMessage(t, e));
    }
  };

  return (
    <Box component="section" aria-labelledby="webhooks-title" sx={{ mt: 5 }}>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2, justifyContent: "space-between", alignItems: { sm: "center" } }}>
        <Box>
          <Typography variant="h6" component="h2" id="webhooks-title">
            {t("settings.webhooks.title")}
          </Typography>
          <Typography color="text.secondary">{t("settings.webhooks.intro")}</Typography>
        </Box>
        <Button variant="outlined" onClick={() => setCreating(true)} sx={{ flexShrink: 0 }}>
          {t("settings.webhooks.add")}
        </Button>
      </Stack>
      {testProblem ? (
        <Alert severity="error" sx={{ mb: 2 }} onClose={() => setTestProblem(null)}>
          {testProblem}
        </Alert>
      ) : null}
      {subscriptions.length ? (
        <Card variant="outlined">
          <TableContainer tabIndex={0} role="region" aria-label={t("settings.webhooks.title")}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("settings.webhooks.url")}</TableCell>
                  <TableCell>{t("settings.webhooks.events")}</TableCell>
                  <TableCell>{t("settings.apiKeys.createdAt")}</TableCell>
                  <TableCell>{t("settings.apiKeys.status")}</TableCell>
                  <TableCell>{t("app.actions")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {subscriptions.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell sx={{ wordBreak: "break-all" }}>
                      <Box sx={monospace}>{s.url}</Box>
                      {s.description ? (
                        <Typography variant="body2" color="text.secondary">
                          {s.description}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                        {s.events.map((e) => (
                          <Chip key={e} size="small" variant="outlined" label={t(`settings.webhooks.event.${e}`).split(" — ")[0]} />
                        ))}
                      </Stack>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(s.createdAt)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={s.active ? "success" : "default"} label={s.active ? t("settings.webhooks.active") : t("settings.webhooks.paused")} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      <Button size="small" onClick={() => void test(s)} aria-label={t("settings.webhooks.sendTestLabel", { url: s.url })}>
                        {t("settings.webhooks.sendTest")}
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting(s)} aria-label={t("settings.webhooks.deleteLabel", { url: s.url })}>
                        {t("app.delete")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Card>
      ) : (
        <Empty>{t("settings.webhooks.empty")}</Empty>
      )}
      {deliveries.length ? (
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
            {t("settings.webhooks.deliveries")}
          </Typography>
          <Card variant="outlined">
            <TableContainer tabIndex={0} role="region" aria-label={t("settings.webhooks.deliveries")}>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t("settings.webhooks.deliveryAt")}</TableCell>
                    <TableCell>{t("settings.webhooks.deliveryEvent")}</TableCell>
                    <TableCell>{t("settings.webhooks.url")}</TableCell>
                    <TableCell>{t("settings.webhooks.deliveryResult")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {deliveries.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(d.at)}</TableCell>
                      <TableCell sx={monospace}>{d.eventType}</TableCell>
                      <TableCell sx={{ ...monospace, wordBreak: "break-all" }}>{urlOf(d.subscriptionId)}</TableCell>
                      <TableCell>
                        {d.success
                          ? t("settings.webhooks.delivered", { status: d.statusCode ?? "" })
                          : t("settings.webhooks.failed", { attempt: d.attempt, reason: d.statusCode ? `HTTP ${d.statusCode}` : (d.error ?? "") })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Card>
        </Box>
      ) : null}
      <CreateSubscriptionDialog open={creating} onClose={() => setCreating(false)} onCreated={() => refetch()} />
      <ConfirmDialog
        open={!!deleting}
        title={t("settings.webhooks.confirmDeleteTitle")}
        confirmLabel={t("app.delete")}
        destructive
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          run(
            async () => (await remove({ variables: { input: { id: deleting!.id } } })).data?.deleteWebhookSubscription.userErrors,
            t("settings.webhooks.deleted"),
            () => refetch(),
          )
        }
      >
        {deleting ? t("settings.webhooks.confirmDelete", { url: deleting.url }) : null}
      </ConfirmDialog>
    </Box>
  );
}
