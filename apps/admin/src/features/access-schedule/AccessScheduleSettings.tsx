import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Divider from "@mui/material/Divider";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { AGE_RULE_PRESETS, matchesPreset, presetValues, type AgeRulePreset as Preset } from "@portal/schema";
import type { AgeRulePreset } from "../../gql/graphql";
import { LoadError, Loading } from "../../shared/QueryState";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { PortalRolesDocument } from "../access/access.documents";
import { AccessScheduleSettingsDocument, UpdateAccessScheduleSettingsDocument } from "./access-schedule.documents";
import "./access-schedule.i18n";

interface Draft {
  ageRulePreset: AgeRulePreset;
  selfAccessMinAge: string;
  proxyLimitedAtAge: string;
  proxyLimitedRoleId: string;
  proxyEndsAtAge: string;
  ageNoticeDays: string;
  proxyEndReminderDays: string;
  proxyEndReminderEmail: string;
}

const FIELDS = ["selfAccessMinAge", "proxyLimitedAtAge", "proxyLimitedRoleId", "proxyEndsAtAge", "ageNoticeDays", "proxyEndReminderDays", "proxyEndReminderEmail"];
const PRESETS: AgeRulePreset[] = ["NONE", "QUEBEC", "US_COMMON", "CUSTOM"];
const text = (n: number | null | undefined) => (n == null ? "" : String(n));
const age = (s: string) => (s.trim() === "" ? null : Number(s));

/**
 * Settings › Access over time (rules 20, 21): the age rules for minors, picked from a preset that
 * cites its source (the presets and the "edited" check come from @portal/schema, the same table the
 * server decides with) and editable, and when staff are reminded of proxies' end dates.
 */
export function AccessScheduleSettings() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const { data, loading, error, refetch } = useQuery(AccessScheduleSettingsDocument);
  // Roles are listed to staff who manage portal access or roles; without them the select stays empty.
  const roles = useQuery(PortalRolesDocument, { errorPolicy: "all" });
  const [save] = useMutation(UpdateAccessScheduleSettingsDocument);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = data?.accessScheduleSettings;
  useEffect(() => {
    if (!saved) return;
    setDraft({
      ageRulePreset: saved.ageRulePreset,
      selfAccessMinAge: text(saved.selfAccessMinAge),
      proxyLimitedAtAge: text(saved.proxyLimitedAtAge),
      proxyLimitedRoleId: saved.proxyLimitedRoleId ?? "",
      proxyEndsAtAge: text(saved.proxyEndsAtAge),
      ageNoticeDays: text(saved.ageNoticeDays),
      proxyEndReminderDays: text(saved.proxyEndReminderDays),
      proxyEndReminderEmail: saved.proxyEndReminderEmail ?? "",
    });
  }, [saved]);

  if (loading && !data) return <Loading />;
  if ((error && !data) || !draft) return error ? <LoadError onRetry={() => void refetch()} /> : <Loading />;

  const lang = i18n.language === "fr" ? "fr" : "en";
  const info = AGE_RULE_PRESETS.find((p) => p.preset === (draft.ageRulePreset as Preset));
  const values = { selfAccessMinAge: age(draft.selfAccessMinAge), proxyLimitedAtAge: age(draft.proxyLimitedAtAge), proxyEndsAtAge: age(draft.proxyEndsAtAge) };
  const edited = draft.ageRulePreset !== "CUSTOM" && !matchesPreset(draft.ageRulePreset as Preset, values);
  const proxyRoles = (roles.data?.portalRoles ?? []).filter((r) => r.accessTypes.includes("PROXY"));
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const pickPreset = (preset: AgeRulePreset) => {
    const v = presetValues(preset as Preset);
    // A preset fills the three ages; they stay editable (and the screen says "edited").
    set(v ? { ageRulePreset: preset, selfAccessMinAge: text(v.selfAccessMinAge), proxyLimitedAtAge: text(v.proxyLimitedAtAge), proxyEndsAtAge: text(v.proxyEndsAtAge) } : { ageRulePreset: preset });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const res = await save({
        variables: {
          input: {
            ageRulePreset: draft.ageRulePreset,
            ...values,
            proxyLimitedRoleId: values.proxyLimitedAtAge === null ? null : draft.proxyLimitedRoleId || null,
            ageNoticeDays: Number(draft.ageNoticeDays || 0),
            proxyEndReminderDays: Number(draft.proxyEndReminderDays || 0),
            proxyEndReminderEmail: draft.proxyEndReminderEmail.trim() || null,
          },
        },
      });
      const payload = res.data?.updateAccessScheduleSettings;
      if (payload?.userErrors.length) return setErrors(payload.userErrors);
      notify(t("accessSchedule.saved"));
      await refetch();
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const { byField, general } = splitUserErrors(t, errors, FIELDS);
  const number = (field: keyof Draft, label: string, helper?: string, max = 25, width = 260) => (
    <TextField
      label={label}
      type="number"
      value={draft[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      slotProps={{ htmlInput: { min: 0, max, inputMode: "numeric" } }}
      error={!!byField[field]}
      helperText={byField[field] ?? helper}
      sx={{ width: { xs: "100%", sm: width } }}
    />
  );

  return (
    <Card variant="outlined" component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
      <CardContent>
        <Stack spacing={2.5}>
          <Box>
            <Typography variant="h6" component="h2">
              {t("accessSchedule.title")}
            </Typography>
            <Typography color="text.secondary" sx={{ maxWidth: 820 }}>
              {t("accessSchedule.intro")}
            </Typography>
          </Box>
          {general.map((g) => (
            <Alert key={g} severity="error">
              {g}
            </Alert>
          ))}
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          <TextField
            select
            label={t("accessSchedule.preset")}
            value={draft.ageRulePreset}
            onChange={(e) => pickPreset(e.target.value as AgeRulePreset)}
            helperText={edited ? t("accessSchedule.edited") : undefined}
            sx={{ width: { xs: "100%", sm: 360 } }}
          >
            {PRESETS.map((p) => (
              <MenuItem key={p} value={p}>
                {t(`accessSchedule.presets.${p}`)}
              </MenuItem>
            ))}
          </TextField>
          {info ? (
            <Alert severity="info" sx={{ maxWidth: 900 }}>
              <b>{t("accessSchedule.source")}:</b> {info.source[lang]}
            </Alert>
          ) : null}
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
            {number("selfAccessMinAge", t("accessSchedule.selfAccessMinAge"), t("accessSchedule.selfAccessMinAgeHint"))}
            {number("proxyEndsAtAge", t("accessSchedule.proxyEndsAtAge"), t("accessSchedule.noAge"))}
          </Box>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
            {number("proxyLimitedAtAge", t("accessSchedule.proxyLimitedAtAge"), t("accessSchedule.noAge"))}
            <TextField
              select
              label={t("accessSchedule.proxyLimitedRoleId")}
              value={draft.proxyLimitedRoleId}
              onChange={(e) => set({ proxyLimitedRoleId: e.target.value })}
              disabled={draft.proxyLimitedAtAge.trim() === ""}
              error={!!byField.proxyLimitedRoleId}
              helperText={byField.proxyLimitedRoleId}
              sx={{ width: { xs: "100%", sm: 260 } }}
            >
              <MenuItem value="">{t("accessSchedule.noRole")}</MenuItem>
              {proxyRoles.map((r) => (
                <MenuItem key={r.id} value={r.id}>
                  {r.name}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          {number("ageNoticeDays", t("accessSchedule.ageNoticeDays"), undefined, 365, 400)}
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>
            {t("accessSchedule.appliesTo")}
          </Typography>
          <Divider />
          <Box>
            <Typography variant="h6" component="h2">
              {t("accessSchedule.endDatesTitle")}
            </Typography>
            <Typography color="text.secondary" sx={{ maxWidth: 820 }}>
              {t("accessSchedule.endDatesIntro")}
            </Typography>
          </Box>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
            {number("proxyEndReminderDays", t("accessSchedule.proxyEndReminderDays"), undefined, 365)}
            <TextField
              label={t("accessSchedule.proxyEndReminderEmail")}
              type="email"
              value={draft.proxyEndReminderEmail}
              onChange={(e) => set({ proxyEndReminderEmail: e.target.value })}
              error={!!byField.proxyEndReminderEmail}
              helperText={byField.proxyEndReminderEmail ?? t("accessSchedule.proxyEndReminderEmailHint")}
              sx={{ width: { xs: "100%", sm: 360 } }}
            />
          </Box>
          <Box>
            <Button type="submit" variant="contained" disabled={busy}>
              {t("accessSchedule.save")}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
