import crypto from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { AccessType, API_KEY_PREFIX, ApiKeyScope, normalizeEmail, StaffPermission } from "@portal/schema";
import { sha256 } from "../../src/auth/tokens";
import { decide, type Caller } from "../../src/auth/enforce-policy";
import { isStructural, NO_PERSONAL_DATA, OPERATIONS, ruleOf, TYPES, type TypeRule } from "../../src/auth/policy";
import { PORTAL_COOKIE, STAFF_COOKIE } from "../../src/auth/session.service";
import { getSchema } from "../../src/graphql/schema";
import { ApiKey } from "../../src/modules/api-keys/api-key.entity";
import { PortalRole } from "../../src/modules/portal-roles/portal-role.entity";
import { StaffRole } from "../../src/modules/staff/staff-role.entity";
import { StaffUser } from "../../src/modules/staff/staff-user.entity";
import { WebhookSubscription } from "../../src/modules/webhooks/webhook-subscription.entity";
import { buildContact, buildOrg, buildPatient, buildStaff, unique, uniqueEmail } from "../factories";
import { keyGql, startTestApp, TestClient, type GraphQLResponse, type TestApp } from "../test-app";

/**
 * The access matrix (SPEC rule 16): every operation of the emitted schema × every kind of caller,
 * each call with valid arguments and every field its type offers, checked against auth/policy.ts.
 * - allowed where the policy allows, refused where it refuses (no unexpected allow, no unexpected deny);
 * - every field that answers a value is one the policy lets this caller read;
 * - a refused call shows no data of the organization (none of its records' names, emails or dates)
 *   and changes no row; the administrator of another organization sees nothing of this one.
 */

type CallerKind = { name: string; expect: Caller | "refused-key" | "other-org"; gql(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse }> };

let t: TestApp;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestApp({ ALLOW_PRIVATE_WEBHOOK_TARGETS: "true" });
  schema = await getSchema();
});
afterAll(async () => {
  await t.close();
});

// ---------------------------------------------------------------------------------------------
// Queries that select every field a type offers (object nesting up to MAX_DEPTH), with small pages.

const MAX_DEPTH = 3;

function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    const args = field.args.some((a) => a.name === "first") ? "(first: 2)" : "";
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (isObjectType(named) && depth < MAX_DEPTH) {
      const inner = selection(named, depth + 1);
      if (inner) parts.push(`${field.name}${args} { ${inner} }`);
    }
  }
  return parts.join(" ");
}

function documentFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(named, 1)} }` : "";
  return `${kind}${vars ? `(${vars})` : ""} { ${field.name}${args ? `(${args})` : ""}${body} }`;
}

// ---------------------------------------------------------------------------------------------
// Fixtures: one organization with records in every state, and everyone who may knock at its door.

interface Fixture {
  orgId: number;
  roles: Awaited<ReturnType<typeof buildOrg>>["roles"];
  admin: TestClient;
  /** Strings of this organization's records that must never reach a refused caller or another organization. */
  secrets: string[];
  patientId: number;
  contactId: number;
  accountId: number;
  grantId: number;
  bulkJobId: string;
  keyId: number;
  webhookId: number;
  staffRoleId: number;
  portalRoleId: number;
  staffUserId: number;
}

let f: Fixture;
let callers: CallerKind[];

async function sessionClient(kind: "STAFF" | "PORTAL", principalId: number, organizationId: number): Promise<TestClient> {
  const { token } = await t.services.sessions.create(kind, principalId, organizationId, "127.0.0.1");
  const client = new TestClient(t.app);
  client.agent.set("cookie", `${kind === "STAFF" ? STAFF_COOKIE : PORTAL_COOKIE}=${encodeURIComponent(token)}`);
  return client;
}

const ENABLE = `mutation($input: EnablePortalAccessInput!) { enablePortalAccess(input: $input) { grant { id accountId } userErrors { code } } }`;
const GRANT_CONTACT = `mutation($input: GrantContactPortalAccessInput!) { grantContactPortalAccess(input: $input) { grant { id accountId } userErrors { code } } }`;

async function enabledPatient(): Promise<{ patientId: number; grantId: number; accountId: number }> {
  const patient = await buildPatient(t.dataSource, f.orgId, { firstName: unique("Secretfirst") });
  const res = await f.admin.gql(ENABLE, { input: { patientId: String(patient.id) } });
  const grant = res.data!.enablePortalAccess.grant;
  if (!grant) throw new Error(`enablePortalAccess failed: ${JSON.stringify(res)}`);
  return { patientId: patient.id, grantId: Number(grant.id), accountId: Number(grant.accountId) };
}

/** A key of the organization, written as createApiKey writes one (its SHA-256 only). */
async function newKey(scopes: ApiKeyScope[], extra: Partial<ApiKey> = {}): Promise<{ id: number; secret: string }> {
  const publicId = crypto.randomBytes(6).toString("hex");
  const secret = `${API_KEY_PREFIX}${publicId}_${crypto.randomBytes(32).toString("base64url")}`;
  const key = await t.dataSource.getRepository(ApiKey).save({ organizationId: f.orgId, name: unique("key "), publicId, secretHash: sha256(secret), scopes, createdByStaffId: null, expiresAt: null, ...extra });
  return { id: key.id, secret };
}

/** A colleague with a role of no permissions, for the staff management operations to act on. */
async function newStaffUser(): Promise<number> {
  const role = await t.dataSource.getRepository(StaffRole).save({ organizationId: f.orgId, name: unique("role "), permissions: [] });
  const email = uniqueEmail("colleague");
  const user = await t.dataSource.getRepository(StaffUser).save({ organizationId: f.orgId, email, emailNormalized: normalizeEmail(email), name: "Colleague", passwordHash: "x", staffRoleId: role.id });
  return user.id;
}

beforeAll(async () => {
  const { org, roles } = await buildOrg(t.dataSource);
  const admin = (await buildStaff(t.dataSource, t.app, org.id, Object.values(StaffPermission))).client;
  f = { orgId: org.id, roles, admin } as Fixture;
  const patient = await buildPatient(t.dataSource, org.id, { firstName: unique("Secretfirst"), lastName: unique("Secretlast"), dateOfBirth: "1911-11-11" });
  const contact = await buildContact(t.dataSource, patient, { firstName: unique("Secretcontact") });
  const self = await admin.gql(ENABLE, { input: { patientId: String(patient.id) } });
  const proxy = await admin.gql(GRANT_CONTACT, { input: { contactId: String(contact.id), portalRoleId: String(roles.family.id) } });
  const selfGrant = self.data!.enablePortalAccess.grant;
  const proxyGrant = proxy.data!.grantContactPortalAccess.grant;
  const bulk = await admin.gql(`mutation($input: BulkSendPortalInvitesInput!) { bulkSendPortalInvites(input: $input) { job { id } userErrors { code } } }`, {
    input: { patientIds: [String(patient.id)] },
  });
  const key = await newKey([ApiKeyScope.PATIENTS_READ]);
  const webhook = await t.dataSource.getRepository(WebhookSubscription).save({
    organizationId: org.id,
    url: "http://127.0.0.1:9/hook",
    events: ["portal_access.enabled"],
    secretSealed: "x",
    active: true,
  } as never);
  const staffRole = await t.dataSource.getRepository(StaffRole).save({ organizationId: org.id, name: unique("matrix role "), permissions: [] });
  Object.assign(f, {
    secrets: [patient.firstName, patient.lastName, patient.email!, "1911-11-11", contact.firstName, contact.email!],
    patientId: patient.id,
    contactId: contact.id,
    accountId: Number(selfGrant.accountId),
    grantId: Number(selfGrant.id),
    bulkJobId: bulk.data!.bulkSendPortalInvites.job?.id ?? "1",
    keyId: key.id,
    webhookId: (webhook as unknown as { id: number }).id,
    staffRoleId: staffRole.id,
    portalRoleId: roles.family.id,
  });
  f.staffUserId = await newStaffUser();

  const asClient = (client: TestClient) => async (query: string, variables: Record<string, unknown>) => {
    const res = await client.agent.post("/graphql").set("content-type", "application/json").send({ query, variables });
    return { status: res.status, body: res.body as GraphQLResponse };
  };
  const asKey = (secret: string) => async (query: string, variables: Record<string, unknown>) => {
    const res = await keyGql(t.app, secret, query, variables);
    return { status: res.status, body: res.body };
  };
  const none: Caller = { staff: null, keyScopes: null, portal: false };

  callers = [{ name: "anonymous", expect: none, gql: asClient(new TestClient(t.app)) }];
  callers.push({ name: "portal user", expect: { ...none, portal: true }, gql: asClient(await sessionClient("PORTAL", Number(selfGrant.accountId), org.id)) });
  callers.push({ name: "proxy", expect: { ...none, portal: true }, gql: asClient(await sessionClient("PORTAL", Number(proxyGrant.accountId), org.id)) });
  for (const permission of Object.values(StaffPermission)) {
    const { user } = await buildStaff(t.dataSource, t.app, org.id, [permission]);
    callers.push({ name: `staff ${permission}`, expect: { ...none, staff: new Set([permission]) }, gql: asClient(await sessionClient("STAFF", user.id, org.id)) });
  }
  const all = await buildStaff(t.dataSource, t.app, org.id, Object.values(StaffPermission));
  callers.push({ name: "staff with all", expect: { ...none, staff: new Set(Object.values(StaffPermission)) }, gql: asClient(await sessionClient("STAFF", all.user.id, org.id)) });
  for (const scope of Object.values(ApiKeyScope)) {
    const k = await newKey([scope]);
    callers.push({ name: `key ${scope}`, expect: { ...none, keyScopes: new Set([scope]) }, gql: asKey(k.secret) });
  }
  const allKey = await newKey(Object.values(ApiKeyScope));
  callers.push({ name: "key with all scopes", expect: { ...none, keyScopes: new Set(Object.values(ApiKeyScope)) }, gql: asKey(allKey.secret) });
  const revoked = await newKey(Object.values(ApiKeyScope), { revokedAt: new Date() });
  callers.push({ name: "revoked key", expect: "refused-key", gql: asKey(revoked.secret) });
  const expired = await newKey(Object.values(ApiKeyScope), { expiresAt: new Date(Date.now() - 60_000) });
  callers.push({ name: "expired key", expect: "refused-key", gql: asKey(expired.secret) });
  const other = await buildOrg(t.dataSource);
  const otherAdmin = await buildStaff(t.dataSource, t.app, other.org.id, Object.values(StaffPermission));
  callers.push({ name: "admin of another organization", expect: "other-org", gql: asClient(await sessionClient("STAFF", otherAdmin.user.id, other.org.id)) });
});

// ---------------------------------------------------------------------------------------------
// Valid arguments for every operation. A call the policy allows gets fresh records to act on, so
// that one caller's change never decides another's answer; a refused call aims at the fixture's own
// records, which must come out unchanged.

type Targets = {
  patient(): Promise<number>;
  enabled(): Promise<{ patientId: number; grantId: number; accountId: number }>;
  contact(): Promise<number>;
  key(): Promise<number>;
  webhook(): Promise<number>;
  staffRole(): Promise<number>;
  portalRole(): Promise<number>;
  staffUser(): Promise<number>;
};

function targets(fresh: boolean): Targets {
  if (!fresh) {
    return {
      patient: async () => f.patientId,
      enabled: async () => ({ patientId: f.patientId, grantId: f.grantId, accountId: f.accountId }),
      contact: async () => f.contactId,
      key: async () => f.keyId,
      webhook: async () => f.webhookId,
      staffRole: async () => f.staffRoleId,
      portalRole: async () => f.portalRoleId,
      staffUser: async () => f.staffUserId,
    };
  }
  return {
    patient: async () => (await buildPatient(t.dataSource, f.orgId)).id,
    enabled: enabledPatient,
    contact: async () => (await buildContact(t.dataSource, await buildPatient(t.dataSource, f.orgId))).id,
    key: async () => (await newKey([ApiKeyScope.PATIENTS_READ])).id,
    webhook: async () =>
      ((await t.dataSource.getRepository(WebhookSubscription).save({ organizationId: f.orgId, url: "http://127.0.0.1:9/h", events: ["portal_access.enabled"], secretSealed: "x", active: true } as never)) as unknown as { id: number }).id,
    staffRole: async () => (await t.dataSource.getRepository(StaffRole).save({ organizationId: f.orgId, name: unique("role "), permissions: [] })).id,
    staffUser: newStaffUser,
    portalRole: async () => (await t.dataSource.getRepository(PortalRole).save({ organizationId: f.orgId, name: unique("prole "), permissions: [], accessTypes: [AccessType.PROXY] })).id,
  };
}

const id = (n: number) => String(n);
const PASSWORD = "a long enough password 1";
type Args = Record<string, unknown>;
const ARGS: Record<string, (x: Targets) => Promise<Args>> = {
  "Query.viewer": async () => ({}),
  "Query.patients": async () => ({ first: 2 }),
  "Query.patient": async (x) => ({ id: id(await x.patient()) }),
  "Query.portalAccounts": async () => ({ first: 2 }),
  "Query.portalRoles": async () => ({}),
  "Query.onboardingStats": async () => ({ weeks: 4 }),
  "Query.bulkJob": async () => ({ id: f.bulkJobId }),
  "Query.bulkJobs": async () => ({ first: 2 }),
  "Query.accessScheduleSettings": async () => ({}),
  "Mutation.updateAccessScheduleSettings": async () => ({ input: { ageRulePreset: "NONE", ageNoticeDays: 30, proxyEndReminderDays: 14 } }),
  "Mutation.updateProxyAuthorization": async (x) => ({ input: { grantId: id((await x.enabled()).grantId), basis: "PARENT" } }),
  "Mutation.renewProxyAccess": async (x) => ({ input: { grantId: id((await x.enabled()).grantId) } }),
  "Query.portalViewer": async () => ({}),
  "Query.staffRoles": async () => ({}),
  "Query.staffUsers": async () => ({}),
  "Query.emailTemplates": async () => ({}),
  "Query.previewEmailTemplate": async () => ({ input: { kind: "INVITE_LINK", language: "EN" } }),
  "Query.apiKeys": async () => ({ first: 2 }),
  "Query.webhookSubscriptions": async () => ({}),
  "Query.webhookDeliveries": async () => ({ first: 2 }),
  "Query.auditEvents": async () => ({ first: 2 }),
  "Query.devMailbox": async () => ({ first: 2 }),
  "Mutation.createPatient": async () => ({ input: { mrn: unique("MRN-"), firstName: "New", lastName: "Patient", dateOfBirth: "1990-01-01", email: uniqueEmail() } }),
  "Mutation.updatePatient": async (x) => ({ input: { id: id(await x.patient()), language: "FR" } }),
  "Mutation.createContact": async (x) => ({ input: { patientId: id(await x.patient()), firstName: "New", lastName: "Contact", relationship: "FATHER", email: uniqueEmail() } }),
  "Mutation.updateContact": async (x) => ({ input: { id: id(await x.contact()), language: "FR" } }),
  "Mutation.enablePortalAccess": async (x) => ({ input: { patientId: id(await x.patient()) } }),
  "Mutation.grantContactPortalAccess": async (x) => ({ input: { contactId: id(await x.contact()), portalRoleId: id(f.roles.family.id) } }),
  "Mutation.linkPatientToPortalAccount": async (x) => ({ input: { patientId: id(await x.patient()) } }),
  "Mutation.changePortalRole": async (x) => ({ input: { grantId: id((await x.enabled()).grantId), portalRoleId: id(f.roles.representative.id) } }),
  "Mutation.revokePortalAccess": async (x) => ({ input: { grantId: id((await x.enabled()).grantId) } }),
  "Mutation.revokeAllPortalAccess": async (x) => ({ input: { accountId: id((await x.enabled()).accountId) } }),
  "Mutation.setPortalAccountDisabled": async (x) => ({ input: { accountId: id((await x.enabled()).accountId), disabled: true } }),
  "Mutation.forcePortalPasswordChange": async (x) => ({ input: { accountId: id((await x.enabled()).accountId) } }),
  "Mutation.sendPortalInvite": async (x) => ({ input: { grantId: id((await x.enabled()).grantId) } }),
  "Mutation.resetPortalPassword": async (x) => ({ input: { accountId: id((await x.enabled()).accountId) } }),
  "Mutation.changePortalLoginEmail": async (x) => ({ input: { accountId: id((await x.enabled()).accountId), email: uniqueEmail("moved") } }),
  "Mutation.bulkEnablePortalAccess": async (x) => ({ input: { patientIds: [id(await x.patient())] } }),
  "Mutation.bulkSendPortalInvites": async (x) => ({ input: { patientIds: [id(await x.patient())] } }),
  "Mutation.bulkSendPortalInviteReminders": async (x) => ({ input: { patientIds: [id(await x.patient())] } }),
  "Mutation.issuePortalActivationCode": async (x) => ({ input: { grantId: id((await x.enabled()).grantId) } }),
  "Mutation.activatePortalAccount": async () => ({ input: { code: "ZZZZ-ZZZZ", dateOfBirth: "1911-11-11", password: PASSWORD } }),
  "Mutation.requestNewPortalInvite": async () => ({ input: { token: crypto.randomBytes(32).toString("base64url"), dateOfBirth: "1911-11-11" } }),
  "Mutation.upsertPatients": async () => ({ input: { patients: [{ externalId: unique("ext-"), mrn: unique("MRN-"), firstName: "Ima", lastName: "Port" }] } }),
  "Mutation.confirmPatientImport": async () => ({ input: { id: "999999" } }),
  "Query.importJob": async () => ({ id: "999999" }),
  "Query.patientByExternalId": async () => ({ externalId: "no-such-external-id" }),
  "Mutation.acceptPortalInvite": async () => ({ input: { token: crypto.randomBytes(32).toString("base64url"), dateOfBirth: "1911-11-11", password: PASSWORD } }),
  "Mutation.requestPortalPasswordReset": async () => ({ input: { email: uniqueEmail("nobody") } }),
  "Mutation.completePortalPasswordReset": async () => ({ input: { token: crypto.randomBytes(32).toString("base64url"), password: PASSWORD } }),
  "Mutation.changePortalPassword": async () => ({ input: { currentPassword: "not the password at all", newPassword: PASSWORD } }),
  "Mutation.updatePortalAccountLanguage": async () => ({ input: { language: "FR" } }),
  "Query.checkPortalInvite": async () => ({ token: crypto.randomBytes(32).toString("base64url") }),
  "Mutation.createPortalRole": async () => ({ input: { name: unique("Role "), permissions: ["VIEW_DEMOGRAPHICS"], accessTypes: ["PROXY"] } }),
  "Mutation.updatePortalRole": async (x) => ({ input: { id: id(await x.portalRole()), name: unique("Role ") } }),
  "Mutation.deletePortalRole": async (x) => ({ input: { id: id(await x.portalRole()) } }),
  "Mutation.createStaffRole": async () => ({ input: { name: unique("Staff role "), permissions: [] } }),
  "Mutation.updateStaffRole": async (x) => ({ input: { id: id(await x.staffRole()), name: unique("Staff role ") } }),
  "Mutation.deleteStaffRole": async (x) => ({ input: { id: id(await x.staffRole()) } }),
  "Mutation.createStaffUser": async (x) => ({ input: { email: uniqueEmail("colleague"), name: "New Colleague", password: PASSWORD, staffRoleId: id(await x.staffRole()) } }),
  "Mutation.updateOrganizationSettings": async () => ({ input: { resendCooldownMinutes: 5 } }),
  "Mutation.updateEmailTemplate": async () => ({ input: { kind: "INVITE_LINK", language: "EN", subject: "Join {{organizationName}}", html: "<p>{{link}}</p>", text: "{{link}}" } }),
  "Mutation.resetEmailTemplate": async () => ({ input: { kind: "INVITE_LINK", language: "EN" } }),
  "Mutation.sendSampleEmail": async () => ({ input: { kind: "INVITE_LINK", language: "EN" } }),
  "Mutation.createApiKey": async () => ({ input: { name: unique("key "), scopes: [] } }),
  "Mutation.revokeApiKey": async (x) => ({ input: { id: id(await x.key()) } }),
  "Mutation.createWebhookSubscription": async () => ({ input: { url: "http://127.0.0.1:9/new", events: ["PORTAL_ACCESS_ENABLED"] } }),
  "Mutation.updateWebhookSubscription": async (x) => ({ input: { id: id(await x.webhook()), description: "changed" } }),
  "Mutation.deleteWebhookSubscription": async (x) => ({ input: { id: id(await x.webhook()) } }),
  "Mutation.sendTestWebhookEvent": async (x) => ({ input: { id: id(await x.webhook()) } }),
  "Mutation.updateStaffUser": async (x) => ({ input: { id: id(await x.staffUser()), disabled: true } }),
  "Mutation.inviteStaffUser": async (x) => ({ input: { email: uniqueEmail("invited"), name: "Invited Member", staffRoleId: id(await x.staffRole()), language: "EN" } }),
  "Mutation.resendStaffInvite": async (x) => ({ input: { staffUserId: id(await x.staffUser()) } }),
  "Mutation.acceptStaffInvite": async () => ({ input: { token: crypto.randomBytes(32).toString("base64url"), password: PASSWORD } }),
  "Mutation.confirmPortalLoginEmail": async () => ({ input: { token: crypto.randomBytes(32).toString("base64url") } }),
  "Mutation.startMfaEnrollment": async () => ({}),
  "Mutation.startPortalTotpEnrollment": async () => ({}),
  "Mutation.confirmPortalTotpEnrollment": async () => ({ input: { code: "123456" } }),
  "Mutation.enablePortalEmailMfa": async () => ({}),
  "Mutation.disablePortalMfa": async () => ({ input: { password: "not the password at all" } }),
  "Mutation.confirmMfaEnrollment": async () => ({ input: { code: "123456" } }),
  "Mutation.disableMfa": async () => ({ input: { code: "123456" } }),
  "Mutation.regenerateRecoveryCodes": async () => ({ input: { code: "123456" } }),
  "Mutation.resetStaffMfa": async (x) => ({ input: { staffUserId: id(await x.staffUser()), reason: "Lost their phone" } }),
  "Mutation.unlockStaffUser": async (x) => ({ input: { staffUserId: id(await x.staffUser()), reason: "Called the help desk" } }),
  "Mutation.unlockPortalAccount": async (x) => ({ input: { portalAccountId: id((await x.enabled()).accountId), reason: "Called the front desk" } }),
};

/** Arguments made from the types alone, for an operation without a factory yet (the test says which). */
function generated(field: GraphQLField<unknown, unknown>): Args {
  const value = (type: GraphQLInputType, name: string): unknown => {
    const inner = getNullableType(type);
    if (isListType(inner)) return [value(inner.ofType as GraphQLInputType, name)];
    if (isEnumType(inner)) return inner.getValues()[0]!.name;
    if (isInputObjectType(inner)) {
      const out: Args = {};
      for (const f2 of Object.values(inner.getFields())) if (isNonNullType(f2.type)) out[f2.name] = value(f2.type, f2.name);
      return out;
    }
    switch (getNamedType(inner).name) {
      case "ID":
        return "1";
      case "Int":
      case "Float":
        return 1;
      case "Boolean":
        return false;
      default:
        return /email/i.test(name) ? uniqueEmail() : "x".repeat(12);
    }
  };
  const out: Args = {};
  for (const a of field.args) if (isNonNullType(a.type)) out[a.name] = value(a.type, a.name);
  return out;
}

// ---------------------------------------------------------------------------------------------
// What changed: every table holding the organization's access, hashed (timestamps of use excluded).

const TABLES: [string, string[]][] = [
  ["patients", ["updatedAt"]],
  ["contacts", ["updatedAt"]],
  ["portal_accounts", ["updatedAt"]],
  ["portal_grants", []],
  ["portal_tokens", []],
  ["staff_users", ["lastSignInAt", "updatedAt", "failedSignInCount", "lockedUntil"]],
  ["staff_roles", ["updatedAt"]],
  ["api_keys", ["lastUsedAt", "lastUsedIp"]],
  ["webhook_subscriptions", ["updatedAt"]],
  ["portal_roles", ["updatedAt"]],
  ["email_templates", ["updatedAt"]],
  ["organizations", ["updatedAt"]],
  ["bulk_jobs", ["updatedAt", "claimedUntil", "claimedBy", "heartbeatAt", "startedAt", "finishedAt", "state", "processed", "succeeded", "failed", "skipped"]],
];

async function snapshot(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const [table, skip] of TABLES) {
    const where = table === "organizations" ? "id = ?" : "organizationId = ?";
    const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM ${table} WHERE ${where} ORDER BY id`, [f.orgId]);
    for (const row of rows) {
      for (const s of skip) delete row[s];
      hash.update(JSON.stringify(row, (_k, v) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? String(v) : v)));
    }
  }
  const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM outbox_messages WHERE organizationId = ?`, [f.orgId]);
  hash.update(`outbox:${n}`);
  return hash.digest("hex");
}

// ---------------------------------------------------------------------------------------------

const REFUSED = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

/** The object type that holds the field at a response path (path from the root field's name on). */
function parentTypeAt(root: GraphQLObjectType, path: readonly (string | number)[]): GraphQLObjectType | null {
  let type: GraphQLObjectType = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    if (typeof seg === "number") continue;
    const field = type.getFields()[seg!];
    if (!field) return null;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return null;
    type = named;
  }
  return type;
}

/** Every (type, field, value) the response answered with a value, with its object for portal rules. */
function answered(type: GraphQLObjectType, value: unknown, visit: (type: GraphQLObjectType, field: string, source: Record<string, unknown>) => void) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const v of value) answered(type, v, visit);
    return;
  }
  const source = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(source)) {
    const field = type.getFields()[key];
    if (!field || v === null || v === undefined) continue;
    visit(type, key, source);
    const named = getNamedType(field.type);
    if (isObjectType(named)) answered(named, v, visit);
  }
}

function typeRulePermissions(rule: TypeRule | undefined, source: Record<string, unknown>) {
  return rule?.grantPermissions ? rule.grantPermissions(source) : undefined;
}

describe("the access matrix", () => {
  it("covers every operation and object type of the schema with a policy row", () => {
    const missing: string[] = [];
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const name of Object.keys(root.getFields())) if (!OPERATIONS[`${root.name}.${name}`]) missing.push(`${root.name}.${name}`);
    }
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type.name === "Query" || type.name === "Mutation") continue;
      if (!(type.name in TYPES) && !NO_PERSONAL_DATA.has(type.name) && !isStructural(type.name)) missing.push(type.name);
    }
    for (const key of Object.keys(OPERATIONS)) {
      const [root, name] = key.split(".");
      const type = root === "Query" ? schema.getQueryType() : schema.getMutationType();
      if (!type?.getFields()[name!]) missing.push(`${key} (in the policy, not in the schema)`);
    }
    expect(missing).toEqual([]);
  });

  it("allows exactly what the policy allows, to every kind of caller, and nothing leaks from a refusal", async () => {
    const unexpectedAllows: string[] = [];
    const unexpectedDenies: string[] = [];
    const leaks: string[] = [];
    const changes: string[] = [];
    const generatedArgs: string[] = [];
    let operations = 0;
    for (const [kind, root] of [
      ["query", schema.getQueryType()!],
      ["mutation", schema.getMutationType()!],
    ] as const) {
      for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
        operations++;
        const op = `${root.name}.${field.name}`;
        const rule = OPERATIONS[op]!;
        const document = documentFor(kind, field);
        const factory = ARGS[op];
        if (!factory) generatedArgs.push(op);
        for (const caller of callers) {
          const policyCaller = typeof caller.expect === "object" ? caller.expect : null;
          const allowed = caller.expect === "refused-key" ? false : caller.expect === "other-org" ? decide(rule, { staff: new Set(Object.values(StaffPermission)), keyScopes: null, portal: false }) === "allow" : decide(rule, caller.expect) === "allow";
          const variables = factory ? await factory(targets(allowed && caller.expect !== "other-org")) : generated(field);
          // Queries change no row (GraphQL reads); every refused mutation is checked.
          const before = kind === "mutation" && (!allowed || caller.expect === "other-org") ? await snapshot() : null;
          const { status, body } = await caller.gql(document, variables);
          const label = `${op} by ${caller.name}`;
          const rootRefused = status === 401 || (body.errors ?? []).some((e) => e.path?.length === 1 && REFUSED.has(String(e.extensions?.code)));
          if (allowed && rootRefused) unexpectedDenies.push(`${label}: ${JSON.stringify(body.errors?.[0])}`);
          if (!allowed && !rootRefused) unexpectedAllows.push(`${label}: ${JSON.stringify(body).slice(0, 300)}`);
          if (!allowed || caller.expect === "other-org") {
            const text = JSON.stringify(body);
            const leaked = f.secrets.filter((s) => text.includes(s));
            if (leaked.length) leaks.push(`${label}: ${leaked.join(", ")}`);
            if (!allowed && body.data && body.data[field.name] !== null && body.data[field.name] !== undefined) leaks.push(`${label}: data ${JSON.stringify(body.data).slice(0, 200)}`);
            if (before !== null && (await snapshot()) !== before) changes.push(label);
          }
          if (policyCaller && !rootRefused && body.data) {
            // Every value answered is one this caller may read…
            answered(root, body.data, (type, name, source) => {
              const fieldRule = ruleOf(type.name, name);
              const d = fieldRule ? decide(fieldRule, policyCaller, fieldRule.portalPermission ? typeRulePermissions(TYPES[type.name], source) : undefined) : "forbidden";
              if (d !== "allow") unexpectedAllows.push(`${label}: field ${type.name}.${name}`);
            });
            // …and every field refused is one the policy refuses it.
            for (const e of body.errors ?? []) {
              if (!e.path || e.path.length < 2 || !REFUSED.has(String(e.extensions?.code))) continue;
              const parent = parentTypeAt(root, e.path);
              const last = String(e.path[e.path.length - 1]);
              const fieldRule = parent ? ruleOf(parent.name, last) : undefined;
              if (fieldRule && decide(fieldRule, policyCaller) === "allow" && !fieldRule.portalPermission) unexpectedDenies.push(`${label}: field ${parent!.name}.${last}`);
            }
          }
        }
      }
    }
    console.log(
      `authz matrix: ${operations} operations × ${callers.length} callers, ${unexpectedAllows.length} unexpected allows, ${unexpectedDenies.length} unexpected denies, ${leaks.length} leaks, ${changes.length} changes by refused calls` +
        (generatedArgs.length ? ` (arguments generated from types for: ${generatedArgs.join(", ")})` : ""),
    );
    expect({ unexpectedAllows, unexpectedDenies, leaks, changes }).toEqual({ unexpectedAllows: [], unexpectedDenies: [], leaks: [], changes: [] });
  }, 600_000);
});
