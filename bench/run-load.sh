#!/usr/bin/env bash
# The load benchmarks of docs/performance.md: hot-seat, distinct and group, on SQLite and on a durable
# PostgreSQL, three runs each. The engine and PostgreSQL run on core 0, the load tester on core 1
# (shared/BENCHMARKING.md). Usage: bench/run-load.sh [runs] [warmup] [duration]; logs in $OUT;
# ONLY="distinct-postgres hot-seat-sqlite" runs only those rows. BEFORE=path/to/Reservations.Api.dll
# runs that engine too, alternating with this one run by run, for a ratio measured in one session.
# WATCHERS=100 keeps that many live seat-map clients (GET /seats/live) open on the scenario's entity.
# WEBHOOKS=1 registers a webhook endpoint for every event type, received by the load tester's own sink.
# WEBHOOK_BATCHES=1 registers that endpoint as a batching one (up to 100 events per request), with or without WEBHOOKS.
# Give it 200 s of warm-up: at 100 s the JIT is still compiling the webhook path (docs/performance.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3} warmup=${2:-60s} duration=${3:-30s}
OUT=${OUT:-$(mktemp -d /tmp/reservations-load.XXXXXX)}
mkdir -p "$OUT"

source scripts/postgres.sh
trap pg_throwaway_stop EXIT
export PG_THROWAWAY_DURABLE=1
taskset -p -c 0 $$ >/dev/null   # PostgreSQL inherits core 0 from this shell
pg_throwaway_start
taskset -p -c 0,1 $$ >/dev/null
[[ -n ${BEFORE:-} ]] && "$PG_THROWAWAY_BIN/psql" -q -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -c 'CREATE DATABASE before'

dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/LoadTest >/dev/null

measure() {
  local log=$1; shift
  taskset -c 1 dotnet run -c Release --no-build --project bench/LoadTest -- "$@" \
    --engine child --server-cpus 0 --warmup "$warmup" --duration "$duration" --users "${USERS:-200}" --watchers "${WATCHERS:-0}" \
    ${WEBHOOKS:+--webhooks} ${WEBHOOK_BATCHES:+--webhook-batches} \
    >"$OUT/$log.log" 2>&1 || echo "run $log failed (see $OUT/$log.log)" >&2
  grep -E "^│ (HotSeat|Distinct|Group|GET /health/live) |of GET /health/live|violat" "$OUT/$log.log" | sed "s/^/$log: /" || true
  grep -A2 "seat-map clients" "$OUT/$log.log" | tail -1 | sed "s/^/$log watchers: /" || true
  grep -o "webhook deliveries received by the sink: [0-9,]*" "$OUT/$log.log" | sed "s/^/$log: /" || true
}

run() {
  local name=$1; shift
  [[ -z ${ONLY:-} || " $ONLY " == *" $name "* ]] || return 0
  for i in $(seq 1 "$runs"); do
    # The engine before keeps its tables in a database of its own.
    [[ -n ${BEFORE:-} ]] && measure "before-$name-$i" "${@//Database=postgres/Database=before}" --engine-dll "$BEFORE"
    measure "$name-$i" "$@"
  done
}

run hot-seat-sqlite hot-seat
run distinct-sqlite distinct
run hot-seat-postgres hot-seat --postgres "$PG_THROWAWAY_URL"
run distinct-postgres distinct --postgres "$PG_THROWAWAY_URL"
# Enough seats that the pool does not sell out before the measurement ends.
run group-sqlite group --seats 100000
run group-postgres group --seats 100000 --postgres "$PG_THROWAWAY_URL"
echo "logs: $OUT"
