import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { In } from "typeorm";
import { InviteMethod, Language, StaffPermission } from "@portal/schema";
import { mailgunEnv, queueEmails, testWorker } from "../../test/email-helpers";
import { buildOrg, buildPatient, buildStaff, uniqueEmail } from "../../test/factories";
import { startFakeMailgun, type FakeMailgun } from "../../test/fake-mailgun";
import { ENABLE_AND_INVITE } from "../../test/portal";
import { startTestApp, type TestApp } from "../../test/test-app";
import { confirmEmailPath, invitePath, resetPath } from "../modules/invites/portal-tokens";
import { staffInvitePath } from "../modules/staff/staff-tokens";
import { Organization } from "../modules/organizations/organization.entity";
import { EMAIL_PLACEHOLDERS, EmailKind } from "./email.types";
import { OutboxMessage } from "./outbox-message.entity";

/**
 * Every link an email carries must open a page that exists: a route of the portal or admin app
 * (read from their router source, so a renamed page breaks this test) or an API route that answers.
 * "Sign in at /portal/login" went out to every temporary-password invitee while the page was /portal/sign-in.
 */
const PUBLIC_URL = "https://portal.example.test";
const TOKEN = "A".repeat(43);

/** `<Route path="…">` of a React app's router files, as regular expressions on the path below its basename. */
function routesOf(...files: string[]): RegExp[] {
  const source = files.map((file) => fs.readFileSync(path.resolve(__dirname, "../../../", file), "utf8")).join("\n");
  return [...source.matchAll(/<Route\s[^>]*?path="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((p) => p !== "*")
    .map((p) => {
      const pattern = p
        .split("/")
        .filter(Boolean)
        .map((segment) => (segment.startsWith(":") ? (segment.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+") : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
        .join("");
      return new RegExp(`^${pattern || "/"}/?$`);
    });
}

const adminRouterFiles = fs
  .readdirSync(path.resolve(__dirname, "../../../admin/src/app"))
  .filter((f) => f.endsWith(".tsx") && !f.includes(".test."))
  .map((f) => `admin/src/app/${f}`);

const APPS = [
  { mount: "/portal", routes: routesOf("portal/src/App.tsx") },
  { mount: "/admin", routes: routesOf(...adminRouterFiles) },
];

/** Every URL in the HTML (href and visible) and text parts. */
function linksIn(mail: { html: string; text: string }): string[] {
  const found = new Set<string>();
  for (const m of mail.html.matchAll(/href="([^"]*)"/g)) found.add(m[1].replace(/&amp;/g, "&"));
  for (const source of [mail.html, mail.text]) for (const m of source.matchAll(/https?:\/\/[^\s"<>]+/g)) found.add(m[0].replace(/[.,;:!?)]+$/, ""));
  return [...found];
}

/** Why a link leads nowhere, or null when it opens a page. */
async function deadLinkReason(t: TestApp, link: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "not an absolute URL";
  }
  if (url.origin !== PUBLIC_URL) return `points outside ${PUBLIC_URL}`;
  for (const app of APPS) {
    if (url.pathname === app.mount || url.pathname.startsWith(`${app.mount}/`)) {
      const below = url.pathname.slice(app.mount.length) || "/";
      return app.routes.some((r) => r.test(below)) ? null : `no ${app.mount} route matches ${below}`;
    }
  }
  const res = await request(t.app).get(url.pathname + url.search);
  return res.status === 404 ? `the API answers 404 for ${url.pathname}` : null;
}

async function expectLinksAlive(t: TestApp, mail: { html: string; text: string }, label: string): Promise<string[]> {
  const links = linksIn(mail);
  const dead: string[] = [];
  for (const link of links) {
    const reason = await deadLinkReason(t, link);
    if (reason) dead.push(`${label}: ${link} (${reason})`);
  }
  expect(dead).toEqual([]);
  return links;
}

/**
 * The link each kind's producer puts in `secrets.link`. A kind not listed here is checked with the
 * link its preview carries (the sample token swapped for a real-looking one).
 */
const LINK_OF: Partial<Record<EmailKind, string>> = {
  [EmailKind.INVITE_LINK]: invitePath(TOKEN),
  [EmailKind.STAFF_PASSWORD_RESET]: resetPath(TOKEN),
  [EmailKind.SELF_SERVICE_RESET]: resetPath(TOKEN),
  [EmailKind.LOGIN_EMAIL_CONFIRM]: confirmEmailPath(TOKEN),
  [EmailKind.STAFF_INVITE]: staffInvitePath(TOKEN),
};

/** Links a kind's producer passes as plain variables (not secrets): the daily access job's staff reminder. */
const LINK_VARIABLES_OF: Partial<Record<EmailKind, Record<string, string>>> = {
  [EmailKind.PROXY_END_REMINDER]: { patientUrl: `${PUBLIC_URL}/admin/patients/1/portal` },
};

const KINDS = Object.values(EmailKind);
const LANGUAGES = Object.values(Language);
const EVERY = KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));

const PREVIEW = `query($input: PreviewEmailTemplateInput!) { previewEmailTemplate(input: $input) { subject html text userErrors { code } } }`;

/** The path of the sample link a kind's preview carries, with a token in place of the sample's. */
async function previewLinkPath(organizationId: number, kind: EmailKind, language: Language): Promise<string> {
  const { client } = await buildStaff(t.dataSource, t.app, organizationId, [StaffPermission.CONFIGURE_EMAIL_TEMPLATES]);
  const preview = (await client.gql(PREVIEW, { input: { kind, language: language.toUpperCase() } })).data!.previewEmailTemplate;
  const sample = linksIn(preview).find((l) => l.includes("SAMPLE-LINK-NOT-VALID"));
  expect(sample).toBeDefined();
  return new URL(sample!.replace("SAMPLE-LINK-NOT-VALID", TOKEN)).pathname;
}

let fake: FakeMailgun;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeMailgun({ apiKey: "key-email-links", domains: ["mg.example.test"] });
  t = await startTestApp({ ...mailgunEnv(fake), PUBLIC_URL });
  // On MySQL the suites of one jest worker share a database: leftovers would reach this fake.
  await t.dataSource.getRepository(OutboxMessage).update({ status: In(["PENDING", "SENDING"]) }, { status: "FAILED" });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => fake.reset());

it("reads the portal's and the admin's routes", () => {
  expect(APPS[0].routes.some((r) => r.test("/sign-in"))).toBe(true);
  expect(APPS[0].routes.some((r) => r.test("/invite/abc"))).toBe(true);
  expect(APPS[0].routes.some((r) => r.test("/login"))).toBe(false);
});

describe("every link of every email kind in every language leads to a page that exists", () => {
  it.each(EVERY)("%s in %s, as the admin's preview renders it", async (kind, language) => {
    const { org } = await buildOrg(t.dataSource);
    const { client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.CONFIGURE_EMAIL_TEMPLATES]);
    const res = await client.gql(PREVIEW, { input: { kind, language: language.toUpperCase() } });
    expect(res.errors).toBeUndefined();
    const preview = res.data!.previewEmailTemplate;
    const links = await expectLinksAlive(t, preview, `${kind}/${language} preview`);
    if (EMAIL_PLACEHOLDERS[kind].secrets.includes("link")) expect(links.length).toBeGreaterThan(0);
  });

  it.each(EVERY)("%s in %s, as the worker delivers it through Mailgun", async (kind, language) => {
    const { org } = await buildOrg(t.dataSource);
    const needsLink = EMAIL_PLACEHOLDERS[kind].secrets.includes("link");
    const linkPath = needsLink ? (LINK_OF[kind] ?? (await previewLinkPath(org.id, kind, language))) : null;
    const to = uniqueEmail("links");
    await queueEmails(t, org.id, [
      {
        kind,
        to,
        language,
        // Only what every producer passes: the worker fills portalUrl, signInUrl and the rest itself.
        variables: { recipientName: "Pat", patientName: "Pat Doe", ...LINK_VARIABLES_OF[kind] },
        secrets: { ...(linkPath ? { link: `${PUBLIC_URL}${linkPath}` } : {}), temporaryPassword: "abcd-efgh-jkmn-pqrs", code: "123456" },
      },
    ]);
    await testWorker(t).drain({ organizationId: org.id });
    const copy = fake.copies().find((c) => c.recipient === to);
    expect(copy).toBeDefined();
    const links = await expectLinksAlive(t, copy!, `${kind}/${language} delivered`);
    if (linkPath) expect(links).toContain(`${PUBLIC_URL}${linkPath}`);
  });
});

describe("the emails staff actions send carry live links", () => {
  it.each([InviteMethod.LINK, InviteMethod.TEMPORARY_PASSWORD])("an invite by %s, in each language", async (method) => {
    const { org } = await buildOrg(t.dataSource);
    await t.dataSource.getRepository(Organization).update({ id: org.id }, { inviteMethod: method });
    const { client: staff } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.MANAGE_PORTAL_ACCESS, StaffPermission.VIEW_PATIENTS]);
    for (const language of LANGUAGES) {
      const patient = await buildPatient(t.dataSource, org.id, { language, dateOfBirth: "1980-01-02" });
      const res = await staff.gql(ENABLE_AND_INVITE, { input: { patientId: String(patient.id), sendInvite: true } });
      expect(res.data!.enablePortalAccess.userErrors).toEqual([]);
      await testWorker(t).drain({ organizationId: org.id });
      const copy = fake.copies().find((c) => c.recipient === patient.email);
      expect(copy).toBeDefined();
      const links = await expectLinksAlive(t, copy!, `${method}/${language} invite`);
      expect(links.some((l) => l.startsWith(`${PUBLIC_URL}/portal/${method === InviteMethod.LINK ? "invite/" : "sign-in"}`))).toBe(true);
    }
  });
});
