import { useState } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import Typography from "@mui/material/Typography";
import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { Empty, LoadError, Loading } from "../../shared/QueryState";
import { useRunner } from "../../shared/useRunner";
import { useFormat } from "../../shared/format";
import { useCan } from "../auth/viewer";
import { StatusBlock } from "../onboarding/StatusBlock";
import { ContactsTab } from "./ContactsTab";
import { DemographicsTab } from "./DemographicsTab";
import { PatientPageDocument, UpdatePatientDocument } from "./patient.documents";
import { PortalTab } from "./PortalTab";

const TABS = ["portal", "contacts", "demographics"] as const;
type TabName = (typeof TABS)[number];

/** One patient (seeds 000, 003): the Portal tab, contacts with their portal access, demographics. */
export function PatientPage() {
  const { id = "", tab } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const canManage = can("MANAGE_PORTAL_ACCESS");
  const tabs: TabName[] = canManage ? [...TABS] : ["contacts", "demographics"];
  const current: TabName = tabs.includes(tab as TabName) ? (tab as TabName) : tabs[0];
  const { data, loading, error, refetch } = useQuery(PatientPageDocument, { variables: { id, canManage } });
  const [update] = useMutation(UpdatePatientDocument);
  const run = useRunner();
  const [confirmingActive, setConfirmingActive] = useState(false);

  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  const patient = data?.patient;
  if (!patient) return <Empty>{t("patient.notFound")}</Empty>;
  const name = `${patient.firstName} ${patient.lastName}`;
  const reload = () => refetch();

  return (
    <Box>
      <Button component={RouterLink} to="/onboarding" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        {t("patient.back")}
      </Button>
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 2, mb: 2 }}>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 600 }}>
          {name}
        </Typography>
        {patient.portalStatus ? <StatusBlock status={patient.portalStatus} name={name} /> : null}
        {!patient.active ? <Chip color="warning" label={t("patient.inactive")} /> : null}
        {can("EDIT_PATIENTS") ? (
          <Button variant="outlined" color={patient.active ? "error" : "primary"} size="small" onClick={() => setConfirmingActive(true)} sx={{ ml: { sm: "auto" } }}>
            {patient.active ? t("patient.deactivate") : t("patient.reactivate")}
          </Button>
        ) : null}
      </Box>
      <ConfirmDialog
        open={confirmingActive}
        title={patient.active ? t("patient.confirmDeactivateTitle", { name }) : t("patient.confirmReactivateTitle", { name })}
        confirmLabel={patient.active ? t("patient.deactivate") : t("patient.reactivate")}
        destructive={patient.active}
        onClose={() => setConfirmingActive(false)}
        onConfirm={() =>
          run(
            async () => (await update({ variables: { input: { id: patient.id, active: !patient.active } } })).data?.updatePatient.userErrors,
            patient.active ? t("patient.deactivated") : t("patient.reactivated"),
            reload,
          )
        }
      >
        {patient.active ? t("patient.confirmDeactivate") : t("patient.confirmReactivate")}
      </ConfirmDialog>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t("patient.mrn", { mrn: patient.mrn })} · {t("patient.dob", { date: fmt.day(patient.dateOfBirth) })} ·{" "}
        {patient.email ?? t("onboarding.noEmail")}
      </Typography>
      <Tabs
        value={current}
        onChange={(_e, value: TabName) => void navigate(`/patients/${id}/${value}`)}
        sx={{ mb: 2, borderBottom: 1, borderColor: "divider" }}
        variant="scrollable"
        allowScrollButtonsMobile
      >
        {tabs.map((name) => (
          <Tab key={name} value={name} label={t(`patient.tabs.${name}`)} id={`tab-${name}`} aria-controls={`panel-${name}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {current === "portal" ? <PortalTab patient={patient} roles={data.portalRoles} onChanged={reload} /> : null}
        {current === "contacts" ? <ContactsTab patient={patient} roles={data.portalRoles} onChanged={reload} /> : null}
        {current === "demographics" ? <DemographicsTab key={patient.id} patient={patient} onChanged={reload} /> : null}
      </Box>
    </Box>
  );
}
