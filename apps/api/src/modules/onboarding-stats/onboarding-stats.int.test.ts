import { ActorType, StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { weekStartUtc } from "./onboarding-stats.service";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const DAY_MS = 86_400_000;

const STATS = `query($weeks: Int) {
  onboardingStats(weeks: $weeks) { weeks { weekStart sent accepted failed } invitedAccounts acceptedAccounts acceptRate }
}`;
const ENABLE_AND_INVITE = `mutation($input: EnablePortalAccessInput!) {
  enablePortalAccess(input: $input) { grant { account { id } } userErrors { code } }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function invitedAccount(staff: TestClient, organizationId: number): Promise<number> {
  const patient = await buildPatient(t.dataSource, organizationId);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  return Number(res.data!.enablePortalAccess.grant.account.id);
}

describe("onboardingStats", () => {
  it("counts invites sent, accepted and failed per week, and the accept rate, for the caller's organization only", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    const accepted = await invitedAccount(staff, org.id);
    const resent = await invitedAccount(staff, org.id);
    const bounced = await invitedAccount(staff, org.id);
    await t.dataSource.getRepository(PortalAccount).update({ id: accepted }, { signedUpAt: new Date(), lastSignInAt: new Date() });
    // The audit log is append-only: an invite from two weeks ago is written as it was then.
    await t.dataSource.getRepository(AuditEvent).insert({
      organizationId: org.id,
      actorType: ActorType.STAFF,
      action: "portal_invite.sent",
      targetType: "PortalAccount",
      targetId: String(resent),
      at: new Date(Date.now() - 14 * DAY_MS),
    });
    await t.dataSource.getRepository(OutboxMessage).update({ organizationId: org.id, accountId: bounced }, { status: "FAILED" });
    // Another organization's invites never show.
    const other = await buildOrg(t.dataSource);
    const { client: otherStaff } = await buildStaff(t.dataSource, t.app, other.org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    await invitedAccount(otherStaff, other.org.id);

    const res = await staff.gql(STATS, { weeks: 4 });
    expect(res.errors).toBeUndefined();
    const stats = res.data!.onboardingStats;
    const monday = weekStartUtc(new Date());
    expect(stats.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual(
      [3, 2, 1, 0].map((n) => new Date(monday.getTime() - n * 7 * DAY_MS).toISOString().slice(0, 10)),
    );
    expect(stats.weeks[3]).toMatchObject({ sent: 3, accepted: 1, failed: 1 });
    expect(stats.weeks[1]).toMatchObject({ sent: 1, accepted: 0, failed: 0 });
    expect(stats.weeks[0]).toMatchObject({ sent: 0, accepted: 0, failed: 0 });
    expect(stats).toMatchObject({ invitedAccounts: 3, acceptedAccounts: 1 });
    expect(stats.acceptRate).toBeCloseTo(1 / 3);

    const theirs = (await otherStaff.gql(STATS, {})).data!.onboardingStats;
    expect(theirs.weeks).toHaveLength(8);
    expect(theirs).toMatchObject({ invitedAccounts: 1, acceptedAccounts: 0, acceptRate: 0 });
    expect(theirs.weeks[7].sent).toBe(1);
  });

  it("answers zeros and no accept rate before any invite", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
    const stats = (await staff.gql(STATS, { weeks: 2 })).data!.onboardingStats;
    expect(stats).toMatchObject({ invitedAccounts: 0, acceptedAccounts: 0, acceptRate: null });
    expect(stats.weeks).toEqual([
      expect.objectContaining({ sent: 0, accepted: 0, failed: 0 }),
      expect.objectContaining({ sent: 0, accepted: 0, failed: 0 }),
    ]);
  });

  it("refuses anonymous callers and staff without Manage portal access", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: billing } = await buildStaff(t.dataSource, t.app, org.id, [VIEW_PATIENTS]);
    expect(errorCode(await new TestClient(t.app).gql(STATS))).toBe("UNAUTHENTICATED");
    expect(errorCode(await billing.gql(STATS))).toBe("FORBIDDEN");
  });

  it("refuses a number of weeks outside 1 to 52 as bad input", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await staff.gql(STATS, { weeks: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await staff.gql(STATS, { weeks: 53 }))).toBe("BAD_USER_INPUT");
  });
});

describe("weekStartUtc", () => {
  it("is the Monday of the week, at midnight UTC", () => {
    expect(weekStartUtc(new Date("2026-11-22T23:59:00Z")).toISOString()).toBe("2026-11-16T00:00:00.000Z"); // a Sunday
    expect(weekStartUtc(new Date("2026-11-16T00:00:00Z")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });
});
