import type { DataSource } from "typeorm";
import { AccessType, ContactRelationship, Language, PortalPermission, StaffPermission, normalizeEmail } from "@portal/schema";
import { hashPassword } from "../auth/passwords";
import { SessionService } from "../auth/session.service";
import { AccessChanges } from "../core/access-change";
import { EmailQueue } from "../email/email-queue";
import { SecretBox } from "../email/secret-box";
import { recordingEvents } from "../events/publish";
import { Organization } from "../modules/organizations/organization.entity";
import { Contact } from "../modules/patients/contact.entity";
import { Patient } from "../modules/patients/patient.entity";
import { recountPatientStatuses } from "../modules/patients/patient-counters";
import { PortalAccount } from "../modules/portal-access/portal-account.entity";
import { PortalAccessService } from "../modules/portal-access/portal-access.service";
import { refreshPortalStatus } from "../modules/portal-access/portal-status";
import { PortalRole } from "../modules/portal-roles/portal-role.entity";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { systemScope } from "./org-scope";

export const DEMO_PASSWORD = "demo-password";

const FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Chloé", "Louis", "Zoé", "Gabriel", "Sofia", "Hugo", "Amelia", "Jules", "Nora", "Adam", "Léa", "Mason", "Isla", "Arthur", "Maya", "Theo"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Wilson", "Taylor", "Anderson", "Lee", "Walker", "Young"];

export async function isEmptyDatabase(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Organization).count()) === 0;
}

/** Creates an organization's starting roles: what every new clinic needs before its first patient. */
export async function createOrganizationWithDefaults(dataSource: DataSource, name: string) {
  const org = await dataSource.getRepository(Organization).save({ name });
  const roles = dataSource.getRepository(PortalRole);
  const all = Object.values(PortalPermission);
  const patientRole = await roles.save({ organizationId: org.id, name: "Patient", permissions: all, accessTypes: [AccessType.SELF] });
  const family = await roles.save({
    organizationId: org.id,
    name: "Family",
    permissions: [PortalPermission.VIEW_DEMOGRAPHICS, PortalPermission.VIEW_APPOINTMENTS, PortalPermission.REQUEST_APPOINTMENTS],
    accessTypes: [AccessType.PROXY],
  });
  const physician = await roles.save({
    organizationId: org.id,
    name: "Physician",
    permissions: [PortalPermission.VIEW_DEMOGRAPHICS, PortalPermission.VIEW_APPOINTMENTS, PortalPermission.VIEW_DOCUMENTS],
    accessTypes: [AccessType.PROXY],
  });
  const representative = await roles.save({ organizationId: org.id, name: "Authorized representative", permissions: all, accessTypes: [AccessType.SELF, AccessType.PROXY] });
  org.defaultPortalRoleId = patientRole.id;
  await dataSource.getRepository(Organization).save(org);
  const staffRoles = dataSource.getRepository(StaffRole);
  // Every permission but the dev mailbox's, which only the demo administrator gets (it holds working links).
  const permissions = Object.values(StaffPermission).filter((p) => p !== StaffPermission.VIEW_DEV_MAILBOX);
  const admin = await staffRoles.save({ organizationId: org.id, name: "Administrator", permissions });
  return { org, portalRoles: { patientRole, family, physician, representative }, adminRole: admin };
}

/**
 * The demo organization of SPEC.md: four staff users (password "demo-password"), the usual portal
 * roles, and a few hundred patients in every status, some without email or date of birth, some
 * French-speaking, contacts with proxy access, and a parent holding access to several children.
 * For trying the product only; never created on a DATABASE_URL database unless asked for.
 */
export async function createDemoData(dataSource: DataSource, patientCount = 300) {
  const { org, portalRoles } = await createOrganizationWithDefaults(dataSource, "Demo Clinic");
  const staffRoles = dataSource.getRepository(StaffRole);
  const adminRole = await staffRoles.findOneByOrFail({ organizationId: org.id, name: "Administrator" });
  adminRole.permissions = Object.values(StaffPermission);
  await staffRoles.save(adminRole);
  const frontDesk = await staffRoles.save({ organizationId: org.id, name: "Front desk", permissions: [StaffPermission.VIEW_PATIENTS, StaffPermission.EDIT_PATIENTS, StaffPermission.MANAGE_PORTAL_ACCESS] });
  const clinician = await staffRoles.save({ organizationId: org.id, name: "Clinician", permissions: [StaffPermission.VIEW_PATIENTS, StaffPermission.MANAGE_PORTAL_ACCESS] });
  const billing = await staffRoles.save({ organizationId: org.id, name: "Billing", permissions: [StaffPermission.VIEW_PATIENTS] });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff: [string, string, number, Language][] = [
    ["admin@demo.clinic", "Alex Admin", adminRole.id, Language.EN],
    ["frontdesk@demo.clinic", "Fran Frontdesk", frontDesk.id, Language.EN],
    ["clinician@demo.clinic", "Dr. Claire Clinicienne", clinician.id, Language.FR],
    ["billing@demo.clinic", "Bill Billing", billing.id, Language.EN],
  ];
  await dataSource.getRepository(StaffUser).save(
    staff.map(([email, name, staffRoleId, language]) => ({ organizationId: org.id, email, emailNormalized: normalizeEmail(email), name, staffRoleId, passwordHash, language })),
  );

  const patients: Partial<Patient>[] = [];
  for (let i = 0; i < patientCount; i++) {
    const firstName = FIRST[i % FIRST.length];
    const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    const noEmail = i % 17 === 5;
    const noDob = i % 23 === 7;
    const email = noEmail ? null : `${firstName}.${lastName}.${i}@example.com`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    const year = 1940 + ((i * 13) % 80);
    patients.push({
      organizationId: org.id,
      mrn: `MRN-${String(100000 + i)}`,
      firstName,
      lastName,
      dateOfBirth: noDob ? null : `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      email,
      emailNormalized: email,
      language: i % 5 === 2 ? Language.FR : Language.EN,
    });
  }
  const saved = await dataSource.getRepository(Patient).save(patients, { chunk: 100 });

  const scope = systemScope(dataSource, org.id, "demo-data");
  // Demo access is enabled without invites: no email is queued, the events are recorded.
  const access = new PortalAccessService(new SessionService(dataSource, "demo", 1), new AccessChanges(new EmailQueue(new SecretBox("demo-data")), recordingEvents, ""));
  const accounts = dataSource.getRepository(PortalAccount);
  const now = Date.now();
  const day = 86_400_000;
  // Roughly: 40% red, 15% gray, 20% orange, 25% green.
  for (const [i, patient] of saved.entries()) {
    const bucket = i % 20;
    if (bucket < 8 || !patient.email) continue;
    const { account } = await access.enablePortalAccess(scope, { patientId: patient.id, portalRoleId: portalRoles.patientRole.id });
    if (bucket >= 11) account.lastInviteSentAt = new Date(now - ((i % 30) + 1) * day);
    if (bucket >= 15) {
      account.signedUpAt = new Date(account.lastInviteSentAt!.getTime() + day / 2);
      account.lastSignInAt = new Date(now - (i % 10) * day - 3600_000);
      account.passwordHash = passwordHash;
    }
    if (bucket === 19 && i % 40 === 19) account.disabled = true;
    await accounts.save(account);
    await refreshPortalStatus(scope, [patient.id]);
  }

  // Contacts: a mother and a physician on some records; the mother of three siblings holds proxy
  // access to all three through one account.
  const contacts = dataSource.getRepository(Contact);
  let proxies = 0;
  for (const [i, patient] of saved.entries()) {
    if (i % 9 !== 0) continue;
    const mother = await contacts.save({
      organizationId: org.id,
      patientId: patient.id,
      firstName: FIRST[(i + 3) % FIRST.length],
      lastName: patient.lastName,
      relationship: ContactRelationship.MOTHER,
      email: `parent.${i}@example.org`,
      emailNormalized: `parent.${i}@example.org`,
      language: patient.language,
    });
    await contacts.save({ organizationId: org.id, patientId: patient.id, firstName: "Paul", lastName: "Physician", relationship: ContactRelationship.PHYSICIAN, email: null, emailNormalized: null });
    if (i % 18 === 0) {
      await access.grantContactPortalAccess(scope, { contactId: mother.id, portalRoleId: portalRoles.family.id });
      proxies++;
    }
  }
  const siblings = saved.slice(-3);
  const parentEmail = "robin.parent@example.org";
  for (const [n, child] of siblings.entries()) {
    const contact = await contacts.save({
      organizationId: org.id,
      patientId: child.id,
      firstName: "Robin",
      lastName: child.lastName,
      relationship: ContactRelationship.GUARDIAN,
      email: parentEmail,
      emailNormalized: parentEmail,
      language: Language.EN,
    });
    await access.grantContactPortalAccess(scope, { contactId: contact.id, portalRoleId: portalRoles.family.id, linkExistingAccount: n > 0 });
    proxies++;
  }
  // The patients were inserted directly, not through PatientService.create.
  await recountPatientStatuses(dataSource.manager, org.id);
  return { organizationId: org.id, patients: saved.length, proxyGrants: proxies, staff: staff.map(([email]) => email) };
}
