// The bulk kind and row action of "remind all N matching", for services.ts to register.
export { BulkJobKind } from "@portal/schema";
export { BulkJobRowAction } from "../bulk/bulk-job.entity";
