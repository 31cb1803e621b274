import { PORTAL_STATUS_ORDER, PortalStatus, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, unique } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type GraphQLResponse, type TestApp } from "../../../test/test-app";
import { recountPatientStatuses } from "./patient-counters";
import { Patient } from "./patient.entity";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS } = StaffPermission;

const GRID = `query($filter: PatientFilterInput, $orderBy: PatientOrderInput, $first: Int, $after: String) {
  patients(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    statusCounts { status count }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id firstName lastName portalStatus lastInviteSentAt lastSignInAt email dateOfBirth loginEmail inviteDeliveryFailedAt } }
  }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Row = { id: string; firstName: string; lastName: string; portalStatus: PortalStatus; lastInviteSentAt: string | null; lastSignInAt: string | null };

/**
 * A small organization with ties on every sort key: identical names, identical invite times, and
 * patients never invited. Statuses are written directly (the counters are then recounted), so the
 * test controls every key.
 */
async function seedGrid() {
  const { org } = await buildOrg(t.dataSource);
  const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const tag = unique("T").toUpperCase();
  const t0 = Date.UTC(2026, 0, 1);
  const specs: [string, string, PortalStatus, number | null, number | null][] = [
    ["Ann", `${tag}Able`, PortalStatus.NO_ACCESS, null, null],
    ["Ann", `${tag}Able`, PortalStatus.NO_ACCESS, null, null],
    ["Ann", `${tag}Able`, PortalStatus.ENABLED, null, null],
    ["Bob", `${tag}Able`, PortalStatus.INVITED, 5, null],
    ["Bob", `${tag}Baker`, PortalStatus.INVITED, 5, null],
    ["Cal", `${tag}Baker`, PortalStatus.ACTIVE, 5, 9],
    ["Ann", `${tag}Carr`, PortalStatus.ACTIVE, 2, 9],
    ["Dee", `${tag}Carr`, PortalStatus.ACTIVE, 7, 3],
    ["Eve", `${tag}Dunn`, PortalStatus.INVITED, 1, null],
    ["Eve", `${tag}Dunn`, PortalStatus.ENABLED, null, null],
    ["Fay", `${tag}Dunn`, PortalStatus.NO_ACCESS, null, null],
  ];
  const patients: Patient[] = [];
  for (const [firstName, lastName, portalStatus, invite, signIn] of specs) {
    const p = await buildPatient(t.dataSource, org.id, { firstName, lastName });
    Object.assign(p, { portalStatus, lastInviteSentAt: invite === null ? null : new Date(t0 + invite * 3600_000), lastSignInAt: signIn === null ? null : new Date(t0 + signIn * 3600_000) });
    await t.dataSource.getRepository(Patient).save(p);
    patients.push(p);
  }
  await recountPatientStatuses(t.dataSource.manager, org.id);
  return { org, client, patients, tag };
}

async function walk(client: TestClient, variables: Record<string, unknown>, first: number): Promise<Row[]> {
  const out: Row[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const res: GraphQLResponse = await client.gql(GRID, { ...variables, first, after });
    expect(res.errors).toBeUndefined();
    const conn: { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.data!.patients;
    out.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}

const cmp = (a: unknown, b: unknown) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as string | number) < (b as string | number) ? -1 : 1);
function expected(rows: Patient[], field: string, direction: "ASC" | "DESC"): string[] {
  const key = (p: Patient): unknown[] => {
    const name = [p.lastName, p.firstName, p.id];
    if (field === "NAME") return name;
    if (field === "STATUS") return [PORTAL_STATUS_ORDER.indexOf(p.portalStatus), ...name];
    if (field === "LAST_INVITE_SENT") return [p.lastInviteSentAt?.getTime() ?? null, p.id];
    return [p.lastSignInAt?.getTime() ?? null, p.id];
  };
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = cmp(ka[i], kb[i]);
      if (c) return direction === "ASC" ? c : -c;
    }
    return 0;
  });
  return sorted.map((p) => String(p.id));
}

describe("patients grid", () => {
  it("pages through every sort, both directions, with ties, with and without status filters", async () => {
    const { client, patients } = await seedGrid();
    const filters: (PortalStatus[] | null)[] = [null, [PortalStatus.ACTIVE], [PortalStatus.INVITED, PortalStatus.NO_ACCESS, PortalStatus.ACTIVE]];
    for (const field of ["NAME", "STATUS", "LAST_INVITE_SENT", "LAST_SIGN_IN"]) {
      for (const direction of ["ASC", "DESC"] as const) {
        for (const statuses of filters) {
          const rows = statuses ? patients.filter((p) => statuses.includes(p.portalStatus)) : patients;
          for (const first of [2, 3, 100]) {
            const got = await walk(client, { orderBy: { field, direction }, filter: statuses ? { portalStatus: statuses } : null }, first);
            expect({ field, direction, statuses, first, ids: got.map((r) => r.id) }).toEqual({ field, direction, statuses, first, ids: expected(rows, field, direction) });
          }
        }
      }
    }
    // Dozens of pages in every order: well under a second on an idle machine, slower on a loaded 2-core one.
  }, 120_000);

  it("counts per status from the counters, and the total of the status filter", async () => {
    const { client } = await seedGrid();
    const res = await client.gql(GRID, { first: 1, filter: { portalStatus: ["ACTIVE", "INVITED"] } });
    const conn = res.data!.patients;
    expect(conn.statusCounts).toEqual([
      { status: "NO_ACCESS", count: 3 },
      { status: "ENABLED", count: 2 },
      { status: "INVITED", count: 3 },
      { status: "ACTIVE", count: 3 },
    ]);
    expect(conn.totalCount).toBe(6);
    expect(conn.edges).toHaveLength(1);
  });

  it("searches by name prefix, first last, email prefix, MRN and date of birth, and counts the matches", async () => {
    const { org, client, tag } = await seedGrid();
    const special = await buildPatient(t.dataSource, org.id, { firstName: "Zed", lastName: `${tag}Zorro`, email: `${tag.toLowerCase()}.zed@example.test`, dateOfBirth: "1931-02-03", mrn: `${tag}-MRN` });
    const search = async (term: string, extra: Record<string, unknown> = {}) => {
      const res = await client.gql(GRID, { first: 50, filter: { search: term, ...extra } });
      expect(res.errors).toBeUndefined();
      return res.data!.patients;
    };
    expect((await search(`${tag}Du`)).totalCount).toBe(3);
    expect((await search(`eve ${tag}dunn`)).edges.map((e: { node: Row }) => e.node.firstName)).toEqual(["Eve", "Eve"]);
    expect((await search(`${tag}Dunn, Fa`)).totalCount).toBe(1);
    expect((await search(`${tag.toLowerCase()}.ze`)).edges.map((e: { node: Row }) => e.node.id)).toEqual([String(special.id)]);
    expect((await search(`${tag}-MRN`)).edges.map((e: { node: Row }) => e.node.id)).toEqual([String(special.id)]);
    expect((await search("1931-02-03")).edges.map((e: { node: Row }) => e.node.id)).toEqual([String(special.id)]);
    // A LIKE wildcard in the term is a literal character.
    expect((await search(`${tag}%`)).totalCount).toBe(0);
    const able = await search(`${tag}Able`, { portalStatus: ["NO_ACCESS"] });
    expect(able.totalCount).toBe(2);
    expect(able.statusCounts).toEqual([
      { status: "NO_ACCESS", count: 2 },
      { status: "ENABLED", count: 1 },
      { status: "INVITED", count: 1 },
      { status: "ACTIVE", count: 0 },
    ]);
    // Sorted and paged by keyset inside a search too.
    const walked = await walk(client, { filter: { search: tag }, orderBy: { field: "STATUS", direction: "DESC" } }, 4);
    expect(walked).toHaveLength(12);
  });

  it("filters by email and date of birth on file, with counts from the counters", async () => {
    const { org, client } = await seedGrid();
    await buildPatient(t.dataSource, org.id, { email: null });
    await buildPatient(t.dataSource, org.id, { email: null, dateOfBirth: null });
    const noEmail = (await client.gql(GRID, { first: 10, filter: { hasEmail: false } })).data!.patients;
    expect(noEmail.totalCount).toBe(2);
    expect(noEmail.edges.every((e: { node: { email: string | null } }) => e.node.email === null)).toBe(true);
    const neither = (await client.gql(GRID, { first: 10, filter: { hasEmail: false, hasDateOfBirth: false } })).data!.patients;
    expect(neither.totalCount).toBe(1);
    expect(neither.statusCounts.find((c: { status: string }) => c.status === "NO_ACCESS").count).toBe(1);
    expect((await client.gql(GRID, { first: 0, filter: { hasDateOfBirth: true } })).data!.patients.totalCount).toBe(12);
    // "Invite failed" is denormalized on the patient by the email worker.
    const bounced = await buildPatient(t.dataSource, org.id);
    await t.dataSource.getRepository(Patient).update({ id: bounced.id }, { inviteDeliveryFailedAt: new Date() });
    const failed = (await client.gql(GRID, { first: 10, filter: { inviteFailed: true } })).data!.patients;
    expect(failed.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(bounced.id)]);
    expect(failed.totalCount).toBe(1);
    const notFailed = (await client.gql(GRID, { first: 0, filter: { inviteFailed: false, hasEmail: true } })).data!.patients;
    expect(notFailed.totalCount).toBe(11);
    expect(notFailed.statusCounts.find((c: { status: string }) => c.status === "NO_ACCESS").count).toBe(3);
  });

  it("keeps the counters right through creation, edits and access changes", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, EDIT_PATIENTS]);
    const created = await client.gql(`mutation($input: CreatePatientInput!) { createPatient(input: $input) { patient { id } userErrors { code } } }`, {
      input: { mrn: unique("M"), firstName: "New", lastName: "Person", email: `${unique("n")}@example.test`, dateOfBirth: "1990-01-01" },
    });
    const id = created.data!.createPatient.patient.id;
    const other = await buildPatient(t.dataSource, org.id, { email: null });
    await client.gql(`mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { userErrors { code } } }`, { input: { patientId: id } });
    await client.gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { userErrors { code } } }`, { input: { id, dateOfBirth: "" } });
    await client.gql(`mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { userErrors { code } } }`, { input: { id: String(other.id), email: `${unique("o")}@example.test` } });
    const counters = await t.dataSource.query("SELECT portalStatus, hasEmail, hasDateOfBirth, count FROM patient_status_counts WHERE organizationId = ? AND count <> 0 ORDER BY portalStatus, hasEmail, hasDateOfBirth", [org.id]);
    const truth = await t.dataSource.query(
      "SELECT portalStatus, CASE WHEN email IS NULL THEN 0 ELSE 1 END AS hasEmail, CASE WHEN dateOfBirth IS NULL THEN 0 ELSE 1 END AS hasDateOfBirth, COUNT(*) AS count FROM patients WHERE organizationId = ? GROUP BY portalStatus, hasEmail, hasDateOfBirth ORDER BY portalStatus, hasEmail, hasDateOfBirth",
      [org.id],
    );
    const norm = (rows: Record<string, unknown>[]) => rows.map((r) => ({ s: r.portalStatus, e: Number(r.hasEmail), d: Number(r.hasDateOfBirth), n: Number(r.count) }));
    expect(norm(counters)).toEqual(norm(truth));
    expect(norm(counters)).toEqual([
      { s: "ENABLED", e: 1, d: 0, n: 1 },
      { s: "NO_ACCESS", e: 1, d: 1, n: 1 },
    ]);
    const grid = await client.gql(GRID, { first: 5, filter: { portalStatus: ["ENABLED"] } });
    expect(grid.data!.patients.edges[0].node.loginEmail).toBeTruthy();
  });

  it("refuses anonymous callers, hides portal facts from staff without the permission, and never shows another organization", async () => {
    const { client, tag } = await seedGrid();
    const anon = await new TestClient(t.app).gql(GRID, { first: 5 });
    expect(errorCode(anon)).toBe("UNAUTHENTICATED");
    const { org: otherOrg } = await buildOrg(t.dataSource);
    const { client: viewer } = await buildStaff(t.dataSource, t.app, otherOrg.id, [VIEW_PATIENTS]);
    expect(errorCode(await viewer.gql(GRID, { first: 5, filter: { portalStatus: ["ACTIVE"] } }))).toBe("FORBIDDEN");
    expect(errorCode(await viewer.gql(GRID, { first: 5, orderBy: { field: "LAST_SIGN_IN" } }))).toBe("FORBIDDEN");
    const theirs = await viewer.gql(`query($f: PatientFilterInput) { patients(filter: $f, first: 50) { totalCount edges { node { id } } } }`, { f: { search: tag } });
    expect(theirs.data!.patients).toEqual({ totalCount: 0, edges: [] });
    expect(errorCode(await client.gql(GRID, { first: 5, after: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await client.gql(GRID, { first: 5, orderBy: { field: "LAST_SIGN_IN" }, after: Buffer.from(JSON.stringify(["x", 1])).toString("base64url") }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await client.gql(GRID, { first: 501 }))).toBe("BAD_USER_INPUT");
  });
});
