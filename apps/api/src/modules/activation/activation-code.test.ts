import { CODE_ALPHABET, formatActivationCode, generateActivationCode, hashActivationCode, normalizeActivationCode } from "./activation-code";

describe("activation codes", () => {
  it("are 8 characters of Crockford's alphabet, without I, L, O or U", () => {
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
    for (let i = 0; i < 200; i++) expect(generateActivationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("read back whatever the case, spaces and dashes, with O, I and L as 0, 1 and 1", () => {
    expect(normalizeActivationCode("ab12-cd34")).toBe("AB12CD34");
    expect(normalizeActivationCode(" AB12 CD34 ")).toBe("AB12CD34");
    expect(normalizeActivationCode("OIL2-CD34")).toBe("0112CD34");
    expect(normalizeActivationCode("AB12CD3")).toBeNull();
    expect(normalizeActivationCode("AB12CD3U")).toBeNull();
    expect(normalizeActivationCode("AB12CD3!")).toBeNull();
    expect(formatActivationCode("AB12CD34")).toBe("AB12-CD34");
  });

  it("are kept as a keyed hash: the same code under another secret hashes differently", () => {
    expect(hashActivationCode("s1", "AB12CD34")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashActivationCode("s1", "AB12CD34")).not.toBe(hashActivationCode("s2", "AB12CD34"));
  });
});
