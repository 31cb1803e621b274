import "reflect-metadata";
import type { Express } from "express";
import request from "supertest";
import type { DataSource } from "typeorm";
import type { DestinationStream } from "pino";
import { loadConfig, type Config } from "../src/config";
import { createLogger } from "../src/logger";
import { createApp } from "../src/server";
import { createServices, type Services } from "../src/services";
import { openTestDatabase } from "./test-db";

export interface TestApp {
  app: Express;
  dataSource: DataSource;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real Express app (sessions, passport, Apollo) on a real database, for one test file.
 * `logDestination` captures the app's log lines (set LOG_LEVEL in env to something other than silent).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logDestination?: DestinationStream } = {}): Promise<TestApp> {
  const dataSource = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    SESSION_SECRET: "test-session-secret-at-least-32-characters",
    // Every test of a worker calls from 127.0.0.1; the rate-limit tests set their own small limits.
    GRAPHQL_RATE_LIMIT_PER_IP: "1000000",
    GRAPHQL_RATE_LIMIT_PER_KEY: "1000000",
    ...env,
  });
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  const services = createServices(dataSource, config, logger);
  const { app, apollo } = await createApp(services);
  return {
    app,
    dataSource,
    services,
    config,
    async close() {
      await services.outboxWorker.stop();
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
}

/** A client with its own cookie jar, speaking GraphQL over real HTTP to the app. */
export class TestClient {
  readonly agent: ReturnType<typeof request.agent>;
  constructor(app: Express) {
    this.agent = request.agent(app);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await this.agent.post("/graphql").set("content-type", "application/json").send({ query, variables });
    if (res.status !== 200 && res.status !== 400) throw new Error(`GraphQL HTTP ${res.status}: ${res.text}`);
    return res.body as GraphQLResponse<T>;
  }

  async loginStaff(email: string, password: string) {
    const res = await this.agent.post("/auth/login").set("content-type", "application/json").send({ email, password });
    if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${res.text}`);
    return this;
  }
}

/** A partner app's call: `Authorization: Bearer <key>` and no cookies. Returns the HTTP status too. */
export async function keyGql<T = Record<string, any>>(app: Express, key: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await request(app).post("/graphql").set("content-type", "application/json").set("authorization", `Bearer ${key}`).send({ query, variables });
  return { status: res.status, headers: res.headers, body: res.body as GraphQLResponse<T> };
}

/** The error code of the first GraphQL error, or undefined. */
export function errorCode(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
