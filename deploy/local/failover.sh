#!/usr/bin/env bash
# Failover with real processes: a local cluster (deploy/local/cluster.sh: 3 silos, 2 gateways,
# PostgreSQL, Redis) under load from the load tester, spread over both gateways with its invariant
# checker on, while silos are killed with kill -9, added, and stopped with SIGTERM. Prints what it
# does and what it saw; docs/scaling.md keeps one run's output.
#
#   deploy/local/failover.sh [seconds of load per part, default 40]
#
# 1. crash: a hot-seat race with confirmations; silo 1 is killed (kill -9) mid-run. Expected: no
#    invariant violated (one winner per seat, every 201 in the ledger, retried confirms answer the
#    same booking); 503s and lost connections allowed while the cluster notices the death.
# 2. scale: the same load; a silo is added, takes activations, then silo 2 gets SIGTERM. Expected:
#    0 failed requests (no 5xx, no transport error) and no invariant violated.
# 3. expiry: holds made before silo 3 is killed still block other users, and when they end the
#    seats are free again (holds last 30 s here: Reservations__HoldDuration). A 503 (a seat of
#    the dead silo, asked before the cluster declared it dead) is asked again after Retry-After.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-40}
cluster=$repo/deploy/local/cluster.sh
export CLUSTER_DIR=${CLUSTER_DIR:-$repo/.cluster}
out=$(mktemp -d /tmp/reservations-failover.XXXXXX)

say() { echo "[$(date -u +%H:%M:%S)] $*"; }
trap 'cp -r "$CLUSTER_DIR/logs" "$out/cluster-logs" 2>/dev/null; "$cluster" down >/dev/null 2>&1 || true' EXIT

CLUSTER_SETTINGS="Reservations__HoldDuration=00:00:30" "$cluster" up --silos 3 --apis 2
source "$CLUSTER_DIR/secrets.env"
urls=$("$cluster" urls)
gateway=${urls%%,*}
export RESERVATIONS_ADMIN_USER=admin RESERVATIONS_ADMIN_PASSWORD=$ADMIN_PASSWORD
dotnet build -c Release "$repo/bench/LoadTest" >"$out/build.log" 2>&1

load() { # part-name, then load tester arguments; starts it in the background as $load_pid
  local name=$1; shift
  dotnet run -c Release --no-build --project "$repo/bench/LoadTest" -- hot-seat --confirm --url "$urls" \
    --spread per-request --users 100 --warmup 5s --duration "${seconds}s" "$@" >"$out/$name.log" 2>&1 &
  load_pid=$!
}

report() { # part-name: waits for its load tester and prints its report
  local status=0
  wait "$load_pid" || status=$?
  # The report: the tables and the invariant verdict, without the progress lines.
  sed -n '/^.*HotSeat.*users/,$p' "$out/$1.log" | sed 's/\x1b\[[0-9;]*m//g'
  say "load tester exit code $status"
  return 0
}

activations() { # silo number: grain activations it holds, from its metrics
  curl -fsS "http://127.0.0.1:$((5190 + $1))/metrics" | awk '/^orleans_catalog_activations[{ ]/ { sum += $NF } END { print sum + 0 }'
}

say "part 1, crash: hot-seat with confirmations over $urls; kill -9 silo 1 after 15 s"
load crash
sleep 20   # 5 s warm-up, then 15 s of measured load
say "silo activations before the kill: 1=$(activations 1) 2=$(activations 2) 3=$(activations 3)"
"$cluster" kill-silo 1
report crash
"$cluster" status

say "part 2, scale: the same load; add a silo after 10 s, SIGTERM silo 2 after 25 s"
load scale
sleep 15
"$cluster" add-silo
sleep 10
say "silo activations: 2=$(activations 2) 3=$(activations 3) 4=$(activations 4) (4 is the new one)"
"$cluster" stop-silo 2
report scale
"$cluster" status

say "part 3, expiry: 60 held seats, then kill -9 silo 3"
admin=$(curl -fsS -X POST "$gateway/admin/login" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .token)
app=$(curl -fsS -X POST "$gateway/admin/apps" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d '{"name":"Failover","domain":"EVENT","allowedDomains":[]}')
app_id=$(jq -r .appId <<<"$app") api_key=$(jq -r .apiKey <<<"$app")
seats=$(jq -n '[range(1; 61) | {seatNumber: "S\(.)", price: 10}]')
curl -fsS -X POST "$gateway/admin/seed-data" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d "{\"appId\":\"$app_id\",\"entityId\":\"failover\",\"seats\":$seats}" | jq -r '.seats[].seatId' >"$out/seats"
tenant=(-H "x-app-id: $app_id" -H "x-api-key: $api_key" -H 'content-type: application/json')
user_token() {
  curl -fsS -X POST "$gateway/auth/signup" "${tenant[@]}" -d "{\"email\":\"$1@example.com\",\"password\":\"password-$1\",\"name\":\"$1\"}" | jq -r .token
}
holder=$(user_token holder) other=$(user_token other)
hold_all() { # token, url: how each seat answered; a 503 is asked again after Retry-After, as a client would
  local seat code tries
  while read -r seat; do
    for tries in 1 2 3 4 5 6 7 8 9 10; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$2/reserve-seat" "${tenant[@]}" -H "authorization: Bearer $1" -d "{\"seatId\":\"$seat\"}")
      [[ $code == 503 ]] || break
      echo "503-then-retried"
      sleep 1
    done
    echo "$code"
  done <"$out/seats" | sort | uniq -c | tr '\n' ' '
}
say "holder: $(hold_all "$holder" "$gateway")"
expires=$(( $(date +%s) + 30 ))
say "silo 3 holds $(activations 3) activations"
"$cluster" kill-silo 3
say "other user, right after the kill: $(hold_all "$other" "${urls##*,}")"
wait_until=$(( expires + 65 ))   # the page's sweep comes a minute after the holds end
say "waiting until the holds have ended and been swept ($(( wait_until - $(date +%s) )) s)"
sleep $(( wait_until - $(date +%s) ))
say "seat statuses: $(curl -fsS "$gateway/seats?entityId=failover" "${tenant[@]}" | jq -r '.seats[].status' | sort | uniq -c | tr '\n' ' ')"
say "other user, after expiry: $(hold_all "$other" "${urls##*,}")"
"$cluster" status
say "logs: $out"
