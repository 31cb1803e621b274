import { IsOptional, MaxLength } from "class-validator";
import { Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from "type-graphql";
import { LIKE_ESCAPE, likePrefix } from "../../db/like";
import type { Context } from "../../graphql/context";
import { decodeCursor, PageInfo, pageSize, toConnection } from "../../graphql/connection";
import { AuditEvent } from "./audit-event.entity";

@InputType({ description: "Audit log filter." })
class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "Only events about this patient." })
  patientId?: string | null;

  @Field(() => String, { nullable: true, description: "Only events by this actor id." })
  @IsOptional()
  @MaxLength(40)
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only this action, or actions starting with it followed by a dot (e.g. portal_access).",
  })
  @IsOptional()
  @MaxLength(64)
  action?: string | null;

  @Field(() => Date, { nullable: true, description: "Only events at or after this time." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only events before this time." })
  to?: Date | null;
}

@ObjectType({ description: "An edge of AuditEventConnection." })
class AuditEventEdge {
  @Field({ description: "Cursor of this edge." })
  cursor: string;

  @Field(() => AuditEvent, { description: "The event." })
  node: AuditEvent;
}

@ObjectType({ description: "A page of audit events, newest first." })
class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: "The events of this page." })
  edges: AuditEventEdge[];

  @Field(() => PageInfo, { description: "Pagination." })
  pageInfo: PageInfo;
}

@ArgsType()
class AuditEventsArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: "Filter." })
  filter?: AuditEventFilter | null;

  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after." })
  after?: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: "The organization's audit log, newest first." })
  async auditEvents(@Args(() => AuditEventsArgs) { filter, first, after }: AuditEventsArgs, @Ctx() ctx: Context) {
    const limit = pageSize(first);
    const qb = ctx
      .scope()
      .qb(AuditEvent, "e")
      .orderBy("e.id", "DESC")
      .take(limit + 1);
    if (filter?.patientId)
      qb.andWhere("e.patientId = :patientId", { patientId: /^\d+$/.test(filter.patientId) ? Number(filter.patientId) : -1 });
    if (filter?.actorId) qb.andWhere("e.actorId = :actorId", { actorId: filter.actorId });
    if (filter?.action)
      qb.andWhere(`(e.action = :action OR e.action LIKE :actionPrefix ${LIKE_ESCAPE})`, {
        action: filter.action,
        actionPrefix: likePrefix(`${filter.action}.`),
      });
    if (filter?.from) qb.andWhere("e.at >= :from", { from: filter.from });
    if (filter?.to) qb.andWhere("e.at < :to", { to: filter.to });
    if (after) qb.andWhere("e.id < :cursor", { cursor: decodeCursor(after, ["id"])[0] });
    const rows = limit === 0 ? [] : await qb.getMany();
    return toConnection(rows, limit, (e) => [e.id]);
  }
}
