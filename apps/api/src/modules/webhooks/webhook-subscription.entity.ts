import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { WebhookEventType } from "@portal/schema";
import { CreatedAtColumn, JsonColumn } from "../../db/columns";

@ObjectType({ description: "A partner endpoint that receives signed event deliveries for this organization." })
@Entity("webhook_subscriptions")
@Index("ix_webhook_subscriptions_org", ["organizationId", "id"])
export class WebhookSubscription {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Where deliveries are POSTed (http or https, a public address)." })
  @Column({ type: "varchar", length: 2000 })
  url: string;

  @Field(() => String, { nullable: true, description: "A note for staff (which partner, which environment)." })
  @Column({ type: "varchar", length: 500, nullable: true })
  description: string | null;

  @Field(() => [WebhookEventType], { description: "Events delivered to this endpoint." })
  @JsonColumn()
  events: WebhookEventType[];

  // AES-GCM sealed (SecretBox): the secret is needed in clear to sign, so it cannot be hashed.
  @Column({ type: "text" })
  secretSealed: string;

  @Field({ description: "Paused subscriptions receive nothing (events meanwhile are not kept for them)." })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Column({ type: "int", nullable: true })
  createdByStaffId: number | null;

  @Field({ description: "When the subscription was created." })
  @CreatedAtColumn()
  createdAt: Date;

  @Field({ description: "When the subscription was last changed." })
  @UpdateDateColumn()
  updatedAt: Date;
}
