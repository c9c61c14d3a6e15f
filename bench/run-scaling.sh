#!/usr/bin/env bash
# The cluster figures of docs/scaling.md: 1, 2 and 3 silos behind 2 gateways (deploy/local/cluster.sh,
# durable PostgreSQL, Redis), hot-seat and distinct, three runs each. The whole cluster runs on
# core 0 and the load tester on core 1 (shared/BENCHMARKING.md), so the figures show what the hops
# and the extra processes cost on one core, not what more machines would add.
# Usage: bench/run-scaling.sh [runs] [warmup] [duration] [silo counts]; logs in $OUT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3} warmup=${2:-60s} duration=${3:-30s} counts=${4:-1 2 3}
OUT=${OUT:-$(mktemp -d /tmp/reservations-scaling.XXXXXX)}
export CLUSTER_DIR=${CLUSTER_DIR:-$PWD/.cluster}
trap 'deploy/local/cluster.sh down >/dev/null 2>&1 || true' EXIT
dotnet build -c Release bench/LoadTest >/dev/null

for silos in $counts; do
  # Everything the cluster starts inherits core 0 from this shell.
  taskset -p -c 0 $$ >/dev/null
  deploy/local/cluster.sh up --silos "$silos" --apis 2 >"$OUT/cluster-$silos.log"
  taskset -p -c 0,1 $$ >/dev/null
  source "$CLUSTER_DIR/secrets.env"
  for scenario in hot-seat distinct; do
    for i in $(seq 1 "$runs"); do
      log="$OUT/$scenario-$silos-silos-$i.log"
      RESERVATIONS_ADMIN_USER=admin RESERVATIONS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        taskset -c 1 dotnet run -c Release --no-build --project bench/LoadTest -- "$scenario" \
        --url "$(deploy/local/cluster.sh urls)" --connections 32 --users 200 --warmup "$warmup" --duration "$duration" \
        >"$log" 2>&1 || echo "run $log failed" >&2
      grep -E "^│ (HotSeat|Distinct) |violat" "$log" | sed "s/^/$scenario $silos silos run $i: /" || true
    done
  done
  deploy/local/cluster.sh down >/dev/null
done
echo "logs: $OUT"
