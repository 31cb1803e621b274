import { ALL_PERMISSIONS, buildContact, buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../../test/factories";
import { ENABLE_AND_INVITE, lastEmailTo } from "../../../test/portal";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { StaffUser } from "../staff/staff-user.entity";

const CHANGE = `mutation($input: ChangePortalLoginEmailInput!) { changePortalLoginEmail(input: $input) { userErrors { code field message } } }`;
const DISABLE = `mutation($input: SetPortalAccountDisabledInput!) { setPortalAccountDisabled(input: $input) { userErrors { code field message } } }`;
const EVENTS = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { node { id action kind patientId patientName actorType actorId actorName targetType targetId targetName } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Node = { action: string; kind: string | null; patientId: string | null; patientName: string | null; actorName: string | null; targetType: string; targetName: string | null };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_TOKEN: "1000/900", SQL_STATEMENT_COUNT: "true" });
});
afterAll(async () => {
  await t.close();
});

async function clinic() {
  const { org } = await buildOrg(t.dataSource);
  const { client, user } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS);
  await t.dataSource.getRepository(StaffUser).update({ id: user.id }, { name: "Nadia Front-Desk" });
  const events = async (filter: Record<string, unknown>, first = 100): Promise<Node[]> => {
    const res = await client.gql(EVENTS, { filter, first });
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents.edges.map((e: { node: Node }) => e.node);
  };
  return { org, client, user, events };
}

describe("a readable audit log with a per-patient trail (issue 13, item 10)", () => {
  it("keeps under the patient every event about its account: login email change, disable", async () => {
    const { org, client, events } = await clinic();
    const patient = await buildPatient(t.dataSource, org.id, { firstName: "Héloïse", lastName: "Côté" });
    const res = await client.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    const accountId = res.data!.enablePortalAccess.grant.account.id as string;
    await lastEmailTo(t, patient.email!, "INVITE_LINK");
    expect((await client.gql(CHANGE, { input: { accountId, email: uniqueEmail("new") } })).data!.changePortalLoginEmail.userErrors).toEqual([]);
    expect((await client.gql(DISABLE, { input: { accountId, disabled: true } })).data!.setPortalAccountDisabled.userErrors).toEqual([]);

    const trail = (await events({ patientId: String(patient.id) })).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(["portal_access.enabled", "portal_invite.sent", "portal_account.login_email_change_requested", "portal_account.disabled"]));
    // Another patient's trail stays apart.
    const other = await buildPatient(t.dataSource, org.id);
    expect((await events({ patientId: String(other.id) })).map((e) => e.action)).not.toContain("portal_account.login_email_change_requested");
  });

  it("names the actor, the target and the patient, and says which kind of event it is", async () => {
    const { org, client, user, events } = await clinic();
    const patient = await buildPatient(t.dataSource, org.id, { firstName: "Héloïse", lastName: "Côté" });
    const contact = await buildContact(t.dataSource, patient, { firstName: "Paul", lastName: "Côté" });
    const res = await client.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    const accountId = res.data!.enablePortalAccess.grant.account.id as string;
    void contact;
    await client.gql(CHANGE, { input: { accountId, email: uniqueEmail("new") } });

    const all = await events({ patientId: String(patient.id) });
    const enabled = all.find((e) => e.action === "portal_access.enabled")!;
    expect(enabled).toMatchObject({ kind: "ACCESS_CHANGES", patientName: "Côté, Héloïse", actorName: "Nadia Front-Desk", actorType: "STAFF", actorId: String(user.id) });
    const changed = all.find((e) => e.action === "portal_account.login_email_change_requested")!;
    expect(changed).toMatchObject({ kind: "EMAIL_CHANGES", targetType: "PortalAccount", targetName: patient.email, patientName: "Côté, Héloïse" });

    // Filter by kind, and by person.
    const emailChanges = await events({ kind: "EMAIL_CHANGES" });
    expect(emailChanges.map((e) => e.action)).toEqual(["portal_account.login_email_change_requested"]);
    const invites = await events({ kind: "INVITES", patientId: String(patient.id) });
    expect(invites.every((e) => e.kind === "INVITES")).toBe(true);
    expect(invites.length).toBeGreaterThan(0);
    const mine = await events({ actorType: "STAFF", actorId: String(user.id) });
    expect(mine.every((e) => e.actorName === "Nadia Front-Desk")).toBe(true);
    expect(mine.map((e) => e.action)).toEqual(expect.arrayContaining(all.filter((e) => e.actorName === "Nadia Front-Desk").map((e) => e.action)));
    expect(await events({ actorType: "API_KEY", actorId: String(user.id) })).toEqual([]);
  });

  it("resolves the names of a page in a constant number of statements", async () => {
    const { org, client } = await clinic();
    const statementsFor = async (n: number) => {
      const ps = await Promise.all(Array.from({ length: n }, () => buildPatient(t.dataSource, org.id)));
      for (const p of ps) await client.gql(ENABLE_AND_INVITE, { input: { patientId: String(p.id), sendInvite: true } });
      const res = await client.agent.post("/graphql").set("content-type", "application/json").send({ query: EVENTS, variables: { first: 100 } });
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data.auditEvents.edges.map((e: { node: Node }) => e.node) as Node[];
      expect(nodes.every((e) => e.actorName === "Nadia Front-Desk" && (e.patientId === null || e.patientName))).toBe(true);
      return { rows: res.body.data.auditEvents.edges.length as number, statements: Number(res.headers["x-sql-statements"]) };
    };
    const small = await statementsFor(2);
    const big = await statementsFor(8);
    expect(big.rows).toBeGreaterThan(small.rows);
    expect(big.statements).toBe(small.statements);
  });
});
