import { foldSearchText } from "@portal/schema";
import { type EntitySubscriberInterface, EventSubscriber, type InsertEvent, type UpdateEvent } from "typeorm";
import { Patient } from "./patient.entity";

/** Sets the folded copies of whichever names a patient row being written carries. */
export function foldPatientNames(row: Partial<Patient> | undefined): void {
  if (!row) return;
  if (typeof row.firstName === "string") row.firstNameFolded = foldSearchText(row.firstName);
  if (typeof row.lastName === "string") row.lastNameFolded = foldSearchText(row.lastName);
}

/**
 * Keeps `firstNameFolded`/`lastNameFolded` in step with the names on every insert and update that
 * goes through TypeORM (PatientService, the demo data, test factories), plain objects included,
 * which entity listeners would miss. The search compares folded text so "cote" finds "Côté" on both
 * databases with a range scan of an index leading with the organization. Listed in the data source
 * (createDataSource); TypeORM loads only listed classes that carry @EventSubscriber.
 */
@EventSubscriber()
export class PatientSearchNamesSubscriber implements EntitySubscriberInterface<Patient> {
  listenTo() {
    return Patient;
  }

  beforeInsert(event: InsertEvent<Patient>): void {
    foldPatientNames(event.entity);
  }

  beforeUpdate(event: UpdateEvent<Patient>): void {
    foldPatientNames(event.entity as Partial<Patient> | undefined);
  }
}
