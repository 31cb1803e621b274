module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src"],
  reporters: require("../../tools/jest-reporters.cjs"),
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }] },
};
