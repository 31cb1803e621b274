import http from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { StaffPermission } from "@portal/schema";
import { buildOrg, buildPatient, buildStaff, STAFF_PASSWORD, uniqueEmail } from "../../test/factories";
import { ACCEPT, ENABLE_AND_INVITE, lastEmailTo, portalClient, randomIp, tokenOf } from "../../test/portal";
import { startTestApp, type TestApp } from "../../test/test-app";
import { passwordMetrics } from "./passwords";

/**
 * Issue 11, finding 1: a burst of concurrent sign-ins must not check more passwords than the limits
 * allow (20 per client address, 5 per account), and the right password inside a spent burst is refused.
 */
const PASSWORD = "a long enough passphrase";
const BURST = 100;
const RIGHT_AT = 61;

let t: TestApp;
let server: http.Server;
let base: string;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: "https://portal.example.test", TRUST_PROXY: "loopback" });
  // One listening server for the whole burst (supertest would otherwise open one per request).
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

async function signedUpPortalAccount() {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS]);
  const patient = await buildPatient(t.dataSource, org.id);
  const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
  const { secrets } = await lastEmailTo(t, patient.email!);
  const accepted = await portalClient(t.app).gql(ACCEPT, { input: { token: tokenOf(secrets.link), dateOfBirth: patient.dateOfBirth, password: PASSWORD } });
  expect(accepted.data!.acceptPortalInvite.userErrors).toEqual([]);
  return { org, email: patient.email! };
}

/** Fires every attempt at once from `ipOf(i)`; answers the statuses and how many passwords were checked. */
async function burst(path: string, attempts: { email: string; password: string }[], ipOf: (i: number) => string) {
  const before = passwordMetrics.verifications;
  const statuses = await Promise.all(
    attempts.map((body, i) => request(base).post(path).set("content-type", "application/json").set("X-Forwarded-For", ipOf(i)).send(body).then((r) => r.status)),
  );
  return { statuses, checked: passwordMetrics.verifications - before };
}

const attemptsOn = (email: string, right: string) =>
  Array.from({ length: BURST }, (_, i) => ({ email, password: i === RIGHT_AT - 1 ? right : `wrong guess number ${i}` }));

describe.each([
  ["staff", "/auth/login"],
  ["portal", "/portal/auth/login"],
])("%s sign-in under a burst", (kind, path) => {
  const account = async () => {
    if (kind === "portal") return (await signedUpPortalAccount()).email;
    const { org } = await buildOrg(t.dataSource);
    return (await buildStaff(t.dataSource, t.app, org.id, [])).user.email;
  };
  const right = kind === "portal" ? PASSWORD : STAFF_PASSWORD;

  it("one address, one account: at most 5 passwords checked, and the right one at #61 is refused", async () => {
    const email = await account();
    const ip = randomIp();
    const { statuses, checked } = await burst(path, attemptsOn(email, right), () => ip);
    console.log(`burst: ${checked} passwords checked (${kind}, ${BURST} concurrent attempts on one account from one address, right password at #${RIGHT_AT}: HTTP ${statuses[RIGHT_AT - 1]})`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses[RIGHT_AT - 1]).not.toBe(200);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
  });

  it("many addresses, one account: at most 5 passwords checked", async () => {
    const email = await account();
    const { statuses, checked } = await burst(path, attemptsOn(email, right), () => randomIp());
    console.log(`burst: ${checked} passwords checked (${kind}, ${BURST} concurrent attempts on one account from ${BURST} addresses, right password at #${RIGHT_AT}: HTTP ${statuses[RIGHT_AT - 1]})`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses[RIGHT_AT - 1]).not.toBe(200);
  });

  it("one address, many emails: at most 20 passwords checked", async () => {
    const ip = randomIp();
    const attempts = Array.from({ length: BURST }, () => ({ email: uniqueEmail("guess"), password: "wrong guess, any email" }));
    const { statuses, checked } = await burst(path, attempts, () => ip);
    console.log(`burst: ${checked} passwords checked (${kind}, ${BURST} concurrent attempts on ${BURST} emails from one address)`);
    expect(checked).toBeLessThanOrEqual(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(BURST - 20);
  });
});
