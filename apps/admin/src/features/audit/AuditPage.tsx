import { useState, type FormEvent } from "react";
import { Link as RouterLink } from "react-router";
import { useApolloClient, useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { AuditEventFilter, AuditEventsQuery } from "../../gql/graphql";
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
          action
          targetType
          targetId
          patientId
          ip
        }
      }
    }
  }
`);

const EMPTY = { action: "", actorId: "", patientId: "", from: "", to: "" };

function toFilter(form: typeof EMPTY): AuditEventFilter {
  // Dates are the staff member's local days: from the start of "from" to the end of "to".
  const day = (ymd: string, plus = 0) => {
    const [y, m, d] = ymd.split("-").map(Number);
    return new Date(y, m - 1, d + plus).toISOString();
  };
  return {
    action: form.action.trim() || undefined,
    actorId: form.actorId.trim() || undefined,
    patientId: form.patientId.trim() || undefined,
    from: form.from ? day(form.from) : undefined,
    to: form.to ? day(form.to, 1) : undefined,
  };
}

/** Rule 15: the append-only log, filtered on the server, exported as CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const client = useApolloClient();
  const [form, setForm] = useState(EMPTY);
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditEventsDocument, { variables: { filter, first: 50, after: null } });
  const events = data?.auditEvents.edges.map((e) => e.node) ?? [];
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(toFilter(form));
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: (string | null)[][] = [
        ["id", "at", "actorType", "actorId", "actor", "action", "targetType", "targetId", "patientId", "ip"],
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
          rows.push([e.id, e.at, e.actorType, e.actorId, e.actorLabel, e.action, e.targetType, e.targetId, e.patientId, e.ip]);
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
      <Card variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack component="form" onSubmit={apply} direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" } }}>
          <TextField
            size="small"
            label={t("audit.filters.action")}
            placeholder="portal_access"
            value={form.action}
            onChange={set("action")}
          />
          <TextField size="small" label={t("audit.filters.actorId")} value={form.actorId} onChange={set("actorId")} />
          <TextField size="small" label={t("audit.filters.patientId")} value={form.patientId} onChange={set("patientId")} />
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
                    <TableCell>{e.actorLabel ?? `${e.actorType} ${e.actorId ?? ""}`}</TableCell>
                    <TableCell>
                      <code>{e.action}</code>
                    </TableCell>
                    <TableCell>
                      {e.targetType} {e.targetId}
                    </TableCell>
                    <TableCell>
                      {e.patientId ? (
                        <Link component={RouterLink} to={`/patients/${e.patientId}`}>
                          {e.patientId}
                        </Link>
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
