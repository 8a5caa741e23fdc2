#!/usr/bin/env bash
# Runs vitest (arguments are passed on) and ends with the line "N passed, N failed", or
# "N passed, N failed, N skipped" when tests were skipped. Failed suites (a hook or an
# import that threw) and unhandled errors count as failures; a vitest exit status that is
# not 0 with nothing counted as failed counts as one failure.
# COOPSIM_SKIP: test files or folders (ending in /) to leave out, one per line, relative to
# the vitest root (COOPSIM_VITEST_ROOT, default: here); all their tests count as skipped.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
counts=$(mktemp)
trap 'rm -f "$counts" "$counts.list"' EXIT

root_args=()
[ -n "${COOPSIM_VITEST_ROOT:-}" ] && root_args=(--root "$COOPSIM_VITEST_ROOT")
excludes=()
paths=()
while IFS= read -r path; do
  [ -n "$path" ] || continue
  paths+=("$path")
  case "$path" in */) excludes+=(--exclude "$path**") ;; *) excludes+=(--exclude "$path") ;; esac
done <<<"${COOPSIM_SKIP:-}"

skipped_tests=0
if [ "${#paths[@]}" -gt 0 ]; then
  # Tests in the left-out files, listed (collected, not run).
  if npx vitest list --json="$counts.list" "${root_args[@]}" "${paths[@]}" >/dev/null 2>&1; then
    skipped_tests=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).length)' "$counts.list")
  fi
fi

COOPSIM_COUNTS_FILE="$counts" npx vitest run --reporter=default --reporter="$here/count-reporter.ts" "${root_args[@]}" "${excludes[@]}" "$@"
status=$?
node -e '
const fs = require("fs");
const [file, status, extraSkipped] = process.argv.slice(1);
let c;
try { c = JSON.parse(fs.readFileSync(file, "utf8")); } catch { c = { passed: 0, failed: 0, skipped: 0, otherFailures: ["vitest wrote no results"] }; }
if (Number(status) !== 0 && c.failed === 0) { c.failed = 1; c.otherFailures.push(`vitest exited with status ${status}`); }
if (c.passed + c.failed === 0 && Number(extraSkipped) === 0) { c.failed = 1; c.otherFailures.push("no tests ran"); }
for (const line of c.otherFailures) console.log(`failed outside a test: ${line}`);
const skipped = c.skipped + Number(extraSkipped);
console.log(`${c.passed} passed, ${c.failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
' "$counts" "$status" "$skipped_tests"
exit $status
