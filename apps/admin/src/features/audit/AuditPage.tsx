import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/QueryState";

export function AuditPage() {
  const { t } = useTranslation();
  return <PageHeader title={t("audit.title")} />;
}
