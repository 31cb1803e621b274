import request from "supertest";
import { ActorType, StaffPermission } from "@portal/schema";
import { AuditEvent } from "../../src/modules/audit/audit-event.entity";
import { StaffUser } from "../../src/modules/staff/staff-user.entity";
import { Session } from "../../src/auth/session.entity";
import { buildOrg, buildStaff, STAFF_PASSWORD } from "../factories";
import { startTestApp, TestClient, type TestApp } from "../test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("HTTP surface", () => {
  it("GET /healthz answers 200 when the database answers, with a request id", async () => {
    const res = await request(t.app).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("POST /auth/login sets an HttpOnly SameSite session cookie stored hashed; logout ends the session", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    const agent = request.agent(t.app);
    const res = await agent.post("/auth/login").send({ email: user.email, password: STAFF_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers["set-cookie"][0] as string;
    expect(cookie).toMatch(/^pa_staff=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = decodeURIComponent(cookie.split(";")[0].split("=")[1]);
    const sessions = await t.dataSource.getRepository(Session).findBy({ principalId: user.id, kind: "STAFF" });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.idHash)).not.toContain(token);
    const viewer = await agent.post("/graphql").send({ query: "{ viewer { user { id } } }" });
    expect(viewer.body.data.viewer.user.id).toBe(String(user.id));
    expect((await agent.post("/auth/logout")).status).toBe(204);
    const after = await agent.post("/graphql").send({ query: "{ viewer { user { id } } }" });
    expect(after.body.data.viewer).toBeNull();
  });

  it("refuses wrong passwords, unknown emails and disabled users with one answer, auditing known accounts", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    const wrong = await request(t.app).post("/auth/login").send({ email: user.email, password: "not the password" });
    const unknown = await request(t.app).post("/auth/login").send({ email: "nobody@example.test", password: "whatever it is" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    const failed = await t.dataSource.getRepository(AuditEvent).findBy({ organizationId: org.id, action: "staff.sign_in_failed" });
    expect(failed).toHaveLength(1);
    expect(failed[0].actorType).toBe(ActorType.STAFF);
    await t.dataSource.getRepository(StaffUser).update({ id: user.id }, { disabled: true });
    expect((await request(t.app).post("/auth/login").send({ email: user.email, password: STAFF_PASSWORD })).status).toBe(401);
    expect((await request(t.app).post("/auth/login").send("email=a&password=b")).status).toBe(400);
  });

  it("a disabled staff user's existing session stops working at once", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user, client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    expect((await client.gql("{ viewer { user { id } } }")).data!.viewer).not.toBeNull();
    await t.dataSource.getRepository(StaffUser).update({ id: user.id }, { disabled: true });
    expect((await client.gql("{ viewer { user { id } } }")).data!.viewer).toBeNull();
  });

  it("a staff session ends at its expiry, and carries the permissions of the user's role", async () => {
    const { org } = await buildOrg(t.dataSource);
    const { user, client } = await buildStaff(t.dataSource, t.app, org.id, [StaffPermission.VIEW_PATIENTS]);
    const viewer = async () => (await client.gql("{ viewer { user { id } permissions } }")).data!.viewer;
    expect(await viewer()).toEqual({ user: { id: String(user.id) }, permissions: [StaffPermission.VIEW_PATIENTS] });
    // A second before its end it still works; a second after, it does not.
    const sessions = t.dataSource.getRepository(Session);
    await sessions.update({ principalId: user.id, kind: "STAFF" }, { expiresAt: new Date(Date.now() + 1000) });
    expect((await viewer())?.user).toEqual({ id: String(user.id) });
    await sessions.update({ principalId: user.id, kind: "STAFF" }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await viewer()).toBeNull();
  });

  it("keeps Apollo's CSRF prevention on and answers malformed requests with 400, never 500", async () => {
    const csrf = await request(t.app).get("/graphql").query({ query: "{ viewer { user { id } } }" });
    expect(csrf.status).toBe(400);
    const textPlain = await request(t.app).post("/graphql").set("content-type", "text/plain").send('{"query":"{ viewer { user { id } } }"}');
    expect(textPlain.status).toBe(400);
    const badJson = await request(t.app).post("/graphql").set("content-type", "application/json").send("{not json");
    expect(badJson.status).toBe(400);
    expect(JSON.stringify(badJson.body)).not.toMatch(/at .*\.js/);
    const huge = await request(t.app).post("/graphql").set("content-type", "application/json").send(JSON.stringify({ query: "{ viewer { user { id } } }", pad: "x".repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    const syntax = await new TestClient(t.app).gql("{ viewer { ");
    expect(syntax.errors![0].extensions!.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("sets security headers", async () => {
    const res = await request(t.app).get("/healthz");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toBeDefined();
    expect(res.headers["x-powered-by"]).toBeUndefined();
    // GraphQL answers carry patient data: never stored by a browser or a proxy.
    const gql = await request(t.app).post("/graphql").set("content-type", "application/json").send({ query: "{ viewer { user { id } } }" });
    expect(gql.status).toBe(200);
    expect(gql.headers["cache-control"]).toBe("no-store");
  });
});
