import { useState, type FormEvent } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";
import { useApolloClient, useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { auditActionLabel } from "@portal/schema";
import { graphql } from "../../gql";
import type { ActorType, AuditEventFilter, AuditEventsQuery, AuditKind } from "../../gql/graphql";
import { useCan } from "../auth/viewer";
import { download, toCsv } from "../../shared/csv";
import { Empty, LoadError, Loading, PageHeader } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { failureMessage } from "../../shared/user-errors";

export const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          at
          actorType
          actorId
          actorLabel
          actorName
          action
          kind
          targetType
          targetId
          targetName
          patientId
          patientName
          ip
        }
      }
    }
  }
`);

/** The people the log can be filtered by, for staff allowed to list them (else the rows' names). */
export const AuditPeopleDocument = graphql(`
  query AuditPeople($staff: Boolean!, $keys: Boolean!) {
    staffUsers @include(if: $staff) {
      id
      name
    }
    apiKeys(first: 200, includeInactive: true) @include(if: $keys) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const AUDIT_KINDS: AuditKind[] = [
  "ACCESS_CHANGES",
  "INVITES",
  "SIGN_INS",
  "EMAIL_CHANGES",
  "PASSWORDS",
  "PATIENT_RECORDS",
  "STAFF",
  "SETTINGS",
  "EMAIL_DELIVERY",
];

/** A person to filter by, "STAFF:12" or "API_KEY:3" (a select's value), with the name shown. */
interface Person {
  type: ActorType;
  id: string;
  name: string;
}
const personKey = (p: { type: ActorType; id: string }) => `${p.type}:${p.id}`;

const EMPTY = { kind: "" as AuditKind | "", person: "", from: "", to: "" };

function toFilter(form: typeof EMPTY, patientId: string | null): AuditEventFilter {
  // Dates are the staff member's local days: from the start of "from" to the end of "to".
  const day = (ymd: string, plus = 0) => {
    const [y, m, d] = ymd.split("-").map(Number);
    return new Date(y, m - 1, d + plus).toISOString();
  };
  const [actorType, actorId] = form.person ? (form.person.split(":") as [ActorType, string]) : [undefined, undefined];
  return {
    kind: form.kind || undefined,
    actorType,
    actorId,
    patientId: patientId ?? undefined,
    from: form.from ? day(form.from) : undefined,
    to: form.to ? day(form.to, 1) : undefined,
  };
}

/** Rule 15: the append-only log, filtered on the server, exported as CSV. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const client = useApolloClient();
  const can = useCan();
  const language = i18n.language === "fr" ? "fr" : "en";
  // The per-patient trail: /audit?patientId=… (linked from the patient's page).
  const [params, setParams] = useSearchParams();
  const patientId = params.get("patientId");
  const [form, setForm] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const filter = toFilter(applied, patientId);
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditEventsDocument, { variables: { filter, first: 50, after: null } });
  const people = useQuery(AuditPeopleDocument, {
    variables: { staff: can("MANAGE_STAFF"), keys: can("MANAGE_API_KEYS") },
    errorPolicy: "ignore",
  });
  const events = data?.auditEvents.edges.map((e) => e.node) ?? [];
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(form);
  };
  const filterByPerson = (person: Person) => {
    const next = { ...form, person: personKey(person) };
    setForm(next);
    setApplied(next);
  };

  // Who can be picked: the staff and keys the viewer may list, and anyone named on the page.
  const known = new Map<string, Person>();
  for (const u of people.data?.staffUsers ?? []) known.set(personKey({ type: "STAFF", id: u.id }), { type: "STAFF", id: u.id, name: u.name });
  for (const { node: k } of people.data?.apiKeys?.edges ?? []) known.set(personKey({ type: "API_KEY", id: k.id }), { type: "API_KEY", id: k.id, name: k.name });
  for (const e of events) {
    if (e.actorId && (e.actorType === "STAFF" || e.actorType === "API_KEY") && !known.has(personKey({ type: e.actorType, id: e.actorId })))
      known.set(personKey({ type: e.actorType, id: e.actorId }), { type: e.actorType, id: e.actorId, name: e.actorName ?? e.actorLabel ?? e.actorId });
  }
  const choices = [...known.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  const patientName = patientId ? (events.find((e) => e.patientId === patientId)?.patientName ?? null) : null;

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: (string | null)[][] = [
        ["id", "at", "actorType", "actorId", "actor", "action", "actionLabel", "kind", "targetType", "targetId", "target", "patientId", "patient", "ip"],
      ];
      let after: string | null = null;
      // Every matching event, page by page (the server caps a page at 500).
      for (;;) {
        const page: { data?: AuditEventsQuery } = await client.query({
          query: AuditEventsDocument,
          variables: { filter, first: 500, after },
          fetchPolicy: "network-only",
        });
        const connection = page.data?.auditEvents;
        if (!connection) break;
        for (const { node: e } of connection.edges)
          rows.push([
            e.id,
            e.at,
            e.actorType,
            e.actorId,
            e.actorName ?? e.actorLabel,
            e.action,
            auditActionLabel(e.action, language),
            e.kind,
            e.targetType,
            e.targetId,
            e.targetName,
            e.patientId,
            e.patientName,
            e.ip,
          ]);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor ?? null;
      }
      download(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows));
    } catch (e) {
      notify(failureMessage(t, e), { severity: "error" });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box>
      <PageHeader
        title={t("audit.title")}
        subtitle={t("audit.subtitle")}
        actions={
          <Button variant="outlined" onClick={() => void exportCsv()} disabled={exporting}>
            {t("audit.exportCsv")}
          </Button>
        }
      />
      {patientId ? (
        <Chip
          sx={{ mb: 2 }}
          color="primary"
          variant="outlined"
          label={t("audit.trailOf", { name: patientName ?? t("audit.patientNumber", { id: patientId }) })}
          onDelete={() => {
            params.delete("patientId");
            setParams(params);
          }}
        />
      ) : null}
      <Card variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack component="form" onSubmit={apply} direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" } }}>
          <TextField
            select
            size="small"
            label={t("audit.filters.kind")}
            value={form.kind}
            onChange={set("kind")}
            sx={{ minWidth: 200 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t("audit.filters.anyKind")}</MenuItem>
            {AUDIT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={t("audit.filters.person")}
            value={form.person}
            onChange={set("person")}
            sx={{ minWidth: 220 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{t("audit.filters.anyone")}</MenuItem>
            {choices.map((p) => (
              <MenuItem key={personKey(p)} value={personKey(p)}>
                {p.type === "API_KEY" ? t("audit.apiKeyNamed", { name: p.name }) : p.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="date"
            label={t("audit.filters.from")}
            value={form.from}
            onChange={set("from")}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="date"
            label={t("audit.filters.to")}
            value={form.to}
            onChange={set("to")}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button type="submit" variant="contained">
            {t("app.search")}
          </Button>
        </Stack>
      </Card>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <LoadError onRetry={() => void refetch()} /> : null}
      {data && !events.length ? <Empty>{t("audit.empty")}</Empty> : null}
      {events.length ? (
        <Card variant="outlined">
          <TableContainer>
            <Table size="small" aria-label={t("audit.title")}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("audit.at")}</TableCell>
                  <TableCell>{t("audit.actor")}</TableCell>
                  <TableCell>{t("audit.action")}</TableCell>
                  <TableCell>{t("audit.target")}</TableCell>
                  <TableCell>{t("audit.patient")}</TableCell>
                  <TableCell>{t("audit.ip")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {events.map((e) => (
                  <TableRow key={e.id} hover>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{fmt.dateTime(e.at)}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      {e.actorId && (e.actorType === "STAFF" || e.actorType === "API_KEY") ? (
                        <Link
                          component="button"
                          type="button"
                          underline="hover"
                          title={t("audit.filterByPerson")}
                          onClick={() => filterByPerson({ type: e.actorType, id: e.actorId!, name: e.actorName ?? e.actorLabel ?? e.actorId! })}
                          sx={{ textAlign: "left" }}
                        >
                          {e.actorName ?? e.actorLabel ?? e.actorId}
                        </Link>
                      ) : (
                        (e.actorName ?? e.actorLabel ?? t(`audit.actorTypes.${e.actorType}`))
                      )}
                      <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
                        {t(`audit.actorTypes.${e.actorType}`)}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {auditActionLabel(e.action, language)}
                      {e.kind ? (
                        <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
                          {t(`audit.kinds.${e.kind}`)}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell>{e.targetName ?? t(`audit.targetTypes.${e.targetType}`, { defaultValue: e.targetType })}</TableCell>
                    <TableCell>
                      {e.patientId ? (
                        <>
                          <Link component={RouterLink} to={`/patients/${e.patientId}`} sx={{ whiteSpace: "nowrap" }}>
                            {e.patientName ?? t("audit.patientNumber", { id: e.patientId })}
                          </Link>
                          {e.patientId !== patientId ? (
                            <Link component={RouterLink} to={`?patientId=${e.patientId}`} variant="caption" sx={{ display: "block" }}>
                              {t("audit.showTrail")}
                            </Link>
                          ) : null}
                        </>
                      ) : (
                        t("app.none")
                      )}
                    </TableCell>
                    <TableCell>{e.ip ?? t("app.none")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {data?.auditEvents.pageInfo.hasNextPage ? (
            <Box sx={{ p: 2, textAlign: "center" }}>
              <Button
                onClick={() =>
                  void fetchMore({
                    variables: { after: data.auditEvents.pageInfo.endCursor },
                    updateQuery: (prev, { fetchMoreResult }) => ({
                      ...fetchMoreResult,
                      auditEvents: {
                        ...fetchMoreResult.auditEvents,
                        edges: [...prev.auditEvents.edges, ...fetchMoreResult.auditEvents.edges],
                      },
                    }),
                  })
                }
              >
                {t("audit.loadMore")}
              </Button>
            </Box>
          ) : null}
        </Card>
      ) : null}
    </Box>
  );
}
