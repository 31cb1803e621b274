import { In } from "typeorm";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff } from "../../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, portalClient, tokenOf } from "../../../test/portal";
import { startTestApp, type TestApp, type TestClient } from "../../../test/test-app";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { Organization } from "../organizations/organization.entity";
import { RECOVERY_MIN_MS } from "./invite-recovery.service";

/** Rule 22: a patient asks for a new invite with the date of birth on file; the answer never tells. */
const { MANAGE_PORTAL_ACCESS, VIEW_PATIENTS } = StaffPermission;
const DOB = "1990-02-03";
const REQUEST = `mutation($input: RequestNewPortalInviteInput!) { requestNewPortalInvite(input: $input) { accepted userErrors { code field message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TRUST_PROXY: "loopback" });
});
afterEach(() => jest.useRealTimers());
afterAll(async () => {
  jest.useRealTimers();
  await t.close();
});

async function expiredInvite() {
  const { org } = await buildOrg(t.dataSource);
  await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteLinkTtlHours: 1, resendCooldownMinutes: 5 });
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
  const patient = await buildPatient(t.dataSource, org.id, { dateOfBirth: DOB });
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  const token = tokenOf((await lastEmailTo(t, patient.email!, "INVITE_LINK")).secrets.link);
  // Two hours later the link has expired (only the clock moves).
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  jest.setSystemTime(Date.now() + 2 * 3600_000);
  return { org, staff, patient, token };
}

const invitesTo = (patientId: number) => t.dataSource.getRepository(OutboxMessage).countBy({ patientId, kind: In(["INVITE_LINK"]) });

async function ask(input: Record<string, unknown>, client: TestClient = portalClient(t.app)) {
  const started = performance.now();
  const res = await client.gql(REQUEST, { input });
  return { body: res.data?.requestNewPortalInvite, errors: res.errors, ms: performance.now() - started };
}

it("from an expired link: a wrong date of birth and a right one get the same answer; only the right one emails a fresh invite to the login on file", async () => {
  const { org, patient, token } = await expiredInvite();
  const before = await invitesTo(patient.id);

  const wrong = await ask({ token, dateOfBirth: "1990-02-04" });
  expect(wrong.body).toEqual({ accepted: true, userErrors: [] });
  expect(wrong.ms).toBeGreaterThanOrEqual(RECOVERY_MIN_MS - 5);
  expect(await invitesTo(patient.id)).toBe(before);

  const right = await ask({ token, dateOfBirth: DOB });
  expect(right.body).toEqual(wrong.body);
  expect(right.ms).toBeGreaterThanOrEqual(RECOVERY_MIN_MS - 5);
  expect(await invitesTo(patient.id)).toBe(before + 1);
  const fresh = await lastEmailTo(t, patient.email!, "INVITE_LINK");
  expect(fresh.row.toAddress).toBe(patient.email);
  const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(fresh.secrets.link), dateOfBirth: DOB, password: "a long enough passphrase" } });
  expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);

  const audits = await t.dataSource.getRepository(AuditEvent).find({ where: { organizationId: org.id, action: "portal_invite.recovery_requested" }, order: { id: "ASC" } });
  expect(audits.map((a) => (a.after as { outcome: string }).outcome)).toEqual(["date_of_birth_mismatch", "sent"]);
  expect(audits[0].actorType).toBe("PORTAL_ACCOUNT");
});

it("from \"forgot password\" for an account that never signed up; an unknown email gets the same answer and nothing is sent", async () => {
  const { patient } = await expiredInvite();
  const before = await invitesTo(patient.id);
  const unknown = await ask({ email: `nobody-${Date.now()}@example.org`, dateOfBirth: DOB });
  const known = await ask({ email: patient.email!.toUpperCase(), dateOfBirth: DOB });
  expect(unknown.body).toEqual(known.body);
  expect(known.body).toEqual({ accepted: true, userErrors: [] });
  expect(await invitesTo(patient.id)).toBe(before + 1);
});

it("the date-of-birth lock still applies: after five wrong dates even the right one sends nothing, with the same answer", async () => {
  const { patient, token } = await expiredInvite();
  const before = await invitesTo(patient.id);
  for (let i = 0; i < 5; i++) expect((await ask({ token, dateOfBirth: `1990-01-0${i + 1}` })).body).toEqual({ accepted: true, userErrors: [] });
  expect((await ask({ token, dateOfBirth: DOB })).body).toEqual({ accepted: true, userErrors: [] });
  expect(await invitesTo(patient.id)).toBe(before);
});

it("requests from one address are limited before any date is compared; bad input is a typed error", async () => {
  const { token } = await expiredInvite();
  const browser = portalClient(t.app);
  const codes: (string | null)[] = [];
  for (let i = 0; i < 6; i++) codes.push((await ask({ token, dateOfBirth: "1990-01-01" }, browser)).body.userErrors[0]?.code ?? null);
  expect(codes).toEqual([null, null, null, null, null, "RATE_LIMITED"]);
  expect((await ask({ dateOfBirth: DOB })).body.userErrors[0].code).toBe("INVALID_INPUT");
  expect((await ask({ token, email: "a@example.org", dateOfBirth: DOB })).body.userErrors[0].code).toBe("INVALID_INPUT");
  expect((await ask({ token, dateOfBirth: "03/02/1990" })).body.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: "dateOfBirth" });
  expect((await ask({ email: "not an email", dateOfBirth: DOB })).body.userErrors[0].code).toBe("INVALID_EMAIL");
});
