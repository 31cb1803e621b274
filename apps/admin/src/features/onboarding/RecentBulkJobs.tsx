import { useId, useState } from "react";
import { useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import CircularProgress from "@mui/material/CircularProgress";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import HistoryIcon from "@mui/icons-material/History";
import { useTranslation } from "react-i18next";
import type { BulkJobKind } from "../../gql/graphql";
import { useFormat } from "../../shared/format";
import { JobProgress } from "./BulkDialog";
import { RecentBulkJobsDocument } from "./bulk.documents";

const RECENT = 20;

export const kindLabelKey = (kind: BulkJobKind) =>
  kind === "SEND_PORTAL_INVITES" ? "bulk.inviteTitle" : kind === "SEND_INVITE_REMINDERS" ? "bulk.remindTitle" : "bulk.enableTitle";

/**
 * The organization's recent bulk actions: a job's report (the one the bulk dialog shows) can be
 * read again after its dialog was closed.
 */
export function RecentBulkJobs({ pollMs = 1000 }: { pollMs?: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<{ id: string; kind: BulkJobKind; createdAt: string } | null>(null);
  const fmt = useFormat();
  const titleId = useId();
  const close = () => setOpen(false);
  return (
    <>
      <Button
        startIcon={<HistoryIcon />}
        onClick={() => {
          setChosen(null);
          setOpen(true);
        }}
      >
        {t("bulkHistory.open")}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="md" fullWidth>
        <DialogTitle id={titleId}>
          {chosen ? `${t(kindLabelKey(chosen.kind))} · ${fmt.dateTime(chosen.createdAt)}` : t("bulkHistory.title")}
        </DialogTitle>
        <DialogContent>
          {open && chosen ? <JobProgress key={chosen.id} jobId={chosen.id} pollMs={pollMs} onFinished={() => undefined} /> : null}
          {open && !chosen ? <JobList onChoose={setChosen} /> : null}
        </DialogContent>
        <DialogActions>
          {chosen ? <Button onClick={() => setChosen(null)}>{t("bulkHistory.back")}</Button> : null}
          <Button onClick={close} variant="contained">
            {t("app.close")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function JobList({ onChoose }: { onChoose: (job: { id: string; kind: BulkJobKind; createdAt: string }) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, loading, error, refetch } = useQuery(RecentBulkJobsDocument, {
    variables: { first: RECENT },
    fetchPolicy: "cache-and-network",
  });
  const jobs = data?.bulkJobs.edges.map((e) => e.node) ?? [];
  if (!data && loading) return <CircularProgress aria-label={t("app.loading")} />;
  if (!data && error)
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void refetch()}>
            {t("app.retry")}
          </Button>
        }
      >
        {t("app.loadError")}
      </Alert>
    );
  if (jobs.length === 0) return <Typography color="text.secondary">{t("bulkHistory.empty")}</Typography>;
  return (
    <Stack spacing={1}>
      <Table size="small" aria-label={t("bulkHistory.title")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("bulkHistory.action")}</TableCell>
            <TableCell>{t("bulkHistory.started")}</TableCell>
            <TableCell>{t("bulkHistory.state")}</TableCell>
            <TableCell>{t("bulkHistory.counts")}</TableCell>
            <TableCell align="right">{t("bulkHistory.report")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {jobs.map((job) => (
            <TableRow key={job.id}>
              <TableCell>{t(kindLabelKey(job.kind))}</TableCell>
              <TableCell>
                {fmt.dateTime(job.createdAt)}
                {job.requestedByName ? (
                  <Typography variant="body2" color="text.secondary">
                    {job.requestedByName}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>{t(`bulkHistory.states.${job.state}`)}</TableCell>
              <TableCell>
                {t("bulk.summary", {
                  succeeded: fmt.number(job.succeeded),
                  skipped: fmt.number(job.skipped),
                  failed: fmt.number(job.failed),
                  total: fmt.number(job.total),
                })}
              </TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  onClick={() => onChoose(job)}
                  aria-label={t("bulkHistory.viewLabel", { action: t(kindLabelKey(job.kind)), when: fmt.dateTime(job.createdAt) })}
                >
                  {t("bulkHistory.view")}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data?.bulkJobs.pageInfo.hasNextPage ? (
        <Typography variant="body2" color="text.secondary">
          {t("bulkHistory.onlyRecent", { count: RECENT })}
        </Typography>
      ) : null}
    </Stack>
  );
}
