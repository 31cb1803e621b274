import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { StaffPermission } from "@portal/schema";
import { CreatedAtColumn, JsonColumn } from "../../db/columns";

@ObjectType({ description: "An organization-defined set of staff permissions (an ACL)." })
@Entity("staff_roles")
@Index("uq_staff_roles_org_name", ["organizationId", "name"], { unique: true })
export class StaffRole {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Field({ description: "Name shown to administrators, unique in the organization." })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => [StaffPermission], { description: "What members of this role may do." })
  @JsonColumn()
  permissions: StaffPermission[];

  @Field({ description: "When the role was created." })
  @CreatedAtColumn()
  createdAt: Date;
}
