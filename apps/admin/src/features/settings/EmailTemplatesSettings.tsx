import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink } from "react-router";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { EmailKind, EmailTemplatesQuery, Language } from "../../gql/graphql";
import "../access-schedule/access-schedule.i18n";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { Empty, LoadError, Loading } from "../../shared/QueryState";
import { failureMessage, userErrorMessage, type UserErrorLike } from "../../shared/user-errors";
import { useCan } from "../auth/viewer";
import {
  EmailTemplatesDocument,
  PreviewEmailTemplateDocument,
  ResetEmailTemplateDocument,
  SendSampleEmailDocument,
  UpdateEmailTemplateDocument,
} from "./email-templates.documents";

type Template = EmailTemplatesQuery["emailTemplates"][number];
type Draft = { subject: string; html: string; text: string };

const FIELDS = ["subject", "html", "text"] as const;
const KINDS: EmailKind[] = [
  "INVITE_LINK",
  "INVITE_TEMPORARY_PASSWORD",
  "STAFF_PASSWORD_RESET",
  "SELF_SERVICE_RESET",
  "LOGIN_EMAIL_CHANGED",
  "LOGIN_EMAIL_CONFIRM",
  "ACCESS_REVOKED",
  "STAFF_INVITE",
  "INVITE_REMINDER",
  "ACCESS_CHANGE_NOTICE",
  "PROXY_END_REMINDER",
];
const LANGUAGES: Language[] = ["EN", "FR"];
/** Long enough not to render on every keystroke, short enough to feel live. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Placeholder errors name the placeholder in the server's message ({{name}}): keep the name and say
 * the rest in the staff member's language.
 */
function templateErrorText(t: TFunction, error: UserErrorLike): string {
  const name = /\{\{\s*(\w+)\s*\}\}/.exec(error.message)?.[1];
  if (name && error.code === "UNKNOWN_PLACEHOLDER") return t("settings.templates.unknownPlaceholder", { name: `{{${name}}}` });
  if (name && error.code === "MISSING_PLACEHOLDER") return t("settings.templates.missingPlaceholder", { name: `{{${name}}}` });
  return userErrorMessage(t, error);
}

function splitTemplateErrors(t: TFunction, errors: readonly UserErrorLike[]) {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const text = templateErrorText(t, error);
    if (error.field && (FIELDS as readonly string[]).includes(error.field)) byField[error.field] ??= text;
    else general.push(text);
  }
  return { byField, general };
}

interface Preview {
  subject: string;
  html: string;
  text: string;
}

/** Renders the draft through previewEmailTemplate, a moment after the last keystroke. */
function usePreview(kind: EmailKind, language: Language, draft: Draft) {
  const client = useApolloClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    const timer = setTimeout(() => {
      client
        .query({
          query: PreviewEmailTemplateDocument,
          variables: { input: { kind, language, ...draft } },
          fetchPolicy: "no-cache",
        })
        .then(({ data, error }) => {
          if (request !== latest.current) return;
          const payload = data?.previewEmailTemplate;
          if (error || !payload) {
            setFailed(true);
          } else {
            setFailed(false);
            setErrors(payload.userErrors);
            if (!payload.userErrors.length) setPreview({ subject: payload.subject ?? "", html: payload.html ?? "", text: payload.text ?? "" });
          }
          setLoading(false);
        })
        .catch(() => {
          if (request !== latest.current) return;
          setFailed(true);
          setLoading(false);
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, kind, language, draft]);
  return { preview, errors, failed, loading };
}

function TemplateEditor({
  template,
  onChanged,
  onDirtyChange,
}: {
  template: Template;
  onChanged: () => unknown;
  /** Told whether the draft differs from the saved wording, so that switching templates can ask first. */
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const can = useCan();
  const { kind, language } = template;
  const saved: Draft = { subject: template.subject, html: template.html, text: template.text };
  const [draft, setDraft] = useState<Draft>(saved);
  const [saveErrors, setSaveErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [sample, setSample] = useState<{ to?: string; error?: string } | null>(null);
  const [update] = useMutation(UpdateEmailTemplateDocument);
  const [reset] = useMutation(ResetEmailTemplateDocument);
  const [sendSample] = useMutation(SendSampleEmailDocument);
  const { preview, errors: previewErrors, failed: previewFailed, loading: previewLoading } = usePreview(kind, language, draft);
  const dirty = FIELDS.some((f) => draft[f] !== saved[f]);
  const kindLabel = t(`settings.templates.kinds.${kind}`);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: e.target.value }));
    setSaveErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaveErrors([]);
    setFailure(null);
    try {
      const payload = (await update({ variables: { input: { kind, language, ...draft } } })).data?.updateEmailTemplate;
      if (payload?.userErrors.length) setSaveErrors(payload.userErrors);
      else {
        notify(t("app.saved"));
        await onChanged();
      }
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const confirmReset = async () => {
    try {
      const payload = (await reset({ variables: { input: { kind, language } } })).data?.resetEmailTemplate;
      if (payload?.userErrors.length) return payload.userErrors.map((e) => templateErrorText(t, e)).join(" ");
      if (payload?.emailTemplate) {
        const { subject, html, text } = payload.emailTemplate;
        setDraft({ subject, html, text });
      }
      setSaveErrors([]);
      notify(t("settings.templates.resetDone"));
      await onChanged();
      return undefined;
    } catch (e) {
      return failureMessage(t, e);
    }
  };

  const send = async () => {
    setSample(null);
    try {
      const payload = (await sendSample({ variables: { input: { kind, language } } })).data?.sendSampleEmail;
      if (payload?.userErrors.length) setSample({ error: payload.userErrors.map((e) => templateErrorText(t, e)).join(" ") });
      else setSample({ to: payload?.to ?? "" });
    } catch (e) {
      setSample({ error: failureMessage(t, e) });
    }
  };

  // Errors of the last save win; otherwise the live preview's validation of the draft shows at the fields.
  const shown = saveErrors.length ? saveErrors : previewErrors;
  const { byField, general } = splitTemplateErrors(t, shown);
  const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", fontSize: 13 };

  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { xs: "minmax(0, 1fr)", lg: "minmax(0, 5fr) minmax(0, 7fr)" }, gap: 2, alignItems: "start" }}>
      <Card variant="outlined">
        <CardContent component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-label={`${kindLabel} — ${t(`language.${language}`)}`}>
          <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: "wrap", alignItems: "center" }} useFlexGap>
            <Chip
              size="small"
              color={template.isCustomized ? "primary" : "default"}
              label={template.isCustomized ? t("settings.templates.customized") : t("settings.templates.builtIn")}
            />
            {template.updatedAt ? (
              <Typography variant="body2" color="text.secondary">
                {t("settings.templates.updatedAt", { date: fmt.dateTime(template.updatedAt) })}
              </Typography>
            ) : null}
            {dirty ? (
              <Chip size="small" variant="outlined" sx={{ borderColor: "warning.main", color: "text.primary" }} label={t("settings.templates.unsaved")} />
            ) : null}
          </Stack>
          {failure ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          ) : null}
          {saveErrors.length
            ? general.map((text) => (
                <Alert key={text} severity="error" sx={{ mb: 2 }}>
                  {text}
                </Alert>
              ))
            : null}
          <Stack spacing={2.5}>
            <TextField
              label={t("settings.templates.subject")}
              value={draft.subject}
              onChange={set("subject")}
              error={!!byField.subject}
              helperText={byField.subject}
              fullWidth
            />
            <TextField
              label={t("settings.templates.html")}
              value={draft.html}
              onChange={set("html")}
              error={!!byField.html}
              helperText={byField.html}
              multiline
              minRows={8}
              maxRows={20}
              fullWidth
              slotProps={{ htmlInput: { spellCheck: false, style: mono } }}
            />
            <TextField
              label={t("settings.templates.text")}
              value={draft.text}
              onChange={set("text")}
              error={!!byField.text}
              helperText={byField.text}
              multiline
              minRows={6}
              maxRows={16}
              fullWidth
              slotProps={{ htmlInput: { spellCheck: false, style: mono } }}
            />
          </Stack>
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2" component="h3" color="text.secondary" sx={{ mb: 1 }}>
              {t("settings.templates.placeholders")}
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }} component="ul" aria-label={t("settings.templates.placeholders")} style={{ padding: 0, margin: 0, listStyle: "none" }}>
              {template.placeholders.map((name) => (
                <Box component="li" key={name}>
                  <Chip size="small" variant="outlined" label={`{{${name}}}`} sx={mono} />
                </Box>
              ))}
            </Stack>
          </Box>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 3, flexWrap: "wrap" }}>
            <Button type="submit" variant="contained" disabled={busy || !dirty}>
              {t("app.save")}
            </Button>
            <Button onClick={() => setDraft(saved)} disabled={busy || !dirty}>
              {t("settings.templates.discard")}
            </Button>
            <Button color="error" onClick={() => setResetting(true)} disabled={busy || !template.isCustomized}>
              {t("settings.templates.resetDefault")}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {/* The preview stays in view while a long HTML version scrolls by. */}
      <Stack spacing={2} sx={{ position: { lg: "sticky" }, top: { lg: 80 } }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h3" gutterBottom>
              {t("settings.templates.preview")}
            </Typography>
            <Box sx={{ height: 4, mb: 1 }}>
              {previewLoading ? <LinearProgress aria-label={t("settings.templates.previewLoading")} /> : null}
            </Box>
            {previewFailed ? <Alert severity="error">{t("settings.templates.previewFailed")}</Alert> : null}
            {!previewFailed && previewErrors.length ? (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {t("settings.templates.previewProblem")} {previewErrors.map((e) => templateErrorText(t, e)).join(" ")}
              </Alert>
            ) : null}
            {preview ? (
              <Box aria-live="polite" aria-busy={previewLoading} sx={{ opacity: previewErrors.length ? 0.5 : 1 }}>
                <Typography variant="body2" color="text.secondary">
                  {t("settings.templates.previewSubject")}
                </Typography>
                <Typography data-testid="preview-subject" sx={{ fontWeight: 600, mb: 2, wordBreak: "break-word" }}>
                  {preview.subject}
                </Typography>
                {/* An empty sandbox: the organization's HTML can neither run scripts nor reach this page. */}
                <Box
                  component="iframe"
                  title={t("settings.templates.previewHtml")}
                  sandbox=""
                  srcDoc={preview.html}
                  sx={{ width: "100%", height: 360, border: 1, borderColor: "divider", borderRadius: 1, bgcolor: "#fff" }}
                />
                <Typography variant="body2" component="h4" color="text.secondary" sx={{ mt: 2 }}>
                  {t("settings.templates.previewText")}
                </Typography>
                <Box
                  component="pre"
                  sx={{ whiteSpace: "pre-wrap", wordBreak: "break-word", m: 0, p: 1.5, bgcolor: "action.hover", borderRadius: 1, ...mono }}
                >
                  {preview.text}
                </Box>
              </Box>
            ) : previewLoading ? (
              <Loading label={t("settings.templates.previewLoading")} />
            ) : null}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {dirty ? t("settings.templates.sampleSaveFirst") : t("settings.templates.sampleHint")}
            </Typography>
            <Button variant="outlined" onClick={() => void send()} disabled={dirty}>
              {t("settings.templates.sendSample")}
            </Button>
            {sample?.to ? (
              <Alert severity="success" sx={{ mt: 2 }} role="status">
                {t("settings.templates.sampleSent", { email: sample.to })}{" "}
                {can("MANAGE_PORTAL_ACCESS") ? (
                  <Link component={RouterLink} to={`/mailbox?to=${encodeURIComponent(sample.to)}`}>
                    {t("settings.templates.openMailbox")}
                  </Link>
                ) : null}
              </Alert>
            ) : null}
            {sample?.error ? (
              <Alert severity="error" sx={{ mt: 2 }}>
                {sample.error}
              </Alert>
            ) : null}
          </CardContent>
        </Card>
      </Stack>
      <ConfirmDialog
        open={resetting}
        title={t("settings.templates.confirmResetTitle")}
        confirmLabel={t("settings.templates.resetDefault")}
        destructive
        onClose={() => setResetting(false)}
        onConfirm={confirmReset}
      >
        {t("settings.templates.confirmReset", { kind: kindLabel, language: t(`language.${language}`) })}
      </ConfirmDialog>
    </Box>
  );
}

/** Rule 13: every kind of email in every language, edited with a live preview and a sample to oneself. */
export function EmailTemplatesSettings() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(EmailTemplatesDocument);
  const [kind, setKind] = useState<EmailKind>("INVITE_LINK");
  const [language, setLanguage] = useState<Language>(i18n.language === "fr" ? "FR" : "EN");
  const [dirty, setDirty] = useState(false);
  // A switch of email or language waiting for the staff member to discard the unsaved draft.
  const [pending, setPending] = useState<{ kind: EmailKind; language: Language } | null>(null);
  const switchTo = (next: { kind: EmailKind; language: Language }) => {
    if (next.kind === kind && next.language === language) return;
    if (dirty) setPending(next);
    else {
      setKind(next.kind);
      setLanguage(next.language);
    }
  };
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const templates = data?.emailTemplates ?? [];
  const template = templates.find((x) => x.kind === kind && x.language === language);
  const kinds = KINDS.filter((k) => templates.some((x) => x.kind === k));
  return (
    <Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t("settings.templates.intro", { example: "{{recipientName}}" })}
      </Typography>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          select
          label={t("settings.templates.kind")}
          value={kind}
          onChange={(e) => switchTo({ kind: e.target.value as EmailKind, language })}
          sx={{ minWidth: 320 }}
        >
          {kinds.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`settings.templates.kinds.${k}`)}
              {templates.find((x) => x.kind === k && x.language === language)?.isCustomized ? ` · ${t("settings.templates.customized")}` : ""}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t("settings.templates.language")}
          value={language}
          onChange={(e) => switchTo({ kind, language: e.target.value as Language })}
          sx={{ minWidth: 180 }}
        >
          {LANGUAGES.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {template ? (
        // A new key per template: switching email or language starts from its saved wording.
        <TemplateEditor key={`${template.kind}:${template.language}`} template={template} onChanged={() => refetch()} onDirtyChange={setDirty} />
      ) : (
        <Empty>{t("app.notFound")}</Empty>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t("settings.templates.discardTitle")}
        confirmLabel={t("settings.templates.discard")}
        destructive
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          setKind(pending.kind);
          setLanguage(pending.language);
          setDirty(false);
        }}
      >
        {t("settings.templates.discardBody", { kind: t(`settings.templates.kinds.${kind}`), language: t(`language.${language}`) })}
      </ConfirmDialog>
    </Box>
  );
}
