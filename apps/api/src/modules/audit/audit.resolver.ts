import { IsOptional, MaxLength } from "class-validator";
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { ActorType, AUDIT_ACTIONS, auditActionsOfKind, AuditKind } from "@portal/schema";
import { LIKE_ESCAPE, likePrefix } from "../../db/dialect";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import type { Context } from "../../graphql/context";
import { Connection, decodeCursor, pageSize, toConnection } from "../../graphql/connection";
import { AuditEvent } from "./audit-event.entity";
import { actorNameOf, patientNameOf, targetNameOf } from "./audit-names";

registerEnumType(AuditKind, {
  name: "AuditKind",
  description: "A group of audit actions staff look for together.",
  valuesConfig: {
    ACCESS_CHANGES: { description: "Portal access granted, removed, suspended or changed; accounts disabled, enabled or unlocked; portal roles." },
    INVITES: { description: "Portal and staff invites sent, accepted or locked." },
    SIGN_INS: { description: "Sign-ins, sign-outs, failures, locks and two-step codes." },
    EMAIL_CHANGES: { description: "Login email changes asked, confirmed or cancelled." },
    PASSWORDS: { description: "Password changes and resets." },
    PATIENT_RECORDS: { description: "Patients and contacts created, changed or viewed." },
    STAFF: { description: "Staff members and staff roles." },
    SETTINGS: { description: "Organization settings, email templates, API keys, webhooks, bulk jobs." },
    EMAIL_DELIVERY: { description: "Emails that could not be sent or delivered." },
  },
});

@InputType({ description: "Audit log filter." })
class AuditEventFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Only events about this patient: those naming it, and those about a portal account that holds or held access to it (sign-ins, login email changes, disabling…).",
  })
  patientId?: string | null;

  @Field(() => ActorType, { nullable: true, description: "Only events by this kind of actor (with actorId: one staff member, portal account or API key)." })
  actorType?: ActorType | null;

  @Field(() => AuditKind, { nullable: true, description: "Only events of this kind (a group of actions)." })
  kind?: AuditKind | null;

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

const AuditEventConnection = Connection(AuditEvent, { name: "AuditEvent", description: "A page of audit events, newest first.", node: "The event.", edges: "The events of this page." });
type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

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
    if (filter?.patientId) {
      const patientId = /^\d{1,10}$/.test(filter.patientId) ? Number(filter.patientId) : -1;
      // The patient's trail also holds what happened to the logins that open its record, older
      // events and proxies' accounts included: their ids, then one OR of two indexed ranges.
      const grants = await ctx.scope().find(PortalGrant, { where: { patientId }, select: { id: true, accountId: true } });
      const accountIds = [...new Set(grants.map((g) => String(g.accountId)))];
      if (accountIds.length)
        qb.andWhere("(e.patientId = :patientId OR (e.targetType = 'PortalAccount' AND e.targetId IN (:...accountIds)))", { patientId, accountIds });
      else qb.andWhere("e.patientId = :patientId", { patientId });
    }
    if (filter?.actorType) qb.andWhere("e.actorType = :actorType", { actorType: filter.actorType });
    if (filter?.kind) qb.andWhere("e.action IN (:...kindActions)", { kindActions: auditActionsOfKind(filter.kind) });
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

  @FieldResolver(() => AuditKind, { nullable: true, description: "The kind of action (null for an action this API version does not know)." })
  kind(@Root() e: AuditEvent): AuditKind | null {
    return AUDIT_ACTIONS[e.action]?.kind ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Who acted, by name: the staff member's name, the portal login or the API key's name (else actorLabel)." })
  actorName(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<string | null> {
    return actorNameOf(ctx, e);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The record changed, by name: a patient or contact (Last, First), a portal login, a staff member, a role or a key; null when it no longer exists.",
  })
  targetName(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<string | null> {
    return targetNameOf(ctx, e);
  }

  @FieldResolver(() => String, { nullable: true, description: "The patient concerned, by name (Last, First)." })
  patientName(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<string | null> {
    return patientNameOf(ctx, e);
  }
}
