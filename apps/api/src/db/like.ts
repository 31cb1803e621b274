/** LIKE prefix patterns are a dialect matter: they live in dialect.ts, re-exported for existing imports. */
export { LIKE_ESCAPE, likePrefix } from "./dialect";
