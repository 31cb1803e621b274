import type { AccessType, InviteMethod, Language } from "@portal/schema";

/**
 * The domain events of portal access: every change of who may open what emits one, in the
 * transaction that makes the change. Subscribers (the audit log, partner webhooks, the "access
 * removed" email) turn them into their own rows in that same transaction — an outbox — so a change
 * that commits is never without its audit row or its webhook, and one that rolls back leaves neither.
 *
 * A discriminated union on `type`: a subscriber switches over it, and the compiler tells it when a
 * new kind of event appears (no subscriber matches audit action strings).
 */
export type DomainEvent =
  | AccessEnabled
  | AccessRevoked
  | AccessSuspended
  | PortalRoleChanged
  | AccountDisabledChanged
  | PasswordChangeForced
  | InviteSent
  | InviteAccepted
  | InviteDeliveryFailed
  | PasswordResetSent;

export type DomainEventType = DomainEvent["type"];

/** What identifies a grant, enough for every subscriber (ids and facts, no names). */
export interface GrantRef {
  grantId: number;
  patientId: number;
  accountId: number;
  accessType: AccessType;
  contactId: number | null;
  portalRoleId: number;
}

/** A grant now opens its patient's profile: new, linked to an existing account, or resumed. */
export interface AccessEnabled {
  type: "AccessEnabled";
  grant: GrantRef;
  loginEmail: string;
  /** `linked`: rule 4's explicit link of a patient to the account that uses their email on file. */
  how: "enabled" | "linked";
  /** SELF enable: the patient's earlier account (a revoked grant) was reused. */
  reusedAccount?: boolean;
  /** The grant had been suspended (the patient was inactive) and resumes; when it was suspended. */
  resumedFrom?: { suspendedAt: Date | null } | null;
  /** A proxy's recorded authorization (rule 21: basis, verifier, end date), as the audit row keeps it. */
  proxyAuthorization?: Record<string, unknown>;
}

/** A grant was removed (rule 10; rule 3 when its contact was disabled). */
export interface AccessRevoked {
  type: "AccessRevoked";
  grant: GrantRef;
  reason: "staff" | "staff_all" | "contact_disabled";
  loginEmail: string;
  language: Language;
  /** Already suspended before (patient inactive): its holder lost access then, not now. */
  wasSuspended: boolean;
}

/** A grant stopped opening anything because its patient was made inactive (rule 18). */
export interface AccessSuspended {
  type: "AccessSuspended";
  grant: GrantRef;
  reason: string;
}

export interface PortalRoleChanged {
  type: "PortalRoleChanged";
  grantId: number;
  patientId: number;
  before: number;
  after: number;
}

/** An account was disabled or enabled again; `latestGrant` names the patient partners hear about. */
export interface AccountDisabledChanged {
  type: "AccountDisabledChanged";
  accountId: number;
  disabled: boolean;
  latestGrant: GrantRef | null;
}

export interface PasswordChangeForced {
  type: "PasswordChangeForced";
  accountId: number;
}

/** An invite email was queued for a grant (rules 6–8). */
export interface InviteSent {
  type: "InviteSent";
  grant: GrantRef;
  loginEmail: string;
  language: Language;
  method: InviteMethod;
  expiresAt: Date;
  resent: boolean;
}

/** The invite was used: the account signed up (and signed in for the first time). */
export interface InviteAccepted {
  type: "InviteAccepted";
  accountId: number;
  patientId: number | null;
  method: string;
}

/** The invite email could not be delivered (the outbox gave up, or the provider bounced it). */
export interface InviteDeliveryFailed {
  type: "InviteDeliveryFailed";
  accountId: number;
  patientId: number | null;
  reason: string;
}

/** Staff sent a password reset link (rule 9). */
export interface PasswordResetSent {
  type: "PasswordResetSent";
  accountId: number;
  loginEmail: string;
  expiresAt: Date;
}

/** A grant's reference, from the grant row. */
export function grantRef(g: { id: number; patientId: number; accountId: number; accessType: AccessType; contactId: number | null; portalRoleId: number }): GrantRef {
  return { grantId: g.id, patientId: g.patientId, accountId: g.accountId, accessType: g.accessType, contactId: g.contactId, portalRoleId: g.portalRoleId };
}
