/**
 * The fields a column of an imported file can fill (SPEC rule 19), named as the API names them:
 * the admin's mapping screen offers exactly these, the API maps headers onto them. `contact.*`
 * fill the row's one contact.
 */
export const IMPORT_FIELDS = [
  "externalId",
  "mrn",
  "firstName",
  "lastName",
  "dateOfBirth",
  "email",
  "language",
  "contact.externalId",
  "contact.firstName",
  "contact.lastName",
  "contact.relationship",
  "contact.email",
  "contact.phone",
  "contact.language",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
