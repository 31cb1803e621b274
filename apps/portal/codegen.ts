import type { CodegenConfig } from "@graphql-codegen/cli";

// GQL_OUT lets `gen:check` generate into a temporary folder and compare with the committed one.
const out = process.env.GQL_OUT ?? "./src/gql/";

const config: CodegenConfig = {
  schema: "../../packages/schema/schema.graphql",
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
