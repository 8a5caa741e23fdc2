#!/usr/bin/env bash
# Runs every test: installs what the tests need when missing (Chromium, SLURM),
# builds the CLI, runs vitest, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

bash test/setup/ensure-chromium.sh || echo "warning: Chromium could not be installed; browser tests will fail"
if [ -f test/setup/ensure-slurm.sh ]; then
  bash test/setup/ensure-slurm.sh || echo "warning: SLURM could not be started; cluster tests will fail"
fi

npm run --silent build:node || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p test-output
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@"
status=$?
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try {
  const r = JSON.parse(fs.readFileSync("test-output/vitest.json", "utf8"));
  passed = r.numPassedTests; failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites ? 0 : 0);
  if (r.numTotalTests === 0) failed += 1;
} catch (e) { failed = 1; }
console.log(`${passed} passed, ${failed} failed`);
'
exit $status
