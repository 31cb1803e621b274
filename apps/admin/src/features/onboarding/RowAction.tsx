import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { OnboardingRow } from "./OnboardingPage";

interface Props {
  row: OnboardingRow;
  canManage: boolean;
  onDone: () => void;
}

/** The Action column of seed 002: what can be sent to this row's email right now. */
export function RowAction({ row, canManage }: Props) {
  const { t } = useTranslation();
  if (!canManage) return null;
  if (!row.email) return <Typography variant="body2" color="text.secondary">{t("onboarding.noEmail")}</Typography>;
  if (!row.dateOfBirth) return <Typography variant="body2" color="text.secondary">{t("onboarding.noDob")}</Typography>;
  return null;
}
