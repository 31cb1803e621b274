// Jest reporters for every package: the default console output, plus (when JEST_REPORT_DIR is set,
// as .ci/run does) a JSON summary per run so CI can print one line of totals over all suites.
const reporters = ["default"];
if (process.env.JEST_REPORT_DIR) reporters.push(require.resolve("./jest-summary-reporter.cjs"));
module.exports = reporters;
