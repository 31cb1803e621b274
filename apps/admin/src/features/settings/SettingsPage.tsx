import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/QueryState";

export function SettingsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t("settings.title")} />;
}
