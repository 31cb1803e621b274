import { isIsoDate, isValidEmail, normalizeEmail, passwordProblem } from "./rules";

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
});
