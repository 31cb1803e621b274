import crypto from "node:crypto";
import type { Express } from "express";
import { OutboxMessage } from "../src/email/outbox-message.entity";
import type { TestApp } from "./test-app";
import { TestClient } from "./test-app";

/** A made-up client address, so that per-IP limits of one test never touch another (needs TRUST_PROXY=loopback). */
export function randomIp(): string {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** A browser of a patient or proxy: its own cookie jar and client address. */
export function portalClient(app: Express, ip = randomIp()): TestClient {
  const client = new TestClient(app);
  client.agent.set("X-Forwarded-For", ip);
  return client;
}

export function portalLogin(client: TestClient, body: { email: string; password: string; organizationId?: string | number }) {
  return client.agent.post("/portal/auth/login").set("content-type", "application/json").send(body);
}

/** The newest queued email to an address, with its secrets opened (as the worker would). */
export async function lastEmailTo(t: TestApp, address: string, kind?: string) {
  const rows = await t.dataSource.getRepository(OutboxMessage).find({ where: { toAddress: address, ...(kind ? { kind } : {}) }, order: { id: "DESC" }, take: 1 });
  if (!rows[0]) throw new Error(`no email to ${address}`);
  return { row: rows[0], secrets: t.services.emailQueue.secretsOf(rows[0]) };
}

/** The token at the end of a PUBLIC_URL/portal/{invite,reset}/<token> link. */
export function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf("/") + 1);
}

export const PORTAL_VIEWER = `{ portalViewer { account { id email language mustChangePassword needsDateOfBirth } organizationName
  profiles { id accessType patient { id firstName lastName } role { name permissions } demographics { dateOfBirth email } appointments { id } documents { id } statements { id } } } }`;
export const ACCEPT = `mutation($input: AcceptPortalInviteInput!) { acceptPortalInvite(input: $input) { account { id email mustChangePassword } userErrors { code field message } } }`;
export const CHANGE_PASSWORD = `mutation($input: ChangePortalPasswordInput!) { changePortalPassword(input: $input) { account { id mustChangePassword } userErrors { code field message } } }`;
export const REQUEST_RESET = `mutation($input: RequestPortalPasswordResetInput!) { requestPortalPasswordReset(input: $input) { accepted userErrors { code field message } } }`;
export const COMPLETE_RESET = `mutation($input: CompletePortalPasswordResetInput!) { completePortalPasswordReset(input: $input) { account { id } userErrors { code field message } } }`;
export const ENABLE_AND_INVITE = `mutation($input: EnablePortalAccessInput!) {
  enablePortalAccess(input: $input) { grant { id account { id email } } patient { id portalStatus } userErrors { code field message } }
}`;
