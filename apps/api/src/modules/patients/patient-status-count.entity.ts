import { Column, Entity, PrimaryColumn } from "typeorm";
import type { PortalStatus } from "@portal/schema";

/**
 * How many patients of an organization are in each status, split by whether they have an email and
 * a date of birth on file (the grid's other unsearched filters). Kept in step in the same
 * transaction as every change of those facts, so the grid's unsearched totals never scan a million
 * rows. At most 16 rows per organization.
 */
@Entity("patient_status_counts")
export class PatientStatusCount {
  @PrimaryColumn({ type: "int" })
  organizationId: number;

  @PrimaryColumn({ type: "varchar", length: 16 })
  portalStatus: PortalStatus;

  @PrimaryColumn({ type: "boolean" })
  hasEmail: boolean;

  @PrimaryColumn({ type: "boolean" })
  hasDateOfBirth: boolean;

  @Column({ type: "int", default: 0 })
  count: number;
}
