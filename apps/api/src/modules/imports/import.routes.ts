import busboy from "@fastify/busboy";
import { stringify } from "csv-stringify";
import { type Request, type Response, Router } from "express";
import { ActorType, spreadsheetSafe, UserErrorCode } from "@portal/schema";
import { decide } from "../../auth/enforce-policy";
import { OPERATIONS } from "../../auth/policy";
import { loadPrincipals } from "../../auth/principal";
import { clientIp } from "../../auth/staff-auth.routes";
import { OrgScope } from "../../db/org-scope";
import { UserFacingError } from "../../graphql/user-error";
import type { Services } from "../../services";
import { ImportFileError, MAX_IMPORT_BYTES } from "./import-file";
import { ImportDateOrder, ImportJob } from "./import-job.entity";

/** The multipart upload: the file's bytes (at most MAX_IMPORT_BYTES) and the form's text fields. */
function readUpload(req: Request): Promise<{ buffer: Buffer; fileName: string | null; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: req.headers as never, limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 100_000 } });
    } catch {
      reject(new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "Send the file as multipart/form-data in the field `file`.", 400));
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName: string | null = null;
    let gotFile = false;
    let tooLarge = false;
    parser.on("field", (name: string, value: string) => (fields[name] = value));
    parser.on("file", (name: string, stream: NodeJS.ReadableStream & { truncated?: boolean }, filename: string) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      gotFile = true;
      fileName = filename || null;
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("limit", () => (tooLarge = true));
    });
    parser.on("error", () => reject(new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "The upload could not be read.", 400)));
    parser.on("finish", () => {
      if (tooLarge) reject(tooLargeError());
      else if (!gotFile) reject(new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "No file was sent (multipart field `file`).", 400));
      else resolve({ buffer: Buffer.concat(chunks), fileName, fields });
    });
    req.pipe(parser);
  });
}

const tooLargeError = () =>
  new ImportFileError(UserErrorCode.IMPORT_FILE_TOO_LARGE, `A file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several imports.`, 413, { maxBytes: MAX_IMPORT_BYTES });

/**
 * POST /imports/patients (multipart, field `file`; `?dryRun=true` stops at the dry run) answers the
 * import's id and its dry-run counts; GET /imports/<id>/results.csv streams its per-row report.
 * Who may call them is the access policy's rule of the matching GraphQL operation.
 */
export function importRoutes(services: Services): Router {
  const router = Router();

  async function staffScope(req: Request, res: Response, operation: string): Promise<OrgScope | null> {
    const { staff } = await loadPrincipals(req, services.dataSource, services.sessions);
    const decision = decide(OPERATIONS[operation], { staff: staff?.permissions ?? null, keyScopes: null, portal: false });
    if (!staff || decision === "unauthenticated") {
      res.status(401).json({ error: "UNAUTHENTICATED", message: "You must sign in." });
      return null;
    }
    if (decision !== "allow") {
      res.status(403).json({ error: "FORBIDDEN", message: "You do not have permission to do this." });
      return null;
    }
    return OrgScope.open(services.dataSource, staff.organizationId, {
      type: ActorType.STAFF,
      id: String(staff.user.id),
      label: staff.user.email,
      staffId: staff.user.id,
      ip: clientIp(req) ?? null,
      requestId: String(req.id ?? ""),
    });
  }

  router.post("/imports/patients", async (req, res, next) => {
    try {
      // A custom header: a cross-site form cannot send it, so a session cookie alone never imports (CSRF).
      if (!req.headers["x-portal-import"]) {
        res.status(400).json({ error: "BAD_REQUEST", message: "Send the header x-portal-import: 1." });
        return;
      }
      const scope = await staffScope(req, res, "Mutation.confirmPatientImport");
      if (!scope) return;
      // Refused before reading a byte when the client says how big it is.
      if (Number(req.headers["content-length"] ?? 0) > MAX_IMPORT_BYTES + 1024 * 1024) throw tooLargeError();
      const upload = await readUpload(req);
      let mapping: Record<string, string> | null = null;
      if (upload.fields.mapping) {
        try {
          const parsed = JSON.parse(upload.fields.mapping) as unknown;
          if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) throw new Error("shape");
          mapping = parsed as Record<string, string>;
        } catch {
          throw new ImportFileError(UserErrorCode.INVALID_INPUT, "mapping must be a JSON object of header → field.", 400);
        }
      }
      const dateOrderText = upload.fields.dateOrder;
      if (dateOrderText && !(dateOrderText in ImportDateOrder)) throw new ImportFileError(UserErrorCode.INVALID_INPUT, "dateOrder is DAY_MONTH or MONTH_DAY.", 400);
      let job = await services.imports.analyze(scope, { buffer: upload.buffer, fileName: upload.fileName, mapping, dateOrder: (dateOrderText as ImportDateOrder) || null });
      if (req.query.dryRun !== "true") {
        ({ job } = await services.imports.confirm(scope, job.id, { enablePortalAccess: upload.fields.enablePortalAccess === "true", sendInvite: upload.fields.sendInvite === "true" }));
      }
      res.status(201).json(summary(job));
    } catch (err) {
      if (err instanceof ImportFileError) {
        // The rest of a refused upload is not read: the connection closes after the answer.
        res.setHeader("connection", "close");
        res.status(err.status).json({ error: err.code, message: err.message, ...err.details });
        return;
      }
      if (err instanceof UserFacingError) {
        res.status(409).json({ error: err.code, message: err.message });
        return;
      }
      next(err);
    }
  });

  router.get("/imports/:id/results.csv", async (req, res, next) => {
    try {
      const scope = await staffScope(req, res, "Query.importJob");
      if (!scope) return;
      const id = String(req.params.id);
      const job = /^\d{1,10}$/.test(id) ? await scope.findOneBy(ImportJob, { id: Number(id) }) : null;
      if (!job) {
        res.status(404).json({ error: "NOT_FOUND", message: "Import not found." });
        return;
      }
      res.setHeader("content-type", "text/csv; charset=utf-8");
      res.setHeader("content-disposition", `attachment; filename="import-${job.id}.csv"`);
      res.setHeader("cache-control", "no-store");
      const csv = stringify({ header: true, columns: ["row", "externalId", "mrn", "lastName", "firstName", "plan", "outcome", "patientId", "problems", "notes"] });
      csv.pipe(res);
      const text = (list: { field: string | null; message: string; code: string }[] | null) => (list ?? []).map((p) => `${p.field ? `${p.field}: ` : ""}${p.code} ${p.message}`).join(" | ");
      for await (const rows of services.imports.reportRows(scope, job.id)) {
        for (const r of rows) {
          // Cells come from the file: a formula there must stay text in the clinic's spreadsheet.
          const ok = csv.write([r.rowNumber, r.externalId, r.mrn, r.lastName, r.firstName, r.plan, r.outcome, r.patientId, text(r.problems), text(r.notes)].map(spreadsheetSafe));
          if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
        }
      }
      csv.end();
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/** The answer of POST /imports/patients: the job's id and counts. */
export function summary(job: ImportJob) {
  return {
    id: String(job.id),
    state: job.state,
    source: job.source,
    total: job.total,
    toCreate: job.toCreate,
    toUpdate: job.toUpdate,
    toLeave: job.toLeave,
    toRefuse: job.toRefuse,
    duplicates: job.duplicates,
    missing: job.missing,
  };
}
