import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/QueryState";

export function MailboxPage() {
  const { t } = useTranslation();
  return <PageHeader title={t("mailbox.title")} />;
}
