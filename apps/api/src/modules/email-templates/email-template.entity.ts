import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { CreatedAtColumn } from "../../db/columns";

/**
 * An organization's own wording of one kind of email in one language. Absent rows mean the built-in
 * default (src/email/templates/{en,fr}.ts) applies; "reset" deletes the row.
 */
@Entity("email_templates")
@Index("uq_email_templates_org_kind_lang", ["organizationId", "kind", "language"], { unique: true })
export class EmailTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "int" })
  organizationId: number;

  @Column({ type: "varchar", length: 40 })
  kind: string;

  @Column({ type: "varchar", length: 8 })
  language: string;

  @Column({ type: "varchar", length: 255 })
  subject: string;

  @Column({ type: "text" })
  html: string;

  @Column({ type: "text" })
  text: string;

  @Column({ type: "int", nullable: true })
  updatedByStaffId: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
