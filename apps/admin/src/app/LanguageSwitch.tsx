import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useTranslation } from "react-i18next";
import { languages, setLanguage } from "../i18n/i18n";

/** EN | FR as two toggle buttons: light enough for the first page, which must stay small. */
export function LanguageSwitch({ color }: { color?: "inherit" }) {
  const { t, i18n } = useTranslation();
  const current = i18n.language === "fr" ? "fr" : "en";
  return (
    <Box
      role="group"
      aria-label={t("app.language")}
      sx={{
        display: "inline-flex",
        border: 1,
        borderColor: color ? "rgba(255,255,255,.5)" : "divider",
        borderRadius: 1,
        overflow: "hidden",
      }}
    >
      {languages.map((lng) => (
        <Button
          key={lng}
          lang={lng}
          size="small"
          color={color ?? "primary"}
          aria-pressed={current === lng}
          // The visible code starts the accessible name (WCAG 2.5.3), the language's name follows.
          aria-label={`${lng.toUpperCase()} — ${t(`language.${lng.toUpperCase() as "EN" | "FR"}`)}`}
          onClick={() => setLanguage(lng)}
          sx={{
            minWidth: 40,
            borderRadius: 0,
            fontWeight: 700,
            bgcolor: current === lng ? (color ? "rgba(0,0,0,.28)" : "action.selected") : "transparent",
          }}
        >
          {lng.toUpperCase()}
        </Button>
      ))}
    </Box>
  );
}
