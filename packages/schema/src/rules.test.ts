import { EMAIL_PROBLEM_MESSAGES, emailProblem, emailProblemMessage, isIsoDate, isValidEmail, normalizeEmail, passwordProblem, resendAvailableAt, spreadsheetSafe } from "./rules";

describe("shared rules", () => {
  it("normalizes emails by trimming and lower-casing", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
  });
  it("accepts plausible emails and rejects typos", () => {
    expect(isValidEmail("a.b+c@clinic.example")).toBe(true);
    expect(isValidEmail("no-at-sign.example")).toBe(false);
    expect(isValidEmail("two@@example.com")).toBe(false);
    expect(isValidEmail("nodomain@example")).toBe(false);
  });
  it("refuses the spellings that reach the same mailbox as a plain address (issue 11)", () => {
    expect(emailProblem("x@dom.example")).toBeNull();
    expect(emailProblem("  Jane.Doe+kids@Clinic.example ")).toBeNull();
    expect(emailProblem("élise@hôpital.example")).toBeNull();
    // Trailing dot (and its typo cousins).
    expect(emailProblem("x@dom.example.")).toBe("DOMAIN_DOTS");
    expect(emailProblem("x@dom..example")).toBe("DOMAIN_DOTS");
    expect(emailProblem("x@.dom.example")).toBe("DOMAIN_DOTS");
    // Quoted local part, comments, IP literals, lists.
    expect(emailProblem('"x"@dom.example')).toBe("SPECIAL_CHARACTERS");
    expect(emailProblem("x(comment)@dom.example")).toBe("SPECIAL_CHARACTERS");
    expect(emailProblem("x@[192.0.2.1]")).toBe("SPECIAL_CHARACTERS");
    expect(emailProblem("x@dom.example,y@dom.example")).toBe("SPECIAL_CHARACTERS");
    // Invisible characters: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM,
    // variation selector, bidi controls, Mongolian vowel separator, tag characters, inner spaces.
    for (const ch of ["\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\uFE0F", "\u202E", "\u2066", "\u200E", "\u061C", "\u180E", "\u{E0041}", "\u034F", "\u00A0", "\u3000", "\u0007"]) {
      expect([ch, emailProblem(`x${ch}y@dom.example`)]).toEqual([ch, "INVISIBLE_CHARACTER"]);
      expect([ch, emailProblem(`xy@dom${ch}.example`)]).toEqual([ch, "INVISIBLE_CHARACTER"]);
    }
    expect(emailProblem(`${"a".repeat(250)}@d.example`)).toBe("TOO_LONG");
    expect(emailProblem("no-at-sign.example")).toBe("INVALID");
    expect(isValidEmail("x\u00ADy@dom.example")).toBe(false);
  });
  it("says what is wrong in English and French", () => {
    expect(emailProblemMessage("x@dom.example")).toBeNull();
    expect(emailProblemMessage('"x"@dom.example')).toBe(EMAIL_PROBLEM_MESSAGES.en.SPECIAL_CHARACTERS);
    expect(emailProblemMessage("x\u00AD@dom.example", "fr")).toBe(EMAIL_PROBLEM_MESSAGES.fr.INVISIBLE_CHARACTER);
    expect(Object.keys(EMAIL_PROBLEM_MESSAGES.fr).sort()).toEqual(Object.keys(EMAIL_PROBLEM_MESSAGES.en).sort());
  });
  it("compares composed and decomposed accents as one address", () => {
    expect(normalizeEmail("e\u0301lise@example.com")).toBe(normalizeEmail("\u00E9lise@example.com"));
  });
  it("applies the password length policy without truncating", () => {
    expect(passwordProblem("short")).toBe("TOO_SHORT");
    expect(passwordProblem("x".repeat(12))).toBeNull();
    expect(passwordProblem("x".repeat(129))).toBe("TOO_LONG");
    expect(passwordProblem("é".repeat(12))).toBeNull();
  });
  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2021-2-1")).toBe(false);
  });
  it("prefixes every formula trigger of a CSV cell, and nothing else", () => {
    expect(["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "", null].map(spreadsheetSafe)).toEqual(["'=1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "", ""]);
    expect(spreadsheetSafe(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
  it("holds a resend for the cooldown after the last invite (rule 7)", () => {
    const now = new Date("2026-11-22T12:00:00.000Z");
    expect(resendAvailableAt(null, 15, now)).toBeNull();
    expect(resendAvailableAt("2026-11-22T11:50:00.000Z", 15, now)).toEqual(new Date("2026-11-22T12:05:00.000Z"));
    expect(resendAvailableAt(new Date("2026-11-22T11:45:00.000Z"), 15, now)).toBeNull();
  });
});
