import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { UserErrorCode } from "@portal/schema";
import { UserFacingError } from "../../graphql/user-error";
import { type ImportDateOrder, ImportSource } from "./import-job.entity";
import { dateOrderHint, type ImportField, mapColumns, missingColumns, type RawPatient } from "./import-row";

/** Largest file accepted (a clinic's export of 100,000 patients with contacts is about 20 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Most rows one import holds: beyond it the file is refused before anything is read into the database. */
export const MAX_IMPORT_ROWS = 200_000;

/** A whole file refused, with what the admin needs to fix it (headers to map, the date order to choose). */
export class ImportFileError extends UserFacingError {
  constructor(
    code: UserErrorCode,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code, message, "file");
  }
}

/**
 * The file's text: UTF-8 (with or without BOM), else Windows-1252 as Excel saves CSV on Windows.
 * Binary files (NUL bytes, an .xlsx zip) are refused rather than read as garbage.
 */
export function decodeFile(buffer: Buffer): { text: string; encoding: "utf-8" | "windows-1252" } {
  if (buffer.length === 0) throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "The file is empty.", 400);
  const head = buffer.subarray(0, 8192);
  if (head.includes(0) || head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "This is not a text file. Save the spreadsheet as CSV (UTF-8 or Windows) or export FHIR NDJSON.", 415);
  }
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(start)), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Excel's "CSV" on Windows writes Windows-1252. Control characters it cannot hold mean neither.
    const text = iconv.decode(buffer, "windows-1252");
    // eslint-disable-next-line no-control-regex -- control characters are exactly what tells a wrong encoding
    if (/[\u0000-\u0008\u000e-\u001f\u007f\u0080-\u009f\ufffd]/.test(text)) {
      throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "The file's characters are neither UTF-8 nor Windows-1252. Save it again as CSV UTF-8.", 415);
    }
    return { text, encoding: "windows-1252" };
  }
}

/** CSV or FHIR (NDJSON or a Bundle), from the first character. */
export function sourceOf(text: string): ImportSource {
  return /^\s*\{/.test(text) ? ImportSource.FHIR : ImportSource.CSV;
}

/** `,` or `;` (French Excel) or tab, from the header line. */
export function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ",";
}

export interface CsvShape {
  headers: string[];
  fields: (ImportField | null)[];
  preview: string[][];
  rows: number;
  dateOrder: ImportDateOrder | null;
}

function csvRecords(text: string) {
  return parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 1_000_000 });
}

const csvError = (err: unknown) =>
  new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, `The CSV could not be read${(err as { lines?: number }).lines ? ` near line ${(err as { lines: number }).lines}` : ""}: check its quotes.`, 400);

/**
 * The first pass over a CSV: headers, their fields, the first rows, the row count (refused above the
 * limit) and the date order, so that a file is refused or asked about before anything is written.
 */
export async function shapeOfCsv(text: string, mapping: Record<string, string> | null | undefined, dateOrder: ImportDateOrder | null): Promise<CsvShape> {
  let headers: string[] | null = null;
  let fields: (ImportField | null)[] = [];
  const preview: string[][] = [];
  let rows = 0;
  let dobIndex = -1;
  let hint: ImportDateOrder | null = null;
  let ambiguous: string | null = null;
  try {
    for await (const record of csvRecords(text) as AsyncIterable<string[]>) {
      if (!headers) {
        headers = record.map((h) => h.trim());
        fields = mapColumns(headers, mapping);
        dobIndex = fields.indexOf("dateOfBirth");
        continue;
      }
      rows++;
      if (rows > MAX_IMPORT_ROWS) {
        throw new ImportFileError(UserErrorCode.IMPORT_TOO_MANY_ROWS, `An import holds at most ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split the file.`, 413, { maxRows: MAX_IMPORT_ROWS });
      }
      if (preview.length < 5) preview.push(record.map((c) => c.slice(0, 200)));
      if (dobIndex >= 0 && !dateOrder && record[dobIndex]) {
        const h = dateOrderHint(record[dobIndex]);
        if (h === "AMBIGUOUS") ambiguous ??= record[dobIndex].trim();
        else if (h && !hint) hint = h;
      }
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw csvError(err);
  }
  if (!headers) throw new ImportFileError(UserErrorCode.IMPORT_UNREADABLE_FILE, "The file has no header row.", 400);
  const missing = missingColumns(fields);
  if (missing.length) {
    throw new ImportFileError(UserErrorCode.IMPORT_MISSING_COLUMN, `Columns needed: ${missing.join(", ")}. Map the file's columns to them.`, 422, { missing, headers, fields, preview });
  }
  if (!dateOrder && !hint && ambiguous) {
    throw new ImportFileError(UserErrorCode.IMPORT_DATE_ORDER_NEEDED, `Is ${ambiguous} day/month or month/day? Choose once for the file.`, 422, { sample: ambiguous, headers, fields, preview });
  }
  return { headers, fields, preview, rows, dateOrder: dateOrder ?? hint };
}

/** The second pass: each data row as raw text by field (one contact per row), numbered from 1. */
export async function* csvRows(text: string, fields: (ImportField | null)[]): AsyncGenerator<{ rowNumber: number; raw: RawPatient }> {
  let rowNumber = -1;
  try {
    for await (const record of csvRecords(text) as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber === 0) continue;
      const raw: RawPatient = {};
      const contact: Record<string, string> = {};
      fields.forEach((field, i) => {
        if (!field || record[i] === undefined) return;
        if (field.startsWith("contact.")) contact[field.slice(8)] = record[i];
        else (raw as Record<string, string>)[field] = record[i];
      });
      if (Object.keys(contact).length) raw.contacts = [contact];
      yield { rowNumber, raw };
    }
  } catch (err) {
    throw csvError(err);
  }
}
