import crypto from "node:crypto";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { ContactRelationship, Language, normalizeEmail, StaffPermission } from "@portal/schema";
import { hashPassword } from "../src/auth/passwords";
import { createOrganizationWithDefaults } from "../src/db/demo-data";
import { Contact } from "../src/modules/patients/contact.entity";
import { Patient } from "../src/modules/patients/patient.entity";
import { CounterDeltas } from "../src/modules/patients/patient-counters";
import { StaffRole } from "../src/modules/staff/staff-role.entity";
import { StaffUser } from "../src/modules/staff/staff-user.entity";
import { TestClient } from "./test-app";

export const STAFF_PASSWORD = "correct horse battery staple";
let staffHash: Promise<string> | undefined;

/** Unique per call, so tests never collide on emails or MRNs, even on a shared database. */
export function unique(prefix = "x"): string {
  return `${prefix}${crypto.randomBytes(5).toString("hex")}`;
}

export function uniqueEmail(prefix = "user"): string {
  return `${unique(prefix)}@example.test`;
}

/** A fresh organization with the default portal roles (Patient, Family, Physician, Authorized representative). */
export async function buildOrg(dataSource: DataSource, name = unique("Clinic ")) {
  const { org, portalRoles, adminRole } = await createOrganizationWithDefaults(dataSource, name);
  return { org, roles: portalRoles, adminRole };
}

/** A staff user with exactly these permissions, signed in through POST /auth/login. */
export async function buildStaff(dataSource: DataSource, app: Express, organizationId: number, permissions: StaffPermission[]) {
  staffHash ??= hashPassword(STAFF_PASSWORD);
  const role = await dataSource.getRepository(StaffRole).save({ organizationId, name: unique("role "), permissions });
  const email = uniqueEmail("staff");
  const user = await dataSource.getRepository(StaffUser).save({
    organizationId,
    email,
    emailNormalized: normalizeEmail(email),
    name: "Test Staff",
    passwordHash: await staffHash,
    staffRoleId: role.id,
  });
  const client = await new TestClient(app).loginStaff(email, STAFF_PASSWORD);
  return { user, role, client };
}

export async function buildPatient(dataSource: DataSource, organizationId: number, overrides: Partial<Patient> = {}): Promise<Patient> {
  const email = overrides.email === undefined ? uniqueEmail("patient") : overrides.email;
  const patient = await dataSource.getRepository(Patient).save({
    organizationId,
    mrn: unique("MRN-"),
    firstName: "Pat",
    lastName: unique("Doe"),
    dateOfBirth: "1980-04-12",
    language: Language.EN,
    ...overrides,
    email,
    emailNormalized: email ? normalizeEmail(email) : null,
  });
  // As PatientService.create does: the grid's per-status counters include every patient.
  await new CounterDeltas().add(patient).apply(dataSource.manager, organizationId);
  return patient;
}

export async function buildContact(dataSource: DataSource, patient: Patient, overrides: Partial<Contact> = {}): Promise<Contact> {
  const email = overrides.email === undefined ? uniqueEmail("contact") : overrides.email;
  return dataSource.getRepository(Contact).save({
    organizationId: patient.organizationId,
    patientId: patient.id,
    firstName: "Casey",
    lastName: patient.lastName,
    relationship: ContactRelationship.MOTHER,
    language: Language.EN,
    ...overrides,
    email,
    emailNormalized: email ? normalizeEmail(email) : null,
  });
}

export const ALL_PERMISSIONS = Object.values(StaffPermission);
