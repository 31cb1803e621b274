// One API server (fresh database, demo data) for the whole run, started by src/global-setup.ts;
// the journey files run one at a time against it, each in its own browser.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/journeys"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" }, sourceMaps: "inline" },
    ],
    // otplib (the MFA journey computes codes) pulls in @noble/hashes and @scure/base, ES modules only.
    "/node_modules/.+\\.js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!\\.pnpm/|@noble/|@scure/)"],
  globalSetup: "<rootDir>/src/global-setup.ts",
  globalTeardown: "<rootDir>/src/global-teardown.ts",
  maxWorkers: 1,
  testTimeout: 120000,
  reporters: require("../../tools/jest-reporters.cjs"),
};
