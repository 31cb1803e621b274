/**
 * Access over time (SPEC rules 20 and 21): the age rules for minors, the presets an organization
 * starts from, and the dates on which a proxy grant changes. Pure functions over calendar dates
 * (`YYYY-MM-DD`, no time zone, like a date of birth): the API decides with them, the admin shows
 * the presets and their sources from the same table, and the unit tests pin them down.
 */

/** Why a proxy was authorized (rule 21). */
export enum ProxyBasis {
  /** A parent of a minor: the only basis the age rules apply to. */
  PARENT = "PARENT",
  /** A guardian or tutor appointed by a court or by law. */
  LEGAL_GUARDIAN = "LEGAL_GUARDIAN",
  /** A power of attorney or mandate signed by the patient. */
  POWER_OF_ATTORNEY = "POWER_OF_ATTORNEY",
  /** The patient's own consent (a teenager or adult who lets someone see the profile). */
  PATIENT_CONSENT = "PATIENT_CONSENT",
}

/** The organization's starting point for the age rules; CUSTOM once values no preset has are saved. */
export enum AgeRulePreset {
  NONE = "NONE",
  QUEBEC = "QUEBEC",
  US_COMMON = "US_COMMON",
  CUSTOM = "CUSTOM",
}

/** The three ages of rule 20; null means "no such rule". */
export interface AgeRuleValues {
  /** Age from which a patient may hold a SELF account. */
  selfAccessMinAge: number | null;
  /** Age at which a parent's proxy is switched to the organization's narrower portal role. */
  proxyLimitedAtAge: number | null;
  /** Age at which a parent's proxy ends. */
  proxyEndsAtAge: number | null;
}

export interface AgeRulePresetInfo {
  preset: AgeRulePreset;
  values: AgeRuleValues;
  label: { en: string; fr: string };
  /** Where the values come from, said honestly: a statute, or a common practice. */
  source: { en: string; fr: string };
}

/**
 * Shipped presets. They are starting points an organization edits, not legal advice: the source
 * says what each number rests on so that a clinic can check it with its own counsel.
 */
export const AGE_RULE_PRESETS: readonly AgeRulePresetInfo[] = [
  {
    preset: AgeRulePreset.NONE,
    values: { selfAccessMinAge: null, proxyLimitedAtAge: null, proxyEndsAtAge: null },
    label: { en: "No age rules", fr: "Aucune règle d’âge" },
    source: {
      en: "No age-based rule: staff decide each grant themselves.",
      fr: "Aucune règle liée à l’âge : le personnel décide de chaque accès.",
    },
  },
  {
    preset: AgeRulePreset.QUEBEC,
    values: { selfAccessMinAge: 14, proxyLimitedAtAge: null, proxyEndsAtAge: 14 },
    label: { en: "Quebec", fr: "Québec" },
    source: {
      en: "Civil Code of Québec, art. 14 (a minor 14 or over consents alone to care) and Act respecting health services and social services (CQLR c. S-4.2), s. 21 (a parent sees the record of a user 14 or over only with the user's consent). Own account from 14; a parent's proxy ends at 14 unless the teenager consents (grant it again with the basis \"patient's consent\").",
      fr: "Code civil du Québec, art. 14 (le mineur de 14 ans et plus consent seul aux soins) et Loi sur les services de santé et les services sociaux (RLRQ c. S-4.2), art. 21 (le parent n’a accès au dossier d’un usager de 14 ans et plus qu’avec son consentement). Compte personnel dès 14 ans; l’accès mandataire d’un parent prend fin à 14 ans, sauf consentement de l’adolescent (accorder de nouveau avec le fondement « consentement du patient »).",
    },
  },
  {
    preset: AgeRulePreset.US_COMMON,
    values: { selfAccessMinAge: 12, proxyLimitedAtAge: 12, proxyEndsAtAge: 18 },
    label: { en: "United States (common practice)", fr: "États-Unis (pratique courante)" },
    source: {
      en: "Common US health-system practice (e.g. Epic MyChart adolescent proxy access): the teenager may have an own account from 12, a parent's proxy is limited to a narrower role at 12 and ends at 18 (age of majority). Not a statute: state minor-consent laws vary.",
      fr: "Pratique courante des systèmes de santé américains (p. ex. l’accès mandataire pour adolescents d’Epic MyChart) : compte personnel dès 12 ans, accès mandataire d’un parent limité à un rôle plus restreint à 12 ans et terminé à 18 ans (majorité). Ce n’est pas une loi : les règles des États varient.",
    },
  },
];

/** The values of a preset (CUSTOM has none of its own). */
export function presetValues(preset: AgeRulePreset): AgeRuleValues | null {
  return AGE_RULE_PRESETS.find((p) => p.preset === preset)?.values ?? null;
}

/** Whether saved values are exactly a preset's (the admin says "edited" otherwise). */
export function matchesPreset(preset: AgeRulePreset, values: AgeRuleValues): boolean {
  const p = presetValues(preset);
  return !!p && p.selfAccessMinAge === values.selfAccessMinAge && p.proxyLimitedAtAge === values.proxyLimitedAtAge && p.proxyEndsAtAge === values.proxyEndsAtAge;
}

/** What is wrong with a set of ages, as [field, message], or null. Ages run 1–25. */
export function ageRuleProblem(values: AgeRuleValues & { proxyLimitedRoleId?: unknown }): [keyof AgeRuleValues | "proxyLimitedRoleId", string] | null {
  for (const field of ["selfAccessMinAge", "proxyLimitedAtAge", "proxyEndsAtAge"] as const) {
    const v = values[field];
    if (v !== null && (!Number.isInteger(v) || v < 1 || v > 25)) return [field, "An age between 1 and 25, or none."];
  }
  if (values.proxyLimitedAtAge !== null && values.proxyEndsAtAge !== null && values.proxyLimitedAtAge > values.proxyEndsAtAge) {
    return ["proxyLimitedAtAge", "A proxy cannot be limited after it has ended."];
  }
  if (values.proxyLimitedAtAge !== null && values.proxyLimitedRoleId == null) return ["proxyLimitedRoleId", "Choose the narrower role a limited proxy gets."];
  return null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a calendar date: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whether a string is a real calendar date (2027-02-30 is not). */
export function isCalendarDate(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/**
 * The calendar day of an instant. The organization has no time zone setting yet, so days are UTC
 * days: the daily job and every "today" agree on one clock.
 */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A day plus (or minus) a number of days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return dayOf(new Date(Date.UTC(y, m - 1, d + days)));
}

/** A day plus a number of years; 29 February becomes 1 March in a year without it. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  return dayOf(new Date(Date.UTC(y + years, m - 1, d)));
}

/**
 * The day a person born on `dateOfBirth` turns `age`. Someone born on 29 February turns a year
 * older on 1 March in years without it (the same rule as `ageOn`).
 */
export function birthdayAt(dateOfBirth: string, age: number): string {
  return addYears(dateOfBirth, age);
}

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by] = parts(dateOfBirth);
  const [y, m, d] = parts(day);
  const age = y - by;
  // Not yet this year's birthday; 29 February counts as 1 March in a year without it.
  return birthdayAt(dateOfBirth, age) > format(y, m, d) ? age - 1 : age;
}

/** Rule 20: why a patient may not hold a SELF account on `today`, or null when they may. */
export function selfAccessRefusal(rules: AgeRuleValues, dateOfBirth: string | null, today: string): { minAge: number; allowedFrom: string } | null {
  // Without a date of birth the age is unknown; the invite itself needs one (rule 8) and is checked then.
  if (rules.selfAccessMinAge === null || !dateOfBirth || !isCalendarDate(dateOfBirth)) return null;
  if (ageOn(dateOfBirth, today) >= rules.selfAccessMinAge) return null;
  return { minAge: rules.selfAccessMinAge, allowedFrom: birthdayAt(dateOfBirth, rules.selfAccessMinAge) };
}

/** The facts of one proxy grant that the schedule depends on. */
export interface ProxyGrantFacts {
  /** Why the proxy was authorized; null for grants made before the basis was recorded. */
  basis: ProxyBasis | null;
  /** The contact's relationship on the record (MOTHER, FATHER…), for grants without a basis. */
  relationship: string | null;
  /** The end date staff set (a court order, a consent valid one year); null: no end date. */
  endsOn: string | null;
  /** The grant's current portal role. */
  portalRoleId: number;
  /** Already switched to the narrower role by the age rule (it is not switched twice). */
  ageLimited: boolean;
}

/**
 * The age rules govern a parent's proxy only. A guardian, a power of attorney or the patient's
 * consent may last past majority and end on their own date instead. A grant made before the basis
 * was recorded counts as a parent's when the contact is the mother or father.
 */
export function ageRulesApply(grant: Pick<ProxyGrantFacts, "basis" | "relationship">): boolean {
  if (grant.basis) return grant.basis === ProxyBasis.PARENT;
  return grant.relationship === "MOTHER" || grant.relationship === "FATHER";
}

export type ScheduledChangeKind = "LIMITED" | "ENDS";
export type ScheduledChangeReason = "AGE_RULE" | "END_DATE";

/** The next change of a proxy grant: what happens, on which day, and why. */
export interface ScheduledChange {
  kind: ScheduledChangeKind;
  on: string;
  reason: ScheduledChangeReason;
  /** For LIMITED: the narrower role the grant gets. */
  portalRoleId: number | null;
}

export interface AgeRules extends AgeRuleValues {
  /** The narrower portal role of a limited proxy. */
  proxyLimitedRoleId: number | null;
}

/**
 * Every change still ahead of a proxy grant (possibly due already), earliest first: the end date,
 * and for a parent's proxy of a patient with a date of birth, the limit and the end of the age rules.
 * A limit on or after the end is left out (the grant ends first).
 */
export function scheduledChanges(rules: AgeRules, dateOfBirth: string | null, grant: ProxyGrantFacts): ScheduledChange[] {
  const ends: ScheduledChange[] = [];
  if (grant.endsOn) ends.push({ kind: "ENDS", on: grant.endsOn, reason: "END_DATE", portalRoleId: null });
  const byAge = ageRulesApply(grant) && dateOfBirth && isCalendarDate(dateOfBirth);
  if (byAge && rules.proxyEndsAtAge !== null) ends.push({ kind: "ENDS", on: birthdayAt(dateOfBirth, rules.proxyEndsAtAge), reason: "AGE_RULE", portalRoleId: null });
  ends.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.reason === "END_DATE" ? -1 : 1));
  const end = ends[0] ?? null;
  const changes: ScheduledChange[] = end ? [end] : [];
  if (byAge && rules.proxyLimitedAtAge !== null && rules.proxyLimitedRoleId !== null && !grant.ageLimited && grant.portalRoleId !== rules.proxyLimitedRoleId) {
    const on = birthdayAt(dateOfBirth, rules.proxyLimitedAtAge);
    if (!end || on < end.on) changes.unshift({ kind: "LIMITED", on, reason: "AGE_RULE", portalRoleId: rules.proxyLimitedRoleId });
  }
  return changes;
}

/** The change a grant's holder should hear about next, or null (shown as "proxy ends on …"). */
export function nextScheduledChange(rules: AgeRules, dateOfBirth: string | null, grant: ProxyGrantFacts): ScheduledChange | null {
  return scheduledChanges(rules, dateOfBirth, grant)[0] ?? null;
}

/** What the daily job does to one proxy grant on `today`. */
export interface DailyDecision {
  /** Apply now: a due limit (role switch) or a due end (revocation). */
  apply: ScheduledChange | null;
  /** Tell the proxy and the patient about this coming change (age rules; sent once per change). */
  notice: ScheduledChange | null;
  /** Remind staff of this coming end date (sent once per end date). */
  staffReminder: ScheduledChange | null;
}

/**
 * The daily job's decision for one proxy grant. Due means "on or before today", so a day the job
 * did not run (the server was down) is caught up the next day.
 */
export function decideDaily(
  rules: AgeRules,
  dateOfBirth: string | null,
  grant: ProxyGrantFacts,
  today: string,
  days: { noticeDays: number; staffReminderDays: number },
): DailyDecision {
  const changes = scheduledChanges(rules, dateOfBirth, grant);
  const due = changes.filter((c) => c.on <= today);
  // An end due today wins over a limit due today: there is nothing left to limit.
  const apply = due.find((c) => c.kind === "ENDS") ?? due[0] ?? null;
  if (apply) return { apply, notice: null, staffReminder: null };
  const next = changes[0] ?? null;
  const notice = next && next.reason === "AGE_RULE" && addDays(next.on, -days.noticeDays) <= today ? next : null;
  const ending = changes.find((c) => c.reason === "END_DATE") ?? null;
  const staffReminder = ending && addDays(ending.on, -days.staffReminderDays) <= today ? ending : null;
  return { apply: null, notice, staffReminder };
}

/** Renewal in one click: one more year from the current end date, or from today if that has passed. */
export function renewedEndDate(currentEndsOn: string | null, today: string): string {
  const from = currentEndsOn && currentEndsOn > today ? currentEndsOn : today;
  return addYears(from, 1);
}
