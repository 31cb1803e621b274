import { Fragment, useState } from "react";
import { Link as RouterLink } from "react-router";
import { useMutation } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import PersonAddIcon from "@mui/icons-material/PersonAdd";
import { useTranslation } from "react-i18next";
import type { PatientPageQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { Empty } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { useRunner } from "../../shared/useRunner";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { useCan } from "../auth/viewer";
import { GrantContactPortalAccessDocument } from "../access/access.documents";
import { AddPortalAccessDialog } from "../access/AddPortalAccessDialog";
import { GrantActions } from "../access/GrantActions";
import { UpdateContactDocument } from "./patient.documents";
import { ContactDialog } from "./ContactDialog";
import "./contacts.i18n";
import { ProxyAuthorizationSummary } from "../access-schedule/ProxyAuthorizationSummary";

type PatientData = NonNullable<PatientPageQuery["patient"]>;
type ContactData = PatientData["contacts"][number];

/** Seed 000 "Managing access for client contacts": each contact's portal role and last sign-in. */
export function ContactsTab({
  patient,
  roles,
  onChanged,
}: {
  patient: PatientData;
  roles: PatientPageQuery["portalRoles"];
  onChanged: () => unknown;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const notify = useNotify();
  const canManage = can("MANAGE_PORTAL_ACCESS");
  const canEdit = can("EDIT_PATIENTS");
  // Seed 000: a proxy must first be a contact, so those who manage portal access add and fix contacts too.
  const canEditContacts = canEdit || canManage;
  // null: closed; "new": adding; else the contact being edited.
  const [editing, setEditing] = useState<ContactData | "new" | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState<ContactData | null>(null);
  const [disabling, setDisabling] = useState<ContactData | null>(null);
  const [updateContact] = useMutation(UpdateContactDocument);
  const [grantContact] = useMutation(GrantContactPortalAccessDocument);
  const run = useRunner();
  // Rule 18: a proxy grant suspended while the patient was inactive resumes with its account and role.
  const resume = (contactId: string, portalRoleId: string) =>
    run(
      async () => (await grantContact({ variables: { input: { contactId, portalRoleId } } })).data?.grantContactPortalAccess.userErrors,
      t("portal.resumed"),
      onChanged,
    ).then((problem) => problem && notify(problem));
  const patientName = `${patient.firstName} ${patient.lastName}`;

  const setActive = async (contact: ContactData, active: boolean): Promise<string | undefined> => {
    try {
      const payload = (await updateContact({ variables: { input: { id: contact.id, active } } })).data?.updateContact;
      if (payload?.userErrors.length) return payload.userErrors.map((e) => userErrorMessage(t, e)).join(" ");
      const revoked = payload?.revokedGrantCount ?? 0;
      notify(active ? t("contacts.enabled") : revoked ? t("contacts.disabledRevoked", { count: revoked }) : t("contacts.disabled"));
      await onChanged();
      return undefined;
    } catch (e) {
      return failureMessage(t, e);
    }
  };

  const contactDialog = editing ? (
    <ContactDialog
      key={editing === "new" ? "new" : editing.id}
      onClose={() => setEditing(null)}
      patientId={patient.id}
      patientName={patientName}
      contact={editing === "new" ? null : editing}
      canManage={canManage}
      onSaved={(message) => {
        notify(message);
        void onChanged();
      }}
    />
  ) : null;
  const addButton = canEditContacts ? (
    <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setEditing("new")}>
      {t("contactForm.add")}
    </Button>
  ) : null;

  if (!patient.contacts.length) {
    return (
      <>
        <Empty>{t("contacts.empty")}</Empty>
        {addButton ? <Box sx={{ display: "flex", justifyContent: "center", mt: 2 }}>{addButton}</Box> : null}
        {contactDialog}
      </>
    );
  }
  return (
    <Card variant="outlined">
      {addButton ? <Box sx={{ display: "flex", justifyContent: "flex-end", p: 2, pb: 0 }}>{addButton}</Box> : null}
      <TableContainer>
        <Table aria-label={t("contacts.title")}>
          <TableHead>
            <TableRow>
              <TableCell>{t("contacts.name")}</TableCell>
              <TableCell>{t("contacts.relationship")}</TableCell>
              <TableCell>{t("contacts.email")}</TableCell>
              {canManage ? <TableCell>{t("contacts.portalRole")}</TableCell> : null}
              {canManage ? <TableCell>{t("contacts.lastSignIn")}</TableCell> : null}
              <TableCell>{t("app.actions")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {patient.contacts.map((contact) => {
              const name = `${contact.firstName} ${contact.lastName}`;
              const grant = contact.portalGrant;
              return (
                <Fragment key={contact.id}>
                  <TableRow data-testid={`contact-${contact.id}`}>
                    <TableCell>
                      <Typography sx={{ fontWeight: 500 }}>{name}</Typography>
                      {!contact.active ? <Chip size="small" label={t("contacts.inactive")} sx={{ mt: 0.5 }} /> : null}
                    </TableCell>
                    <TableCell>{t(`relationship.${contact.relationship}`)}</TableCell>
                    <TableCell sx={{ overflowWrap: "anywhere" }}>
                      {contact.email ?? t("app.none")}
                      {contact.phone ? (
                        <Typography variant="body2" color="text.secondary">
                          {contact.phone}
                        </Typography>
                      ) : null}
                      {grant?.account.pendingLoginEmail ? (
                        <Typography variant="caption" color="warning.main" sx={{ display: "block" }}>
                          {t("contactForm.pendingLogin", { email: grant.account.pendingLoginEmail })}
                        </Typography>
                      ) : null}
                    </TableCell>
                    {canManage ? (
                      <TableCell>
                        {grant ? (
                          <>
                            {grant.portalRole.name}
                            {grant.suspendedAt ? <Chip size="small" color="warning" label={t("status.suspended")} sx={{ ml: 1 }} /> : null}
                            <ProxyAuthorizationSummary grant={grant} onChanged={onChanged} canManage={canManage} />
                          </>
                        ) : (
                          <Typography color="text.secondary" variant="body2">
                            {t("contacts.noPortalAccess")}
                            {contact.active && !contact.email && canEditContacts ? (
                              <Typography component="span" variant="caption" sx={{ display: "block" }}>
                                {t("contactForm.noEmail")}
                              </Typography>
                            ) : null}
                          </Typography>
                        )}
                      </TableCell>
                    ) : null}
                    {canManage ? <TableCell>{grant ? fmt.dateTime(grant.account.lastSignInAt) : t("app.none")}</TableCell> : null}
                    <TableCell>
                      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
                        {canManage && grant ? (
                          <Button
                            size="small"
                            variant="outlined"
                            aria-expanded={open === contact.id}
                            onClick={() => setOpen(open === contact.id ? null : contact.id)}
                          >
                            {open === contact.id ? t("contacts.hide") : t("contacts.manage")}
                          </Button>
                        ) : null}
                        {canManage && grant?.suspendedAt && patient.active && contact.active ? (
                          <Button size="small" variant="outlined" onClick={() => void resume(contact.id, grant.portalRoleId)}>
                            {t("portal.resume")}
                          </Button>
                        ) : null}
                        {canManage && !grant && contact.active ? (
                          <Button size="small" variant="outlined" disabled={!contact.email} onClick={() => setAdding(contact)}>
                            {t("contacts.addAccess")}
                          </Button>
                        ) : null}
                        {canEditContacts ? (
                          <Button size="small" variant="outlined" onClick={() => setEditing(contact)} aria-label={t("contactForm.editFor", { name })}>
                            {t("contactForm.edit")}
                          </Button>
                        ) : null}
                        {canEdit ? (
                          contact.active ? (
                            <Button size="small" color="error" onClick={() => setDisabling(contact)}>
                              {t("contacts.disableContact")}
                            </Button>
                          ) : (
                            <Button size="small" onClick={() => void setActive(contact, true)}>
                              {t("contacts.enableContact")}
                            </Button>
                          )
                        ) : null}
                      </Stack>
                    </TableCell>
                  </TableRow>
                  {canManage && grant && open === contact.id ? (
                    <TableRow>
                      <TableCell colSpan={6} sx={{ bgcolor: "action.hover" }}>
                        <Box sx={{ display: "grid", gap: 1.5, py: 1 }}>
                          <Typography variant="body2">
                            {t("portal.loginEmail")}: <b>{grant.account.email}</b> · {t("portal.inviteSent")}:{" "}
                            {fmt.dateTime(grant.account.lastInviteSentAt)} · {t("portal.signedUp")}:{" "}
                            {fmt.dateTime(grant.account.signedUpAt)}
                          </Typography>
                          {grant.otherProfiles.length ? (
                            <Typography variant="body2">
                              {t("portal.otherProfiles")}:{" "}
                              {grant.otherProfiles.map((other, i) => (
                                <Fragment key={other.id}>
                                  {i ? ", " : ""}
                                  <Link component={RouterLink} to={`/patients/${other.patient.id}/contacts`}>
                                    {other.patient.firstName} {other.patient.lastName}
                                  </Link>{" "}
                                  ({other.portalRole.name})
                                </Fragment>
                              ))}
                            </Typography>
                          ) : null}
                          <GrantActions
                            grant={grant}
                            patientName={patientName}
                            roles={roles ?? []}
                            onChanged={onChanged}
                            accountActions={false}
                          />
                        </Box>
                      </TableCell>
                    </TableRow>
                  ) : null}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {adding ? (
        <AddPortalAccessDialog
          open
          onClose={() => setAdding(null)}
          name={`${adding.firstName} ${adding.lastName}`}
          target={{ kind: "contact", contactId: adding.id }}
          emailOnFile={adding.email}
          roles={roles ?? []}
          onGranted={(email) => {
            notify(t("addAccess.granted", { email }));
            void onChanged();
          }}
        />
      ) : null}
      {contactDialog}
      <ConfirmDialog
        open={!!disabling}
        title={t("contacts.confirmDisableTitle")}
        destructive
        confirmLabel={t("contacts.disableContact")}
        onClose={() => setDisabling(null)}
        onConfirm={() => (disabling ? setActive(disabling, false) : undefined)}
      >
        {disabling
          ? disabling.portalGrant || canManage === false
            ? t("contacts.confirmDisableRevokes", { name: `${disabling.firstName} ${disabling.lastName}` })
            : t("contacts.confirmDisable", { name: `${disabling.firstName} ${disabling.lastName}` })
          : null}
      </ConfirmDialog>
    </Card>
  );
}
