import { Writable } from "node:stream";
import request from "supertest";
import { StaffPermission } from "@portal/schema";
import { randomToken } from "../../src/auth/tokens";
import { OutboxMessage } from "../../src/email/outbox-message.entity";
import { buildOrg, buildPatient, buildStaff, uniqueEmail } from "../factories";
import { ACCEPT, COMPLETE_RESET, ENABLE_AND_INVITE, lastEmailTo, portalClient, portalLogin, REQUEST_RESET, tokenOf } from "../portal";
import { keyGql, startTestApp, type TestApp } from "../test-app";

/**
 * Issue 11 finding 5 and SPEC rule 18: no secret ever reaches a log. The test is generic: it runs
 * the journeys that hand out secrets (invite, reset, login email change, API keys, sessions) with
 * every log line captured, collects every secret those journeys created (from the emails' sealed
 * secrets, the passwords it chose, the key and cookies it was given) and looks for each one in the
 * whole captured log.
 */
const PUBLIC_URL = "https://portal.example.test";
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL, TRUST_PROXY: "loopback", LOG_LEVEL: "trace" }, { logDestination: sink });
});
afterAll(async () => {
  await t.close();
});

const secrets = new Set<string>();
/** A secret, and the forms a URL or header could carry it in. */
function remember(...values: (string | null | undefined)[]) {
  for (const value of values) {
    if (!value || value.length < 8) continue;
    secrets.add(value);
    secrets.add(encodeURIComponent(value));
  }
}
/** Every secret sealed into an email of the organization, and the token at the end of each link. */
async function rememberEmailSecrets(organizationId: number) {
  for (const row of await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId })) {
    for (const value of Object.values(t.services.emailQueue.secretsOf(row))) {
      remember(value);
      if (/^https?:\/\//.test(value)) {
        const url = new URL(value);
        remember(tokenOf(url.pathname), ...url.searchParams.values());
      }
    }
  }
}
/** Opens every link of every email of the organization the way a browser does (page and query). */
async function openEmailLinks(organizationId: number) {
  for (const row of await t.dataSource.getRepository(OutboxMessage).findBy({ organizationId })) {
    for (const value of Object.values(t.services.emailQueue.secretsOf(row))) {
      if (!/^https?:\/\//.test(value)) continue;
      const url = new URL(value);
      await request(t.app).get(`${url.pathname}${url.search}`).set("accept", "text/html");
    }
  }
}
const cookieValues = (res: { headers: Record<string, unknown> }) =>
  ((res.headers["set-cookie"] as string[] | undefined) ?? []).map((c) => decodeURIComponent(c.split(";")[0].split("=").slice(1).join("=")));

it("runs the invite, reset, login email change and API key journeys without writing any secret to the log", async () => {
  const { org } = await buildOrg(t.dataSource);
  const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, Object.values(StaffPermission));
  const password = `first passphrase ${randomToken(6)}`;
  const newPassword = `second passphrase ${randomToken(6)}`;
  remember(password, newPassword);

  // Invite: staff enable and invite; the patient opens the emailed page, then accepts over GraphQL.
  const patient = await buildPatient(t.dataSource, org.id);
  const enabled = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
  expect(enabled.data!.enablePortalAccess.userErrors).toEqual([]);
  const accountId = enabled.data!.enablePortalAccess.grant.account.id as string;
  const invite = tokenOf((await lastEmailTo(t, patient.email!)).secrets.link);
  await rememberEmailSecrets(org.id);
  await openEmailLinks(org.id);
  // The same token pasted as a query string, and on routes that later features may add.
  const future = randomToken();
  remember(future);
  for (const path of [`/portal/?token=${invite}`, `/portal/sign-in?next=%2Fportal%2Finvite%2F${invite}`, `/portal/confirm-email/${future}`, `/portal/activate/${future}`, `/portal/activate?code=${future}`]) {
    await request(t.app).get(path).set("accept", "text/html");
  }
  const browser = portalClient(t.app);
  const accepted = await browser.agent
    .post("/graphql")
    .set("content-type", "application/json")
    .send({ query: ACCEPT, variables: { input: { token: invite, dateOfBirth: patient.dateOfBirth, password } } });
  expect(accepted.body.data.acceptPortalInvite.userErrors).toEqual([]);
  remember(...cookieValues(accepted));
  const signIn = await portalLogin(portalClient(t.app), { email: patient.email!, password });
  expect(signIn.status).toBe(200);
  remember(...cookieValues(signIn));

  // Reset: requested by the patient, the emailed page opened, completed over GraphQL.
  await portalClient(t.app).gql(REQUEST_RESET, { input: { email: patient.email } });
  const reset = tokenOf((await lastEmailTo(t, patient.email!, "SELF_SERVICE_RESET")).secrets.link);
  await rememberEmailSecrets(org.id);
  await openEmailLinks(org.id);
  const completed = await portalClient(t.app).gql(COMPLETE_RESET, { input: { token: reset, password: newPassword } });
  expect(completed.data!.completePortalPasswordReset.userErrors).toEqual([]);

  // Staff change the login email; whatever the change emails (a confirmation link, a notice) is opened.
  const changed = await staff.gql(`mutation($input: ChangePortalLoginEmailInput!) { changePortalLoginEmail(input: $input) { userErrors { code } } }`, {
    input: { accountId, email: uniqueEmail("moved") },
  });
  expect(changed.data!.changePortalLoginEmail.userErrors).toEqual([]);
  await rememberEmailSecrets(org.id);
  await openEmailLinks(org.id);

  // A partner app's key, used in the Authorization header; a staff session cookie.
  const created = await staff.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code } } }`, {
    input: { name: "Scheduling", scopes: ["PATIENTS_READ"] },
  });
  const key = created.data!.createApiKey.secret as string;
  remember(key);
  expect((await keyGql(t.app, key, `{ patients(first: 1) { totalCount } }`)).status).toBe(200);
  const staffLogin = await request(t.app).post("/auth/login").set("content-type", "application/json").send({ email: "nobody@example.test", password: newPassword });
  remember(...cookieValues(staffLogin));
  await request(t.app).get("/graphql?query=%7B__typename%7D").set("authorization", `Bearer ${key}`).set("cookie", `portal.sid=${future}`);

  const log = lines.join("");
  const leaked = [...secrets].filter((secret) => log.includes(secret));
  expect(leaked).toEqual([]);
  // The capture worked: the pages were logged, with the token replaced.
  expect(log).toMatch(/"path":"\/portal\/invite\/\[redacted\]"/);
  expect(secrets.size).toBeGreaterThanOrEqual(10);
});
