import { Alert, Stack, Typography } from "@mui/material";
import { useTranslation } from "react-i18next";
import type { PortalViewer } from "../../auth/RequireAccount";
import { ProfileCard } from "./ProfileCard";

/** "My profiles": one card per patient the account can see (a parent of three sees three). */
export function ProfilesPage({ viewer }: { viewer: PortalViewer }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h4" component="h1">
          {t("profiles.title")}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {viewer.organizationName} · {t("profiles.signedInAs", { email: viewer.account.email })}
        </Typography>
      </div>
      {viewer.profiles.length === 0 ? (
        <Alert severity="info">{t("profiles.none")}</Alert>
      ) : (
        viewer.profiles.map((profile) => <ProfileCard key={profile.id} profile={profile} />)
      )}
    </Stack>
  );
}
