import type { SelectQueryBuilder, ObjectLiteral } from "typeorm";
import { isMysql } from "../../db/data-source";
import type { OrgScope } from "../../db/org-scope";
import { EmailKind } from "../../email/email.types";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { INVITE_SENT_ACTION } from "../audit/audit.service";
import { PortalAccount } from "../portal-access/portal-account.entity";

const DAY_MS = 86_400_000;
const INVITE_KINDS = [EmailKind.INVITE_LINK, EmailKind.INVITE_TEMPORARY_PASSWORD];
// Provider outcomes (Mailgun webhook events) that mean the invite never reached the person.
const UNDELIVERED = ["FAILED", "BOUNCED", "COMPLAINED", "REJECTED"];

export interface InviteWeekStats {
  weekStart: string;
  sent: number;
  accepted: number;
  failed: number;
}

export interface OnboardingStatsResult {
  weeks: InviteWeekStats[];
  invitedAccounts: number;
  acceptedAccounts: number;
  acceptRate: number | null;
}

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartUtc(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/**
 * The organization's onboarding over recent weeks, counted in SQL (one grouped query per series,
 * whatever the number of invites): invites sent (InviteSent events in the audit log), accepted (accounts that signed up),
 * failed (invite emails the outbox or the provider gave up on), and the accept rate.
 */
export class OnboardingStatsService {
  async stats(scope: OrgScope, weeks: number, now = new Date()): Promise<OnboardingStatsResult> {
    const firstWeek = new Date(weekStartUtc(now).getTime() - (weeks - 1) * 7 * DAY_MS);
    const mysql = isMysql(scope.dataSource);
    // Timestamps are stored in UTC on both databases; the UTC calendar day is the bucket.
    const day = (column: string) => (mysql ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `substr(${column}, 1, 10)`);
    const perDay = async <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) => {
      const rows = await qb
        .select(day(column), "day")
        .addSelect("COUNT(*)", "n")
        .andWhere(`${column} >= :firstWeek`, { firstWeek })
        .groupBy("day")
        .getRawMany<{ day: string; n: string | number }>();
      return rows.map((r) => ({ day: String(r.day), n: Number(r.n) }));
    };

    const [sent, accepted, failed, invitedAccounts, acceptedAccounts] = await Promise.all([
      // Invites sent: the InviteSent events, as the audit log (the append-only event record) keeps them.
      perDay(scope.qb(AuditEvent, "e").andWhere("e.action = :action", { action: INVITE_SENT_ACTION }), "e.at"),
      perDay(scope.qb(PortalAccount, "a").andWhere("a.signedUpAt IS NOT NULL"), "a.signedUpAt"),
      perDay(
        scope
          .qb(OutboxMessage, "o")
          .andWhere("o.kind IN (:...kinds)", { kinds: INVITE_KINDS })
          .andWhere("(o.status = :failedStatus OR UPPER(o.deliveryStatus) IN (:...undelivered))", {
            failedStatus: "FAILED",
            undelivered: UNDELIVERED,
          }),
        "o.createdAt",
      ),
      scope.qb(PortalAccount, "a").andWhere("(a.lastInviteSentAt IS NOT NULL OR a.signedUpAt IS NOT NULL)").getCount(),
      scope.qb(PortalAccount, "a").andWhere("a.signedUpAt IS NOT NULL").getCount(),
    ]);

    const buckets = Array.from({ length: weeks }, (_, i) => ({
      weekStart: new Date(firstWeek.getTime() + i * 7 * DAY_MS).toISOString().slice(0, 10),
      sent: 0,
      accepted: 0,
      failed: 0,
    }));
    const add = (rows: { day: string; n: number }[], key: "sent" | "accepted" | "failed") => {
      for (const { day: d, n } of rows) {
        const index = Math.floor((Date.parse(`${d}T00:00:00Z`) - firstWeek.getTime()) / (7 * DAY_MS));
        if (index >= 0 && index < weeks) buckets[index][key] += n;
      }
    };
    add(sent, "sent");
    add(accepted, "accepted");
    add(failed, "failed");
    return { weeks: buckets, invitedAccounts, acceptedAccounts, acceptRate: invitedAccounts ? acceptedAccounts / invitedAccounts : null };
  }
}
