/** True under jest (jsdom has no layout, so the data grid must render every row, not a virtual window). */
export const underTest = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV === "test";
