import { lazy, Suspense } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { useTranslation } from "react-i18next";
import type { AccessType, PortalPermission, StaffPermission } from "../../gql/graphql";
import { LoadError, Loading, PageHeader } from "../../shared/QueryState";
import { useCan, useViewer } from "../auth/viewer";
import { PortalRolesDocument } from "../access/access.documents";
import { OrganizationSettings } from "./OrganizationSettings";
import { MfaSettings } from "./MfaSettings";
import { AccessScheduleSettings } from "../access-schedule/AccessScheduleSettings";
import { RolesSettings } from "./RolesSettings";
import { StaffMembersSettings } from "./StaffMembersSettings";
import {
  CreatePortalRoleDocument,
  CreateStaffRoleDocument,
  DeletePortalRoleDocument,
  DeleteStaffRoleDocument,
  StaffRolesDocument,
  UpdatePortalRoleDocument,
  UpdateStaffRoleDocument,
} from "./settings.documents";

// Each tab's code loads when the tab is opened: most visitors of Settings open one tab.
const EmailTemplatesSettings = lazy(() => import("./EmailTemplatesSettings").then((m) => ({ default: m.EmailTemplatesSettings })));
const ApiKeysSettings = lazy(() => import("./ApiKeysSettings").then((m) => ({ default: m.ApiKeysSettings })));

const PORTAL_PERMISSIONS: PortalPermission[] = [
  "VIEW_DEMOGRAPHICS",
  "VIEW_APPOINTMENTS",
  "REQUEST_APPOINTMENTS",
  "VIEW_DOCUMENTS",
  "SUBMIT_FORMS",
  "VIEW_BILLING",
];
const STAFF_PERMISSIONS: StaffPermission[] = [
  "MANAGE_PORTAL_ACCESS",
  "VIEW_PATIENTS",
  "EDIT_PATIENTS",
  "CONFIGURE_PORTAL_ROLES",
  "CONFIGURE_EMAIL_TEMPLATES",
  "MANAGE_STAFF",
  "VIEW_AUDIT_LOG",
  "MANAGE_API_KEYS",
  "MANAGE_SETTINGS",
  "VIEW_DEV_MAILBOX",
];

function PortalRoles() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PortalRolesDocument);
  const [create] = useMutation(CreatePortalRoleDocument);
  const [update] = useMutation(UpdatePortalRoleDocument);
  const [remove] = useMutation(DeletePortalRoleDocument);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  return (
    <RolesSettings
      roles={data?.portalRoles ?? []}
      permissions={PORTAL_PERMISSIONS.map((p) => ({ value: p, label: t(`settings.portalPermission.${p}`) }))}
      accessTypes={(["SELF", "PROXY"] as const).map((a) => ({ value: a, label: t(`portal.${a}`) }))}
      save={async (id, draft) => {
        const input = {
          name: draft.name.trim(),
          permissions: draft.permissions as PortalPermission[],
          accessTypes: draft.accessTypes as AccessType[],
        };
        const errors = id
          ? (await update({ variables: { input: { id, ...input } } })).data?.updatePortalRole.userErrors
          : (await create({ variables: { input } })).data?.createPortalRole.userErrors;
        if (!errors?.length) await refetch();
        return errors ?? [];
      }}
      remove={async (id) => {
        const errors = (await remove({ variables: { input: { id } } })).data?.deletePortalRole.userErrors ?? [];
        if (!errors.length) await refetch();
        return errors;
      }}
    />
  );
}

function StaffRoles() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(StaffRolesDocument);
  const [create] = useMutation(CreateStaffRoleDocument);
  const [update] = useMutation(UpdateStaffRoleDocument);
  const [remove] = useMutation(DeleteStaffRoleDocument);
  if (loading && !data) return <Loading />;
  if (error && !data) return <LoadError onRetry={() => void refetch()} />;
  return (
    <RolesSettings
      roles={data?.staffRoles ?? []}
      permissions={STAFF_PERMISSIONS.map((p) => ({ value: p, label: t(`settings.staffPermission.${p}`) }))}
      // The API says what this member may grant (rule 16); a permission the role already has may be removed.
      permissionsLocked={(roleId) => (roleId && roleId === viewer.user.staffRoleId ? t("settings.roles.ownRole") : null)}
      permissionLock={(roleId, permission) => {
        const saved = data?.staffRoles.find((r) => r.id === roleId)?.permissions ?? [];
        return viewer.grantablePermissions.includes(permission as StaffPermission) || saved.includes(permission as StaffPermission)
          ? null
          : t("settings.roles.notHeld");
      }}
      save={async (id, draft) => {
        const input = { name: draft.name.trim(), permissions: draft.permissions as StaffPermission[] };
        const errors = id
          ? (await update({ variables: { input: { id, ...input } } })).data?.updateStaffRole.userErrors
          : (await create({ variables: { input } })).data?.createStaffRole.userErrors;
        if (!errors?.length) await refetch();
        return errors ?? [];
      }}
      remove={async (id) => {
        const errors = (await remove({ variables: { input: { id } } })).data?.deleteStaffRole.userErrors ?? [];
        if (!errors.length) await refetch();
        return errors;
      }}
    />
  );
}

type TabName = "organization" | "accessSchedule" | "portalRoles" | "staffMembers" | "staffRoles" | "emailTemplates" | "apiKeys";

/** Administrators' settings; each tab needs its own permission (rule 12). */
export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { tab } = useParams();
  const navigate = useNavigate();
  const tabs: TabName[] = [
    ...(can("MANAGE_SETTINGS") ? (["organization", "accessSchedule"] as const) : []),
    ...(can("CONFIGURE_PORTAL_ROLES") ? (["portalRoles"] as const) : []),
    ...(can("MANAGE_STAFF") ? (["staffMembers", "staffRoles"] as const) : []),
    ...(can("CONFIGURE_EMAIL_TEMPLATES") ? (["emailTemplates"] as const) : []),
    ...(can("MANAGE_API_KEYS") ? (["apiKeys"] as const) : []),
  ];
  const current = tabs.includes(tab as TabName) ? (tab as TabName) : tabs[0];
  return (
    <Box>
      <PageHeader title={t("settings.title")} />
      {current ? (
        <>
          <Tabs
            value={current}
            onChange={(_e, value: TabName) => void navigate(`/settings/${value}`)}
            variant="scrollable"
            allowScrollButtonsMobile
            sx={{ mb: 2, borderBottom: 1, borderColor: "divider" }}
          >
            {tabs.map((name) => (
              <Tab
                key={name}
                value={name}
                label={t(`settings.tabs.${name}`)}
                id={`settings-tab-${name}`}
                aria-controls={`settings-panel-${name}`}
              />
            ))}
          </Tabs>
          <Box role="tabpanel" id={`settings-panel-${current}`} aria-labelledby={`settings-tab-${current}`}>
            {current === "organization" ? <OrganizationSettings /> : null}
            {current === "organization" ? <MfaSettings /> : null}
            {current === "accessSchedule" ? <AccessScheduleSettings /> : null}
            {current === "portalRoles" ? <PortalRoles /> : null}
            {current === "staffMembers" ? <StaffMembersSettings /> : null}
            {current === "staffRoles" ? <StaffRoles /> : null}
            <Suspense fallback={<Loading />}>
              {current === "emailTemplates" ? <EmailTemplatesSettings /> : null}
              {current === "apiKeys" ? <ApiKeysSettings /> : null}
            </Suspense>
          </Box>
        </>
      ) : null}
    </Box>
  );
}
