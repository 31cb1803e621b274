import { foldSearchText, parseTypedDate } from "./search";

describe("foldSearchText", () => {
  it("drops accents and case, so Côté, COTE and cote are one name", () => {
    expect(foldSearchText("Côté")).toBe("cote");
    expect(foldSearchText("COTE")).toBe("cote");
    expect(foldSearchText("  Héloïse   Lefèvre ")).toBe("heloise lefevre");
  });
  it("spells out letters that have no decomposition", () => {
    expect(foldSearchText("Œuvray")).toBe("oeuvray");
    expect(foldSearchText("Straße")).toBe("strasse");
    expect(foldSearchText("Łukasz Ødegård")).toBe("lukasz odegard");
  });
});

describe("parseTypedDate", () => {
  it("reads ISO dates", () => {
    expect(parseTypedDate("1960-09-21")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("1960/9/21")).toEqual(["1960-09-21"]);
  });
  it("reads day-first dots", () => {
    expect(parseTypedDate("21.09.1960")).toEqual(["1960-09-21"]);
  });
  it("reads slashes day first in French and month first in English", () => {
    expect(parseTypedDate("21/09/1960", "FR")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("09/21/1960", "EN")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("03/04/1960", "FR")).toEqual(["1960-04-03"]);
    expect(parseTypedDate("03/04/1960", "EN")).toEqual(["1960-03-04"]);
  });
  it("takes the only real reading whatever the language, and both without one", () => {
    expect(parseTypedDate("21/09/1960", "EN")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("09/21/1960", "FR")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("03/04/1960")).toEqual(["1960-04-03", "1960-03-04"]);
    expect(parseTypedDate("21-09-1960")).toEqual(["1960-09-21"]);
  });
  it("reads the admin's display in English and French", () => {
    expect(parseTypedDate("Sep 21, 1960")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("September 21 1960")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("21 sept. 1960")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("21 septembre 1960")).toEqual(["1960-09-21"]);
    expect(parseTypedDate("1er févr. 1961")).toEqual(["1961-02-01"]);
    expect(parseTypedDate("3 août 1975")).toEqual(["1975-08-03"]);
  });
  it("refuses what is not a real date", () => {
    expect(parseTypedDate("1960-02-30")).toEqual([]);
    expect(parseTypedDate("31/02/1960")).toEqual([]);
    expect(parseTypedDate("21/09/60")).toEqual([]);
    expect(parseTypedDate("Côté")).toEqual([]);
    expect(parseTypedDate("MRN-100001")).toEqual([]);
    expect(parseTypedDate("Foo 21, 1960")).toEqual([]);
  });
});
