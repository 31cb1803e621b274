import { isIsoDate, isValidEmail, normalizeEmail, passwordProblem, resendAvailableAt, spreadsheetSafe } from "./rules";

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
