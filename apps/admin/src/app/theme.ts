import { createTheme } from "@mui/material/styles";
import { enUS, frFR } from "@mui/material/locale";

/** Portal status colours (seed 002), dark enough for white text at WCAG AA. */
export const statusColors = {
  NO_ACCESS: "#c62828",
  ENABLED: "#616161",
  INVITED: "#b45309",
  ACTIVE: "#2e7d32",
} as const;

export function makeTheme(language: string) {
  return createTheme(
    {
      palette: { primary: { main: "#1d4ed8" }, secondary: { main: "#0f766e" }, background: { default: "#f6f7f9" } },
      shape: { borderRadius: 8 },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiAppBar: { defaultProps: { elevation: 0 } },
      },
    },
    language.startsWith("fr") ? frFR : enUS,
  );
}
