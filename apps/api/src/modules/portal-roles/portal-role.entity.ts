import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { AccessType, PortalPermission } from "@portal/schema";
import { CreatedAtColumn, JsonColumn } from "../../db/columns";

@ObjectType({ description: "An organization-defined portal role (patient, family, physician…); its permissions decide what a grant's holder sees." })
@Entity("portal_roles")
@Index("uq_portal_roles_org_name", ["organizationId", "name"], { unique: true })
export class PortalRole {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Name shown to staff and portal users, unique in the organization." })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => [PortalPermission], { description: "What the holder of a grant with this role may see or do." })
  @JsonColumn()
  permissions: PortalPermission[];

  @Field(() => [AccessType], { description: "Access types this role applies to (rule 5)." })
  @JsonColumn()
  accessTypes: AccessType[];

  @Field({ description: "When the role was created." })
  @CreatedAtColumn()
  createdAt: Date;
}
