import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/QueryState";

export function PortalUsersPage() {
  const { t } = useTranslation();
  return <PageHeader title={t("portalUsers.title")} />;
}
