import { useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { PatientFilterInput } from "../../gql/graphql";
import { useFormat } from "../../shared/format";
import { BulkDialog, type BulkAction } from "./BulkDialog";

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
  /** A bulk job has finished or was left running: the grid and its counts are stale. */
  onFinished: () => void;
  /** How often a running job is asked for its progress. */
  pollMs?: number;
}

/** The selection and the bulk actions on it. Shown only to staff who can manage portal access. */
export function BulkBar({ selection, pageCount, total, filter, onSelectAll, onClear, onFinished, pollMs }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [action, setAction] = useState<BulkAction | null>(null);
  const count = selection.kind === "all" ? total : selection.ids.size;
  // The dialog outlives the selection: a finished job clears it, the report stays on screen.
  const dialog = (
    <BulkDialog
      action={action}
      selection={selection}
      total={total}
      filter={filter}
      pollMs={pollMs}
      onFinished={onFinished}
      onClose={(started) => {
        setAction(null);
        if (started) {
          onClear();
          onFinished();
        }
      }}
    />
  );
  if (count === 0) return dialog;
  return (
    <>
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
          {selection.kind === "all"
            ? t("onboarding.allMatchingSelected", { count: fmt.number(total) })
            : t("onboarding.selected", { count })}
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
        <Button variant="contained" onClick={() => setAction("enable")}>
          {t("onboarding.bulkEnable")}
        </Button>
        <Button variant="outlined" onClick={() => setAction("invite")}>
          {t("onboarding.bulkInvite")}
        </Button>
        <Button variant="outlined" onClick={() => setAction("remind")}>
          {t("onboarding.bulkRemind")}
        </Button>
      </Paper>
      {dialog}
    </>
  );
}
