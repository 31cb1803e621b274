import { UserErrorCode } from "@portal/schema";
import { ImportFileError, MAX_IMPORT_ROWS } from "./import-file";
import type { RawPatient } from "./import-row";

/* Only the parts of FHIR R4 Patient and RelatedPerson an import reads. */
interface FhirName { use?: string; family?: string; given?: string[]; text?: string }
interface FhirTelecom { system?: string; value?: string; rank?: number }
interface FhirCoding { system?: string; code?: string; display?: string }
interface FhirResource {
  resourceType?: string;
  id?: string;
  identifier?: { system?: string; value?: string; type?: { coding?: FhirCoding[]; text?: string } }[];
  name?: FhirName[];
  birthDate?: string;
  telecom?: FhirTelecom[];
  communication?: { language?: { coding?: FhirCoding[]; text?: string }; preferred?: boolean }[];
  patient?: { reference?: string };
  relationship?: { coding?: FhirCoding[]; text?: string }[];
  entry?: { resource?: FhirResource }[];
}

/** HL7 v3 RoleCode values of RelatedPerson.relationship, as the product's relationships. */
const ROLE_CODES: Record<string, string> = {
  MTH: "MOTHER", NMTH: "MOTHER", FTH: "FATHER", NFTH: "FATHER", PRN: "OTHER", GUARD: "GUARDIAN", GRD: "GUARDIAN",
  SPS: "SPOUSE", WIFE: "SPOUSE", HUSB: "SPOUSE", DOMPART: "SPOUSE", CHILD: "CHILD", SON: "CHILD", DAU: "CHILD",
  SIB: "SIBLING", BRO: "SIBLING", SIS: "SIBLING", POWATT: "AUTHORIZED_REPRESENTATIVE", HPOWATT: "AUTHORIZED_REPRESENTATIVE",
};

const nameOf = (names: FhirName[] | undefined) => {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  return { firstName: name?.given?.join(" ") ?? "", lastName: name?.family ?? "" };
};
const telecomOf = (telecom: FhirTelecom[] | undefined, system: string) =>
  [...(telecom ?? [])].filter((t) => t.system === system && t.value).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0]?.value;
const languageOf = (r: FhirResource) => {
  const c = r.communication?.find((x) => x.preferred) ?? r.communication?.[0];
  return c?.language?.coding?.[0]?.code ?? c?.language?.text;
};
const isMrn = (id: NonNullable<FhirResource["identifier"]>[number]) =>
  Boolean(id.type?.coding?.some((c) => c.code === "MR")) || /mrn|medical.?record/i.test(`${id.system ?? ""} ${id.type?.text ?? ""}`);

/**
 * Reads an NDJSON file of Patient and RelatedPerson resources (a bulk-data $export) or a Bundle:
 * Patient.id is the external id, its MR identifier the MRN, telecom the email, communication the
 * language; each RelatedPerson becomes a contact of the patient its `patient` reference names.
 */
export function fhirRows(text: string): { rowNumber: number; raw: RawPatient }[] {
  const resources: { line: number; resource: FhirResource }[] = [];
  const trimmed = text.trim();
  const parseJson = (json: string, line: number): FhirResource => {
    try {
      return JSON.parse(json) as FhirResource;
    } catch {
      throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, `Line ${line} is not JSON: a FHIR file is NDJSON (one resource per line) or a Bundle.`, 400, { line });
    }
  };
  const first = trimmed.startsWith("{") && !trimmed.includes("\n") ? parseJson(trimmed, 1) : null;
  const whole = first ?? (/^\{\s*"resourceType"\s*:\s*"Bundle"/.test(trimmed) ? parseJson(trimmed, 1) : null);
  if (whole?.resourceType === "Bundle") (whole.entry ?? []).forEach((e, i) => e.resource && resources.push({ line: i + 1, resource: e.resource }));
  else {
    const lines = text.split(/\r?\n/);
    lines.forEach((l, i) => l.trim() && resources.push({ line: i + 1, resource: parseJson(l, i + 1) }));
  }
  const patients = new Map<string, { rowNumber: number; raw: RawPatient }>();
  const out: { rowNumber: number; raw: RawPatient }[] = [];
  for (const { line, resource } of resources) {
    if (resource.resourceType !== "Patient") continue;
    const mrn = resource.identifier?.find(isMrn)?.value ?? resource.identifier?.[0]?.value;
    const row = {
      rowNumber: line,
      raw: {
        externalId: resource.id,
        mrn,
        ...nameOf(resource.name),
        dateOfBirth: resource.birthDate,
        email: telecomOf(resource.telecom, "email"),
        language: languageOf(resource)?.slice(0, 2),
        contacts: [],
      } as RawPatient,
    };
    if (out.length >= MAX_IMPORT_ROWS) throw new ImportFileError(UserErrorCode.IMPORT_TOO_MANY_ROWS, `An import holds at most ${MAX_IMPORT_ROWS.toLocaleString("en")} patients; split the file.`, 413, { maxRows: MAX_IMPORT_ROWS });
    out.push(row);
    if (resource.id) patients.set(resource.id, row);
  }
  for (const { resource } of resources) {
    if (resource.resourceType !== "RelatedPerson") continue;
    const patientId = resource.patient?.reference?.replace(/^Patient\//, "");
    const row = patientId ? patients.get(patientId) : undefined;
    if (!row) continue;
    const coding = resource.relationship?.[0]?.coding?.[0];
    row.raw.contacts!.push({
      externalId: resource.id,
      ...nameOf(resource.name),
      relationship: (coding?.code && ROLE_CODES[coding.code]) ?? coding?.display ?? resource.relationship?.[0]?.text ?? "OTHER",
      email: telecomOf(resource.telecom, "email"),
      phone: telecomOf(resource.telecom, "phone"),
      language: languageOf(resource)?.slice(0, 2),
    });
  }
  if (out.length === 0) throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "The FHIR file holds no Patient resource.", 400);
  return out;
}
