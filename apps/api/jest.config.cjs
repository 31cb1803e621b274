const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: "es2022",
      keepClassNames: true,
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": swc, "/node_modules/.+\\.js$": swc },
  // otplib's default plugins use @noble/hashes and @scure/base, published as ES modules only: jest
  // (CommonJS here, and no require(esm) before Node 24) compiles those two, and nothing else, with swc.
  transformIgnorePatterns: ["/node_modules/(?!\\.pnpm/|@noble/|@scure/)"],
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  reporters: require("../../tools/jest-reporters.cjs"),
  // Each worker gets its own database (see test/test-db.ts); two workers suit a 2-core machine.
  maxWorkers: process.env.CI ? 2 : "50%",
  testTimeout: 30000,
};
