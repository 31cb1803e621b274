import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

@ObjectType({ description: "One attempt to deliver one event to one subscription (the delivery log)." })
@Entity("webhook_deliveries")
@Index("ix_webhook_deliveries_org", ["organizationId", "id"])
@Index("ix_webhook_deliveries_sub", ["organizationId", "subscriptionId", "id"])
export class WebhookDelivery {
  @Field(() => ID, { description: "Stable identifier; increases with time." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field(() => ID, { description: "The subscription." })
  @Column({ type: "int" })
  subscriptionId: number;

  @Field({ description: "The event's id (the Portal-Event-Id header); the same on every retry." })
  @Column({ type: "varchar", length: 40 })
  eventId: string;

  @Field({ description: "The event's type, e.g. portal_access.enabled." })
  @Column({ type: "varchar", length: 40 })
  eventType: string;

  @Field(() => Int, { description: "1 for the first attempt, 2 for the first retry…" })
  @Column({ type: "int" })
  attempt: number;

  @Field({ description: "Whether the endpoint answered 2xx." })
  @Column({ type: "boolean" })
  success: boolean;

  @Field(() => Int, { nullable: true, description: "HTTP status of the answer; null when there was none." })
  @Column({ type: "int", nullable: true })
  statusCode: number | null;

  @Field(() => String, { nullable: true, description: "Why the attempt failed (timeout, refused address, status…)." })
  @Column({ type: "varchar", length: 300, nullable: true })
  error: string | null;

  @Field(() => Int, { description: "Milliseconds from sending to the answer." })
  @Column({ type: "int" })
  durationMs: number;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due; null when none will follow." })
  @Column({ type: "datetime", precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Field({ description: "When the attempt was made." })
  @CreatedAtColumn()
  at: Date;
}
