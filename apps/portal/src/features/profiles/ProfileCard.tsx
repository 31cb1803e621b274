import { Card, CardContent, Chip, List, ListItem, ListItemText, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PortalViewer } from "../../auth/RequireAccount";

type Profile = PortalViewer["profiles"][number];

function formatDate(iso: string, language: string): string {
  // A date of birth is a calendar date, not an instant: format it in UTC so no time zone shifts it.
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: iso.length === 10 ? "UTC" : undefined }).format(date);
}

function Section({ title, items }: { title: string; items: ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {title}
      </Typography>
      {items.length ? (
        <List dense disablePadding>
          {items.map((item, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText primary={item} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t("profiles.nothingYet")}
        </Typography>
      )}
    </>
  );
}

/**
 * One patient the account can see. The API sends a section only when the role permits it (null
 * otherwise), so the card shows exactly what the server decided, and lists what the role allows.
 */
export function ProfileCard({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "en";
  const { patient, role, demographics, appointments, documents, statements } = profile;
  const name = `${patient.firstName} ${patient.lastName}`;
  const headingId = `profile-${profile.id}`;

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", mb: 1 }}>
          <Typography variant="h6" component="h2" id={headingId} sx={{ mr: 1 }}>
            {name}
          </Typography>
          <Chip size="small" label={t("profiles.role", { role: role.name })} />
        </Stack>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {profile.accessType !== "SELF"
            ? t("profiles.proxy", { role: role.name })
            : profile.isAccountHolder
              ? t("profiles.self")
              : // A sibling's own record linked to this login (rule 4): theirs, not the holder's.
                t("profiles.linked", { name: patient.firstName })}
        </Typography>
        {demographics && (
          <Stack component="dl" direction={{ xs: "column", sm: "row" }} spacing={{ xs: 0.5, sm: 3 }} sx={{ my: 2, "& dd": { m: 0 } }}>
            {(
              [
                ["dateOfBirth", demographics.dateOfBirth ? formatDate(demographics.dateOfBirth, language) : null],
                ["email", demographics.email],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {t(`profiles.${key}`)}
                </Typography>
                <Typography component="dd" variant="body2">
                  {value ?? t("profiles.notOnFile")}
                </Typography>
              </div>
            ))}
          </Stack>
        )}
        {appointments && <Section title={t("profiles.appointments")} items={appointments.map((a) => formatDate(a.startsAt, language))} />}
        {documents && <Section title={t("profiles.documents")} items={documents.map((d) => d.title)} />}
        {statements && <Section title={t("profiles.statements")} items={statements.map((s) => t("profiles.issuedOn", { date: formatDate(s.issuedOn, language) }))} />}
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
          {t("profiles.canDo")}
        </Typography>
        {role.permissions.length ? (
          <Stack component="ul" direction="row" sx={{ flexWrap: "wrap", gap: 1, listStyle: "none", p: 0, m: 0, mt: 1 }}>
            {role.permissions.map((p) => (
              <li key={p}>
                <Chip variant="outlined" size="small" label={t(`profiles.permissions.${p}`)} />
              </li>
            ))}
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t("profiles.nothingPermitted")}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
