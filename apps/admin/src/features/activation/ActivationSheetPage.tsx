import { useState } from "react";
import { Link as RouterLink, useLocation, useParams } from "react-router";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import GlobalStyles from "@mui/material/GlobalStyles";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import PrintIcon from "@mui/icons-material/Print";
import { useTranslation } from "react-i18next";
import type { IssuePortalActivationCodeMutation } from "../../gql/graphql";
import { useFormat } from "../../shared/format";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { IssuePortalActivationCodeDocument } from "./activation.documents";
import "./activation.i18n";

type Sheet = NonNullable<IssuePortalActivationCodeMutation["issuePortalActivationCode"]["sheet"]>;

/** What the Portal tab or the grid passes along, so the confirmation names the login email. */
export interface ActivationSheetState {
  email?: string;
  patientId?: string;
}

// Printing shows the sheet alone, on one page: the app's navigation and buttons are hidden.
const printStyles = (
  <GlobalStyles
    styles={{
      "@media print": {
        "@page": { size: "A4 portrait", margin: "15mm" },
        "body *": { visibility: "hidden" },
        "#activation-sheet, #activation-sheet *": { visibility: "visible" },
        "#activation-sheet": { position: "absolute", left: 0, top: 0, width: "100%", border: "none !important", boxShadow: "none !important" },
        ".no-print": { display: "none !important" },
      },
    }}
  />
);

/**
 * `/activation/:grantId` (rule 23, seed 004): staff create a front-desk activation sheet and print
 * or show it. Creating it is an explicit step, since it replaces the account's earlier invite; the
 * code exists only in this page's memory, so leaving the page forgets it.
 */
export function ActivationSheetPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { grantId = "" } = useParams();
  const state = (useLocation().state ?? {}) as ActivationSheetState;
  const [issue, { loading }] = useMutation(IssuePortalActivationCodeDocument);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const back = state.patientId ? `/patients/${state.patientId}/portal` : "/onboarding";

  const create = async () => {
    setError(null);
    try {
      const res = await issue({ variables: { input: { grantId } } });
      const payload = res.data?.issuePortalActivationCode;
      if (payload?.userErrors.length) return setError(payload.userErrors.map((e) => userErrorMessage(t, e)).join(" "));
      if (payload?.sheet) setSheet(payload.sheet);
    } catch (e) {
      setError(failureMessage(t, e));
    }
  };

  if (!sheet) {
    return (
      <Card variant="outlined" sx={{ maxWidth: 640 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {t("activation.title")}
          </Typography>
          <Typography sx={{ mb: 2 }}>{t("activation.explain", { email: state.email ?? "…" })}</Typography>
          {error ? (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error}
            </Alert>
          ) : null}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void create()} disabled={loading || !grantId}>
              {t("activation.create")}
            </Button>
            <Button component={RouterLink} to={back}>
              {t("activation.back")}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    );
  }

  const qr = `data:image/svg+xml;utf8,${encodeURIComponent(sheet.qrCodeSvg)}`;
  return (
    <Box>
      {printStyles}
      <Stack direction="row" spacing={1} className="no-print" sx={{ mb: 2 }}>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {t("activation.print")}
        </Button>
        <Button component={RouterLink} to={back}>
          {t("activation.done")}
        </Button>
      </Stack>
      <Paper id="activation-sheet" variant="outlined" sx={{ maxWidth: 720, p: { xs: 3, sm: 5 }, color: "#000", bgcolor: "#fff" }} aria-label={t("activation.title")}>
        <Typography variant="overline" component="p" sx={{ fontSize: "0.9rem" }}>
          {sheet.organizationName}
        </Typography>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 700, mb: 0.5 }}>
          {t("activation.sheetHeading")}
        </Typography>
        <Typography sx={{ mb: 3, fontSize: "1.1rem" }}>
          {t("activation.forPatient", { name: sheet.patientName })} {sheet.accessType === "PROXY" ? t("activation.proxy") : ""}
        </Typography>
        <Stack direction={{ xs: "column", sm: "row" }} spacing={4} sx={{ alignItems: { sm: "center" } }}>
          <Box sx={{ textAlign: "center", flexShrink: 0 }}>
            <Box component="img" src={qr} alt={t("activation.scanTitle")} sx={{ width: 220, height: 220, display: "block", mx: "auto" }} />
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1 }}>
              {t("activation.scanTitle")}
            </Typography>
            <Typography variant="body2">{t("activation.scanText")}</Typography>
          </Box>
          <Box>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {t("activation.typeTitle")}
            </Typography>
            <Typography sx={{ mb: 1 }}>{t("activation.typeText", { url: sheet.activateUrl })}</Typography>
            <Typography
              data-testid="activation-code"
              aria-label={t("activation.codeLabel")}
              sx={{ fontFamily: "monospace", fontSize: "2.6rem", fontWeight: 700, letterSpacing: "0.18em", border: "2px solid #000", borderRadius: 1, px: 2, py: 0.5, display: "inline-block" }}
            >
              {sheet.code}
            </Typography>
            <Typography sx={{ mt: 2 }}>{t("activation.steps", { email: sheet.loginEmail })}</Typography>
            <Typography sx={{ mt: 1, fontWeight: 600 }}>{t("activation.validUntil", { date: fmt.dateTime(sheet.expiresAt) })}</Typography>
          </Box>
        </Stack>
        <Typography variant="body2" sx={{ mt: 4, borderTop: "1px solid #000", pt: 1.5 }}>
          {t("activation.keep")}
        </Typography>
      </Paper>
    </Box>
  );
}
