import { InviteMethod } from "@portal/schema";
import { testWorker } from "../../test/email-helpers";
import { ALL_PERMISSIONS, buildOrg, buildPatient, buildStaff } from "../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, portalClient, tokenOf } from "../../test/portal";
import { startTestApp, type TestApp } from "../../test/test-app";
import { Organization } from "../modules/organizations/organization.entity";

/**
 * Rule 6 for the dev mailbox: it keeps emails as they would have been sent, but never a raw token or
 * temporary password at rest. The content is sealed (AES-256-GCM, as the outbox seals its secrets)
 * and opened only for the staff member reading it through `devMailbox`.
 */
const PUBLIC_URL = "https://portal.example.test";
const MAILBOX = `query($to: String) { devMailbox(first: 10, to: $to) { edges { node { id toAddress fromAddress kind language subject text html createdAt } } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await t.close();
});

/** Every column of the organization's raw dev mailbox rows, as the database holds them. */
async function rawRows(organizationId: number): Promise<Record<string, unknown>[]> {
  return t.dataSource.query("SELECT * FROM dev_mailbox_messages WHERE organizationId = ?", [organizationId]);
}

function rawText(rows: Record<string, unknown>[]): string {
  return rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString("latin1") : String(v))).join("\u0000")).join("\n");
}

describe("dev mailbox at rest (rule 6)", () => {
  it("keeps no invite token in any column, while devMailbox still shows a working link", async () => {
    const { org } = await buildOrg(t.dataSource);
    // Whoever the policy lets read the dev mailbox holds every permission in this test.
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS);
    const patient = await buildPatient(t.dataSource, org.id);
    const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
    expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
    const { secrets } = await lastEmailTo(t, patient.email!, "INVITE_LINK");
    const token = tokenOf(secrets.link);
    await testWorker(t).drain({ organizationId: org.id });

    const rows = await rawRows(org.id);
    expect(rows).toHaveLength(1);
    const stored = rawText(rows);
    expect(stored).toContain(patient.email!); // the row is the one we think
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(encodeURIComponent(token));

    const read = await staff.gql(MAILBOX, { to: patient.email });
    expect(read.errors).toBeUndefined();
    const [message] = read.data!.devMailbox.edges.map((e: { node: Record<string, string> }) => e.node);
    expect(message).toMatchObject({ toAddress: patient.email, kind: "INVITE_LINK", language: "en" });
    expect(message.subject).toMatch(/invitation/);
    expect(message.text).toContain(`${PUBLIC_URL}/portal/invite/${token}`);
    expect(message.html).toContain(`${PUBLIC_URL}/portal/invite/${token}`);

    const link = /https:\/\/portal\.example\.test\/portal\/invite\/[A-Za-z0-9_-]+/.exec(message.text)![0];
    const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(link), dateOfBirth: patient.dateOfBirth, password: "a long enough passphrase" } });
    expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);
  });

  it("keeps no temporary password in any column either", async () => {
    const { org } = await buildOrg(t.dataSource);
    await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteMethod: InviteMethod.TEMPORARY_PASSWORD });
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, ALL_PERMISSIONS);
    const patient = await buildPatient(t.dataSource, org.id);
    expect((await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } })).data!.enablePortalAccess.userErrors).toEqual([]);
    const { secrets } = await lastEmailTo(t, patient.email!, "INVITE_TEMPORARY_PASSWORD");
    await testWorker(t).drain({ organizationId: org.id });

    expect(rawText(await rawRows(org.id))).not.toContain(secrets.temporaryPassword);
    const [message] = (await staff.gql(MAILBOX, { to: patient.email })).data!.devMailbox.edges.map((e: { node: Record<string, string> }) => e.node);
    expect(message.text).toContain(secrets.temporaryPassword);
  });
});
