import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/QueryState";

export function OverviewPage() {
  const { t } = useTranslation();
  return <PageHeader title={t("overview.title")} subtitle={t("overview.subtitle")} />;
}
