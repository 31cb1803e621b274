import type { CodegenConfig } from "@graphql-codegen/cli";

// GQL_OUT lets `gen:check` generate into a temporary folder and compare with the committed one.
const out = process.env.GQL_OUT ?? "./src/gql/";
const schema = "../../packages/schema/schema.graphql";
const SHELL_DOCUMENTS = "src/features/auth/viewer.ts";

const output = {
  preset: "client" as const,
  presetConfig: { fragmentMasking: false },
  config: {
    enumsAsTypes: true,
    // Only what the documents use: a schema change elsewhere does not make src/gql stale.
    onlyOperationTypes: true,
    useTypeImports: true,
    scalars: { DateTimeISO: "string", JSON: "unknown" },
    // Apollo Client 4 always adds __typename to what it fetches; the types say so.
    nonOptionalTypename: true,
  },
};

// Two outputs: the client preset's graphql() keeps every document of its output in one module,
// so the documents of the first page (the viewer) are generated apart from the lazy pages' ones.
const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: false,
  generates: {
    [`${out}shell/`]: { ...output, documents: [SHELL_DOCUMENTS] },
    [out]: { ...output, documents: ["src/**/*.{ts,tsx}", `!${SHELL_DOCUMENTS}`, "!src/gql/**", "!src/**/*.test.tsx"] },
  },
};

export default config;
