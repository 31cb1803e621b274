/**
 * Invite reminders (SPEC rule 23), decided without a database or a clock of their own: the sweep
 * and the bulk "remind" action read the facts, these functions decide, the service writes.
 */

/** The schedule a new organization gets: a reminder 3 days after the invite, another after 10, then none. */
export const DEFAULT_REMINDER_DAYS = [3, 10];
/** At most this many reminders per invite: more would be mail nobody asked for. */
export const MAX_REMINDERS = 5;
/** A reminder later than this after the invite helps no one. */
export const MAX_REMINDER_DAY = 90;

const DAY_MS = 86_400_000;
/**
 * A scheduled reminder not sent within this many days of its day (the feature turned on for a clinic
 * with old invites, or every API process down) is skipped rather than sent late: a clinic turning on
 * reminders must not email every patient invited months ago at once. Staff reach those with the bulk
 * "remind all N matching" action, which is theirs to choose.
 */
export const MISSED_REMINDER_GRACE_DAYS = 2;

/** "3,10" → [3, 10]; anything unreadable is dropped (the setting is validated when saved). */
export function parseReminderDays(csv: string): number[] {
  return csv
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^\d{1,3}$/.test(s))
    .map(Number);
}

/** Why a schedule cannot be saved, or null: whole days, 1 to 90, strictly increasing, at most 5. */
export function reminderDaysProblem(days: number[]): string | null {
  if (days.length > MAX_REMINDERS) return `At most ${MAX_REMINDERS} reminders.`;
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_REMINDER_DAY)) return `Each reminder is 1 to ${MAX_REMINDER_DAY} days after the invite.`;
  if (days.some((d, i) => i > 0 && d <= days[i - 1])) return "List the days in increasing order, each once.";
  return null;
}

/** What the decision needs of an account, its latest invite and the organization. */
export interface ReminderFacts {
  signedUpAt: Date | null;
  lastSignInAt: Date | null;
  disabled: boolean;
  lastInviteSentAt: Date | null;
  lastReminderAt: Date | null;
  remindersSent: number;
  reminderRoundAt: Date | null;
  /** The latest invite was locked after wrong dates of birth (rule 8: only staff lift it). */
  inviteLocked: boolean;
  /** The latest invite was a link (a temporary-password invite is not re-sent by a reminder). */
  inviteIsLink: boolean;
  /** The patient the invite opens is active and the grant usable. */
  grantUsable: boolean;
}

export interface ReminderSettings {
  days: number[];
  resendCooldownMinutes: number;
}

/** A reminder to send: which one of the round, and the round it belongs to. */
export interface ReminderDue {
  /** 1 for the first reminder of the round. */
  number: number;
  /** The staff invite the round counts from. */
  roundAt: Date;
}

export type ReminderDecision = { send: ReminderDue } | { skip: ReminderSkip };

export type ReminderSkip = "SIGNED_IN" | "DISABLED" | "NOT_INVITED" | "LOCKED" | "NOT_LINK" | "NO_ACCESS" | "NOT_DUE" | "COOLDOWN" | "SCHEDULE_DONE";

/**
 * The round a reminder counts in. A reminder also moves lastInviteSentAt (it carries a new link),
 * to the same instant as lastReminderAt; an invite from staff after the last reminder starts a new round.
 */
export function currentRound(f: Pick<ReminderFacts, "lastInviteSentAt" | "lastReminderAt" | "remindersSent" | "reminderRoundAt">): { roundAt: Date; sent: number } | null {
  if (!f.lastInviteSentAt) return null;
  const newRound = !f.lastReminderAt || !f.reminderRoundAt || f.lastInviteSentAt.getTime() > f.lastReminderAt.getTime();
  return newRound ? { roundAt: f.lastInviteSentAt, sent: 0 } : { roundAt: f.reminderRoundAt!, sent: f.remindersSent };
}

/**
 * Whether a reminder is due now. `manual` is staff's "remind all N matching": the schedule's days do
 * not apply (staff chose the moment, and a locked invite is reopened as a staff resend would), but
 * everything else does: never after sign-in, never within the resend cooldown.
 */
export function decideReminder(f: ReminderFacts, settings: ReminderSettings, now: Date, manual = false): ReminderDecision {
  if (f.signedUpAt || f.lastSignInAt) return { skip: "SIGNED_IN" };
  if (f.disabled) return { skip: "DISABLED" };
  if (!f.grantUsable) return { skip: "NO_ACCESS" };
  const round = currentRound(f);
  if (!round) return { skip: "NOT_INVITED" };
  if (!f.inviteIsLink) return { skip: "NOT_LINK" };
  if (f.inviteLocked && !manual) return { skip: "LOCKED" };
  const lastSend = Math.max(f.lastInviteSentAt!.getTime(), f.lastReminderAt?.getTime() ?? 0);
  if (now.getTime() < lastSend + settings.resendCooldownMinutes * 60_000) return { skip: "COOLDOWN" };
  if (!manual) {
    const day = settings.days[round.sent];
    if (day === undefined) return { skip: "SCHEDULE_DONE" };
    const last = settings.days[settings.days.length - 1];
    if (now.getTime() >= round.roundAt.getTime() + (last + MISSED_REMINDER_GRACE_DAYS) * DAY_MS) return { skip: "SCHEDULE_DONE" };
    if (now.getTime() < round.roundAt.getTime() + day * DAY_MS) return { skip: "NOT_DUE" };
  }
  return { send: { number: round.sent + 1, roundAt: round.roundAt } };
}

/**
 * The oldest latest-invite time that can still have a scheduled reminder due now: a round starts at
 * or before the latest invite, and a round older than its last day plus the grace is done. With
 * earliestDueCutoff it bounds the sweep's range on the invite-time index from both sides.
 */
export function oldestRemindedInvite(days: number[], now: Date): Date | null {
  if (days.length === 0) return null;
  return new Date(now.getTime() - (Math.max(...days) + MISSED_REMINDER_GRACE_DAYS) * DAY_MS);
}

/** The earliest invite time that can have a scheduled reminder due now (the sweep's index range). */
export function earliestDueCutoff(days: number[], now: Date): Date | null {
  if (days.length === 0) return null;
  return new Date(now.getTime() - Math.min(...days) * DAY_MS);
}
