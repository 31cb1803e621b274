import fs from "node:fs";
import path from "node:path";

/** Screenshots, the server log and failure pages land here (gitignored); CI prints the path. */
export const ARTIFACTS_DIR = path.resolve(__dirname, "..", "artifacts");

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}
