import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { InviteMethod } from "@portal/schema";
import type { PortalToken } from "./portal-token.entity";

/** Where the latest invite of an account stands, shown to staff beside the patient's colour. */
export enum InviteState {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  EXPIRED = "EXPIRED",
  LOCKED = "LOCKED",
  VOIDED = "VOIDED",
}

registerEnumType(InviteState, {
  name: "InviteState",
  description: "Where an invite stands.",
  valuesConfig: {
    PENDING: { description: "Sent and still usable." },
    ACCEPTED: { description: "Used: the account signed up." },
    EXPIRED: { description: "Not used in time; send a new invite." },
    LOCKED: { description: "Locked after too many wrong dates of birth; send a new invite." },
    VOIDED: { description: "Invalidated (for example by a login email change); send a new invite." },
  },
});

@ObjectType({ description: "The latest invite of a portal account (no token: it exists only in the email)." })
export class PortalInvite {
  @Field(() => InviteState, { description: "Where it stands." })
  state: InviteState;

  @Field(() => InviteMethod, { description: "Link or temporary password." })
  method: InviteMethod;

  @Field({ description: "When it was sent." })
  sentAt: Date;

  @Field({ description: "When it stops (or stopped) working." })
  expiresAt: Date;

  @Field(() => Int, { description: "Wrong dates of birth entered with it (locked at 5)." })
  failedDateOfBirthAttempts: number;
}

export function inviteView(token: PortalToken, now = Date.now()): PortalInvite {
  const state = token.usedAt
    ? InviteState.ACCEPTED
    : token.lockedAt
      ? InviteState.LOCKED
      : token.voidedAt
        ? InviteState.VOIDED
        : token.expiresAt.getTime() <= now
          ? InviteState.EXPIRED
          : InviteState.PENDING;
  return { state, method: token.method as InviteMethod, sentAt: token.createdAt, expiresAt: token.expiresAt, failedDateOfBirthAttempts: token.failedDobAttempts };
}
