import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import CircularProgress from "@mui/material/CircularProgress";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TablePagination from "@mui/material/TablePagination";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import ToggleButton from "@mui/material/ToggleButton";
import ToggleButtonGroup from "@mui/material/ToggleButtonGroup";
import Typography from "@mui/material/Typography";
import DownloadIcon from "@mui/icons-material/Download";
import { useTranslation } from "react-i18next";
import type { BulkJobProgressFragment, BulkJobState, PatientFilterInput } from "../../gql/graphql";
import { useViewer } from "../auth/viewer";
import { PortalRolesDocument } from "../access/access.documents";
import { useFormat } from "../../shared/format";
import { failureMessage, splitUserErrors, userErrorMessage, type UserErrorLike } from "../../shared/user-errors";
import { BulkEnablePortalAccessDocument, BulkJobDocument, BulkJobItemsDocument, BulkSendPortalInviteRemindersDocument, BulkSendPortalInvitesDocument } from "./bulk.documents";
import type { Selection } from "./BulkBar";

export type BulkAction = "enable" | "invite" | "remind";

const FINISHED: BulkJobState[] = ["DONE", "FAILED", "INTERRUPTED"];
const ROWS_PER_PAGE = 10;

export function isFinished(state: BulkJobState | undefined): boolean {
  return !!state && FINISHED.includes(state);
}

interface Props {
  /** The action to confirm; null keeps the dialog closed. */
  action: BulkAction | null;
  selection: Selection;
  /** Patients matching the grid's search and filter: the count of an "all matching" selection. */
  total: number;
  filter: PatientFilterInput;
  /** The job has reached an end: the grid and its status counts are stale. */
  onFinished: () => void;
  /** `started` says whether a job was started (the selection has been acted on). */
  onClose: (started: boolean) => void;
  /** How often the job is asked for its progress. */
  pollMs?: number;
}

/**
 * Bulk onboarding (SPEC "Bulk onboarding"): confirm with the exact number of rows, start the job,
 * follow its progress, then the per-row report with the reasons rows were skipped.
 */
export function BulkDialog({ action, selection, total, filter, onFinished, onClose, pollMs = 1000 }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [job, setJob] = useState<BulkJobProgressFragment | null>(null);
  const open = action !== null;

  useEffect(() => {
    if (open) setJob(null);
  }, [open]);

  // The title keeps naming the action while the dialog fades out (action is already null then).
  const lastAction = useRef<BulkAction>("enable");
  if (action) lastAction.current = action;
  const close = () => onClose(job !== null);
  const title = lastAction.current === "invite" ? t("bulk.inviteTitle") : lastAction.current === "remind" ? t("bulk.remindTitle") : t("bulk.enableTitle");
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth={job ? "md" : "sm"} fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {action && !job ? (
        <ConfirmStep action={action} selection={selection} total={total} filter={filter} onStarted={setJob} onCancel={close} />
      ) : null}
      {job ? (
        <>
          <DialogContent>
            <JobProgress jobId={job.id} pollMs={pollMs} onFinished={onFinished} />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} variant="contained">
              {t("app.close")}
            </Button>
          </DialogActions>
        </>
      ) : null}
    </Dialog>
  );
}

function ConfirmStep({
  action,
  selection,
  total,
  filter,
  onStarted,
  onCancel,
}: {
  action: BulkAction;
  selection: Selection;
  total: number;
  filter: PatientFilterInput;
  onStarted: (job: BulkJobProgressFragment) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const roles = useQuery(PortalRolesDocument, { skip: action !== "enable" });
  const selfRoles = (roles.data?.portalRoles ?? []).filter((r) => r.accessTypes.includes("SELF"));
  const [roleId, setRoleId] = useState("");
  const [sendInvite, setSendInvite] = useState(true);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enable] = useMutation(BulkEnablePortalAccessDocument);
  const [invite] = useMutation(BulkSendPortalInvitesDocument);
  const [remind] = useMutation(BulkSendPortalInviteRemindersDocument);

  // The organization's default role (Settings), as the server would apply it; with no default the
  // server asks for a role, so staff pick one (no first-in-the-list guess of the screen's own).
  const defaultRoleId = selfRoles.find((r) => r.id === viewer.organization.defaultPortalRoleId)?.id ?? "";
  const chosenRoleId = roleId || defaultRoleId;

  const count = selection.kind === "all" ? total : selection.ids.size;
  const target = selection.kind === "all" ? { filter } : { patientIds: [...selection.ids] };
  const question =
    action === "invite"
      ? t("bulk.confirmInvite", { count })
      : action === "remind"
        ? t("bulk.confirmRemind", { count })
        : sendInvite
          ? t("bulk.confirmEnableAndInvite", { count })
          : t("bulk.confirmEnable", { count });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const payload =
        action === "enable"
          ? (await enable({ variables: { input: { ...target, portalRoleId: chosenRoleId || undefined, sendInvite } } })).data
              ?.bulkEnablePortalAccess
          : action === "remind"
            ? (await remind({ variables: { input: target } })).data?.bulkSendPortalInviteReminders
            : (await invite({ variables: { input: target } })).data?.bulkSendPortalInvites;
      if (payload?.userErrors.length) setErrors(payload.userErrors);
      else if (payload?.job) onStarted(payload.job);
      else setFailure(t("bulk.failedToStart"));
    } catch (e) {
      setFailure(`${t("bulk.failedToStart")} ${failureMessage(t, e)}`);
    } finally {
      setBusy(false);
    }
  };

  const { byField, general } = splitUserErrors(t, errors, action === "enable" ? ["portalRoleId"] : []);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogContent>
        <Stack spacing={2.5}>
          <Typography sx={{ fontWeight: 600 }}>{question}</Typography>
          {selection.kind === "all" ? <Typography color="text.secondary">{t("bulk.allMatchingHint")}</Typography> : null}
          {general.map((text) => (
            <Alert key={text} severity="error">
              {text}
            </Alert>
          ))}
          {failure ? <Alert severity="error">{failure}</Alert> : null}
          {action === "enable" ? (
            <>
              <TextField
                select
                label={t("addAccess.role")}
                value={chosenRoleId}
                onChange={(e) => setRoleId(e.target.value)}
                required
                disabled={roles.loading}
                error={!!byField.portalRoleId || !!roles.error}
                helperText={byField.portalRoleId ?? (roles.error ? t("app.loadError") : t("bulk.roleHint"))}
              >
                {selfRoles.map((r) => (
                  <MenuItem key={r.id} value={r.id}>
                    {r.name}
                  </MenuItem>
                ))}
              </TextField>
              <FormControlLabel
                control={<Checkbox checked={sendInvite} onChange={(e) => setSendInvite(e.target.checked)} />}
                label={t("bulk.alsoInvite")}
              />
            </>
          ) : null}
          <Typography variant="body2" color="text.secondary">
            {t("bulk.confirmHint")}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t("app.cancel")}
        </Button>
        <Button type="submit" variant="contained" disabled={busy || count === 0 || (action === "enable" && !chosenRoleId)}>
          {t("bulk.start")}
        </Button>
      </DialogActions>
    </form>
  );
}

/** Asks for the job's counts until it has finished, then shows the report. */
export function JobProgress({ jobId, pollMs, onFinished }: { jobId: string; pollMs: number; onFinished: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data, error, stopPolling } = useQuery(BulkJobDocument, {
    variables: { id: jobId },
    pollInterval: pollMs,
    notifyOnNetworkStatusChange: false,
  });
  const job = data?.bulkJob;
  const finished = isFinished(job?.state);
  const reported = useRef(false);
  useEffect(() => {
    if (!finished) return;
    stopPolling();
    if (!reported.current) {
      reported.current = true;
      onFinished();
    }
  }, [finished, stopPolling, onFinished]);

  if (!job) {
    if (error) return <Alert severity="error">{t("app.loadError")}</Alert>;
    return <CircularProgress aria-label={t("app.loading")} />;
  }
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : finished ? 100 : 0;
  const progressText =
    job.state === "QUEUED" ? t("bulk.queued") : t("bulk.running", { done: fmt.number(job.processed), total: fmt.number(job.total) });
  return (
    <Stack spacing={2}>
      <Box>
        <LinearProgress variant="determinate" value={percent} aria-label={t("bulk.progressLabel")} aria-valuetext={progressText} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} aria-live="polite">
          {finished ? t("bulk.processed", { done: fmt.number(job.processed), total: fmt.number(job.total) }) : progressText}
        </Typography>
        {!finished ? (
          <Typography variant="body2" color="text.secondary">
            {t("bulk.notFinished")}
          </Typography>
        ) : null}
        {error && !finished ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t("app.loadError")}
          </Alert>
        ) : null}
      </Box>
      {finished ? <JobResult job={job} /> : null}
    </Stack>
  );
}

/** Counts, the rows that were not done with their reason, and the CSV of every row. */
export function JobResult({ job }: { job: BulkJobProgressFragment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts: Record<ListedOutcome, number> = { SKIPPED: job.skipped, FAILED: job.failed, SUCCEEDED: job.succeeded };
  // Rows not done come first (they need attention); the done rows say what was done to each.
  const outcomes = (["SKIPPED", "FAILED", "SUCCEEDED"] as const).filter((o) => counts[o] > 0);
  const [outcome, setOutcome] = useState<ListedOutcome>(outcomes[0] ?? "SKIPPED");
  const notDone = job.skipped + job.failed > 0;
  const stopped = job.state !== "DONE";
  return (
    <Stack spacing={2} role="region" aria-label={t("bulk.resultTitle")}>
      <Alert severity={stopped || job.failed > 0 ? "warning" : job.skipped > 0 ? "info" : "success"}>
        {t("bulk.summary", {
          succeeded: fmt.number(job.succeeded),
          skipped: fmt.number(job.skipped),
          failed: fmt.number(job.failed),
          total: fmt.number(job.total),
        })}
        {stopped ? ` ${t("bulk.stopped")}` : null}
        {job.succeeded > 0 ? (
          <Box component="span" sx={{ display: "block" }}>
            {job.kind === "ENABLE_PORTAL_ACCESS"
              ? t("bulk.doneEnable", { enabledOnly: fmt.number(job.succeeded - job.invited), invited: fmt.number(job.invited) })
              : t("bulk.doneInvite", { invited: fmt.number(job.invited) })}
          </Box>
        ) : null}
      </Alert>
      <Box>
        <Button href={job.resultsCsvUrl} download startIcon={<DownloadIcon />} variant="outlined">
          {t("bulk.downloadCsv")}
        </Button>
      </Box>
      {notDone ? null : <Typography color="text.secondary">{t("bulk.noSkipped")}</Typography>}
      {outcomes.length === 0 ? null : (
        <Box>
          <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {notDone ? t("bulk.skippedRows") : t("bulk.rows")}
            </Typography>
            {outcomes.length > 1 ? (
              <ToggleButtonGroup
                size="small"
                exclusive
                value={outcome}
                onChange={(_e, next: ListedOutcome | null) => next && setOutcome(next)}
                aria-label={t("bulk.outcomeFilter")}
              >
                {outcomes.map((o) => (
                  <ToggleButton key={o} value={o}>
                    {t(`bulk.outcomes.${o}`, { count: counts[o] })}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            ) : null}
          </Stack>
          <OutcomeRows key={outcome} jobId={job.id} outcome={outcome} count={counts[outcome]} label={notDone ? t("bulk.skippedRows") : t("bulk.rows")} />
        </Box>
      )}
    </Stack>
  );
}

type ListedOutcome = "SKIPPED" | "FAILED" | "SUCCEEDED";

/** One outcome's rows, a page at a time (keyset: the cursor that starts each page seen). */
function OutcomeRows({ jobId, outcome, count, label }: { jobId: string; outcome: ListedOutcome; count: number; label: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const cursors = useRef<Map<number, string | null>>(new Map([[0, null]]));
  const after = cursors.current.get(page) ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(BulkJobItemsDocument, {
    variables: { id: jobId, outcome, first: ROWS_PER_PAGE, after },
  });
  const shown = data ?? previousData;
  useEffect(() => {
    const info = data?.bulkJob?.items.pageInfo;
    if (info?.hasNextPage) cursors.current.set(page + 1, info.endCursor ?? null);
  }, [data, page]);

  if (error && !shown)
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
  const items = shown?.bulkJob?.items.edges.map((e) => e.node) ?? [];
  return (
    <>
      <Table size="small" aria-label={label} aria-busy={loading}>
        <TableHead>
          <TableRow>
            <TableCell>{t("bulk.patient")}</TableCell>
            <TableCell>{outcome === "SUCCEEDED" ? t("bulk.result") : t("bulk.reason")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                {item.patient ? (
                  <Link component={RouterLink} to={`/patients/${item.patient.id}`} underline="hover">
                    {`${item.patient.lastName}, ${item.patient.firstName}`}
                  </Link>
                ) : (
                  t("bulk.unknownPatient", { id: item.patientId })
                )}
              </TableCell>
              <TableCell>
                {item.outcome === "SUCCEEDED"
                  ? item.action
                    ? t(`bulk.actions.${item.action}`)
                    : t("bulk.outcomes.SUCCEEDED", { count: 1 })
                  : item.outcome === "SKIPPED" && item.reason
                    ? userErrorMessage(t, { code: item.reason, message: item.message ?? "" })
                    : t("errors.unexpected")}
              </TableCell>
            </TableRow>
          ))}
          {loading && items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={2}>{t("app.loading")}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      {count > ROWS_PER_PAGE ? (
        <TablePagination
          component="div"
          count={count}
          page={page}
          rowsPerPage={ROWS_PER_PAGE}
          rowsPerPageOptions={[ROWS_PER_PAGE]}
          onPageChange={(_e, next) => setPage(next)}
          labelRowsPerPage={t("bulk.rowsPerPage")}
          labelDisplayedRows={({ from, to, count: all }) => `${from}–${to} / ${all}`}
        />
      ) : null}
    </>
  );
}
