import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { API_KEY_PREFIX, ApiKeyScope } from "@portal/schema";
import { CreatedAtColumn, JsonColumn, TimestampColumn } from "../../db/columns";

@ObjectType({ description: "A key with which a partner app calls the GraphQL API for one organization. The secret itself is shown only once, at creation." })
@Entity("api_keys")
// The public id is the lookup part of a presented key; unique everywhere, so lookup needs no organization.
@Index("uq_api_keys_public_id", ["publicId"], { unique: true })
@Index("ix_api_keys_org", ["organizationId", "id"])
export class ApiKey {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Name given by staff; shown in the audit log as the actor." })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Column({ type: "varchar", length: 16 })
  publicId: string;

  // SHA-256 of the whole key: the raw key is shown once and never stored.
  @Column({ type: "varchar", length: 64 })
  secretHash: string;

  @Field(() => [ApiKeyScope], { description: "What the key may do." })
  @JsonColumn()
  scopes: ApiKeyScope[];

  @Field(() => ID, { nullable: true, description: "The staff user who created the key." })
  @Column({ type: "int", nullable: true })
  createdByStaffId: number | null;

  @Field({ description: "When the key was created." })
  @CreatedAtColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "After this moment the key is refused; null: never expires." })
  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the key was revoked; a revoked key is refused at once." })
  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @Column({ type: "int", nullable: true })
  revokedByStaffId: number | null;

  @Field(() => Date, { nullable: true, description: "Last time the key was used (recorded at most once a minute)." })
  @TimestampColumn({ nullable: true })
  lastUsedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Client IP address of that last use." })
  @Column({ type: "varchar", length: 64, nullable: true })
  lastUsedIp: string | null;

  @Field({ description: "The key's visible beginning (`pak_live_<public id>`), to recognise it; not usable on its own." })
  get prefix(): string {
    return `${API_KEY_PREFIX}${this.publicId}`;
  }

  @Field({ description: "Whether the key is accepted now (neither revoked nor expired)." })
  get active(): boolean {
    return !this.revokedAt && (!this.expiresAt || this.expiresAt.getTime() > Date.now());
  }
}
