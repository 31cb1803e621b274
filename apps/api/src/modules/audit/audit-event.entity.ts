import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ActorType } from "@portal/schema";
import { CreatedAtColumn, JsonColumn } from "../../db/columns";

@ObjectType({ description: "One entry of the append-only audit log: who did what, when, from where." })
@Entity("audit_events")
@Index("ix_audit_org_id", ["organizationId", "id"])
@Index("ix_audit_org_patient", ["organizationId", "patientId", "id"])
@Index("ix_audit_org_action", ["organizationId", "action", "id"])
// A patient's trail includes the events about its portal accounts (targetType PortalAccount).
@Index("ix_audit_org_target", ["organizationId", "targetType", "targetId", "id"])
export class AuditEvent {
  @Field(() => ID, { description: "Stable identifier; increases with time." })
  // int (not bigint) so one entity serves both dialects: SQLite only auto-increments INTEGER keys.
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "When it happened." })
  @CreatedAtColumn()
  at: Date;

  @Field(() => ActorType, { description: "Kind of actor." })
  @Column({ type: "varchar", length: 16 })
  actorType: ActorType;

  @Field(() => ID, { nullable: true, description: "Identifier of the actor (staff user, portal account or API key)." })
  @Column({ type: "varchar", length: 40, nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: "Human-readable actor (an email or key name)." })
  @Column({ type: "varchar", length: 254, nullable: true })
  actorLabel: string | null;

  @Field({ description: "What happened, e.g. portal_access.enabled." })
  @Column({ type: "varchar", length: 64 })
  action: string;

  @Field({ description: "Kind of record changed, e.g. PortalGrant." })
  @Column({ type: "varchar", length: 32 })
  targetType: string;

  @Field(() => ID, { nullable: true, description: "Identifier of the record changed." })
  @Column({ type: "varchar", length: 40, nullable: true })
  targetId: string | null;

  @Field(() => ID, { nullable: true, description: "The patient concerned, if any." })
  @Column({ type: "int", nullable: true })
  patientId: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "State before the change (no secrets)." })
  @JsonColumn({ nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "State after the change (no secrets)." })
  @JsonColumn({ nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Client IP address." })
  @Column({ type: "varchar", length: 64, nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true, description: "Request id, to match server logs." })
  @Column({ type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}
