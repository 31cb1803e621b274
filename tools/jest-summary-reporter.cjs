const fs = require("node:fs");
const path = require("node:path");

/** Writes {passed, failed, skipped} of one jest run to $JEST_REPORT_DIR/<package>-<label>-<pid>.json. */
class JestSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.JEST_REPORT_DIR;
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(this.rootDir);
    const label = process.env.JEST_REPORT_LABEL || "run";
    const summary = {
      package: name,
      label,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `${name}-${label}-${process.pid}.json`), JSON.stringify(summary));
  }
}
module.exports = JestSummaryReporter;
