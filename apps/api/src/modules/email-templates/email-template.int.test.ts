import { In } from "typeorm";
import { Language, StaffPermission } from "@portal/schema";
import { patientWithInvite, queueEmails, testWorker, mailgunEnv } from "../../../test/email-helpers";
import { buildOrg, buildStaff } from "../../../test/factories";
import { startFakeMailgun } from "../../../test/fake-mailgun";
import { errorCode, startTestApp, TestClient, type TestApp } from "../../../test/test-app";
import { DevMailboxMessage } from "../../email/dev-mailbox-message.entity";
import { openDevMailboxMessages } from "../../email/dev-mailbox.transport";
import { EmailKind } from "../../email/email.types";
import { OutboxMessage } from "../../email/outbox-message.entity";
import { AuditEvent } from "../audit/audit-event.entity";
import { EmailTemplate } from "./email-template.entity";

const { CONFIGURE_EMAIL_TEMPLATES, MANAGE_PORTAL_ACCESS, VIEW_PATIENTS, VIEW_DEV_MAILBOX } = StaffPermission;

const LIST = `{ emailTemplates { kind language subject html text isCustomized placeholders updatedAt } }`;
const UPDATE = `mutation($input: UpdateEmailTemplateInput!) { updateEmailTemplate(input: $input) { emailTemplate { kind language subject text isCustomized updatedAt } userErrors { code field message } } }`;
const RESET = `mutation($input: ResetEmailTemplateInput!) { resetEmailTemplate(input: $input) { emailTemplate { subject isCustomized } userErrors { code field } } }`;
const PREVIEW = `query($input: PreviewEmailTemplateInput!) { previewEmailTemplate(input: $input) { subject html text userErrors { code field message } } }`;
const SAMPLE = `mutation($input: SendSampleEmailInput!) { sendSampleEmail(input: $input) { to userErrors { code field } } }`;
const MAILBOX = `query($first: Int, $after: String, $to: String) { devMailbox(first: $first, after: $after, to: $to) { edges { cursor node { id toAddress fromAddress kind language subject text html createdAt } } pageInfo { hasNextPage endCursor } } }`;

const draft = {
  kind: "INVITE_LINK",
  language: "FR",
  subject: "Invitation de {{organizationName}}",
  html: "<p>Bonjour {{recipientName}}, <a href=\"{{link}}\">ouvrir</a></p>",
  text: "Bonjour {{recipientName}}, ouvrez {{link}}",
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function setup(permissions = [CONFIGURE_EMAIL_TEMPLATES]) {
  const { org } = await buildOrg(t.dataSource);
  const { client, user } = await buildStaff(t.dataSource, t.app, org.id, permissions);
  return { org, client, user };
}

describe("emailTemplates", () => {
  it("lists every kind in English and French with built-in defaults", async () => {
    const { client } = await setup();
    const res = await client.gql(LIST);
    const list = res.data!.emailTemplates as { kind: string; language: string; subject: string; isCustomized: boolean; placeholders: string[]; html: string; text: string }[];
    // Every kind in both languages.
    expect(list).toHaveLength(Object.values(EmailKind).length * 2);
    expect(new Set(list.map((x) => `${x.kind}:${x.language}`)).size).toBe(Object.values(EmailKind).length * 2);
    expect(list.every((x) => !x.isCustomized && x.subject && x.html.includes("<html") && x.text)).toBe(true);
    const invite = list.find((x) => x.kind === "INVITE_LINK" && x.language === "FR")!;
    expect(invite.subject).toContain("invitation");
    expect(invite.placeholders).toEqual(expect.arrayContaining(["recipientName", "patientName", "link", "organizationName"]));
  });

  it("refuses anonymous callers and staff without CONFIGURE_EMAIL_TEMPLATES", async () => {
    expect(errorCode(await new TestClient(t.app).gql(LIST))).toBe("UNAUTHENTICATED");
    const { client } = await setup([MANAGE_PORTAL_ACCESS, VIEW_PATIENTS]);
    expect(errorCode(await client.gql(LIST))).toBe("FORBIDDEN");
  });
});

describe("updateEmailTemplate and resetEmailTemplate", () => {
  it("saves an organization's wording, which the worker then uses, audits it, and resets it", async () => {
    const { org, client } = await setup();
    const res = await client.gql(UPDATE, { input: draft });
    expect(res.data!.updateEmailTemplate.userErrors).toEqual([]);
    expect(res.data!.updateEmailTemplate.emailTemplate).toMatchObject({ kind: "INVITE_LINK", language: "FR", subject: draft.subject, isCustomized: true });
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "email_template.updated" })).toBe(1);

    const invite = await patientWithInvite(t, org.id, { firstName: "Zoé", language: Language.FR });
    await queueEmails(t, org.id, [invite.email]);
    await testWorker(t).drain({ organizationId: org.id });
    const [mail] = openDevMailboxMessages(t.services.secretBox, await t.dataSource.getRepository(DevMailboxMessage).findBy({ organizationId: org.id }));
    expect(mail.subject).toBe(`Invitation de ${org.name}`);
    expect(mail.text).toBe(`Bonjour Zoé, ouvrez ${invite.link}`);

    const reset = await client.gql(RESET, { input: { kind: "INVITE_LINK", language: "FR" } });
    expect(reset.data!.resetEmailTemplate.emailTemplate.isCustomized).toBe(false);
    expect(reset.data!.resetEmailTemplate.emailTemplate.subject).toContain("votre invitation au portail patient");
    expect(await t.dataSource.getRepository(EmailTemplate).countBy({ organizationId: org.id })).toBe(0);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "email_template.reset" })).toBe(1);
  });

  it("keeps each organization's wording to itself", async () => {
    const a = await setup();
    const b = await setup();
    await a.client.gql(UPDATE, { input: draft });
    const list = (await b.client.gql(LIST)).data!.emailTemplates as { kind: string; language: string; isCustomized: boolean }[];
    expect(list.find((x) => x.kind === "INVITE_LINK" && x.language === "FR")!.isCustomized).toBe(false);
    await b.client.gql(RESET, { input: { kind: "INVITE_LINK", language: "FR" } });
    expect(await t.dataSource.getRepository(EmailTemplate).countBy({ organizationId: a.org.id })).toBe(1);
  });

  it("refuses unknown placeholders, a missing link, a link in the subject and empty parts, changing nothing", async () => {
    const { org, client } = await setup();
    const cases: [Record<string, string>, string, string][] = [
      [{ text: "Hi {{firstName}} {{link}}" }, "UNKNOWN_PLACEHOLDER", "text"],
      [{ html: "<p>{{ diagnosis }}</p>{{link}}" }, "UNKNOWN_PLACEHOLDER", "html"],
      [{ text: "Hi {{recipientName}}" }, "MISSING_PLACEHOLDER", "text"],
      [{ subject: "Your link {{link}}" }, "INVALID_INPUT", "subject"],
      [{ subject: "  " }, "INVALID_INPUT", "subject"],
      [{ html: "" }, "INVALID_INPUT", "html"],
    ];
    for (const [change, code, field] of cases) {
      const res = await client.gql(UPDATE, { input: { ...draft, ...change } });
      expect(res.data!.updateEmailTemplate.userErrors[0]).toMatchObject({ code, field });
    }
    const tooLong = await client.gql(UPDATE, { input: { ...draft, text: "x".repeat(20_000) } });
    expect(errorCode(tooLong)).toBe("BAD_USER_INPUT");
    const badKind = await client.gql(UPDATE, { input: { ...draft, kind: "NEWSLETTER" } });
    expect(errorCode(badKind)).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(EmailTemplate).countBy({ organizationId: org.id })).toBe(0);
  });

  it("refuses anonymous callers and staff without CONFIGURE_EMAIL_TEMPLATES", async () => {
    expect(errorCode(await new TestClient(t.app).gql(UPDATE, { input: draft }))).toBe("UNAUTHENTICATED");
    const { org, client } = await setup([MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await client.gql(UPDATE, { input: draft }))).toBe("FORBIDDEN");
    expect(errorCode(await client.gql(RESET, { input: { kind: "INVITE_LINK", language: "FR" } }))).toBe("FORBIDDEN");
    expect(await t.dataSource.getRepository(EmailTemplate).countBy({ organizationId: org.id })).toBe(0);
  });
});

describe("previewEmailTemplate", () => {
  it("renders a draft with sample values, escaping them in HTML", async () => {
    const { org, client } = await setup();
    await t.dataSource.query("UPDATE organizations SET name = ? WHERE id = ?", ["Smith & <Jones>", org.id]);
    const res = await client.gql(PREVIEW, { input: { kind: "INVITE_LINK", language: "EN", subject: "{{organizationName}} invites {{recipientName}}" } });
    const p = res.data!.previewEmailTemplate;
    expect(p.userErrors).toEqual([]);
    expect(p.subject).toBe("Smith & <Jones> invites Alex Martin");
    expect(p.html).toContain("Smith &amp; &lt;Jones&gt;");
    expect(p.html).toContain("/portal/invite/SAMPLE-LINK-NOT-VALID");
    expect(p.text).toContain("Sam Martin");
    expect(p.text).not.toMatch(/\{\{/);
  });

  it("reports a bad draft as userErrors, and refuses anonymous and unauthorized callers", async () => {
    const { client } = await setup();
    const res = await client.gql(PREVIEW, { input: { kind: "ACCESS_REVOKED", language: "FR", text: "{{link}}" } });
    expect(res.data!.previewEmailTemplate.userErrors[0]).toMatchObject({ code: "UNKNOWN_PLACEHOLDER", field: "text" });
    expect(errorCode(await new TestClient(t.app).gql(PREVIEW, { input: { kind: "ACCESS_REVOKED", language: "FR" } }))).toBe("UNAUTHENTICATED");
    const other = await setup([VIEW_PATIENTS]);
    expect(errorCode(await other.client.gql(PREVIEW, { input: { kind: "ACCESS_REVOKED", language: "FR" } }))).toBe("FORBIDDEN");
  });
});

describe("sendSampleEmail", () => {
  it("queues the template in force to the staff member's own address, with a link that leads nowhere", async () => {
    const { org, client, user } = await setup();
    await client.gql(UPDATE, { input: draft });
    const res = await client.gql(SAMPLE, { input: { kind: "INVITE_LINK", language: "FR" } });
    expect(res.data!.sendSampleEmail).toEqual({ to: user.email, userErrors: [] });
    await testWorker(t).drain({ organizationId: org.id });
    const [mail] = openDevMailboxMessages(t.services.secretBox, await t.dataSource.getRepository(DevMailboxMessage).findBy({ organizationId: org.id }));
    expect(mail.toAddress).toBe(user.email);
    expect(mail.subject).toBe(`Invitation de ${org.name}`);
    expect(mail.text).toBe(`Bonjour ${user.name}, ouvrez ${t.config.publicUrl}/portal/invite/SAMPLE-LINK-NOT-VALID`);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ organizationId: org.id, action: "email_template.sample_sent" })).toBe(1);
  });

  it("refuses anonymous callers, staff without the permission and unknown kinds, queuing nothing", async () => {
    expect(errorCode(await new TestClient(t.app).gql(SAMPLE, { input: { kind: "INVITE_LINK", language: "EN" } }))).toBe("UNAUTHENTICATED");
    const { org, client } = await setup([MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await client.gql(SAMPLE, { input: { kind: "INVITE_LINK", language: "EN" } }))).toBe("FORBIDDEN");
    const allowed = await setup();
    expect(errorCode(await allowed.client.gql(SAMPLE, { input: { kind: "INVITE_LINK", language: "DE" } }))).toBe("BAD_USER_INPUT");
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ organizationId: In([org.id, allowed.org.id]) })).toBe(0);
  });
});

describe("devMailbox", () => {
  it("shows the organization's kept emails newest first, filtered by address and paginated", async () => {
    const { org, client } = await setup([VIEW_DEV_MAILBOX]);
    const invites = [await patientWithInvite(t, org.id), await patientWithInvite(t, org.id), await patientWithInvite(t, org.id)];
    for (const invite of invites) await queueEmails(t, org.id, [invite.email]);
    const other = await setup([VIEW_DEV_MAILBOX]);
    await queueEmails(t, other.org.id, [(await patientWithInvite(t, other.org.id)).email]);
    await testWorker(t).drain();

    const page1 = (await client.gql(MAILBOX, { first: 2 })).data!.devMailbox;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await client.gql(MAILBOX, { first: 2, after: page1.pageInfo.endCursor })).data!.devMailbox;
    const all = [...page1.edges, ...page2.edges].map((e: { node: { toAddress: string; id: string } }) => e.node);
    expect(all.map((m) => m.toAddress)).toEqual(invites.map((i) => i.patient.email).reverse());
    expect(Number(all[0].id)).toBeGreaterThan(Number(all[1].id));
    const only = (await client.gql(MAILBOX, { to: invites[1].patient.email!.toUpperCase() })).data!.devMailbox.edges;
    expect(only).toHaveLength(1);
    expect(only[0].node).toMatchObject({ kind: "INVITE_LINK", language: "en" });
    expect(only[0].node.text).toContain(invites[1].link);
    expect(only[0].node.html).toContain(invites[1].link);
  });

  it("refuses anonymous callers, staff without VIEW_DEV_MAILBOX (even managing portal access) and a bad cursor", async () => {
    expect(errorCode(await new TestClient(t.app).gql(MAILBOX))).toBe("UNAUTHENTICATED");
    const { client } = await setup([VIEW_PATIENTS, CONFIGURE_EMAIL_TEMPLATES, MANAGE_PORTAL_ACCESS]);
    expect(errorCode(await client.gql(MAILBOX))).toBe("FORBIDDEN");
    const allowed = await setup([VIEW_DEV_MAILBOX]);
    expect(errorCode(await allowed.client.gql(MAILBOX, { after: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await allowed.client.gql(MAILBOX, { first: 100000 }))).toBe("BAD_USER_INPUT");
  });

  it("is disabled, with DEV_MAILBOX_DISABLED, while emails go through Mailgun", async () => {
    const fake = await startFakeMailgun();
    const mg = await startTestApp(mailgunEnv(fake));
    try {
      const { org } = await buildOrg(mg.dataSource);
      const { client } = await buildStaff(mg.dataSource, mg.app, org.id, [VIEW_DEV_MAILBOX]);
      expect(errorCode(await client.gql(MAILBOX))).toBe("DEV_MAILBOX_DISABLED");
    } finally {
      await mg.close();
      await fake.close();
    }
  });
});
