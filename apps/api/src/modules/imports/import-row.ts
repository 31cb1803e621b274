import { ContactRelationship, IMPORT_FIELDS, type ImportField, isIsoDate, Language, UserErrorCode } from "@portal/schema";
import { UserFacingError } from "../../graphql/user-error";
import { cleanPerson } from "../patients/patient.service";
import { ImportDateOrder, type ImportProblem } from "./import-job.entity";

/**
 * One patient as an import brings it, whatever the source (CSV row, FHIR Patient with its
 * RelatedPersons, an upsertPatients entry), checked and normalized. A field left out (undefined) is
 * left as it is on file: an import fills and corrects, it never clears nor deletes.
 */
export interface ImportPatientData {
  externalId?: string;
  mrn?: string;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  email?: string;
  language?: Language;
  contacts?: ImportContactData[];
}

export interface ImportContactData {
  externalId?: string;
  firstName?: string;
  lastName?: string;
  relationship?: ContactRelationship;
  email?: string;
  phone?: string;
  language?: Language;
}

/** A row after the checks: its data, or the reasons it is refused (one per field). */
export interface CheckedRow {
  rowNumber: number;
  data: ImportPatientData;
  problems: ImportProblem[];
}

// The fields a column can fill are shared with the admin's mapping screen (packages/schema).
export { IMPORT_FIELDS, type ImportField };

/** Headers clinics' exports use, in English and French, folded (lower case, no accents, letters and digits only). */
const HEADERS: Record<ImportField, string[]> = {
  externalId: ["externalid", "external id", "id externe", "identifiant externe", "patient id", "ehr id", "id dme"],
  mrn: ["mrn", "medical record number", "record number", "chart number", "no de dossier", "n de dossier", "numero de dossier", "dossier", "no dossier"],
  firstName: ["first name", "firstname", "given name", "prenom", "prenom du patient"],
  lastName: ["last name", "lastname", "family name", "surname", "nom", "nom de famille"],
  dateOfBirth: ["date of birth", "dob", "birth date", "birthdate", "date de naissance", "ddn", "naissance"],
  email: ["email", "e mail", "email address", "courriel", "adresse courriel", "adresse electronique", "mail"],
  language: ["language", "preferred language", "langue", "langue preferee"],
  "contact.externalId": ["contact id", "contact external id", "id du contact"],
  "contact.firstName": ["contact first name", "prenom du contact"],
  "contact.lastName": ["contact last name", "nom du contact"],
  "contact.relationship": ["contact relationship", "relationship", "lien", "lien du contact", "relation"],
  "contact.email": ["contact email", "courriel du contact"],
  "contact.phone": ["contact phone", "telephone du contact", "contact telephone"],
  "contact.language": ["contact language", "langue du contact"],
};

export const foldHeader = (h: string) =>
  h
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const HEADER_INDEX = new Map<string, ImportField>(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [foldHeader(n), field as ImportField])));

/**
 * Which field each column fills: the user's mapping first (header → field, or "" to ignore), then the
 * known English and French headers. Unknown columns are ignored and shown as such.
 */
export function mapColumns(headers: string[], mapping: Record<string, string> | null | undefined): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const chosen = mapping && Object.prototype.hasOwnProperty.call(mapping, header) ? mapping[header] : undefined;
    const field = chosen !== undefined ? ((IMPORT_FIELDS as readonly string[]).includes(chosen) ? (chosen as ImportField) : null) : (HEADER_INDEX.get(foldHeader(header)) ?? null);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** The columns a file needs: names, and a key (MRN or external id). Null when all are there. */
export function missingColumns(fields: (ImportField | null)[]): string[] {
  const has = new Set(fields);
  const missing: string[] = [];
  if (!has.has("firstName")) missing.push("firstName");
  if (!has.has("lastName")) missing.push("lastName");
  if (!has.has("mrn") && !has.has("externalId")) missing.push("mrn");
  return missing;
}

const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** What a file's day/month dates say about their order: a first part above 12 means day first, a second above 12 month first. */
export function dateOrderHint(value: string): ImportDateOrder | "AMBIGUOUS" | null {
  const m = SLASH_DATE.exec(value.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return ImportDateOrder.DAY_MONTH;
  if (b > 12 && a <= 12) return ImportDateOrder.MONTH_DAY;
  return a === b ? null : "AMBIGUOUS";
}

/** A date as clinics write it (ISO, or d/m/yyyy or m/d/yyyy in the file's order) as YYYY-MM-DD; null when it is no date. */
export function parseImportDate(value: string, order: ImportDateOrder | null): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(v);
  let y: string, mo: string, d: string;
  if (iso) [y, mo, d] = [iso[1], iso[2], iso[3]];
  else {
    const m = SLASH_DATE.exec(v);
    if (!m) return null;
    const monthFirst = order === ImportDateOrder.MONTH_DAY;
    [y, mo, d] = [m[3], monthFirst ? m[1] : m[2], monthFirst ? m[2] : m[1]];
  }
  const out = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isIsoDate(out) ? out : null;
}

/** A cell a spreadsheet would run as a formula (OWASP CSV injection): refused, never stored. */
// A leading + or - is a phone number or a negative number when a digit follows; anything else is a formula.
export const looksLikeFormula = (value: string) => /^[=@\t\r]/.test(value) || /^[+-](?![\d\s(.])/.test(value);

const LANGUAGES: Record<string, Language> = { en: Language.EN, english: Language.EN, anglais: Language.EN, eng: Language.EN, fr: Language.FR, french: Language.FR, francais: Language.FR, fra: Language.FR, fre: Language.FR };
const RELATIONSHIPS: Record<string, ContactRelationship> = {
  mother: ContactRelationship.MOTHER, mere: ContactRelationship.MOTHER, mth: ContactRelationship.MOTHER,
  father: ContactRelationship.FATHER, pere: ContactRelationship.FATHER, fth: ContactRelationship.FATHER,
  guardian: ContactRelationship.GUARDIAN, tuteur: ContactRelationship.GUARDIAN, tutrice: ContactRelationship.GUARDIAN, gardian: ContactRelationship.GUARDIAN,
  spouse: ContactRelationship.SPOUSE, conjoint: ContactRelationship.SPOUSE, conjointe: ContactRelationship.SPOUSE, spo: ContactRelationship.SPOUSE, wife: ContactRelationship.SPOUSE, husband: ContactRelationship.SPOUSE,
  child: ContactRelationship.CHILD, enfant: ContactRelationship.CHILD, chd: ContactRelationship.CHILD,
  sibling: ContactRelationship.SIBLING, frere: ContactRelationship.SIBLING, soeur: ContactRelationship.SIBLING, sib: ContactRelationship.SIBLING,
  physician: ContactRelationship.PHYSICIAN, medecin: ContactRelationship.PHYSICIAN, doctor: ContactRelationship.PHYSICIAN,
  "authorized representative": ContactRelationship.AUTHORIZED_REPRESENTATIVE, "representant autorise": ContactRelationship.AUTHORIZED_REPRESENTATIVE, "authorized_representative": ContactRelationship.AUTHORIZED_REPRESENTATIVE,
  other: ContactRelationship.OTHER, autre: ContactRelationship.OTHER,
};

export const languageOf = (v: string): Language | null => LANGUAGES[foldHeader(v).split(" ")[0]] ?? null;
export function relationshipOf(v: string): ContactRelationship | null {
  const folded = foldHeader(v);
  if (RELATIONSHIPS[folded]) return RELATIONSHIPS[folded];
  const upper = folded.toUpperCase().replace(/ /g, "_");
  return (Object.values(ContactRelationship) as string[]).includes(upper) ? (upper as ContactRelationship) : null;
}

/** Raw text values of one row by field (a CSV row after mapping, or a FHIR resource read). */
export type RawPatient = Partial<Record<Exclude<ImportField, `contact.${string}`>, string>> & { contacts?: Partial<Record<keyof ImportContactData, string>>[] };

/**
 * Checks one row with the same rules as createPatient / createContact (cleanPerson: names, email,
 * phone, date of birth), plus what only files bring: formula cells and local date formats.
 */
export function checkRow(rowNumber: number, raw: RawPatient, dateOrder: ImportDateOrder | null): CheckedRow {
  const problems: ImportProblem[] = [];
  const problem = (code: UserErrorCode, field: string, message: string) => problems.push({ code, field, message });
  const text = (value: string | undefined, field: string): string | undefined => {
    const v = value?.trim();
    if (!v) return undefined;
    if (looksLikeFormula(v)) {
      problem(UserErrorCode.FORMULA_NOT_ALLOWED, field, "This cell starts like a spreadsheet formula (=, +, -, @); it was not imported.");
      return undefined;
    }
    return v;
  };
  const data: ImportPatientData = {};
  const key = (v: string | undefined, field: "externalId" | "mrn") => {
    const t = text(v, field);
    if (t && t.length > 64) problem(UserErrorCode.INVALID_INPUT, field, "At most 64 characters.");
    else if (t) data[field] = t;
  };
  key(raw.externalId, "externalId");
  key(raw.mrn, "mrn");
  if (!data.externalId && !data.mrn && !problems.length) problem(UserErrorCode.INVALID_INPUT, "mrn", "The row has neither an MRN nor an external id.");
  const first = text(raw.firstName, "firstName");
  const last = text(raw.lastName, "lastName");
  const email = text(raw.email, "email");
  let dob: string | undefined;
  const dobText = text(raw.dateOfBirth, "dateOfBirth");
  if (dobText) {
    const parsed = parseImportDate(dobText, dateOrder);
    if (!parsed) problem(UserErrorCode.INVALID_INPUT, "dateOfBirth", `"${dobText.slice(0, 20)}" is not a date that exists.`);
    else dob = parsed;
  }
  const langText = text(raw.language, "language");
  if (langText) {
    const language = languageOf(langText);
    if (!language) problem(UserErrorCode.INVALID_INPUT, "language", "Language must be English or French (en, fr).");
    else data.language = language;
  }
  // The shared rule: names required and without markup, email and date of birth as a single create checks them.
  // Names may be left out for an update; a new patient without them is refused when decided.
  const person = collect(problems, "", () => cleanPerson({ ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}), ...(email ? { email } : {}), ...(dob ? { dateOfBirth: dob } : {}) }));
  if (person) {
    if (person.firstName) data.firstName = person.firstName;
    if (person.lastName) data.lastName = person.lastName;
    if (person.email) data.email = person.email;
    if (person.dateOfBirth) data.dateOfBirth = person.dateOfBirth;
  }
  const contacts: ImportContactData[] = [];
  for (const c of raw.contacts ?? []) {
    if (!Object.values(c).some((v) => v?.trim())) continue;
    const cFirst = text(c.firstName, "contact.firstName");
    const cLast = text(c.lastName, "contact.lastName");
    const cEmail = text(c.email, "contact.email");
    const cPhone = text(c.phone, "contact.phone");
    const cExt = text(c.externalId, "contact.externalId");
    const relText = text(c.relationship, "contact.relationship");
    const relationship = relText ? relationshipOf(relText) : ContactRelationship.OTHER;
    if (!relationship) problem(UserErrorCode.INVALID_INPUT, "contact.relationship", `"${relText!.slice(0, 30)}" is not a relationship (mother, father, guardian, spouse, child, sibling, physician, authorized representative, other).`);
    const cLangText = text(c.language, "contact.language");
    const cLanguage = cLangText ? languageOf(cLangText) : null;
    if (cLangText && !cLanguage) problem(UserErrorCode.INVALID_INPUT, "contact.language", "Language must be English or French (en, fr).");
    const checked = collect(problems, "contact.", () => cleanPerson({ firstName: cFirst ?? "", lastName: cLast ?? "", ...(cEmail ? { email: cEmail } : {}), ...(cPhone ? { phone: cPhone } : {}) }));
    if (checked && relationship) {
      contacts.push({
        ...(cExt ? { externalId: cExt.slice(0, 64) } : {}),
        firstName: checked.firstName,
        lastName: checked.lastName,
        relationship,
        ...(checked.email ? { email: checked.email } : {}),
        ...(checked.phone ? { phone: checked.phone } : {}),
        ...(cLanguage ? { language: cLanguage } : {}),
      });
    }
  }
  if (contacts.length) data.contacts = contacts;
  return { rowNumber, data, problems };
}

/** Runs a cleanPerson check and keeps its failure as the row's problem instead of throwing. */
function collect<T>(problems: ImportProblem[], prefix: string, check: () => T): T | null {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof UserFacingError)) throw err;
    problems.push({ code: err.code, field: err.field ? prefix + err.field : null, message: err.message });
    return null;
  }
}
