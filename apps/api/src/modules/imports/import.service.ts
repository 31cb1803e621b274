import { type ActorType, BulkJobKind, normalizeEmail, UserErrorCode } from "@portal/schema";
import { In, MoreThan } from "typeorm";
import { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { BulkJobService } from "../bulk/bulk-job.service";
import { MAX_BULK_IDS } from "../bulk/bulk-job.service";
import { Patient } from "../patients/patient.entity";
import { decodeFile, ImportFileError, shapeOfCsv, csvRows, sourceOf } from "./import-file";
import { fhirRows } from "./import-fhir";
import { ImportDateOrder, ImportJob, ImportJobRow, ImportJobState, type ImportOptions, type ImportProblem, ImportRowOutcome, ImportRowPlan, ImportSource } from "./import-job.entity";
import { checkRow, type CheckedRow, type ImportPatientData, type RawPatient } from "./import-row";
import { decideRow, readFacts, updateByIds, writeDecisions } from "./import-upsert";

/** Rows per transaction of the dry run and of the job. */
export const IMPORT_CHUNK = 1000;
/** Most patients in one upsertPatients call. */
export const MAX_UPSERT = 1000;

export interface AnalyzeInput {
  buffer: Buffer;
  fileName: string | null;
  mapping?: Record<string, string> | null;
  dateOrder?: ImportDateOrder | null;
}

/** One row's answer of upsertPatients. */
export interface UpsertResult {
  index: number;
  outcome: ImportRowOutcome;
  patientId: number | null;
  problems: ImportProblem[];
  notes: ImportProblem[];
}

/**
 * Keys that must appear once in a file: the patient (external id, else MRN) and the email, since
 * one email on two patients of one file is a mistake more often than siblings sharing an address.
 */
class DuplicateTracker {
  private readonly seen = new Map<string, number[]>();
  add(rowNumber: number, data: ImportPatientData): void {
    const keys = [data.externalId ? `externalId:${data.externalId}` : null, data.mrn ? `mrn:${data.mrn}` : null, data.email ? `email:${normalizeEmail(data.email)}` : null];
    for (const key of keys) if (key) this.seen.set(key, [...(this.seen.get(key) ?? []), rowNumber]);
  }
  /** Row number → the problems of its duplicated keys. */
  problems(): Map<number, ImportProblem[]> {
    const out = new Map<number, ImportProblem[]>();
    for (const [key, rows] of this.seen) {
      if (rows.length < 2) continue;
      const [field] = key.split(":");
      const others = (r: number) => rows.filter((x) => x !== r).slice(0, 5).join(", ");
      for (const r of rows) {
        const what = field === "email" ? "This email is also on row" : field === "mrn" ? "This MRN is also on row" : "This external id is also on row";
        out.set(r, [...(out.get(r) ?? []), { code: UserErrorCode.DUPLICATE_IN_FILE, field, message: `${what} ${others(r)} of the file.` }]);
      }
    }
    return out;
  }
}

/**
 * Patient imports (SPEC rule 19): one pipeline for CSV, FHIR and the partner upsert. A file is read
 * and checked into a dry run (nothing written to patients), confirmed, then written chunk by chunk
 * by ImportJobRunner; upsertPatients decides and writes its ≤1,000 rows at once with the same steps.
 */
export class ImportService {
  /** Set by the runner: a confirmed import is picked up at once. */
  onJobQueued: () => void = () => undefined;

  constructor(private readonly bulkJobs: BulkJobService) {}

  /** Reads a file into a dry run: every row checked and decided against the organization, nothing written to patients. */
  async analyze(scope: OrgScope, input: AnalyzeInput): Promise<ImportJob> {
    const text = decodeFile(input.buffer).text;
    const source = sourceOf(text);
    let rows: AsyncIterable<{ rowNumber: number; raw: RawPatient }> | Iterable<{ rowNumber: number; raw: RawPatient }>;
    let columns: ImportJob["columns"] = [];
    let preview: string[][] = [];
    let dateOrder = input.dateOrder ?? null;
    if (source === ImportSource.CSV) {
      const shape = await shapeOfCsv(text, input.mapping, dateOrder);
      columns = shape.headers.map((header, i) => ({ header, field: shape.fields[i] }));
      preview = shape.preview;
      dateOrder = shape.dateOrder;
      rows = csvRows(text, shape.fields);
    } else {
      rows = fhirRows(text);
    }
    const { actor } = scope;
    const job = await scope.transaction((tx) =>
      tx.create(ImportJob, {
        source,
        fileName: input.fileName?.slice(0, 255) ?? null,
        state: ImportJobState.PREVIEW,
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label?.slice(0, 255) ?? null,
        requestedByStaffId: actor.staffId,
        options: { dateOrder, mapping: input.mapping ?? null },
        columns,
        preview,
      }),
    );
    try {
      const dups = new DuplicateTracker();
      let batch: CheckedRow[] = [];
      let total = 0;
      const flush = async () => {
        const chunk = batch;
        batch = [];
        await scope.transaction(async (tx) => {
          const ok = chunk.filter((r) => !r.problems.length);
          const facts = await readFacts(tx, ok.map((r) => r.data));
          await tx.insertMany(
            ImportJobRow,
            chunk.map((r) => {
              const d = r.problems.length ? null : decideRow(r.data, facts);
              return {
                jobId: job.id,
                rowNumber: r.rowNumber,
                externalId: r.data.externalId ?? null,
                mrn: r.data.mrn ?? null,
                firstName: r.data.firstName?.slice(0, 100) ?? null,
                lastName: r.data.lastName?.slice(0, 100) ?? null,
                plan: d ? d.plan : ImportRowPlan.REFUSE,
                outcome: ImportRowOutcome.PENDING,
                patientId: d?.patient?.id ?? null,
                data: r.problems.length ? null : r.data,
                problems: d ? d.problems : r.problems,
                notes: d ? d.notes : [],
              };
            }),
          );
        });
      };
      for await (const { rowNumber, raw } of rows) {
        const checked = checkRow(rowNumber, raw, dateOrder);
        if (!checked.problems.length) dups.add(rowNumber, checked.data);
        batch.push(checked);
        total++;
        if (batch.length >= IMPORT_CHUNK) await flush();
      }
      if (batch.length) await flush();
      const duplicates = dups.problems();
      await scope.transaction(async (tx) => {
        // Every row of a duplicated key is refused: which one is right is for the clinic to say.
        const numbers = [...duplicates.keys()];
        for (let i = 0; i < numbers.length; i += IMPORT_CHUNK) {
          const part = numbers.slice(i, i + IMPORT_CHUNK);
          const dupRows = await tx.find(ImportJobRow, { where: { jobId: job.id, rowNumber: In(part) }, select: { id: true, rowNumber: true } });
          for (const r of dupRows) await tx.update(ImportJobRow, { id: r.id }, { plan: ImportRowPlan.REFUSE, problems: duplicates.get(r.rowNumber)! } as never);
        }
        const counts = await this.planCounts(tx, job.id);
        const matched = await tx.qb(ImportJobRow, "r").select("COUNT(DISTINCT r.patientId)", "n").andWhere("r.jobId = :jobId AND r.patientId IS NOT NULL", { jobId: job.id }).getRawOne<{ n: string }>();
        const patients = await tx.count(Patient);
        Object.assign(job, {
          total,
          toCreate: counts.get(ImportRowPlan.CREATE) ?? 0,
          toUpdate: counts.get(ImportRowPlan.UPDATE) ?? 0,
          toLeave: counts.get(ImportRowPlan.UNCHANGED) ?? 0,
          toRefuse: counts.get(ImportRowPlan.REFUSE) ?? 0,
          duplicates: duplicates.size,
          missing: Math.max(0, patients - Number(matched?.n ?? 0)),
        });
        await tx.update(ImportJob, { id: job.id }, { total: job.total, toCreate: job.toCreate, toUpdate: job.toUpdate, toLeave: job.toLeave, toRefuse: job.toRefuse, duplicates: job.duplicates, missing: job.missing });
        await audit(tx, { action: "import.dry_run", targetType: "ImportJob", targetId: job.id, after: { source, total, toCreate: job.toCreate, toUpdate: job.toUpdate, toRefuse: job.toRefuse } });
      });
      return job;
    } catch (err) {
      // A file refused half-way leaves no dry run behind.
      await scope.transaction(async (tx) => {
        await tx.delete(ImportJobRow, { jobId: job.id });
        await tx.delete(ImportJob, { id: job.id });
      });
      throw err;
    }
  }

  private async planCounts(tx: OrgScope, jobId: number): Promise<Map<string, number>> {
    const rows = await tx.qb(ImportJobRow, "r").select("r.plan", "plan").addSelect("COUNT(*)", "n").andWhere("r.jobId = :jobId", { jobId }).groupBy("r.plan").getRawMany<{ plan: string; n: string }>();
    return new Map(rows.map((r) => [r.plan, Number(r.n)]));
  }

  get(scope: OrgScope, id: number): Promise<ImportJob | null> {
    return scope.findOneBy(ImportJob, { id });
  }

  /** The organization's imports, newest first. */
  list(scope: OrgScope, first: number): Promise<ImportJob[]> {
    return scope.find(ImportJob, { order: { id: "DESC" }, take: first });
  }

  /** A page of an import's rows in file order, optionally of one plan. */
  async rows(scope: OrgScope, jobId: number, first: number, afterId: number, plan: ImportRowPlan | null) {
    const rows = await scope.find(ImportJobRow, { where: { jobId, id: MoreThan(afterId), ...(plan ? { plan } : {}) }, order: { id: "ASC" }, take: first + 1 });
    return { nodes: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** Rows of an import in pages, for the CSV report. */
  async *reportRows(scope: OrgScope, jobId: number, pageSize = 1000): AsyncGenerator<ImportJobRow[]> {
    let afterId = 0;
    for (;;) {
      const rows = await scope.find(ImportJobRow, { where: { jobId, id: MoreThan(afterId) }, order: { id: "ASC" }, take: pageSize, select: { id: true, rowNumber: true, externalId: true, mrn: true, lastName: true, firstName: true, plan: true, outcome: true, patientId: true, problems: true, notes: true } });
      if (!rows.length) return;
      yield rows;
      afterId = rows[rows.length - 1].id;
    }
  }

  /**
   * Confirms a dry run: the job is queued for the runner. One confirmed import per organization at a
   * time (a unique slot), so two imports never write the same patients at once.
   */
  async confirm(scope: OrgScope, id: number, options: Pick<ImportOptions, "enablePortalAccess" | "sendInvite">): Promise<{ job: ImportJob }> {
    const job = await scope.transaction(async (tx) => {
      const job = (await tx.findOneForUpdate(ImportJob, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Import not found.", "id");
      if (job.state !== ImportJobState.PREVIEW) fail(UserErrorCode.IMPORT_NOT_CONFIRMABLE, "This import was already confirmed.", "id");
      const running = await tx.findOneBy(ImportJob, { activeSlot: 1 });
      if (running) fail(UserErrorCode.IMPORT_ALREADY_RUNNING, `Import ${running.id} of this organization is still running; confirm this one when it is done.`, "id");
      const refused = job.toRefuse;
      try {
        await tx.update(ImportJob, { id, state: ImportJobState.PREVIEW }, {
          state: ImportJobState.QUEUED,
          activeSlot: 1,
          confirmedAt: new Date(),
          options: { ...job.options, enablePortalAccess: Boolean(options.enablePortalAccess), sendInvite: Boolean(options.enablePortalAccess && options.sendInvite) },
          processed: refused,
          refused,
        } as never);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.IMPORT_ALREADY_RUNNING, "Another import of this organization is still running.", "id");
        throw err;
      }
      // Refused rows are reported as they are; the job writes only the others.
      await tx.update(ImportJobRow, { jobId: id, plan: ImportRowPlan.REFUSE }, { outcome: ImportRowOutcome.REFUSED, processedAt: new Date() });
      await audit(tx, { action: "import.confirmed", targetType: "ImportJob", targetId: id, after: { total: job.total, enablePortalAccess: Boolean(options.enablePortalAccess), sendInvite: Boolean(options.sendInvite) } });
      return (await tx.findOneBy(ImportJob, { id }))!;
    });
    this.onJobQueued();
    return { job };
  }

  /**
   * Writes one chunk of a confirmed import: the rows' facts are read again (the organization may have
   * changed since the dry run), each row decided and the chunk written set-based; outcomes and the
   * job's counters commit in the same transaction.
   */
  async processChunk(tx: OrgScope, job: ImportJob, rows: ImportJobRow[], runnerId: string): Promise<void> {
    const facts = await readFacts(tx, rows.map((r) => r.data!));
    const decisions = rows.map((r) => decideRow(r.data!, facts));
    const written = await writeDecisions(tx, decisions, { importJobId: job.id });
    const now = new Date();
    const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
    const byOutcome = new Map<ImportRowOutcome, number[]>();
    const patientIds: { id: number; values: Record<string, unknown> }[] = [];
    for (let i = 0; i < rows.length; i++) {
      const d = decisions[i];
      const outcome =
        d.plan === ImportRowPlan.REFUSE ? ImportRowOutcome.REFUSED : d.plan === ImportRowPlan.CREATE ? ImportRowOutcome.CREATED : d.plan === ImportRowPlan.UPDATE ? ImportRowOutcome.UPDATED : ImportRowOutcome.UNCHANGED;
      counts[outcome === ImportRowOutcome.CREATED ? "created" : outcome === ImportRowOutcome.UPDATED ? "updated" : outcome === ImportRowOutcome.REFUSED ? "refused" : "unchanged"]++;
      byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), rows[i].id]);
      const patientId = written[i]?.patientId ?? null;
      if (patientId && patientId !== rows[i].patientId) patientIds.push({ id: rows[i].id, values: { patientId } });
      // Rare: what changed since the dry run, or what was reported and not applied.
      if (d.plan !== rows[i].plan || d.problems.length || d.notes.length) await tx.update(ImportJobRow, { id: rows[i].id }, { problems: d.problems, notes: d.notes } as never);
    }
    // A few statements per chunk whatever its size: one per outcome, one for the new patients' ids.
    for (const [outcome, ids] of byOutcome) await tx.update(ImportJobRow, { id: In(ids) } as never, { outcome, processedAt: now } as never);
    await updateByIds(tx, "import_job_rows", patientIds);
    await tx.query(
      "UPDATE import_jobs SET processed = processed + ?, created = created + ?, updated = updated + ?, unchanged = unchanged + ?, refused = refused + ?, heartbeatAt = ? WHERE id = ? AND organizationId = ? AND runnerId = ?",
      [rows.length, counts.created, counts.updated, counts.unchanged, counts.refused, tx.toDatabaseValue(ImportJob, "heartbeatAt", now), job.id, tx.organizationId, runnerId],
    );
  }

  /** After the last chunk: hands the created patients to bulk onboarding when asked (enable, and invite). */
  async finish(scope: OrgScope, job: ImportJob): Promise<void> {
    if (!job.options.enablePortalAccess) return;
    let afterId = 0;
    const bulkJobIds: number[] = [];
    for (;;) {
      const rows = await scope.find(ImportJobRow, { where: { jobId: job.id, outcome: ImportRowOutcome.CREATED, id: MoreThan(afterId) }, order: { id: "ASC" }, take: MAX_BULK_IDS, select: { id: true, patientId: true } });
      if (!rows.length) break;
      afterId = rows[rows.length - 1].id;
      const { job: bulk } = await this.bulkJobs.create(scope, BulkJobKind.ENABLE_PORTAL_ACCESS, { patientIds: rows.map((r) => r.patientId!), sendInvite: Boolean(job.options.sendInvite) });
      bulkJobIds.push(bulk.id);
    }
    if (bulkJobIds.length) await scope.update(ImportJob, { id: job.id }, { bulkJobId: bulkJobIds[0], options: { ...job.options, bulkJobIds } } as never);
  }

  /** The scope a background job acts in: the organization, as the person or key who confirmed it. */
  scopeFor(dataSource: OrgScope["dataSource"], job: ImportJob): OrgScope {
    return OrgScope.open(dataSource, job.organizationId, {
      type: job.actorType as ActorType,
      id: job.actorId,
      label: job.actorLabel,
      staffId: job.requestedByStaffId,
      ip: null,
      requestId: `import-${job.id}`,
    });
  }

  /**
   * upsertPatients: up to 1,000 patients keyed by external id (or MRN), checked like single creates,
   * decided and written in one transaction; one result per row. Re-sending the same rows writes nothing.
   */
  async upsert(scope: OrgScope, patients: RawPatient[]): Promise<UpsertResult[]> {
    if (patients.length > MAX_UPSERT) fail(UserErrorCode.INVALID_INPUT, `At most ${MAX_UPSERT} patients per call.`, "patients");
    const checked = patients.map((raw, i) => {
      const dob = raw.dateOfBirth?.trim();
      const row = checkRow(i + 1, raw, ImportDateOrder.DAY_MONTH);
      // The API speaks ISO dates only; a local format is a file's habit.
      if (dob && !/^\d{4}-\d{2}-\d{2}$/.test(dob)) row.problems.push({ code: UserErrorCode.INVALID_INPUT, field: "dateOfBirth", message: "Dates are YYYY-MM-DD." });
      return row;
    });
    const dups = new DuplicateTracker();
    checked.filter((r) => !r.problems.length).forEach((r) => dups.add(r.rowNumber, r.data));
    for (const [rowNumber, problems] of dups.problems()) checked[rowNumber - 1].problems.push(...problems);
    return scope.transaction(async (tx) => {
      const ok = checked.filter((r) => !r.problems.length);
      const facts = await readFacts(tx, ok.map((r) => r.data));
      const decisions = ok.map((r) => decideRow(r.data, facts));
      const written = await writeDecisions(tx, decisions);
      const results: UpsertResult[] = checked.map((r) => ({ index: r.rowNumber - 1, outcome: ImportRowOutcome.REFUSED, patientId: null, problems: r.problems, notes: [] }));
      ok.forEach((r, i) => {
        const d = decisions[i];
        results[r.rowNumber - 1] = {
          index: r.rowNumber - 1,
          outcome: d.plan === ImportRowPlan.REFUSE ? ImportRowOutcome.REFUSED : d.plan === ImportRowPlan.CREATE ? ImportRowOutcome.CREATED : d.plan === ImportRowPlan.UPDATE ? ImportRowOutcome.UPDATED : ImportRowOutcome.UNCHANGED,
          patientId: written[i]?.patientId ?? d.patient?.id ?? null,
          problems: d.problems,
          notes: d.notes,
        };
      });
      return results;
    });
  }

  /** patientByExternalId. */
  byExternalId(scope: OrgScope, externalId: string): Promise<Patient | null> {
    return scope.findOneBy(Patient, { externalId: externalId.trim() });
  }
}

export { ImportFileError };
