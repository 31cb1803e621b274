import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, PORTAL_VIEWER, portalClient, tokenOf } from "../../test/portal";
import { errorCode, startTestApp, type TestApp } from "../../test/test-app";
import { Session } from "./session.entity";

/** Issue 11, finding 8: sessions end after a while without a request (staff 30 minutes, portal 15 by default). */
const PASSWORD = "a long enough passphrase";
const VIEWER = `{ viewer { user { id } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "https://portal.example.test", TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

const sessionsOf = (kind: "STAFF" | "PORTAL", principalId: number) => t.dataSource.getRepository(Session).findBy({ kind, principalId });
/** As if the last request on every session of the principal came `minutes` ago. */
const backdate = (kind: "STAFF" | "PORTAL", principalId: number, minutes: number) =>
  t.dataSource.getRepository(Session).update({ kind, principalId }, { lastSeenAt: new Date(Date.now() - minutes * 60_000) });

describe("staff sessions", () => {
  it("end after 30 minutes without a request, and a request within them keeps the session going", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user, client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    expect((await client.gql(VIEWER)).data!.viewer.user.id).toBe(String(user.id));

    await backdate("STAFF", user.id, 29);
    expect((await client.gql(VIEWER)).data!.viewer.user.id).toBe(String(user.id));
    // That request was recorded: the clock of the idle timeout starts again.
    const [touched] = await sessionsOf("STAFF", user.id);
    expect(Date.now() - touched.lastSeenAt!.getTime()).toBeLessThan(10_000);

    await backdate("STAFF", user.id, 31);
    expect((await client.gql(VIEWER)).data!.viewer).toBeNull();
  });

  it("do not write on every request: activity is recorded at most once a minute", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user, client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    const seen = new Date(Date.now() - 30_000);
    await t.dataSource.getRepository(Session).update({ kind: "STAFF", principalId: user.id }, { lastSeenAt: seen });
    for (let i = 0; i < 3; i++) await client.gql(VIEWER);
    const [session] = await sessionsOf("STAFF", user.id);
    expect(session.lastSeenAt!.getTime()).toBe(seen.getTime());
  });
});

describe("portal sessions", () => {
  it("end after 15 minutes without a request", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS]);
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    const accountId = Number(res.data!.enablePortalAccess.grant.account.id);
    const { secrets } = await lastEmailTo(t, patient.email!);
    const browser = portalClient(t.app);
    expect((await browser.gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } })).data!.acceptPortalInvite.userErrors).toEqual([]);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);

    await backdate("PORTAL", accountId, 14);
    expect((await browser.gql(PORTAL_VIEWER)).data!.portalViewer.account.email).toBe(patient.email);
    await backdate("PORTAL", accountId, 16);
    expect(errorCode(await browser.gql(PORTAL_VIEWER))).toBe("UNAUTHENTICATED");
  });
});

describe("configuration", () => {
  it("STAFF_SESSION_IDLE_MINUTES and PORTAL_SESSION_IDLE_MINUTES set the timeouts", async () => {
    const custom = await startTestApp({ STAFF_SESSION_IDLE_MINUTES: "5" });
    try {
      expect(custom.config).toMatchObject({ STAFF_SESSION_IDLE_MINUTES: 5, PORTAL_SESSION_IDLE_MINUTES: 15 });
      const { org } = await buildOrg(custom.dataSource);
      const { user, client } = await buildStaff(custom.dataSource, custom.app, org.id, [StaffPermission.VIEW_PATIENTS]);
      await custom.dataSource.getRepository(Session).update({ kind: "STAFF", principalId: user.id }, { lastSeenAt: new Date(Date.now() - 6 * 60_000) });
      expect((await client.gql(VIEWER)).data!.viewer).toBeNull();
    } finally {
      await custom.close();
    }
  });
});
