/** Writes the totals of a jest run to a JSON file (for .ci/run's closing line). */
const fs = require('node:fs');
const path = require('node:path');

class JsonTotalsReporter {
  constructor(_globalConfig, options) {
    this.outputFile = options.outputFile;
  }
  onRunComplete(_contexts, results) {
    fs.mkdirSync(path.dirname(this.outputFile), { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests } = results;
    fs.writeFileSync(
      this.outputFile,
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests }),
    );
  }
}
module.exports = JsonTotalsReporter;
