import type { E2EDatabase } from "./server";

/** Where global-setup started the API. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the journeys through jest (global-setup starts the API)");
  return url;
}

export function database(): E2EDatabase {
  return JSON.parse(process.env.E2E_DATABASE ?? "null") as E2EDatabase;
}
