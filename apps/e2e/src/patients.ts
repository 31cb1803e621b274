import type { StaffClient } from "./staff";

export interface InvitablePatient {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
  language: string;
}

const used = new Set<string>();

/** A demo patient without portal access who has an email and a date of birth on file (rule 8). */
export async function findInvitablePatient(staff: StaffClient, language: "en" | "fr" = "en"): Promise<InvitablePatient> {
  const data = await staff.gql<{ patients: { edges: { node: InvitablePatient & { email: string | null; dateOfBirth: string | null } }[] } }>(
    `query Invitable { patients(first: 200, filter: { portalStatus: [NO_ACCESS] }) { edges { node { id firstName lastName email dateOfBirth language } } } }`,
  );
  const patient = data.patients.edges
    .map((e) => e.node)
    .find((p) => p.email && p.dateOfBirth && p.language.toLowerCase() === language && !used.has(p.id));
  if (!patient) throw new Error(`no NO_ACCESS demo patient with email, date of birth and language ${language}`);
  used.add(patient.id);
  return patient as InvitablePatient;
}

/** Enables the patient's own access and sends the invite in one action, as the front desk would. */
export async function enableAndInvite(staff: StaffClient, patientId: string): Promise<void> {
  const data = await staff.gql<{ enablePortalAccess: { userErrors: { code: string; message: string }[] } }>(
    `mutation Enable($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code message } } }`,
    { input: { patientId, sendInvite: true } },
  );
  const errors = data.enablePortalAccess.userErrors;
  if (errors.length) throw new Error(`enablePortalAccess refused: ${JSON.stringify(errors)}`);
}

/** The day after `isoDate` (YYYY-MM-DD): a date of birth that is certainly wrong. */
export function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The patient's SELF account, as staff see it. */
export async function selfAccount(staff: StaffClient, patientId: string): Promise<{ id: string; lastSignInAt: string | null }> {
  const data = await staff.gql<{ patient: { portalStatus: string; portalAccess: { account: { id: string; lastSignInAt: string | null } } | null } }>(
    `query Self($id: ID!) { patient(id: $id) { portalStatus portalAccess { account { id lastSignInAt } } } }`,
    { id: patientId },
  );
  if (!data.patient.portalAccess) throw new Error(`patient ${patientId} has no SELF access`);
  return data.patient.portalAccess.account;
}

export async function patientStatus(staff: StaffClient, patientId: string): Promise<string> {
  const data = await staff.gql<{ patient: { portalStatus: string } }>(`query Status($id: ID!) { patient(id: $id) { portalStatus } }`, { id: patientId });
  return data.patient.portalStatus;
}
