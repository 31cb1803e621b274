import { Max, Min } from "class-validator";
import { Args, ArgsType, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";

@ObjectType({ description: "Invites of one week (Monday to Sunday, UTC)." })
class InviteWeek {
  @Field({ description: "The week's Monday, YYYY-MM-DD (UTC)." })
  weekStart: string;

  @Field(() => Int, { description: "Invites sent that week, resends included." })
  sent: number;

  @Field(() => Int, { description: "Accounts that accepted their invite (signed up) that week." })
  accepted: number;

  @Field(() => Int, { description: "Invite emails queued that week that could not be delivered." })
  failed: number;
}

@ObjectType({ description: "The organization's portal onboarding at a glance (the admin's overview)." })
class OnboardingStats {
  @Field(() => [InviteWeek], { description: "One entry per week, oldest first, the current week last." })
  weeks: InviteWeek[];

  @Field(() => Int, { description: "Portal accounts ever sent an invite." })
  invitedAccounts: number;

  @Field(() => Int, { description: "Of those, the accounts that signed up." })
  acceptedAccounts: number;

  @Field(() => Float, { nullable: true, description: "acceptedAccounts / invitedAccounts, from 0 to 1; null before any invite." })
  acceptRate: number | null;
}

@ArgsType()
class OnboardingStatsArgs {
  @Field(() => Int, { defaultValue: 8, description: "How many weeks to report, the current one included (1 to 52)." })
  @Min(1)
  @Max(52)
  weeks: number;
}

@Resolver()
export class OnboardingStatsResolver {
  @Query(() => OnboardingStats, { description: "Invites sent, accepted and failed per week, and the accept rate." })
  onboardingStats(@Args(() => OnboardingStatsArgs) { weeks }: OnboardingStatsArgs, @Ctx() ctx: Context) {
    return ctx.services.onboardingStats.stats(ctx.scope(), weeks);
  }
}
