import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import { ContactRelationship } from "@portal/schema";
import type { ContactRelationship as Relationship, Language as ContactLanguage, PatientPageQuery } from "../../gql/graphql";
import { emailUserError } from "../../shared/email-problem";
import { failureMessage, splitUserErrors, type UserErrorLike } from "../../shared/user-errors";
import { CreateContactDocument, EditContactDocument } from "./contacts.documents";
import "./contacts.i18n";

type ContactData = NonNullable<PatientPageQuery["patient"]>["contacts"][number];

const RELATIONSHIPS = Object.values(ContactRelationship);
// The GraphQL enum's names (the schema package's values are the lowercase language tags).
const LANGUAGES: readonly ContactLanguage[] = ["EN", "FR"];
const FIELDS = ["firstName", "lastName", "relationship", "email", "phone", "language"] as const;

interface Props {
  onClose: () => void;
  patientId: string;
  patientName: string;
  /** The contact to edit; none to add one. */
  contact?: ContactData | null;
  /** Whether the staff member manages portal access: a new email then asks to move the login too. */
  canManage: boolean;
  /** After a save, with what to tell the staff member. */
  onSaved: (message: string) => void;
}

/**
 * Add a contact to a patient's record, or edit one (issue 13: a guardian not on file, a physician
 * without an email). For a contact holding portal access, the form says what a new email does to
 * the login (rules 14 and 18: the server asks the new address to confirm it, or keeps it).
 */
export function ContactDialog({ onClose, patientId, patientName, contact, canManage, onSaved }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [firstName, setFirstName] = useState(contact?.firstName ?? "");
  const [lastName, setLastName] = useState(contact?.lastName ?? "");
  const [relationship, setRelationship] = useState<string>(contact?.relationship ?? "");
  const [email, setEmail] = useState(contact?.email ?? "");
  const [phone, setPhone] = useState(contact?.phone ?? "");
  const [language, setLanguage] = useState<string>(contact?.language ?? "EN");
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  // Required fields left empty, said before anything is sent.
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [create] = useMutation(CreateContactDocument);
  const [edit] = useMutation(EditContactDocument);
  const login = contact?.portalGrant?.account.email ?? null;
  const name = contact ? `${contact.firstName} ${contact.lastName}` : "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set<string>();
    if (!firstName.trim()) empty.add("firstName");
    if (!lastName.trim()) empty.add("lastName");
    if (!relationship) empty.add("relationship");
    const invalid = emailUserError(email);
    setMissing(empty);
    setErrors(invalid ? [invalid] : []);
    setFailure(null);
    if (empty.size || invalid) return;
    setBusy(true);
    try {
      const fields = {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        relationship: relationship as Relationship,
        language: language as ContactLanguage,
      };
      if (contact) {
        // An empty string clears an optional field on the server.
        const payload = (await edit({ variables: { input: { id: contact.id, ...fields, email: email.trim(), phone: phone.trim() } } })).data?.updateContact;
        if (payload?.userErrors.length) return setErrors(payload.userErrors);
        const saved = payload?.contact?.email ?? email.trim();
        onSaved(
          payload?.loginEmailChange === "REQUESTED"
            ? t("contactForm.savedRequested", { email: saved })
            : payload?.loginEmailChange === "CANCELLED"
              ? t("contactForm.savedCancelled")
              : payload?.loginEmailChange === "KEPT"
                ? t("contactForm.savedKept", { login: login ?? "" })
                : t("contactForm.saved"),
        );
      } else {
        const input = { patientId, ...fields, email: email.trim() || undefined, phone: phone.trim() || undefined };
        const payload = (await create({ variables: { input } })).data?.createContact;
        if (payload?.userErrors.length) return setErrors(payload.userErrors);
        onSaved(t("contactForm.added", { name: `${fields.firstName} ${fields.lastName}` }));
      }
      onClose();
    } catch (e) {
      setFailure(failureMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const split = splitUserErrors(t, errors, FIELDS);
  const { general } = split;
  const byField: Record<string, string | undefined> = { ...split.byField };
  for (const field of missing) byField[field] = t("contactForm.required");
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{contact ? t("contactForm.editTitle", { name }) : t("contactForm.addTitle", { name: patientName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {general.map((text) => (
              <Alert key={text} severity="error">
                {text}
              </Alert>
            ))}
            {failure ? <Alert severity="error">{failure}</Alert> : null}
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                label={t("contactForm.firstName")}
                value={firstName}
                onChange={(e) => setFirstName(e.target.value)}
                required
                fullWidth
                autoFocus
                slotProps={{ htmlInput: { maxLength: 100 } }}
                error={!!byField.firstName}
                helperText={byField.firstName}
              />
              <TextField
                label={t("contactForm.lastName")}
                value={lastName}
                onChange={(e) => setLastName(e.target.value)}
                required
                fullWidth
                slotProps={{ htmlInput: { maxLength: 100 } }}
                error={!!byField.lastName}
                helperText={byField.lastName}
              />
            </Stack>
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                select
                label={t("contactForm.relationship")}
                value={relationship}
                onChange={(e) => setRelationship(e.target.value)}
                required
                fullWidth
                error={!!byField.relationship}
                helperText={byField.relationship}
              >
                {RELATIONSHIPS.map((r) => (
                  <MenuItem key={r} value={r}>
                    {t(`relationship.${r}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={t("contactForm.language")}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                fullWidth
                error={!!byField.language}
                helperText={byField.language}
              >
                {LANGUAGES.map((l) => (
                  <MenuItem key={l} value={l}>
                    {t(`language.${l}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {login ? (
              <Alert severity="info">
                {canManage ? t("contactForm.loginNote", { name, login }) : t("contactForm.loginNoteKept", { name, login })}
              </Alert>
            ) : null}
            <TextField
              label={t("contactForm.email")}
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                // The previous answer was about the previous address.
                setErrors((all) => all.filter((error) => error.field !== "email"));
              }}
              slotProps={{ htmlInput: { maxLength: 254 } }}
              error={!!byField.email}
              helperText={byField.email ?? t("contactForm.emailHint")}
            />
            <TextField
              label={t("contactForm.phone")}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 32 } }}
              error={!!byField.phone}
              // The rule itself, in the staff member's language, rather than a generic "check this value".
              helperText={t("contactForm.phoneHint")}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {contact ? t("contactForm.save") : t("contactForm.create")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
