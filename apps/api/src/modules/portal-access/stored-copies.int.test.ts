import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { startTestApp, type TestApp } from "../../../test/test-app";
import { recordInviteFailure } from "../../email/invite-delivery";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { Patient } from "../patients/patient.entity";

const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;

const ENABLE_AND_INVITE = `mutation($input: EnablePortalAccessInput!) {
  enablePortalAccess(input: $input) { grant { id } userErrors { code } }
}`;
const REVOKE = `mutation($input: RevokePortalAccessInput!) { revokePortalAccess(input: $input) { userErrors { code } } }`;
const FAILED = `query { patients(first: 10, filter: { inviteFailed: true }) { totalCount statusCounts { status count } edges { node { id inviteDeliveryFailedAt } } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("the copies of access facts on patients (one writer: the status refresh)", () => {
  it("a patient whose access is revoked no longer counts as 'invite failed'", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    const patient = await buildPatient(t.dataSource, org.id);
    const enabled = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    expect(enabled.data!.enablePortalAccess.userErrors).toEqual([]);
    const email = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ organizationId: org.id, channel: "EMAIL", patientId: patient.id });
    // The invite bounced (what the outbox worker and the Mailgun webhook call).
    await t.dataSource.transaction((manager) => recordInviteFailure(manager, email, "bounce: 550 5.1.1 mailbox unknown"));
    const before = (await staff.gql(FAILED)).data!.patients;
    expect(before.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([String(patient.id)]);

    const revoked = await staff.gql(REVOKE, { input: { grantId: enabled.data!.enablePortalAccess.grant.id } });
    expect(revoked.data!.revokePortalAccess.userErrors).toEqual([]);
    const stored = await t.dataSource.getRepository(Patient).findOneByOrFail({ id: patient.id });
    expect(stored).toMatchObject({ portalStatus: "NO_ACCESS", inviteDeliveryFailedAt: null, inviteUsableUntil: null, inviteLockedAt: null, lastInviteSentAt: null });
    const after = (await staff.gql(FAILED)).data!.patients;
    expect(after.totalCount).toBe(0);
    expect(after.edges).toEqual([]);
    expect(after.statusCounts.find((c: { status: string }) => c.status === "NO_ACCESS").count).toBe(0);
  });
});
