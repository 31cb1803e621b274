import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Connection, decodeCursor, pageSize, toConnection } from "../../graphql/connection";
import { asPayload, parseId } from "../../graphql/user-error";
import { ApiKey } from "./api-key.entity";
import { CreateApiKeyInput, RevokeApiKeyInput } from "./api-key.inputs";
import { CreateApiKeyPayload, RevokeApiKeyPayload } from "./api-key.payloads";

const ApiKeyConnection = Connection(ApiKey, { name: "ApiKey", description: "A page of API keys, newest first.", node: "The key.", edges: "The keys of this page." });
type ApiKeyConnection = InstanceType<typeof ApiKeyConnection>;

@ArgsType()
class ApiKeysArgs {
  @Field(() => Boolean, { nullable: true, description: "Include revoked and expired keys (default false)." })
  includeInactive?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after." })
  after?: string | null;
}

/** API keys are staff-only: MANAGE_API_KEYS has no scope standing in for it, so a key cannot mint keys. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "The organization's API keys, newest first. Secrets are never shown again." })
  async apiKeys(@Args(() => ApiKeysArgs) { includeInactive, first, after }: ApiKeysArgs, @Ctx() ctx: Context): Promise<ApiKeyConnection> {
    const limit = pageSize(first);
    const qb = ctx
      .scope()
      .qb(ApiKey, "k")
      .orderBy("k.id", "DESC")
      .take(limit + 1);
    if (!includeInactive) qb.andWhere("k.revokedAt IS NULL").andWhere("(k.expiresAt IS NULL OR k.expiresAt > :now)", { now: new Date() });
    if (after) qb.andWhere("k.id < :cursor", { cursor: decodeCursor(after, ["id"])[0] });
    const rows = limit === 0 ? [] : await qb.getMany();
    return toConnection(rows, limit, (k) => [k.id]);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: "Create an API key for a partner app. The payload carries the secret; it is shown only this once.",
  })
  createApiKey(@Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.apiKeys.create(ctx.scope(), input));
  }

  @Mutation(() => RevokeApiKeyPayload, { description: "Revoke an API key; requests with it are refused from this moment." })
  revokeApiKey(@Arg("input", () => RevokeApiKeyInput) input: RevokeApiKeyInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.apiKeys.revoke(ctx.scope(), parseId(input.id, "id", "API key")));
  }
}
