import Box from "@mui/material/Box";
import Tooltip from "@mui/material/Tooltip";
import EventBusyIcon from "@mui/icons-material/EventBusyOutlined";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format";
import "./access-schedule.i18n";

/**
 * The onboarding grid's mark of a coming proxy change (rules 20, 21), decided by the server: an
 * icon beside the name, so rows keep their height at 1280×800, with the words in its label and tooltip.
 */
export function GridAccessChangeIcon({ change }: { change?: { kind: string; on: string; reason: string } | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!change) return null;
  const label = `${t(`accessSchedule.change${change.kind}`, { date: fmt.day(change.on) })} (${t(`accessSchedule.reason${change.reason}`)})`;
  return (
    <Tooltip title={label}>
      <Box component="span" role="img" aria-label={label} sx={{ display: "inline-flex", ml: 0.75, color: "warning.dark", verticalAlign: "middle" }}>
        <EventBusyIcon fontSize="small" />
      </Box>
    </Tooltip>
  );
}
