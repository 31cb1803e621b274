import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import FormControlLabel from "@mui/material/FormControlLabel";
import Switch from "@mui/material/Switch";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import type { InviteMethod, Language } from "../../gql/graphql";
import { LoadError, Loading } from "../../shared/QueryState";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { PortalRolesDocument } from "../access/access.documents";
import { OrganizationSettingsDocument, UpdateOrganizationSettingsDocument } from "./settings.documents";

const FIELDS = ["name", "inviteMethod", "inviteLinkTtlHours", "resendCooldownMinutes", "defaultPortalRoleId", "defaultLanguage", "inviteReminderDays"] as const;

/** "3, 10" → [3, 10]; the server validates the schedule (rule 23). */
const reminderDays = (text: string) => (text.match(/\d+/g) ?? []).map(Number);

/** Invite method, link lifetime, resend cooldown, default role and language (rules 6, 7). */
export function OrganizationSettings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { data, loading, error, refetch } = useQuery(OrganizationSettingsDocument);
  const roles = useQuery(PortalRolesDocument);
  const [update] = useMutation(UpdateOrganizationSettingsDocument);
  const org = data?.viewer?.organization;
  const [form, setForm] = useState({
    name: "",
    inviteMethod: "LINK",
    inviteLinkTtlHours: "168",
    resendCooldownMinutes: "5",
    defaultPortalRoleId: "",
    defaultLanguage: "EN",
    accessRemovedEmail: true,
    inviteReminderDays: "3, 10",
  });
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (org)
      setForm({
        name: org.name,
        inviteMethod: org.inviteMethod,
        inviteLinkTtlHours: String(org.inviteLinkTtlHours),
        resendCooldownMinutes: String(org.resendCooldownMinutes),
        defaultPortalRoleId: org.defaultPortalRoleId ?? "",
        defaultLanguage: org.defaultLanguage,
        accessRemovedEmail: org.accessRemovedEmail,
        inviteReminderDays: org.inviteReminderDays.join(", "),
      });
  }, [org]);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const set = (key: Exclude<keyof typeof form, "accessRemovedEmail">) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload = (
        await update({
          variables: {
            input: {
              name: form.name,
              inviteMethod: form.inviteMethod as InviteMethod,
              inviteLinkTtlHours: Number(form.inviteLinkTtlHours),
              resendCooldownMinutes: Number(form.resendCooldownMinutes),
              defaultPortalRoleId: form.defaultPortalRoleId || undefined,
              defaultLanguage: form.defaultLanguage as Language,
              accessRemovedEmail: form.accessRemovedEmail,
              inviteReminderDays: reminderDays(form.inviteReminderDays),
            },
          },
        })
      ).data?.updateOrganizationSettings;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else notify(t("app.saved"));
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const { byField, general } = splitUserErrors(t, errors, FIELDS);
  const selfRoles = (roles.data?.portalRoles ?? []).filter((r) => r.accessTypes.includes("SELF"));
  return (
    <Card variant="outlined">
      <CardContent component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
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
        <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" }, gap: 2.5 }}>
          <TextField
            label={t("settings.org.name")}
            value={form.name}
            onChange={set("name")}
            error={!!byField.name}
            helperText={byField.name}
          />
          <TextField
            select
            label={t("settings.org.inviteMethod")}
            value={form.inviteMethod}
            onChange={set("inviteMethod")}
            error={!!byField.inviteMethod}
            helperText={byField.inviteMethod}
          >
            <MenuItem value="LINK">{t("settings.org.LINK")}</MenuItem>
            <MenuItem value="TEMPORARY_PASSWORD">{t("settings.org.TEMPORARY_PASSWORD")}</MenuItem>
          </TextField>
          <TextField
            type="number"
            label={t("settings.org.inviteLinkTtlHours")}
            value={form.inviteLinkTtlHours}
            onChange={set("inviteLinkTtlHours")}
            error={!!byField.inviteLinkTtlHours}
            helperText={byField.inviteLinkTtlHours}
            slotProps={{ htmlInput: { min: 1, max: 720 } }}
          />
          <TextField
            type="number"
            label={t("settings.org.resendCooldownMinutes")}
            value={form.resendCooldownMinutes}
            onChange={set("resendCooldownMinutes")}
            error={!!byField.resendCooldownMinutes}
            helperText={byField.resendCooldownMinutes}
            slotProps={{ htmlInput: { min: 0, max: 1440 } }}
          />
          <TextField
            select
            label={t("settings.org.defaultPortalRole")}
            value={form.defaultPortalRoleId}
            onChange={set("defaultPortalRoleId")}
            error={!!byField.defaultPortalRoleId}
            helperText={byField.defaultPortalRoleId}
          >
            {selfRoles.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t("settings.org.defaultLanguage")}
            value={form.defaultLanguage}
            onChange={set("defaultLanguage")}
            error={!!byField.defaultLanguage}
            helperText={byField.defaultLanguage}
          >
            <MenuItem value="EN">{t("language.EN")}</MenuItem>
            <MenuItem value="FR">{t("language.FR")}</MenuItem>
          </TextField>
          <TextField
            label={t("settings.org.inviteReminderDays")}
            value={form.inviteReminderDays}
            onChange={set("inviteReminderDays")}
            error={!!byField.inviteReminderDays}
            helperText={byField.inviteReminderDays ?? t("settings.org.inviteReminderDaysHelp")}
            slotProps={{ htmlInput: { inputMode: "numeric" } }}
          />
          <FormControlLabel
            sx={{ gridColumn: "1 / -1" }}
            control={<Switch checked={form.accessRemovedEmail} onChange={(e) => setForm((f) => ({ ...f, accessRemovedEmail: e.target.checked }))} />}
            label={t("settings.org.accessRemovedEmail")}
          />
        </Box>
        <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 3 }}>
          {t("app.save")}
        </Button>
      </CardContent>
    </Card>
  );
}
