import { existsSync, readFileSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

// GQL_OUT lets `gen:check` generate into a temporary folder and compare with the committed one.
const out = process.env.GQL_OUT ?? "./src/gql/";
const shared = "../../packages/schema/schema.graphql";
// Portal operations the API is still gaining; ignored as soon as the shared schema carries them.
const pending = "./pending-schema.graphql";
const usePending = existsSync(pending) && !readFileSync(shared, "utf8").includes("portalViewer");

const config: CodegenConfig = {
  schema: [shared, ...(usePending ? [pending] : [])],
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        // Only what the documents use: a schema change elsewhere does not make src/gql stale.
        onlyOperationTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: "string", JSON: "unknown" },
        skipTypename: false,
      },
    },
  },
};

export default config;
