import {
  addDays,
  AgeRulePreset,
  ageOn,
  ageRuleProblem,
  ageRulesApply,
  birthdayAt,
  dayOf,
  decideDaily,
  isCalendarDate,
  matchesPreset,
  nextScheduledChange,
  presetValues,
  ProxyBasis,
  renewedEndDate,
  scheduledChanges,
  selfAccessRefusal,
  type AgeRules,
  type ProxyGrantFacts,
} from "./access-schedule";

const QUEBEC: AgeRules = { ...presetValues(AgeRulePreset.QUEBEC)!, proxyLimitedRoleId: null };
const US: AgeRules = { ...presetValues(AgeRulePreset.US_COMMON)!, proxyLimitedRoleId: 7 };
const NONE: AgeRules = { ...presetValues(AgeRulePreset.NONE)!, proxyLimitedRoleId: null };
const parent = (over: Partial<ProxyGrantFacts> = {}): ProxyGrantFacts => ({ basis: ProxyBasis.PARENT, relationship: "MOTHER", endsOn: null, portalRoleId: 3, ageLimited: false, ...over });
const days = { noticeDays: 30, staffReminderDays: 14 };

describe("ages and birthdays", () => {
  it("counts whole years, turning a year older on the birthday itself", () => {
    expect(ageOn("2013-03-14", "2027-03-13")).toBe(13);
    expect(ageOn("2013-03-14", "2027-03-14")).toBe(14);
    expect(ageOn("2013-03-14", "2013-03-14")).toBe(0);
    expect(birthdayAt("2013-03-14", 14)).toBe("2027-03-14");
  });

  it("someone born on 29 February turns a year older on 1 March of a common year", () => {
    expect(birthdayAt("2012-02-29", 14)).toBe("2026-03-01");
    expect(ageOn("2012-02-29", "2026-02-28")).toBe(13);
    expect(ageOn("2012-02-29", "2026-03-01")).toBe(14);
    expect(birthdayAt("2012-02-29", 16)).toBe("2028-02-29");
  });

  it("knows real calendar dates and UTC days", () => {
    expect(isCalendarDate("2027-02-30")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("14/03/2013")).toBe(false);
    expect(dayOf(new Date("2027-03-14T23:59:59.999Z"))).toBe("2027-03-14");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
});

describe("presets", () => {
  it("ship Quebec (own consent at 14), US common practice (12 / 12 / 18) and none", () => {
    expect(presetValues(AgeRulePreset.QUEBEC)).toEqual({ selfAccessMinAge: 14, proxyLimitedAtAge: null, proxyEndsAtAge: 14 });
    expect(presetValues(AgeRulePreset.US_COMMON)).toEqual({ selfAccessMinAge: 12, proxyLimitedAtAge: 12, proxyEndsAtAge: 18 });
    expect(presetValues(AgeRulePreset.NONE)).toEqual({ selfAccessMinAge: null, proxyLimitedAtAge: null, proxyEndsAtAge: null });
    expect(presetValues(AgeRulePreset.CUSTOM)).toBeNull();
  });

  it("say when saved values were edited away from their preset", () => {
    expect(matchesPreset(AgeRulePreset.QUEBEC, { selfAccessMinAge: 14, proxyLimitedAtAge: null, proxyEndsAtAge: 14 })).toBe(true);
    expect(matchesPreset(AgeRulePreset.QUEBEC, { selfAccessMinAge: 14, proxyLimitedAtAge: null, proxyEndsAtAge: 18 })).toBe(false);
  });

  it("refuse impossible ages and a limit without its narrower role", () => {
    expect(ageRuleProblem({ selfAccessMinAge: 0, proxyLimitedAtAge: null, proxyEndsAtAge: null })?.[0]).toBe("selfAccessMinAge");
    expect(ageRuleProblem({ selfAccessMinAge: null, proxyLimitedAtAge: 16, proxyEndsAtAge: 14, proxyLimitedRoleId: 1 })?.[0]).toBe("proxyLimitedAtAge");
    expect(ageRuleProblem({ selfAccessMinAge: null, proxyLimitedAtAge: 12, proxyEndsAtAge: 18, proxyLimitedRoleId: null })?.[0]).toBe("proxyLimitedRoleId");
    expect(ageRuleProblem({ selfAccessMinAge: 12, proxyLimitedAtAge: 12, proxyEndsAtAge: 18, proxyLimitedRoleId: 4 })).toBeNull();
  });
});

describe("own (SELF) access below the minimum age", () => {
  it("is refused until the birthday, with the day it becomes possible", () => {
    expect(selfAccessRefusal(QUEBEC, "2013-03-14", "2027-03-13")).toEqual({ minAge: 14, allowedFrom: "2027-03-14" });
    expect(selfAccessRefusal(QUEBEC, "2013-03-14", "2027-03-14")).toBeNull();
  });

  it("is not refused without age rules or without a date of birth", () => {
    expect(selfAccessRefusal(NONE, "2020-01-01", "2027-03-13")).toBeNull();
    expect(selfAccessRefusal(QUEBEC, null, "2027-03-13")).toBeNull();
  });
});

describe("which proxies the age rules govern", () => {
  it("a parent's, or a mother's or father's recorded before the basis existed", () => {
    expect(ageRulesApply({ basis: ProxyBasis.PARENT, relationship: "OTHER" })).toBe(true);
    expect(ageRulesApply({ basis: null, relationship: "FATHER" })).toBe(true);
    expect(ageRulesApply({ basis: ProxyBasis.LEGAL_GUARDIAN, relationship: "MOTHER" })).toBe(false);
    expect(ageRulesApply({ basis: ProxyBasis.PATIENT_CONSENT, relationship: "MOTHER" })).toBe(false);
    expect(ageRulesApply({ basis: null, relationship: "SPOUSE" })).toBe(false);
  });
});

describe("scheduled changes", () => {
  it("Quebec: a parent's proxy ends on the 14th birthday", () => {
    expect(nextScheduledChange(QUEBEC, "2013-03-14", parent())).toEqual({ kind: "ENDS", on: "2027-03-14", reason: "AGE_RULE", portalRoleId: null });
  });

  it("US: limited at 12 to the narrower role, then ended at 18", () => {
    expect(scheduledChanges(US, "2015-06-01", parent())).toEqual([
      { kind: "LIMITED", on: "2027-06-01", reason: "AGE_RULE", portalRoleId: 7 },
      { kind: "ENDS", on: "2033-06-01", reason: "AGE_RULE", portalRoleId: null },
    ]);
    // Once limited (or already holding the narrower role), only the end is ahead.
    expect(nextScheduledChange(US, "2015-06-01", parent({ ageLimited: true }))?.kind).toBe("ENDS");
    expect(nextScheduledChange(US, "2015-06-01", parent({ portalRoleId: 7 }))?.kind).toBe("ENDS");
  });

  it("an end date before the age rule's end comes first; a guardian only has the end date", () => {
    expect(nextScheduledChange(QUEBEC, "2013-03-14", parent({ endsOn: "2026-12-31" }))).toMatchObject({ kind: "ENDS", on: "2026-12-31", reason: "END_DATE" });
    expect(nextScheduledChange(QUEBEC, "2013-03-14", parent({ basis: ProxyBasis.LEGAL_GUARDIAN, endsOn: "2030-01-01" }))).toMatchObject({ on: "2030-01-01", reason: "END_DATE" });
    expect(nextScheduledChange(QUEBEC, "2013-03-14", parent({ basis: ProxyBasis.LEGAL_GUARDIAN }))).toBeNull();
  });
});

describe("the daily decision", () => {
  it("sends the notice from N days before, applies on the day, and catches up a missed day", () => {
    expect(decideDaily(QUEBEC, "2013-03-14", parent(), "2027-02-11", days)).toEqual({ apply: null, notice: null, staffReminder: null });
    expect(decideDaily(QUEBEC, "2013-03-14", parent(), "2027-02-12", days).notice).toMatchObject({ kind: "ENDS", on: "2027-03-14" });
    expect(decideDaily(QUEBEC, "2013-03-14", parent(), "2027-03-14", days).apply).toMatchObject({ kind: "ENDS", reason: "AGE_RULE" });
    expect(decideDaily(QUEBEC, "2013-03-14", parent(), "2027-03-20", days).apply).toMatchObject({ kind: "ENDS" });
  });

  it("a limit and an end due the same day: the grant ends", () => {
    const sameDay: AgeRules = { selfAccessMinAge: null, proxyLimitedAtAge: 14, proxyEndsAtAge: 18, proxyLimitedRoleId: 7 };
    expect(decideDaily(sameDay, "2009-01-01", parent(), "2027-01-01", days).apply).toMatchObject({ kind: "ENDS" });
    expect(decideDaily(sameDay, "2013-01-01", parent(), "2027-01-01", days).apply).toMatchObject({ kind: "LIMITED", portalRoleId: 7 });
  });

  it("reminds staff N days before an end date; the holder gets no age notice for it", () => {
    const d = decideDaily(NONE, "1950-01-01", parent({ basis: ProxyBasis.POWER_OF_ATTORNEY, endsOn: "2027-05-01" }), "2027-04-17", days);
    expect(d).toEqual({ apply: null, notice: null, staffReminder: { kind: "ENDS", on: "2027-05-01", reason: "END_DATE", portalRoleId: null } });
    expect(decideDaily(NONE, "1950-01-01", parent({ endsOn: "2027-05-01" }), "2027-04-16", days).staffReminder).toBeNull();
  });
});

it("renewal adds a year to the end date, or to today once it has passed", () => {
  expect(renewedEndDate("2027-05-01", "2027-04-20")).toBe("2028-05-01");
  expect(renewedEndDate("2027-05-01", "2027-06-01")).toBe("2028-06-01");
  expect(renewedEndDate(null, "2027-06-01")).toBe("2028-06-01");
});
