import { stringify } from "csv-stringify";
import { Router } from "express";
import { ActorType, spreadsheetSafe, StaffPermission } from "@portal/schema";
import { loadPrincipals } from "../../auth/principal";
import { OrgScope } from "../../db/org-scope";
import type { Services } from "../../services";
import { BulkJob } from "./bulk-job.entity";

/** GET /bulk-jobs/:id/results.csv: the per-row report of a bulk job, streamed. */
export function bulkJobRoutes(services: Services): Router {
  const router = Router();
  router.get("/bulk-jobs/:id/results.csv", async (req, res, next) => {
    try {
      const { staff } = await loadPrincipals(req, services.dataSource, services.sessions);
      if (!staff) {
        res.status(401).json({ error: "UNAUTHENTICATED", message: "You must sign in." });
        return;
      }
      if (!staff.permissions.has(StaffPermission.MANAGE_PORTAL_ACCESS)) {
        res.status(403).json({ error: "FORBIDDEN", message: "You do not have permission to do this." });
        return;
      }
      const id = String(req.params.id);
      const scope = OrgScope.open(services.dataSource, staff.organizationId, {
        type: ActorType.STAFF,
        id: String(staff.user.id),
        label: staff.user.email,
        staffId: staff.user.id,
        ip: null,
        requestId: String(req.id ?? ""),
      });
      const job = /^\d{1,10}$/.test(id) ? await scope.findOneBy(BulkJob, { id: Number(id) }) : null;
      if (!job) {
        res.status(404).json({ error: "NOT_FOUND", message: "Bulk job not found." });
        return;
      }
      res.setHeader("content-type", "text/csv; charset=utf-8");
      res.setHeader("content-disposition", `attachment; filename="bulk-job-${job.id}.csv"`);
      res.setHeader("cache-control", "no-store");
      const csv = stringify({ header: true, columns: ["patientId", "mrn", "lastName", "firstName", "email", "outcome", "action", "reason", "message", "processedAt"] });
      csv.pipe(res);
      for await (const rows of services.bulkJobs.reportRows(scope, job.id)) {
        for (const { item, patient } of rows) {
          const ok = csv.write([item.patientId, patient?.mrn, patient?.lastName, patient?.firstName, patient?.email, item.outcome, item.action, item.reason, item.message, item.processedAt].map(spreadsheetSafe));
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
