import { registerEnumType } from "type-graphql";
import { PortalStatus } from "@portal/schema";

/** Why an orange (INVITED) patient's invite can no longer be used: shown beside the colour, never hidden (SPEC). */
export enum InviteProblem {
  EXPIRED = "EXPIRED",
  LOCKED = "LOCKED",
}

registerEnumType(InviteProblem, {
  name: "InviteProblem",
  description: "Why the latest invite of an invited patient can no longer be used; staff send a new one.",
  valuesConfig: {
    EXPIRED: { description: "Not used within its lifetime." },
    LOCKED: { description: "Locked after 5 wrong dates of birth (rule 8)." },
  },
});

export type InviteFacts = { portalStatus: PortalStatus; inviteUsableUntil: Date | null; inviteLockedAt: Date | null };

/**
 * The problem of a patient's latest invite, from the columns mirrored on the patient (so the grid
 * can filter a million patients by it). Only an INVITED patient has one: once the account signs
 * up, or access is removed, an old invite is no longer anyone's concern.
 */
export function inviteProblemOf(p: InviteFacts, now = Date.now()): InviteProblem | null {
  if (p.portalStatus !== PortalStatus.INVITED) return null;
  if (p.inviteLockedAt) return InviteProblem.LOCKED;
  if (p.inviteUsableUntil && p.inviteUsableUntil.getTime() <= now) return InviteProblem.EXPIRED;
  return null;
}

/**
 * The grid's condition for a set of problems. Both problems end the invite's usable time
 * (inviteUsableUntil is set to the lock time when locking), so "expired or locked" is one range of
 * the index (organizationId, portalStatus, inviteUsableUntil).
 */
export function inviteProblemCondition(problems: InviteProblem[]): string | null {
  const wanted = new Set(problems);
  if (wanted.size === 0) return null;
  const ended = "p.portalStatus = 'INVITED' AND p.inviteUsableUntil <= ?";
  if (wanted.size === 2) return `(${ended})`;
  return wanted.has(InviteProblem.LOCKED) ? `(${ended} AND p.inviteLockedAt IS NOT NULL)` : `(${ended} AND p.inviteLockedAt IS NULL)`;
}
