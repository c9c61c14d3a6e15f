#!/usr/bin/env bash
# Issue 13's side-by-side: the reference peer (bench/Peer, one conditional UPDATE per hold) and the engine,
# in one session, under the same load tester (`holds`: one hold per request on fresh pre-seeded seats), the
# same pinning (server and PostgreSQL on core 0, load tester on core 1), warm-up and connections, on SQLite
# (synchronous=FULL) and on a durable PostgreSQL (fsync=on, synchronous_commit=on). Peer and engine
# alternate run by run; the medians and the ratio engine/peer are printed per store.
# Usage: bench/run-peer.sh [runs] [warmup] [duration]; logs in $OUT; ONLY="sqlite" or ONLY="postgres".
# SERVER_CPUS=0,1 gives the servers and PostgreSQL both cores, the load tester's included (not issue 13's setting).
# The default warm-up, 240 s, is past the engine's first collection of idle seats (from about 125 s):
# shorter runs measure an engine that has not yet paid for deactivating what it activated.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3} warmup=${2:-240s} duration=${3:-40s} server_cpus=${SERVER_CPUS:-0}
OUT=${OUT:-$(mktemp -d /tmp/reservations-peer.XXXXXX)}
mkdir -p "$OUT"

# 200 users may keep at most 1,000 live holds each (the engine's ceiling on its per-user limit): with the
# default 120 s holds that caps the engine near 1,700 holds/s. 10 s holds lift the cap to 20,000/s. Both
# servers read the setting; an ending hold costs the engine only its page's sweep (one checkpoint write
# per page of 1,000 seats), the peer nothing.
export ENGINE_Reservations__HoldDuration=${HOLD_DURATION:-00:00:10}

source scripts/postgres.sh
trap pg_throwaway_stop EXIT
export PG_THROWAWAY_DURABLE=1
taskset -p -c "$server_cpus" $$ >/dev/null   # PostgreSQL inherits the servers' cores from this shell
pg_throwaway_start
taskset -p -c 0,1 $$ >/dev/null
"$PG_THROWAWAY_BIN/psql" -q -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -c 'CREATE DATABASE peer'
"$PG_THROWAWAY_BIN/psql" -qtA -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres \
  -c 'SHOW fsync' -c 'SHOW synchronous_commit' | paste -sd' ' | sed 's/^/PostgreSQL fsync, synchronous_commit: /'

dotnet build -c Release src/Api >/dev/null
dotnet build -c Release bench/Peer >/dev/null
dotnet build -c Release bench/LoadTest >/dev/null
engine_dll=src/Api/bin/Release/net10.0/Reservations.Api.dll
peer_dll=bench/Peer/bin/Release/net10.0/Reservations.Peer.dll

# One run; appends "holds/s p99-ms" to $OUT/<name>.txt.
measure() {
  local name=$1 i=$2; shift 2
  local log="$OUT/$name-$i.log"
  taskset -c 1 dotnet run -c Release --no-build --project bench/LoadTest -- holds "$@" \
    --engine child --server-cpus "$server_cpus" --ceiling false --warmup "$warmup" --duration "$duration" \
    --users "${USERS:-200}" --connections "${CONNECTIONS:-64}" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$log" \
    || echo "run $name-$i failed (see $log)" >&2
  local seconds holds p99
  seconds=$(grep -oE '[0-9]+ s measured' "$log" | grep -oE '^[0-9]+' || echo 0)
  holds=$(grep -E '^│ Reserve 201 ' "$log" | tr -d ',│' | awk '{print $3}' || echo 0)
  p99=$(grep -E '^│ Holds ' "$log" | tr -d ',' | awk -F'│' '{print $7}' | grep -oE '[0-9.]+' || echo nan)
  grep -qE 'violat' "$log" && grep -E 'violat' "$log" | sed "s/^/$name-$i: /"
  awk -v h="${holds:-0}" -v s="$seconds" -v p="${p99:-nan}" 'BEGIN { printf "%.0f %s\n", (s > 0 ? h / s : 0), p }' >>"$OUT/$name.txt"
  echo "$name-$i: $(tail -1 "$OUT/$name.txt" | awk '{print $1 " holds/s, p99 " $2 " ms"}')"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

store() {
  local store=$1; shift
  [[ -z ${ONLY:-} || " $ONLY " == *" $store "* ]] || return 0
  local peer_args=("$@") engine_args=("$@")
  [[ $store == postgres ]] && peer_args=(--postgres "${PG_THROWAWAY_URL/Database=postgres/Database=peer}")
  : >"$OUT/peer-$store.txt"; : >"$OUT/engine-$store.txt"   # a reused $OUT must not mix in another session's runs
  for i in $(seq 1 "$runs"); do
    measure "peer-$store" "$i" --engine-dll "$peer_dll" "${peer_args[@]}"
    measure "engine-$store" "$i" --engine-dll "$engine_dll" "${engine_args[@]}"
  done
  local peer engine peer_p99 engine_p99
  peer=$(awk '{print $1}' "$OUT/peer-$store.txt" | median)
  engine=$(awk '{print $1}' "$OUT/engine-$store.txt" | median)
  peer_p99=$(awk '{print $2}' "$OUT/peer-$store.txt" | median)
  engine_p99=$(awk '{print $2}' "$OUT/engine-$store.txt" | median)
  awk -v s="$store" -v p="$peer" -v e="$engine" -v pp="$peer_p99" -v ep="$engine_p99" -v n="$runs" 'BEGIN {
    printf "%s (median of %d): peer %.0f holds/s p99 %s ms | engine %.0f holds/s p99 %s ms | engine/peer %.2f\n", s, n, p, pp, e, ep, (p > 0 ? e / p : 0) }' \
    | tee -a "$OUT/summary.txt"
}

store sqlite
store postgres --postgres "$PG_THROWAWAY_URL"
echo "logs: $OUT"
