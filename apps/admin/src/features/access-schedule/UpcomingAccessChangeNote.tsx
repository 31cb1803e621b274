import Alert from "@mui/material/Alert";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../shared/format";
import "./access-schedule.i18n";

interface PatientSchedule {
  upcomingAccessChange?: { grantId: string; kind: string; on: string; reason: string } | null;
  selfAccessAllowedFrom?: string | null;
  contacts: readonly { firstName: string; lastName: string; portalGrant?: { id: string } | null }[];
}

/**
 * The Portal tab's "what changes next", decided by the server (rules 20, 21): the earliest change
 * of a proxy to this patient ("Maude Tremblay: proxy access ends on 14 Mar 2027"), and while the
 * patient is under the organization's minimum age, from when an own account becomes possible.
 */
export function UpcomingAccessChangeNote({ patient }: { patient: PatientSchedule }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const change = patient.upcomingAccessChange;
  const holder = change ? patient.contacts.find((c) => c.portalGrant?.id === change.grantId) : undefined;
  return (
    <>
      {patient.selfAccessAllowedFrom ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t("accessSchedule.selfFrom", { date: fmt.day(patient.selfAccessAllowedFrom) })}
        </Alert>
      ) : null}
      {change ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="upcoming-access-change">
          {t(change.kind === "LIMITED" ? "accessSchedule.changeOfLIMITED" : "accessSchedule.changeOf", {
            name: holder ? `${holder.firstName} ${holder.lastName}` : t("accessSchedule.bases.PARENT"),
            date: fmt.day(change.on),
          })}{" "}
          ({t(`accessSchedule.reason${change.reason}`)})
        </Alert>
      ) : null}
    </>
  );
}
