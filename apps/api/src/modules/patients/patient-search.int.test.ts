import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { startTestApp, type TestApp } from "../../../test/test-app";

const { VIEW_PATIENTS, EDIT_PATIENTS } = StaffPermission;

const CREATE_PATIENT = `mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id } userErrors { code field message } } }`;
const UPDATE_PATIENT = `mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patient { id lastName } userErrors { code field message } } }`;
const SEARCH = `query($filter: PatientFilterInput, $first: Int, $after: String) {
  patients(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id firstName lastName } } pageInfo { hasNextPage endCursor } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function clinic() {
  const { org } = await buildOrg(t.dataSource);
  const { client } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS, EDIT_PATIENTS]);
  const search = async (term: string) => {
    const res = await client.gql(SEARCH, { first: 50, filter: { search: term } });
    expect(res.errors).toBeUndefined();
    const conn = res.data!.patients as { totalCount: number; edges: { node: { id: string; firstName: string; lastName: string } }[] };
    return { total: conn.totalCount, names: conn.edges.map((e) => `${e.node.firstName} ${e.node.lastName}`) };
  };
  return { org, client, search };
}

describe("patient search (issue 13, item 6)", () => {
  it("finds names whatever their accents and case, written through the API or directly", async () => {
    const { org, client, search } = await clinic();
    const created = await client.gql(CREATE_PATIENT, { input: { mrn: "S-1", firstName: "Héloïse", lastName: "Côté" } });
    expect(created.data!.createPatient.userErrors).toEqual([]);
    await buildPatient(t.dataSource, org.id, { firstName: "Luc", lastName: "Cote" });
    await buildPatient(t.dataSource, org.id, { firstName: "Zoé", lastName: "Œuvray" });
    await buildPatient(t.dataSource, org.id, { firstName: "Ann", lastName: "Coutu" });

    for (const term of ["cote", "COTE", "Côté", "côte", "Cot", "co\u0302te\u0301"]) {
      // Sorted by name in each database's collation (accents sort apart on SQLite): compare as sets.
      const found = await search(term);
      expect({ term, total: found.total, names: found.names.sort() }).toEqual({ term, total: 2, names: ["Héloïse Côté", "Luc Cote"] });
    }
    expect((await search("heloise")).names).toEqual(["Héloïse Côté"]);
    expect((await search("HÉLOÏSE cote")).names).toEqual(["Héloïse Côté"]);
    expect((await search("cote, heloise")).names).toEqual(["Héloïse Côté"]);
    expect((await search("oeuvray")).names).toEqual(["Zoé Œuvray"]);
    expect((await search("zoe")).names).toEqual(["Zoé Œuvray"]);

    // A renamed patient is found under the new name only.
    const id = created.data!.createPatient.patient.id;
    const renamed = await client.gql(UPDATE_PATIENT, { input: { id, lastName: "Lefèvre" } });
    expect(renamed.data!.updatePatient.userErrors).toEqual([]);
    expect((await search("lefevre")).names).toEqual(["Héloïse Lefèvre"]);
    expect((await search("cote")).names).toEqual(["Luc Cote"]);
  });

  it("finds a date of birth typed the way a clinic writes it or as the grid shows it", async () => {
    const { org, search } = await clinic();
    await buildPatient(t.dataSource, org.id, { firstName: "Sept", lastName: "Vingtun", dateOfBirth: "1960-09-21" });
    await buildPatient(t.dataSource, org.id, { firstName: "Avril", lastName: "Trois", dateOfBirth: "1960-04-03" });
    await buildPatient(t.dataSource, org.id, { firstName: "Mars", lastName: "Quatre", dateOfBirth: "1960-03-04" });
    await buildPatient(t.dataSource, org.id, { firstName: "Other", lastName: "Day", dateOfBirth: "1961-09-21" });

    for (const typed of ["1960-09-21", "21/09/1960", "09/21/1960", "21.09.1960", "21-09-1960", "Sep 21, 1960", "21 sept. 1960", "21 septembre 1960", " 21/9/1960 "]) {
      expect({ typed, ...(await search(typed)) }).toEqual({ typed, total: 1, names: ["Sept Vingtun"] });
    }
    // Slashes read both ways when both are real dates: the front desk sees both candidates.
    expect((await search("03/04/1960")).names.sort()).toEqual(["Avril Trois", "Mars Quatre"]);
    expect((await search("04.03.1960")).names).toEqual(["Mars Quatre"]);
    // Not a real date: searched as text, found nowhere.
    expect((await search("31/02/1960")).total).toBe(0);
  });
});
