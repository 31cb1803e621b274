import { createTheme } from "@mui/material";

// System fonts: nothing to download, and no third-party font host for the content security policy.
export const theme = createTheme({
  palette: { primary: { main: "#00695c" }, secondary: { main: "#37474f" } },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  shape: { borderRadius: 8 },
});
