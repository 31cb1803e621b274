import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { PatientFilterInput } from "../../gql/graphql";
import { useFormat } from "../../shared/format";

/** Either rows picked one by one, or every patient matching the current search and filter. */
export type Selection = { kind: "ids"; ids: Set<string> } | { kind: "all" };

interface Props {
  selection: Selection;
  /** Rows on the current page. */
  pageCount: number;
  /** Patients matching the current search and filter. */
  total: number;
  filter: PatientFilterInput;
  onSelectAll: () => void;
  onClear: () => void;
  onFinished: () => void;
}

export function BulkBar({ selection, pageCount, total, onSelectAll, onClear }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const count = selection.kind === "all" ? total : selection.ids.size;
  if (count === 0) return null;
  return (
    <Paper
      variant="outlined"
      sx={{
        p: 1.5,
        mb: 2,
        display: "flex",
        flexWrap: "wrap",
        alignItems: "center",
        gap: 2,
        bgcolor: "primary.50",
        borderColor: "primary.light",
      }}
      role="region"
      aria-label={t("onboarding.selected", { count })}
    >
      <Typography sx={{ fontWeight: 600 }}>
        {selection.kind === "all" ? t("onboarding.allMatchingSelected", { count: fmt.number(total) }) : t("onboarding.selected", { count })}
      </Typography>
      {selection.kind === "ids" && count >= pageCount && total > count ? (
        <Button size="small" onClick={onSelectAll}>
          {t("onboarding.selectAllMatching", { count: fmt.number(total) })}
        </Button>
      ) : null}
      <Button size="small" onClick={onClear}>
        {t("onboarding.clearSelection")}
      </Button>
      <Box sx={{ flexGrow: 1 }} />
    </Paper>
  );
}
