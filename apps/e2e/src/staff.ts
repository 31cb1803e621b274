import type { BrowserContext } from "playwright-core";
import { baseUrl } from "./env";

export const DEMO_PASSWORD = "demo-password";

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A signed-in staff member speaking GraphQL over HTTP, for setting up and checking a journey. */
export class StaffClient {
  private constructor(private readonly cookie: string) {}

  static async signIn(email: string, password = DEMO_PASSWORD): Promise<StaffClient> {
    const res = await fetch(`${baseUrl()}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`staff sign-in as ${email} failed: HTTP ${res.status}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return new StaffClient(cookie);
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${baseUrl()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResult<T>;
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }
}

/** Signs a browser context in as staff through the real route, so the admin opens signed in. */
export async function signInAsStaff(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await context.request.post("/auth/login", { data: { email, password } });
  if (res.status() !== 200) throw new Error(`staff sign-in as ${email} failed: HTTP ${res.status()}`);
}
