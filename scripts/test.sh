#!/usr/bin/env bash
# THE test command: ./scripts/test.sh [dotnet test arguments...]
# Starts a throwaway PostgreSQL server and a throwaway Redis server (installing them, and Debian's
# Chromium for the browser tests, if needed), runs every test project of Reservations.sln against
# them, then stops them and deletes their data, keeping the exit code of dotnet test. Without
# arguments it then runs scripts/test-typescript.sh (the TypeScript client) and fails if that fails.
# Example: ./scripts/test.sh --filter "FullyQualifiedName~Storage"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=scripts/redis.sh
source scripts/redis.sh
# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: dotnet is not installed. Install the .NET SDK 10.0.401 (see global.json) and run ./scripts/test.sh again." >&2
  exit 1
fi

cleanup() {
  local status=$?
  pg_throwaway_stop
  redis_throwaway_stop
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chromium_ensure
pg_throwaway_start
export RESERVATIONS_TEST_POSTGRES="$PG_THROWAWAY_URL"
redis_throwaway_start
export RESERVATIONS_TEST_REDIS="$REDIS_THROWAWAY_URL"

log=$(mktemp)
status=0
dotnet test Reservations.sln -c Release "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
# The whole run (no dotnet test arguments) also checks and tests the TypeScript client.
if [[ $# -eq 0 ]]; then
  ts_status=0
  scripts/test-typescript.sh --no-build 2>&1 | tee -a "$log" || ts_status=${PIPESTATUS[0]}
  if [[ $status -eq 0 ]]; then status=$ts_status; fi
fi
# One closing line over all test projects and node's test runner, e.g. "263 passed, 0 failed, 0 skipped".
awk '/(Passed|Failed)! +-/ { for (i = 1; i < NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } }
     /^# (pass|fail|skipped) [0-9]+$/ { if ($2 == "pass") p += $3; if ($2 == "fail") f += $3; if ($2 == "skipped") s += $3 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
