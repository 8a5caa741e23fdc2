#!/usr/bin/env bash
# Runs every test: installs what the tests need when missing (Chromium, SLURM, numpy; needs root),
# builds the CLI, runs vitest, and ends with the line "N passed, N failed" (", N skipped"
# when tests were skipped). Tests whose prerequisite is missing are skipped with a line
# saying which and why.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

skip=""
if ! bash test/setup/ensure-chromium.sh; then
  echo "skipped: browser tests (test/e2e/): Chromium is missing and could not be installed (installing needs root)"
  skip+=$'test/e2e/\n'
fi
if ! bash test/setup/ensure-slurm.sh; then
  echo "skipped: cluster tests (test/integration/slurm.test.ts): SLURM is not running and could not be started (needs root)"
  skip+=$'test/integration/slurm.test.ts\n'
fi

if ! bash test/setup/ensure-numpy.sh >/dev/null; then
  echo "skipped: the numpy peer of the game ABM (test/integration/game-abm-numpy-peer.test.ts): no python3 with numpy, and it could not be installed (needs root)"
  skip+=$'test/integration/game-abm-numpy-peer.test.ts\n'
fi

npm run --silent build:node || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

COOPSIM_SKIP="$skip" bash test/summary/run-vitest.sh "$@"
