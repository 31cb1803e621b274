import { In } from "typeorm";
import { AccessType, Language } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import type { EmailQueue } from "../../email/email-queue";
import { EmailKind, type QueuedEmail } from "../../email/email.types";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import type { AccessRevoked, DomainEvent } from "../../events/domain-events";
import type { EventSubscriber } from "../../events/publish";

/** "Ann Lee", "Ann Lee and Bob Lee", "Ann Lee, Bob Lee and Cy Lee" in the email's language. */
export function listOfNames(names: string[], language: string): string {
  return new Intl.ListFormat(language === Language.FR ? "fr" : "en", { style: "long", type: "conjunction" }).format(names);
}

/**
 * Which "Access removed" emails a set of removals sends: one per account, naming every patient it
 * lost in this step, to its login email in its language. A grant already suspended (the patient made
 * inactive) lost its access then, silently: removing it later is record-keeping, and an email
 * about the profile of a deceased patient would only hurt. Pure, so the rule is tested alone.
 */
export function accessRemovedEmails(
  changes: readonly AccessRevoked[],
  facts: { patients: Map<number, Pick<Patient, "firstName" | "lastName">>; contacts: Map<number, Pick<Contact, "firstName">> },
): QueuedEmail[] {
  const byAccount = new Map<number, AccessRevoked[]>();
  for (const change of changes) {
    if (change.wasSuspended) continue;
    byAccount.set(change.grant.accountId, [...(byAccount.get(change.grant.accountId) ?? []), change]);
  }
  const out: QueuedEmail[] = [];
  for (const group of byAccount.values()) {
    const account = { id: group[0].grant.accountId, email: group[0].loginEmail, language: group[0].language };
    const names = group.flatMap(({ grant }) => {
      const p = facts.patients.get(grant.patientId);
      return p ? [`${p.firstName} ${p.lastName}`] : [];
    });
    if (names.length === 0) continue;
    // Greet the person holding the account: the contact for a proxy grant, else the patient.
    const first = group[0].grant;
    const recipientName =
      first.accessType === AccessType.PROXY && first.contactId ? facts.contacts.get(first.contactId)?.firstName : facts.patients.get(first.patientId)?.firstName;
    out.push({
      kind: EmailKind.ACCESS_REVOKED,
      to: account.email,
      language: account.language,
      accountId: account.id,
      patientId: group.length === 1 ? first.patientId : null,
      variables: { ...(recipientName ? { recipientName } : {}), patientName: listOfNames(names, account.language) },
    });
  }
  return out;
}

/**
 * Sends "Access removed" (rule 10, seed 000) through the outbox in the transaction that removes the
 * access — one profile, all of an account's profiles, or a disabled contact's — unless the
 * organization turned it off (organizations.accessRemovedEmail).
 */
export class AccessRemovedEmails implements EventSubscriber {
  constructor(private readonly emails: EmailQueue) {}

  async handle(tx: OrgScope, events: readonly DomainEvent[]): Promise<void> {
    const removed = events.filter((e): e is AccessRevoked => e.type === "AccessRevoked" && !e.wasSuspended);
    if (removed.length === 0) return;
    const org = await tx.organization();
    if (!org.accessRemovedEmail) return;
    const patientIds = [...new Set(removed.map((c) => c.grant.patientId))];
    const contactIds = [...new Set(removed.flatMap((c) => (c.grant.contactId ? [c.grant.contactId] : [])))];
    const patients = await tx.find(Patient, { where: { id: In(patientIds) }, select: { id: true, firstName: true, lastName: true } });
    const contacts = contactIds.length ? await tx.find(Contact, { where: { id: In(contactIds) }, select: { id: true, firstName: true } }) : [];
    const emails = accessRemovedEmails(removed, { patients: new Map(patients.map((p) => [p.id, p])), contacts: new Map(contacts.map((c) => [c.id, c])) });
    for (const email of emails) await this.emails.queue(tx, email);
  }
}
