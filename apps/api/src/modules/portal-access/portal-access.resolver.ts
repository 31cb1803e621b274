import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";

import { normalizeEmail, resendAvailableAt } from "@portal/schema";
import { LIKE_ESCAPE, likePrefix } from "../../db/like";
import { InviteDelivery, inviteDeliveryOf } from "../../email/invite-delivery.types";
import type { Context } from "../../graphql/context";
import { decodeCursor, PageInfo, pageSize, toConnection } from "../../graphql/connection";
import { asPayload, parseId } from "../../graphql/user-error";
import { Contact } from "../patients/contact.entity";
import { Patient } from "../patients/patient.entity";
import { PortalRole } from "../portal-roles/portal-role.entity";
import { inviteView, PortalInvite } from "../invites/invite-state";
import { PortalAccount } from "./portal-account.entity";
import { PortalGrant } from "./portal-grant.entity";
import {
  ChangePortalRoleInput,
  EnablePortalAccessInput,
  ForcePortalPasswordChangeInput,
  GrantContactPortalAccessInput,
  LinkPatientToPortalAccountInput,
  PortalAccountFilter,
  RevokeAllPortalAccessInput,
  RevokePortalAccessInput,
  SetPortalAccountDisabledInput,
} from "./portal-access.inputs";
import {
  ChangePortalRolePayload,
  EnablePortalAccessPayload,
  ForcePortalPasswordChangePayload,
  GrantContactPortalAccessPayload,
  LinkPatientToPortalAccountPayload,
  RevokeAllPortalAccessPayload,
  RevokePortalAccessPayload,
  SetPortalAccountDisabledPayload,
} from "./portal-access.payloads";

const optionalId = (v: string | null | undefined, field: string) => (v == null ? null : parseId(v, field));

@ObjectType({ description: "An edge of PortalAccountConnection." })
class PortalAccountEdge {
  @Field({ description: "Cursor of this edge." })
  cursor: string;

  @Field(() => PortalAccount, { description: "The account." })
  node: PortalAccount;
}

@ObjectType({ description: "A page of portal accounts." })
class PortalAccountConnection {
  @Field(() => [PortalAccountEdge], { description: "The accounts of this page." })
  edges: PortalAccountEdge[];

  @Field(() => PageInfo, { description: "Pagination." })
  pageInfo: PageInfo;
}

@ArgsType()
class PortalAccountsArgs {
  @Field(() => PortalAccountFilter, { nullable: true, description: "Filter." })
  filter?: PortalAccountFilter | null;

  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after." })
  after?: string | null;
}

@Resolver()
export class PortalAccessResolver {
  @Mutation(() => EnablePortalAccessPayload, { description: "Give a patient access to their own profile (rules 1, 2, 5)." })
  enablePortalAccess(@Arg("input", () => EnablePortalAccessInput) input: EnablePortalAccessInput, @Ctx() ctx: Context) {
    return asPayload(() => {
      const args = {
        patientId: parseId(input.patientId, "patientId", "Patient"),
        portalRoleId: optionalId(input.portalRoleId, "portalRoleId"),
        email: input.email,
      };
      return input.sendInvite
        ? ctx.services.invites.enableAndInvite(ctx.scope(), args)
        : ctx.services.portalAccess.enablePortalAccess(ctx.scope(), args);
    });
  }

  @Mutation(() => GrantContactPortalAccessPayload, {
    description: "Give a contact proxy access to the patient whose record lists it (rules 1–3, 5).",
  })
  grantContactPortalAccess(@Arg("input", () => GrantContactPortalAccessInput) input: GrantContactPortalAccessInput, @Ctx() ctx: Context) {
    return asPayload(() => {
      const args = {
        contactId: parseId(input.contactId, "contactId", "Contact"),
        portalRoleId: parseId(input.portalRoleId, "portalRoleId", "Portal role"),
        email: input.email,
        linkExistingAccount: input.linkExistingAccount,
        authorization: input.authorization, // access schedule (rule 21)
      };
      return input.sendInvite
        ? ctx.services.invites.grantContactAndInvite(ctx.scope(), args)
        : ctx.services.portalAccess.grantContactPortalAccess(ctx.scope(), args);
    });
  }

  @Mutation(() => LinkPatientToPortalAccountPayload, {
    description: "Link a patient to the account that logs in with the patient's email on file (rule 4).",
  })
  linkPatientToPortalAccount(
    @Arg("input", () => LinkPatientToPortalAccountInput) input: LinkPatientToPortalAccountInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(() =>
      ctx.services.portalAccess.linkPatientToPortalAccount(ctx.scope(), {
        patientId: parseId(input.patientId, "patientId", "Patient"),
        portalRoleId: optionalId(input.portalRoleId, "portalRoleId"),
      }),
    );
  }

  @Mutation(() => ChangePortalRolePayload, { description: "Change the role of one grant (rule 10)." })
  changePortalRole(@Arg("input", () => ChangePortalRoleInput) input: ChangePortalRoleInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalAccess.changePortalRole(ctx.scope(), {
        grantId: parseId(input.grantId, "grantId", "Portal access"),
        portalRoleId: parseId(input.portalRoleId, "portalRoleId", "Portal role"),
      }),
    );
  }

  @Mutation(() => RevokePortalAccessPayload, { description: "Remove one grant (rule 10)." })
  revokePortalAccess(@Arg("input", () => RevokePortalAccessInput) input: RevokePortalAccessInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalAccess.revokePortalAccess(ctx.scope(), { grantId: parseId(input.grantId, "grantId", "Portal access") }),
    );
  }

  @Mutation(() => RevokeAllPortalAccessPayload, { description: "Remove every grant of an account (rule 10)." })
  revokeAllPortalAccess(@Arg("input", () => RevokeAllPortalAccessInput) input: RevokeAllPortalAccessInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalAccess.revokeAllPortalAccess(ctx.scope(), { accountId: parseId(input.accountId, "accountId", "Portal account") }),
    );
  }

  @Mutation(() => SetPortalAccountDisabledPayload, { description: "Disable or re-enable a portal account (rule 10)." })
  setPortalAccountDisabled(@Arg("input", () => SetPortalAccountDisabledInput) input: SetPortalAccountDisabledInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.portalAccess.setPortalAccountDisabled(ctx.scope(), {
        accountId: parseId(input.accountId, "accountId", "Portal account"),
        disabled: input.disabled,
      }),
    );
  }

  @Mutation(() => ForcePortalPasswordChangePayload, { description: "Require a new password at the account's next sign-in (rule 10)." })
  forcePortalPasswordChange(
    @Arg("input", () => ForcePortalPasswordChangeInput) input: ForcePortalPasswordChangeInput,
    @Ctx() ctx: Context,
  ) {
    return asPayload(() =>
      ctx.services.portalAccess.forcePortalPasswordChange(ctx.scope(), {
        accountId: parseId(input.accountId, "accountId", "Portal account"),
      }),
    );
  }

  @Query(() => PortalAccountConnection, { description: "Portal accounts of the organization, enabled and disabled, by login email." })
  async portalAccounts(
    @Args(() => PortalAccountsArgs) { filter, first, after }: PortalAccountsArgs,
    @Ctx() ctx: Context,
  ): Promise<PortalAccountConnection> {
    const limit = pageSize(first);
    const qb = ctx
      .scope()
      .qb(PortalAccount, "a")
      .orderBy("a.emailNormalized", "ASC")
      .take(limit + 1);
    if (filter?.disabled != null) qb.andWhere("a.disabled = :disabled", { disabled: filter.disabled });
    if (filter?.search?.trim())
      qb.andWhere(`a.emailNormalized LIKE :prefix ${LIKE_ESCAPE}`, { prefix: likePrefix(normalizeEmail(filter.search)) });
    if (after) qb.andWhere("a.emailNormalized > :cursor", { cursor: decodeCursor(after, ["string"])[0] });
    const rows = limit === 0 ? [] : await qb.getMany();
    return toConnection(rows, limit, (a) => [a.emailNormalized]);
  }
}

@Resolver(() => PortalGrant)
export class PortalGrantFieldsResolver {
  @FieldResolver(() => PortalAccount, { description: "The account holding the grant." })
  async account(@Root() grant: PortalGrant, @Ctx() ctx: Context) {
    return ctx.loaders().portalAccount.load(grant.accountId);
  }

  @FieldResolver(() => Patient, { description: "The patient whose profile it opens." })
  async patient(@Root() grant: PortalGrant, @Ctx() ctx: Context) {
    return ctx.loaders().patient.load(grant.patientId);
  }

  @FieldResolver(() => Contact, { nullable: true, description: "For PROXY grants, the contact on the record." })
  async contact(@Root() grant: PortalGrant, @Ctx() ctx: Context) {
    return grant.contactId ? ctx.loaders().contact.load(grant.contactId) : null;
  }

  @FieldResolver(() => PortalRole, { description: "The grant's portal role." })
  async portalRole(@Root() grant: PortalGrant, @Ctx() ctx: Context) {
    return ctx.loaders().portalRole.load(grant.portalRoleId);
  }

  @FieldResolver(() => Boolean, { description: "True while the grant is in force: neither revoked nor suspended (see suspendedAt)." })
  active(@Root() grant: PortalGrant): boolean {
    return grant.revokedAt === null && !grant.suspendedAt;
  }

  @FieldResolver(() => [PortalGrant], { description: "The account's other active grants: other profiles it can access (rule 11)." })
  async otherProfiles(@Root() grant: PortalGrant, @Ctx() ctx: Context) {
    const all = await ctx.loaders().activeGrantsByAccount.load(grant.accountId);
    return all.filter((g) => g.id !== grant.id);
  }
}

/** The organization's resend cooldown, read once per request however many accounts a page shows. */
const cooldowns = new WeakMap<Context, Promise<number>>();
function resendCooldownMinutes(ctx: Context, organizationId: number): Promise<number> {
  let cooldown = cooldowns.get(ctx);
  if (!cooldown) {
    cooldown = ctx
      .scope()
      .organization()
      .then((org) => (org.id === organizationId ? org.resendCooldownMinutes : 0));
    cooldowns.set(ctx, cooldown);
  }
  return cooldown;
}

@Resolver(() => PortalAccount)
export class PortalAccountFieldsResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "While the resend cooldown after the last invite runs (rule 7), when a new invite becomes possible; null when one may go out now (or the account signed up: no invite applies). Decided by the same rule that refuses a resend with COOLDOWN.",
  })
  async resendAvailableAt(@Root() account: PortalAccount, @Ctx() ctx: Context): Promise<Date | null> {
    if (account.signedUpAt || !account.lastInviteSentAt) return null;
    return resendAvailableAt(account.lastInviteSentAt, await resendCooldownMinutes(ctx, account.organizationId));
  }

  @FieldResolver(() => [PortalGrant], { description: "The account's active grants: every profile it can access." })
  async grants(@Root() account: PortalAccount, @Ctx() ctx: Context) {
    return ctx.loaders().activeGrantsByAccount.load(account.id);
  }

  @FieldResolver(() => PortalInvite, {
    nullable: true,
    description:
      "The latest invite (pending, accepted, expired, locked or voided), so an expired or locked invite shows beside the status.",
  })
  async latestInvite(@Root() account: PortalAccount, @Ctx() ctx: Context): Promise<PortalInvite | null> {
    const token = await ctx.loaders().latestInviteByAccount.load(account.id);
    return token ? inviteView(token) : null;
  }

  @FieldResolver(() => InviteDelivery, {
    nullable: true,
    description: "Delivery of the latest invite email (queued, sent, delivered, failed…), from the outbox and Mailgun's webhooks.",
  })
  async inviteDelivery(@Root() account: PortalAccount, @Ctx() ctx: Context): Promise<InviteDelivery | null> {
    const row = await ctx.loaders().latestInviteEmailByAccount.load(account.id);
    return row ? inviteDeliveryOf(row) : null;
  }

  @FieldResolver(() => Boolean, { description: "True once the account has accepted its invite." })
  signedUp(@Root() account: PortalAccount): boolean {
    return account.signedUpAt !== null;
  }
}
