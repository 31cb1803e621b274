import { Card, CardContent, Chip, List, ListItem, ListItemText, Stack, Typography } from "@mui/material";
import { useTranslation } from "react-i18next";
import type { PortalViewer } from "../../auth/RequireAccount";

type Profile = PortalViewer["profiles"][number];

function formatDate(iso: string, language: string): string {
  // A date of birth is a calendar date, not an instant: format it in UTC so no time zone shifts it.
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/**
 * One patient the account can see. The API leaves out what the role does not permit; the card
 * shows details only under VIEW_DEMOGRAPHICS and lists the role's other features.
 */
export function ProfileCard({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const { patient, permissions } = profile;
  const name = `${patient.firstName} ${patient.lastName}`;
  const headingId = `profile-${profile.id}`;
  const showDemographics = permissions.includes("VIEW_DEMOGRAPHICS");
  const features = permissions.filter((p) => p !== "VIEW_DEMOGRAPHICS");

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", mb: 1 }}>
          <Typography variant="h6" component="h2" id={headingId} sx={{ mr: 1 }}>
            {name}
          </Typography>
          <Chip size="small" label={t("profiles.role", { role: profile.roleName })} />
        </Stack>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {profile.accessType === "SELF" ? t("profiles.self") : t("profiles.proxy", { role: profile.roleName })}
        </Typography>
        {showDemographics && (
          <Stack component="dl" direction={{ xs: "column", sm: "row" }} spacing={{ xs: 0.5, sm: 3 }} sx={{ my: 2, "& dd": { m: 0 } }}>
            {(
              [
                ["dateOfBirth", patient.dateOfBirth ? formatDate(patient.dateOfBirth, i18n.resolvedLanguage ?? "en") : null],
                ["email", patient.email],
                ["phone", patient.phone],
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
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
          {t("profiles.canDo")}
        </Typography>
        {features.length ? (
          <List dense disablePadding>
            {features.map((p) => (
              <ListItem key={p} disableGutters>
                <ListItemText primary={t(`profiles.permissions.${p}`)} />
              </ListItem>
            ))}
          </List>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t("profiles.nothingPermitted")}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
