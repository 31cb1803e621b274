import { useEffect, useMemo, useRef, useState } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import InputAdornment from "@mui/material/InputAdornment";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import SearchIcon from "@mui/icons-material/Search";
import ErrorOutlineIcon from "@mui/icons-material/ErrorOutlineOutlined";
import { DataGrid, type GridColDef, type GridPaginationModel, type GridRowSelectionModel, type GridSortModel } from "@mui/x-data-grid";
import { frFR as gridFr } from "@mui/x-data-grid/locales";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth/viewer";
import { statusColors } from "../../app/theme";
import type { InviteProblem, OnboardingPatientsQuery, PatientOrderInput, PatientSortField, PortalStatus } from "../../gql/graphql";
import { useNotify } from "../../shared/Notifier";
import { PageHeader, LoadError } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";
import { underTest } from "../../shared/env";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { OnboardingPatientsDocument } from "./onboarding.documents";
import { EnablePortalAccessDocument, RevokePortalAccessDocument } from "../access/access.documents";
import { StatusBlock } from "./StatusBlock";
import { leaveKeysToCellControls, useRowFocusKeeper } from "./gridKeyboard";
import { RowAction } from "./RowAction";
import { BulkBar, type Selection } from "./BulkBar";
import { RecentBulkJobs } from "./RecentBulkJobs";
import { GridAccessChangeIcon } from "../access-schedule/GridAccessChangeIcon";

export type OnboardingRow = OnboardingPatientsQuery["patients"]["edges"][number]["node"];

const STATUSES: PortalStatus[] = ["NO_ACCESS", "ENABLED", "INVITED", "ACTIVE"];
const PAGE_SIZES = [25, 50, 100];
// Portal facts need Manage portal access (rule 12): without it the grid lists patients only.
const PORTAL_COLUMNS = ["portalStatus", "lastInviteSentAt", "lastSignInAt", "action"];

function isStatus(value: string | null): value is PortalStatus {
  return !!value && (STATUSES as string[]).includes(value);
}

// The columns the server can sort by (keyset pagination on each), and their sort keys.
const SORT_FIELDS: Record<string, PatientSortField> = {
  portalStatus: "STATUS",
  name: "NAME",
  lastInviteSentAt: "LAST_INVITE_SENT",
  lastSignInAt: "LAST_SIGN_IN",
};

/** The grid's sort from the URL's `sort` parameter: `name` ascending, `-name` descending. */
function sortFromParam(value: string | null, canManage: boolean): GridSortModel {
  if (!value) return [];
  const desc = value.startsWith("-");
  const field = desc ? value.slice(1) : value;
  if (!Object.hasOwn(SORT_FIELDS, field) || (!canManage && PORTAL_COLUMNS.includes(field))) return [];
  return [{ field, sort: desc ? "desc" : "asc" }];
}

function orderByOf(model: GridSortModel): PatientOrderInput | undefined {
  const first = model[0];
  if (!first?.sort) return undefined;
  return { field: SORT_FIELDS[first.field], direction: first.sort === "desc" ? "DESC" : "ASC" };
}

/** The debounced value: one query per pause in typing, not per keystroke. */
function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

export function OnboardingPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const canManage = can("MANAGE_PORTAL_ACCESS");
  const fmt = useFormat();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get("status")) ? (params.get("status") as PortalStatus) : null;
  // "Expired or locked invites": filtered by the server, on an index (SPEC: shown, never hidden).
  const inviteProblems = params.get("invite") === "problem" && canManage;
  // Rule 23's facets: invites that expired, and invited patients who were sent a reminder.
  const inviteExpired = params.get("invite") === "expired" && canManage;
  const reminded = params.get("reminded") === "1" && canManage;
  const [searchInput, setSearchInput] = useState(params.get("q") ?? "");
  const search = useDebounced(searchInput.trim());
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  // Keyset pagination: the cursor that starts each page we have seen.
  const cursors = useRef<Map<number, string | null>>(new Map([[0, null]]));
  const [selection, setSelection] = useState<Selection>({ kind: "ids", ids: new Set() });
  const [busyId, setBusyId] = useState<string | null>(null);
  const sortParam = params.get("sort");
  const sortModel = useMemo(() => sortFromParam(sortParam, canManage), [sortParam, canManage]);

  const filterKey = `${status ?? ""}|${inviteProblems ? "problem" : inviteExpired ? "expired" : ""}|${reminded ? "reminded" : ""}|${search}|${pagination.pageSize}`;
  const lastFilterKey = useRef(filterKey);
  if (lastFilterKey.current !== filterKey) {
    lastFilterKey.current = filterKey;
    cursors.current = new Map([[0, null]]);
    if (pagination.page !== 0) setPagination((p) => ({ ...p, page: 0 }));
    setSelection({ kind: "ids", ids: new Set() });
  }
  // A new order starts again from the first page: the cursors hold the old order's sort keys.
  const sortKey = JSON.stringify(sortModel);
  const lastSortKey = useRef(sortKey);
  if (lastSortKey.current !== sortKey) {
    lastSortKey.current = sortKey;
    cursors.current = new Map([[0, null]]);
    if (pagination.page !== 0) setPagination((p) => ({ ...p, page: 0 }));
  }
  useEffect(() => {
    const next = new URLSearchParams(params);
    if (search) next.set("q", search);
    else next.delete("q");
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [search, params, setParams]);

  const filter = {
    search: search || undefined,
    portalStatus: status && canManage ? [status] : undefined,
    inviteProblem: inviteProblems ? (["EXPIRED", "LOCKED"] as InviteProblem[]) : inviteExpired ? (["EXPIRED"] as InviteProblem[]) : undefined,
    reminded: reminded ? true : undefined,
  };
  const after = cursors.current.get(pagination.page) ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(OnboardingPatientsDocument, {
    variables: { filter, orderBy: orderByOf(sortModel), first: pagination.pageSize, after, canManage },
  });
  const shown = data ?? previousData;
  useEffect(() => {
    if (data?.patients.pageInfo.hasNextPage) cursors.current.set(pagination.page + 1, data.patients.pageInfo.endCursor ?? null);
  }, [data, pagination.page]);

  const [enable] = useMutation(EnablePortalAccessDocument);
  const [revoke] = useMutation(RevokePortalAccessDocument);

  const enableRow = async (row: OnboardingRow) => {
    const name = `${row.firstName} ${row.lastName}`;
    // The block loses focus (disabled, then a label or gone under a filter): focus comes back after.
    focusKeeper.remember(row.id);
    setBusyId(row.id);
    try {
      const res = await enable({ variables: { input: { patientId: row.id } } });
      const payload = res.data?.enablePortalAccess;
      const problem = payload?.userErrors[0];
      if (problem) {
        notify(`${name}: ${userErrorMessage(t, problem)}`, { severity: "error" });
        return;
      }
      await refetch();
      const grantId = payload?.grant?.id;
      notify(t("onboarding.enabled", { name }), {
        undo: grantId
          ? () => {
              void revoke({ variables: { input: { grantId } } })
                .then(() => refetch())
                .then(() => notify(t("onboarding.undone", { name }), { severity: "info" }));
            }
          : undefined,
      });
    } catch (e) {
      notify(failureMessage(t, e), { severity: "error" });
    } finally {
      setBusyId(null);
      focusKeeper.restore();
    }
  };

  const rows = shown?.patients.edges.map((e) => e.node) ?? [];
  const focusKeeper = useRowFocusKeeper(rows, "portalStatus");
  const total = shown?.patients.totalCount ?? 0;
  const counts = new Map(shown?.patients.statusCounts?.map((c) => [c.status, c.count]) ?? []);
  const allCount = STATUSES.reduce((sum, s) => sum + (counts.get(s) ?? 0), 0);

  // Widths sum to what a 1280 px window leaves beside the menu, so the colour and the action never
  // need a sideways scroll (issue 13 item 5); name and email take what is left.
  const allColumns: GridColDef<OnboardingRow>[] = [
    {
      field: "portalStatus",
      headerName: t("onboarding.columns.status"),
      width: 145,
      sortable: true,
      display: "flex",
      renderCell: ({ row }) => {
        const flags: string[] = [];
        const account = row.portalAccess?.account;
        // Rule 18: an inactive patient's access is suspended; said first, beside the colour, never hidden.
        if (!row.active) flags.push(t("status.inactive"));
        if (account?.disabled) flags.push(t("status.disabled"));
        if (account?.lockedUntil && new Date(account.lockedUntil) > new Date()) flags.push(t("status.locked"));
        if (row.inviteDeliveryFailedAt && row.portalStatus === "INVITED") flags.push(t("status.undelivered"));
        if (row.inviteProblem === "LOCKED") flags.push(t("status.inviteLocked"));
        if (row.inviteProblem === "EXPIRED") flags.push(t("status.inviteExpired"));
        if (!row.portalStatus) return null;
        return (
          <StatusBlock
            status={row.portalStatus}
            name={`${row.firstName} ${row.lastName}`}
            flags={flags}
            busy={busyId === row.id}
            onEnable={canManage && row.portalStatus === "NO_ACCESS" && row.active ? () => void enableRow(row) : undefined}
          />
        );
      },
    },
    {
      field: "name",
      headerName: t("onboarding.columns.name"),
      flex: 1,
      minWidth: 130,
      sortable: true,
      valueGetter: (_v, row) => `${row.lastName}, ${row.firstName}`,
      renderCell: ({ row, value }) => (
        <>
          <Link component={RouterLink} to={`/patients/${row.id}`} underline="hover" sx={{ fontWeight: 500 }}>
            {String(value)}
          </Link>
          <GridAccessChangeIcon change={row.upcomingAccessChange} />
        </>
      ),
    },
    {
      field: "dateOfBirth",
      headerName: t("onboarding.columns.dateOfBirth"),
      width: 112,
      sortable: false,
      valueFormatter: (v: string | null) => fmt.day(v),
    },
    {
      field: "email",
      headerName: t("onboarding.columns.email"),
      flex: 1,
      minWidth: 140,
      sortable: false,
      valueFormatter: (v: string | null) => v ?? t("app.none"),
      // A long address is cut with an ellipsis at 1280 px: the whole of it on hover.
      renderCell: ({ value, formattedValue }) => (
        <Box component="span" title={value ? String(value) : undefined} sx={{ overflow: "hidden", textOverflow: "ellipsis" }}>
          {String(formattedValue)}
        </Box>
      ),
    },
    {
      field: "lastInviteSentAt",
      headerName: t("onboarding.columns.lastInvite"),
      width: 112,
      sortable: true,
      valueFormatter: (v: string | null) => fmt.instantDay(v, t("app.none")),
    },
    {
      field: "lastSignInAt",
      headerName: t("onboarding.columns.lastSignIn"),
      width: 112,
      sortable: true,
      valueFormatter: (v: string | null) => fmt.instantDay(v),
    },
    {
      field: "action",
      headerName: t("onboarding.columns.action"),
      // Short button labels (email in the name and tooltip): the main action fits at 1280 px.
      width: 180,
      sortable: false,
      display: "flex",
      renderCell: ({ row }) => <RowAction row={row} canManage={canManage} onDone={() => void refetch()} />,
    },
  ];
  const columns = allColumns.filter((column) => canManage || !PORTAL_COLUMNS.includes(column.field));

  const gridSelection: GridRowSelectionModel =
    selection.kind === "all" ? { type: "include", ids: new Set(rows.map((r) => r.id)) } : { type: "include", ids: selection.ids };

  const setSort = (model: GridSortModel) => {
    const p = new URLSearchParams(params);
    const first = model[0];
    if (first?.sort) p.set("sort", `${first.sort === "desc" ? "-" : ""}${first.field}`);
    else p.delete("sort");
    setParams(p, { replace: true });
  };

  const toggleInviteProblems = () => {
    const p = new URLSearchParams(params);
    if (inviteProblems) p.delete("invite");
    else p.set("invite", "problem");
    setParams(p, { replace: true });
  };

  const toggleParam = (name: string, value: string) => {
    const p = new URLSearchParams(params);
    if (p.get(name) === value) p.delete(name);
    else p.set(name, value);
    setParams(p, { replace: true });
  };

  const setStatus = (next: PortalStatus | null) => {
    const p = new URLSearchParams(params);
    if (next) p.set("status", next);
    else p.delete("status");
    setParams(p, { replace: true });
  };

  return (
    // On a desktop the page fills the window and the grid takes the height that is left, whatever
    // the language makes the header and filters take: ten rows or more at 1280×800.
    <Box sx={{ display: { md: "flex" }, flexDirection: "column", height: { md: "calc(100vh - 112px)" } }}>
      {/* The subtitle wraps beside the bulk-actions button instead of pushing it onto a line of its own. */}
      <Box sx={{ display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: 2, mb: 2 }}>
        <Box sx={{ flex: "1 1 0", minWidth: 0, "& > div": { mb: 0 } }}>
          <PageHeader title={t("onboarding.title")} subtitle={t("onboarding.subtitle")} />
        </Box>
        {canManage ? (
          <Box sx={{ flexShrink: 0 }}>
            <RecentBulkJobs />
          </Box>
        ) : null}
      </Box>
      <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5 }}>
        <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" } }}>
          <TextField
            size="small"
            type="search"
            label={t("app.search")}
            placeholder={t("onboarding.searchPlaceholder")}
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
            sx={{ minWidth: { md: 320 } }}
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          {canManage ? (
            <Box role="group" aria-label={t("onboarding.filterLabel")} sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
              <Chip
                label={canManage ? `${t("onboarding.all")} · ${fmt.number(allCount)}` : t("onboarding.all")}
                color={status === null ? "primary" : "default"}
                variant={status === null ? "filled" : "outlined"}
                onClick={() => setStatus(null)}
                aria-pressed={status === null}
              />
              {STATUSES.map((s) => (
                <Chip
                  key={s}
                  data-testid={`chip-${s}`}
                  icon={
                    <Box aria-hidden sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: statusColors[s], ml: "8px !important" }} />
                  }
                  label={canManage ? `${t(`status.${s}`)} · ${fmt.number(counts.get(s) ?? 0)}` : t(`status.${s}`)}
                  color={status === s ? "primary" : "default"}
                  variant={status === s ? "filled" : "outlined"}
                  onClick={() => setStatus(status === s ? null : s)}
                  aria-pressed={status === s}
                />
              ))}
              <Chip
                data-testid="chip-invite-problem"
                icon={<ErrorOutlineIcon fontSize="small" />}
                label={t("onboarding.inviteProblemFilter")}
                color={inviteProblems ? "warning" : "default"}
                variant={inviteProblems ? "filled" : "outlined"}
                onClick={toggleInviteProblems}
                aria-pressed={inviteProblems}
              />
              <Chip
                data-testid="chip-invite-expired"
                label={t("onboarding.inviteExpiredFilter")}
                color={inviteExpired ? "warning" : "default"}
                variant={inviteExpired ? "filled" : "outlined"}
                onClick={() => toggleParam("invite", "expired")}
                aria-pressed={inviteExpired}
              />
              <Chip
                data-testid="chip-reminded"
                label={t("onboarding.remindedFilter")}
                color={reminded ? "primary" : "default"}
                variant={reminded ? "filled" : "outlined"}
                onClick={() => toggleParam("reminded", "1")}
                aria-pressed={reminded}
              />
            </Box>
          ) : null}
        </Stack>
      </Paper>
      {canManage ? (
        <BulkBar
          selection={selection}
          pageCount={rows.length}
          total={total}
          filter={filter}
          onSelectAll={() => setSelection({ kind: "all" })}
          onClear={() => setSelection({ kind: "ids", ids: new Set() })}
          onFinished={() => void refetch()}
        />
      ) : null}
      {error && !shown ? <LoadError onRetry={() => void refetch()} /> : null}
      <Paper variant="outlined" sx={{ height: { xs: 560, md: "auto" }, flex: { md: "1 1 0" }, minHeight: 420 }}>
        <DataGrid
          apiRef={focusKeeper.apiRef}
          // Compact rows: at 800 px height the front desk sees ten rows or more, not six.
          density="compact"
          columnHeaderHeight={44}
          onCellKeyDown={leaveKeysToCellControls}
          rows={rows}
          columns={columns}
          getRowId={(r) => r.id}
          rowCount={total}
          loading={loading}
          paginationMode="server"
          sortingMode="server"
          sortModel={sortModel}
          onSortModelChange={setSort}
          filterMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          checkboxSelection={canManage}
          disableRowSelectionOnClick
          keepNonExistentRowsSelected
          rowSelectionModel={gridSelection}
          // The header checkbox answers "every row except…"; it means this page's rows here, and
          // "select all N matching" is the explicit way to reach beyond the page.
          onRowSelectionModelChange={(model) =>
            setSelection({
              kind: "ids",
              ids: new Set(
                model.type === "exclude" ? rows.map((r) => r.id).filter((id) => !model.ids.has(id)) : [...model.ids].map(String),
              ),
            })
          }
          disableColumnFilter
          disableColumnMenu
          disableVirtualization={underTest}
          localeText={i18n.language === "fr" ? gridFr.components.MuiDataGrid.defaultProps.localeText : undefined}
          slots={{
            noRowsOverlay: () => (
              <Box sx={{ p: 4, textAlign: "center" }}>
                <Typography color="text.secondary">{t("onboarding.empty")}</Typography>
              </Box>
            ),
          }}
          aria-label={t("onboarding.title")}
          // A French header ("Dernière invitation") wraps on two lines rather than losing its end.
          sx={{ border: 0, "& .MuiDataGrid-columnHeaderTitle": { whiteSpace: "normal", lineHeight: 1.15 } }}
        />
      </Paper>
      {error && shown ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {t("app.loadError")}
        </Alert>
      ) : null}
    </Box>
  );
}
