import Box from "@mui/material/Box";
import ButtonBase from "@mui/material/ButtonBase";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { statusColors } from "../../app/theme";
import type { PortalStatus } from "../../gql/graphql";

interface Props {
  status: PortalStatus;
  /** Patient name, for the accessible name of the enable button. */
  name: string;
  /** Given only for a red block the staff member may act on: clicking it enables access. */
  onEnable?: () => void;
  busy?: boolean;
  /** Shown beside the colour (seed 002: never hidden). */
  flags?: string[];
}

/** The portal colour of seed 002, always with its text label: colour is never the only signal. */
export function StatusBlock({ status, name, onEnable, busy, flags = [] }: Props) {
  const { t } = useTranslation();
  const label = t(`status.${status}`);
  const swatch = (
    <Box
      role="img"
      aria-label={t(`status.colour.${status}`)}
      sx={{
        width: 18,
        height: 18,
        borderRadius: 0.75,
        bgcolor: statusColors[status],
        flexShrink: 0,
        boxShadow: "inset 0 0 0 1px rgba(0,0,0,.15)",
      }}
    />
  );
  const text = (
    <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
      {label}
    </Typography>
  );
  const flagText = flags.length ? (
    <Typography variant="caption" component="span" color="error" sx={{ display: "block", lineHeight: 1.2 }}>
      {flags.join(" · ")}
    </Typography>
  ) : null;

  if (onEnable) {
    const action = t("status.enableLabel", { name });
    return (
      <Tooltip title={action}>
        <ButtonBase
          onClick={onEnable}
          disabled={busy}
          aria-label={action}
          data-status={status}
          sx={{
            display: "inline-flex",
            gap: 1,
            alignItems: "center",
            px: 1,
            py: 0.5,
            borderRadius: 1,
            border: 1,
            borderColor: "divider",
            "&:hover": { bgcolor: "action.hover" },
            "&.Mui-focusVisible": { outline: "2px solid", outlineColor: "primary.main" },
          }}
        >
          {swatch}
          {text}
        </ButtonBase>
      </Tooltip>
    );
  }
  return (
    <Box
      title={t("status.blockLabel", { status: label })}
      data-status={status}
      sx={{ display: "inline-flex", gap: 1, alignItems: "center", px: 1, py: 0.5 }}
    >
      {swatch}
      <Box>
        {text}
        {flagText}
      </Box>
    </Box>
  );
}
