import { Field, ObjectType, registerEnumType } from "type-graphql";
import type { OutboxMessage } from "./outbox-message.entity";

/** Where an account's latest invite email stands, from the outbox and the provider's webhooks. */
export enum InviteDeliveryStatus {
  QUEUED = "QUEUED",
  SENT = "SENT",
  DELIVERED = "DELIVERED",
  DEFERRED = "DEFERRED",
  FAILED = "FAILED",
  COMPLAINED = "COMPLAINED",
}

registerEnumType(InviteDeliveryStatus, {
  name: "InviteDeliveryStatus",
  description: "Delivery state of an invite email.",
  valuesConfig: {
    QUEUED: { description: "Waiting in the outbox (or being retried)." },
    SENT: { description: "Accepted by the email provider; no delivery report yet." },
    DELIVERED: { description: "The recipient's mail server accepted it." },
    DEFERRED: { description: "Temporarily refused; the provider keeps trying." },
    FAILED: { description: "Could not be delivered (bounced or refused): check the email address." },
    COMPLAINED: { description: "The recipient marked it as spam." },
  },
});

@ObjectType({ description: "Delivery of an account's latest invite email, so staff can fix a wrong address." })
export class InviteDelivery {
  @Field(() => InviteDeliveryStatus, { description: "Where the email stands." })
  status: InviteDeliveryStatus;

  @Field(() => String, { nullable: true, description: "The provider's reason for a failure or deferral." })
  reason: string | null;

  @Field({ description: "When this status was reached." })
  at: Date;
}

export function inviteDeliveryOf(row: OutboxMessage): InviteDelivery {
  const status: InviteDeliveryStatus =
    (row.deliveryStatus as InviteDeliveryStatus | null) ??
    (row.status === "SENT" ? InviteDeliveryStatus.SENT : row.status === "FAILED" ? InviteDeliveryStatus.FAILED : InviteDeliveryStatus.QUEUED);
  return {
    status,
    reason: row.deliveryReason ?? (row.status === "FAILED" ? row.lastError : null),
    at: row.deliveryUpdatedAt ?? row.sentAt ?? row.createdAt,
  };
}
