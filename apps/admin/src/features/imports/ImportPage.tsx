import { useEffect, useRef, useState, type DragEvent } from "react";
import { Link as RouterLink } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Chip from "@mui/material/Chip";
import CircularProgress from "@mui/material/CircularProgress";
import FormControlLabel from "@mui/material/FormControlLabel";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import DownloadIcon from "@mui/icons-material/Download";
import UploadFileIcon from "@mui/icons-material/UploadFileOutlined";
import { useTranslation } from "react-i18next";
import { IMPORT_FIELDS } from "@portal/schema";
import { useViewer } from "../auth/viewer";
import { PageHeader } from "../../shared/QueryState";
import { ConfirmPatientImportDocument, ImportJobDocument } from "./imports.documents";
import "./imports.i18n";

/** The fields a column can fill: the API maps headers onto the same list (packages/schema). */
const FIELDS = IMPORT_FIELDS;

type DateOrder = "DAY_MONTH" | "MONTH_DAY";

/** What POST /imports/patients answered when it refused the file: the code and what the screen needs to ask. */
interface FileProblem {
  error: string;
  message: string;
  headers?: string[];
  fields?: (string | null)[];
  preview?: string[][];
  sample?: string;
}

async function postFile(file: File, options: { mapping?: Record<string, string>; dateOrder?: DateOrder | null }): Promise<{ id: string } | FileProblem> {
  const body = new FormData();
  if (options.mapping) body.append("mapping", JSON.stringify(options.mapping));
  if (options.dateOrder) body.append("dateOrder", options.dateOrder);
  body.append("file", file, file.name);
  const res = await fetch("/imports/patients?dryRun=true", { method: "POST", body, credentials: "same-origin", headers: { "x-portal-import": "1" } });
  const json = (await res.json().catch(() => ({ error: "INTERNAL_SERVER_ERROR", message: res.statusText }))) as { id?: string } & FileProblem;
  return res.ok && json.id ? { id: json.id } : json;
}

/**
 * "Import patients" (rule 19): drop a file, map its columns if needed, read the dry run, confirm,
 * follow the job, download its report. The server decides every rule; this screen only asks.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const check = async (chosen: File, opts: { mapping?: Record<string, string>; dateOrder?: DateOrder | null }) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await postFile(chosen, opts);
      if ("id" in answer) setJobId(answer.id);
      else {
        setProblem(answer);
        if (answer.error === "IMPORT_MISSING_COLUMN" && answer.headers) {
          setMapping(Object.fromEntries(answer.headers.map((h, i) => [h, answer.fields?.[i] ?? ""])));
        }
      }
    } catch (e) {
      setProblem({ error: "generic", message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setJobId(null);
    setMapping({});
    setDateOrder(null);
    void check(chosen, {});
  };

  const reset = () => {
    setFile(null);
    setJobId(null);
    setProblem(null);
  };

  return (
    <Box>
      <PageHeader title={t("imports.title")} subtitle={t("imports.subtitle")} actions={file ? <Button onClick={reset}>{t("imports.another")}</Button> : null} />
      {!file ? <DropZone onFile={choose} /> : null}
      {busy ? (
        <Stack direction="row" spacing={2} sx={{ my: 2, alignItems: "center" }}>
          <CircularProgress size={20} />
          <Typography>{t("imports.reading", { name: file?.name })}</Typography>
        </Stack>
      ) : null}
      {problem && !busy ? (
        <FileProblemView
          problem={problem}
          mapping={mapping}
          onMapping={setMapping}
          dateOrder={dateOrder}
          onDateOrder={setDateOrder}
          onRetry={() => file && void check(file, { mapping: problem.error === "IMPORT_MISSING_COLUMN" ? mapping : Object.keys(mapping).length ? mapping : undefined, dateOrder })}
        />
      ) : null}
      {jobId && !busy ? <ImportJobView id={jobId} /> : null}
    </Box>
  );
}

function DropZone({ onFile }: { onFile: (f: File | undefined) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFile(e.dataTransfer.files?.[0]);
  };
  return (
    <Paper
      variant="outlined"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop-zone"
      sx={{ p: 5, textAlign: "center", borderStyle: "dashed", borderWidth: 2, borderColor: over ? "primary.main" : "divider", bgcolor: over ? "action.hover" : "background.paper" }}
    >
      <UploadFileIcon sx={{ fontSize: 48, color: "text.secondary" }} />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {t("imports.drop")}
      </Typography>
      <Typography color="text.secondary" sx={{ my: 1 }}>
        {t("imports.dropHint")}
      </Typography>
      <Button variant="contained" onClick={() => input.current?.click()}>
        {t("imports.choose")}
      </Button>
      <input ref={input} type="file" hidden accept=".csv,.txt,.ndjson,.json,text/csv,application/json" aria-label={t("imports.choose")} onChange={(e) => onFile(e.target.files?.[0])} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {t("imports.formats")}
      </Typography>
    </Paper>
  );
}

function PreviewTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Box sx={{ overflowX: "auto", mt: 2 }}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {t("imports.preview")}
      </Typography>
      <Table size="small" aria-label={t("imports.preview")}>
        <TableHead>
          <TableRow>
            {headers.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {headers.map((h, j) => (
                <TableCell key={h} sx={{ whiteSpace: "nowrap" }}>
                  {r[j] ?? ""}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function FileProblemView(props: {
  problem: FileProblem;
  mapping: Record<string, string>;
  onMapping: (m: Record<string, string>) => void;
  dateOrder: DateOrder | null;
  onDateOrder: (d: DateOrder) => void;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { problem, mapping, onMapping, dateOrder, onDateOrder, onRetry } = props;
  if (problem.error === "IMPORT_DATE_ORDER_NEEDED") {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6">{t("imports.dateOrderTitle")}</Typography>
        <Typography color="text.secondary">{t("imports.dateOrderHelp", { sample: problem.sample })}</Typography>
        <RadioGroup value={dateOrder ?? ""} onChange={(e) => onDateOrder(e.target.value as DateOrder)} sx={{ my: 1 }}>
          <FormControlLabel value="DAY_MONTH" control={<Radio />} label={t("imports.DAY_MONTH")} />
          <FormControlLabel value="MONTH_DAY" control={<Radio />} label={t("imports.MONTH_DAY")} />
        </RadioGroup>
        <Button variant="contained" disabled={!dateOrder} onClick={onRetry}>
          {t("imports.checkAgain")}
        </Button>
        {problem.headers && problem.preview ? <PreviewTable headers={problem.headers} rows={problem.preview} /> : null}
      </Paper>
    );
  }
  if (problem.error === "IMPORT_MISSING_COLUMN" && problem.headers) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h6">{t("imports.mappingTitle")}</Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t("imports.mappingHelp")}
        </Typography>
        <Table size="small" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t("imports.column")}</TableCell>
              <TableCell>{t("imports.field")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {problem.headers.map((h) => (
              <TableRow key={h}>
                <TableCell>{h}</TableCell>
                <TableCell>
                  <TextField select size="small" fullWidth value={mapping[h] ?? ""} onChange={(e) => onMapping({ ...mapping, [h]: e.target.value })} slotProps={{ htmlInput: { "aria-label": h }, select: { displayEmpty: true } }}>
                    <MenuItem value="">{t("imports.ignore")}</MenuItem>
                    {FIELDS.map((f) => (
                      <MenuItem key={f} value={f}>
                        {t(`imports.fields.${f}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Button variant="contained" sx={{ mt: 2 }} onClick={onRetry}>
          {t("imports.checkAgain")}
        </Button>
        {problem.preview ? <PreviewTable headers={problem.headers} rows={problem.preview} /> : null}
      </Paper>
    );
  }
  const known = i18n.exists(`imports.errors.${problem.error}`);
  return (
    <Alert severity="error" role="alert">
      {t(known ? `imports.errors.${problem.error}` : "imports.errors.generic", { message: problem.message })}
    </Alert>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: "success" | "info" | "default" | "error" | "warning" }) {
  return (
    <Paper variant="outlined" data-count={label} sx={{ px: 2, py: 1.5, minWidth: 150 }}>
      <Typography variant="h5" component="p" sx={{ fontWeight: 600 }}>
        {value.toLocaleString()}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        {color ? <Chip size="small" color={color} label=" " sx={{ width: 12, height: 12, "& .MuiChip-label": { p: 0 } }} /> : null}
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
      </Stack>
    </Paper>
  );
}

function ImportJobView({ id, pollMs = 1000 }: { id: string; pollMs?: number }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const mayEnable = viewer.permissions.includes("MANAGE_PORTAL_ACCESS");
  const [enable, setEnable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data, refetch, startPolling, stopPolling } = useQuery(ImportJobDocument, { variables: { id, plan: "REFUSE" }, fetchPolicy: "network-only" });
  const [confirm, { loading: confirming }] = useMutation(ConfirmPatientImportDocument);
  const job = data?.importJob;
  const active = job?.state === "QUEUED" || job?.state === "RUNNING";
  // Follows a running import until it is done.
  useEffect(() => {
    if (!active) return undefined;
    startPolling(pollMs);
    return () => stopPolling();
  }, [active, pollMs, startPolling, stopPolling]);
  if (!job) return <CircularProgress />;
  const refused = job.rows.edges.map((e) => e.node);
  const run = async () => {
    setError(null);
    const res = await confirm({ variables: { input: { id, enablePortalAccess: enable, sendInvite: enable } } });
    const errs = res.data?.confirmPatientImport.userErrors ?? [];
    if (errs.length) setError(errs.map((e) => (i18nHas(t, e.code) ? t(`imports.errors.${e.code}`) : e.message)).join(" "));
    else await refetch();
  };
  return (
    <Stack spacing={3}>
      {job.state === "PREVIEW" ? (
        <Box>
          <Typography variant="h6" component="h2">
            {t("imports.dryRunTitle")}
          </Typography>
          <Typography color="text.secondary">{t("imports.dryRunHelp")}</Typography>
        </Box>
      ) : null}
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }} aria-label={t("imports.dryRunTitle")}>
        <Count label={t("imports.toCreate")} value={job.toCreate} color="success" />
        <Count label={t("imports.toUpdate")} value={job.toUpdate} color="info" />
        <Count label={t("imports.toLeave")} value={job.toLeave} color="default" />
        <Count label={t("imports.toRefuse")} value={job.toRefuse} color="error" />
        <Count label={t("imports.duplicates")} value={job.duplicates} color="warning" />
        <Count label={t("imports.missing")} value={job.missing} />
      </Stack>
      {job.columns.length ? (
        <Box>
          <Typography variant="subtitle2">{t("imports.columnsTitle")}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", mt: 1 }}>
            {job.columns.map((c) => (
              <Chip key={c.header} variant="outlined" color={c.field ? "primary" : "default"} label={`${c.header} → ${c.field ? t(`imports.fields.${c.field}`) : t("imports.notUsed")}`} />
            ))}
          </Stack>
          <PreviewTable headers={job.columns.map((c) => c.header)} rows={job.preview} />
        </Box>
      ) : null}
      {refused.length ? (
        <Box>
          <Typography variant="subtitle2">{t("imports.refusedTitle")}</Typography>
          <Table size="small" aria-label={t("imports.refusedTitle")}>
            <TableHead>
              <TableRow>
                <TableCell>{t("imports.row")}</TableCell>
                <TableCell>{t("imports.patient")}</TableCell>
                <TableCell>{t("imports.reasons")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {refused.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.rowNumber}</TableCell>
                  <TableCell>{[r.lastName, r.firstName].filter(Boolean).join(", ") || r.mrn || r.externalId}</TableCell>
                  <TableCell>{r.problems.map((p) => `${p.field ? `${t(`imports.fields.${p.field}`, { defaultValue: p.field })} : ` : ""}${p.message}`).join(" · ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {job.state === "PREVIEW" ? (
        <Box>
          {mayEnable ? <FormControlLabel control={<Checkbox checked={enable} onChange={(e) => setEnable(e.target.checked)} />} label={t("imports.enableAccess")} /> : null}
          {job.toCreate + job.toUpdate === 0 ? <Alert severity="info" sx={{ my: 1 }}>{t("imports.nothingToDo")}</Alert> : null}
          <Box>
            <Button variant="contained" onClick={() => void run()} disabled={confirming}>
              {t("imports.confirm")}
            </Button>
          </Box>
        </Box>
      ) : null}
      {active ? (
        <Box>
          <Typography sx={{ mb: 1 }}>{job.state === "QUEUED" && job.processed === job.toRefuse ? t("imports.queued") : t("imports.running", { processed: job.processed, total: job.total })}</Typography>
          <LinearProgress variant="determinate" value={job.total ? (100 * job.processed) / job.total : 0} aria-label={t("imports.running", { processed: job.processed, total: job.total })} />
        </Box>
      ) : null}
      {job.state === "DONE" || job.state === "FAILED" ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="h6" component="h2">
            {job.state === "DONE" ? t("imports.doneTitle") : t("imports.failedTitle")}
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap", my: 2 }}>
            <Count label={t("imports.created")} value={job.created} color="success" />
            <Count label={t("imports.updated")} value={job.updated} color="info" />
            <Count label={t("imports.unchanged")} value={job.unchanged} />
            <Count label={t("imports.refused")} value={job.refused} color="error" />
            {job.failed ? <Count label={t("imports.failed")} value={job.failed} color="warning" /> : null}
          </Stack>
          {job.bulkJobId ? <Alert severity="info" sx={{ mb: 2 }}>{t("imports.bulkStarted", { id: job.bulkJobId })}</Alert> : null}
          <Stack direction="row" spacing={2}>
            <Button href={job.resultsCsvUrl} download startIcon={<DownloadIcon />} variant="outlined">
              {t("imports.download")}
            </Button>
            <Button component={RouterLink} to="/onboarding" variant="contained">
              {t("imports.openGrid")}
            </Button>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

const i18nHas = (t: ReturnType<typeof useTranslation>["t"], code: string) => t(`imports.errors.${code}`, { defaultValue: "" }) !== "";
