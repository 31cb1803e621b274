import { Link as RouterLink } from "react-router";
import { useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Link from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import { BarChart } from "@mui/x-charts/BarChart";
import { useTranslation } from "react-i18next";
import { statusColors } from "../../app/theme";
import type { PortalStatus } from "../../gql/graphql";
import { LoadError, Loading, PageHeader } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";
import { OverviewDocument } from "./overview.documents";

const WEEKS = 8;
const STATUSES: PortalStatus[] = ["NO_ACCESS", "ENABLED", "INVITED", "ACTIVE"];
const LINK_KEYS = { NO_ACCESS: "linkNoAccess", ENABLED: "linkEnabled", INVITED: "linkInvited", ACTIVE: "linkActive" } as const;

/** The landing page: onboarding at a glance, every figure a link into the pre-filtered grid. */
export function OverviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, loading, error, refetch } = useQuery(OverviewDocument, { variables: { weeks: WEEKS } });
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  if (!data) return null;
  const counts = new Map(data.patients.statusCounts.map((c) => [c.status, c.count]));
  const total = STATUSES.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0);
  const stats = data.onboardingStats;
  const weekLabels = stats.weeks.map((w) => fmt.day(w.weekStart));

  return (
    <Box>
      <PageHeader title={t("overview.title")} subtitle={t("overview.subtitle")} />
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", lg: "repeat(4, 1fr)" }, gap: 2, mb: 2 }}>
        {STATUSES.map((status) => (
          <Card key={status} variant="outlined" sx={{ borderLeft: 6, borderLeftColor: statusColors[status] }}>
            <CardContent>
              <Typography variant="body2" color="text.secondary">
                {t(`status.${status}`)}
              </Typography>
              <Typography variant="h4" component="p" sx={{ fontWeight: 600 }}>
                {fmt.number(counts.get(status) ?? 0)}
              </Typography>
              <Link component={RouterLink} to={`/onboarding?status=${status}`}>
                {t(`overview.${LINK_KEYS[status]}`, { count: counts.get(status) ?? 0, formatted: fmt.number(counts.get(status) ?? 0) })}
              </Link>
            </CardContent>
          </Card>
        ))}
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "2fr 3fr" }, gap: 2 }}>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2">
              {t("overview.perStatus")}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t("overview.total", { count: total })}
            </Typography>
            <BarChart
              height={260}
              layout="horizontal"
              yAxis={[
                {
                  scaleType: "band",
                  data: STATUSES.map((s) => t(`status.${s}`)),
                  colorMap: { type: "ordinal", colors: STATUSES.map((s) => statusColors[s]) },
                  width: 90,
                },
              ]}
              series={[{ data: STATUSES.map((s) => counts.get(s) ?? 0), label: t("overview.perStatus") }]}
              hideLegend
              aria-label={t("overview.perStatus")}
            />
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Box sx={{ display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: 2 }}>
              <Box>
                <Typography variant="h6" component="h2">
                  {t("overview.invitesPerWeek")}
                </Typography>
              </Box>
              <Box sx={{ textAlign: "right" }}>
                <Typography variant="body2" color="text.secondary">
                  {t("overview.acceptRate")}
                </Typography>
                <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>
                  {stats.acceptRate === null || stats.acceptRate === undefined ? t("app.none") : fmt.percent(stats.acceptRate)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t("overview.acceptRateHint", {
                    accepted: fmt.number(stats.acceptedAccounts),
                    invited: fmt.number(stats.invitedAccounts),
                  })}
                </Typography>
              </Box>
            </Box>
            <BarChart
              height={280}
              xAxis={[{ scaleType: "band", data: weekLabels }]}
              series={[
                { data: stats.weeks.map((w) => w.sent), label: t("overview.sent"), color: "#1d4ed8" },
                { data: stats.weeks.map((w) => w.accepted), label: t("overview.accepted"), color: statusColors.ACTIVE },
                { data: stats.weeks.map((w) => w.failed), label: t("overview.failed"), color: statusColors.NO_ACCESS },
              ]}
              aria-label={t("overview.invitesPerWeek")}
            />
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
