import { decideReminder, earliestDueCutoff, MISSED_REMINDER_GRACE_DAYS, oldestRemindedInvite, type ReminderFacts } from "./reminder-schedule";

const DAY = 86_400_000;
const invitedAt = new Date("2026-11-01T09:00:00Z");
const at = (days: number) => new Date(invitedAt.getTime() + days * DAY);
const settings = { days: [3, 10], resendCooldownMinutes: 60 };
const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  signedUpAt: null,
  lastSignInAt: null,
  disabled: false,
  lastInviteSentAt: invitedAt,
  lastReminderAt: null,
  remindersSent: 0,
  reminderRoundAt: null,
  inviteLocked: false,
  inviteIsLink: true,
  grantUsable: true,
  ...over,
});

describe("decideReminder", () => {
  it("sends the first reminder on its day, not before", () => {
    expect(decideReminder(facts(), settings, at(2.9))).toEqual({ skip: "NOT_DUE" });
    expect(decideReminder(facts(), settings, at(3))).toEqual({ send: { number: 1, roundAt: invitedAt } });
  });

  it("sends the second reminder of the round on its day, then stops", () => {
    const afterFirst = facts({ lastInviteSentAt: at(3), lastReminderAt: at(3), remindersSent: 1, reminderRoundAt: invitedAt });
    expect(decideReminder(afterFirst, settings, at(9))).toEqual({ skip: "NOT_DUE" });
    expect(decideReminder(afterFirst, settings, at(10))).toEqual({ send: { number: 2, roundAt: invitedAt } });
    const afterSecond = facts({ lastInviteSentAt: at(10), lastReminderAt: at(10), remindersSent: 2, reminderRoundAt: invitedAt });
    expect(decideReminder(afterSecond, settings, at(11))).toEqual({ skip: "SCHEDULE_DONE" });
  });

  it("never reminds after sign-in or within the resend cooldown", () => {
    expect(decideReminder(facts({ lastSignInAt: at(1) }), settings, at(3))).toEqual({ skip: "SIGNED_IN" });
    const resentByStaff = facts({ lastInviteSentAt: at(3), lastReminderAt: null });
    expect(decideReminder(resentByStaff, settings, new Date(at(3).getTime() + 30 * 60_000))).toEqual({ skip: "COOLDOWN" });
  });

  it("skips a schedule long past instead of emailing every old invite at once", () => {
    const lastDay = settings.days[settings.days.length - 1];
    expect(decideReminder(facts(), settings, at(lastDay + MISSED_REMINDER_GRACE_DAYS - 0.1))).toEqual({ send: { number: 1, roundAt: invitedAt } });
    expect(decideReminder(facts(), settings, at(lastDay + MISSED_REMINDER_GRACE_DAYS))).toEqual({ skip: "SCHEDULE_DONE" });
    expect(decideReminder(facts(), settings, at(200))).toEqual({ skip: "SCHEDULE_DONE" });
    // Staff's explicit "remind all N matching" still reaches them.
    expect(decideReminder(facts(), settings, at(200), true)).toEqual({ send: { number: 1, roundAt: invitedAt } });
  });

  it("bounds the sweep's invite-time range on both sides of what can be due", () => {
    const now = at(5);
    expect(earliestDueCutoff(settings.days, now)).toEqual(at(2));
    expect(oldestRemindedInvite(settings.days, now)).toEqual(at(5 - 10 - MISSED_REMINDER_GRACE_DAYS));
    expect(oldestRemindedInvite([], now)).toBeNull();
  });
});
