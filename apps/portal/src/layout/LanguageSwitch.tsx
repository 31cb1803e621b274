import { ToggleButton, ToggleButtonGroup } from "@mui/material";
import { useTranslation } from "react-i18next";
import { LANGUAGES, rememberLanguage, type PortalLanguage } from "../i18n/i18n";

/** English / Français, remembered in this browser. Each button names its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? "en") as PortalLanguage;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={current}
      aria-label={t("app.language")}
      onChange={(_e, value: PortalLanguage | null) => {
        if (!value) return;
        rememberLanguage(value);
        void i18n.changeLanguage(value);
      }}
      sx={{ bgcolor: "background.paper" }}
    >
      {LANGUAGES.map((lng) => (
        <ToggleButton key={lng} value={lng} lang={lng} sx={{ px: 1.5, textTransform: "none" }}>
          {t(`app.languages.${lng}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
