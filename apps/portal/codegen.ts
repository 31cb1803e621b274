import { existsSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

// GQL_OUT lets `gen:check` generate into a temporary folder and compare with the committed one.
const out = process.env.GQL_OUT ?? "./src/gql/";
// Portal operations the API is still gaining; removed once packages/schema carries them all.
const pending = "./pending-schema.graphql";

const config: CodegenConfig = {
  schema: ["../../packages/schema/schema.graphql", ...(existsSync(pending) ? [pending] : [])],
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
