#!/usr/bin/env bash
# A cluster of the engine on this machine: PostgreSQL, Redis, N src/Silo processes and M src/Api
# gateways, all on 127.0.0.1, from the Release build. State and logs in $CLUSTER_DIR (default
# .cluster/ at the repo root; logs/ holds one file per process).
#
#   deploy/local/cluster.sh up [--silos N] [--apis M]   # default 3 silos, 2 gateways
#   deploy/local/cluster.sh status
#   deploy/local/cluster.sh kill-silo N                 # kill -9: no goodbye to the cluster
#   deploy/local/cluster.sh stop-silo N                 # SIGTERM: a graceful leave
#   deploy/local/cluster.sh add-silo
#   deploy/local/cluster.sh urls                        # the gateways' URLs, comma-separated
#   deploy/local/cluster.sh down                        # stops everything, deletes the state
#
# Ports: silo N listens on 11110+N (silo), 30000+N (Orleans gateway), 5190+N (health, metrics);
# gateway M on http://127.0.0.1:(5080+M). The admin password and JWT key are generated at `up`
# and kept in $CLUSTER_DIR/secrets.env (mode 0600). CLUSTER_SETTINGS="Key__Name=value ..." at
# `up` adds settings for every process (e.g. Reservations__HoldDuration=00:00:20). Local use
# only: the servers trust every local connection.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=${CLUSTER_DIR:-$repo/.cluster}
# shellcheck source=scripts/postgres.sh
source "$repo/scripts/postgres.sh"
# shellcheck source=scripts/redis.sh
source "$repo/scripts/redis.sh"

silo_dll=$repo/src/Silo/bin/Release/net10.0/Reservations.Silo.dll
api_dll=$repo/src/Api/bin/Release/net10.0/Reservations.Api.dll

die() { echo "error: $*" >&2; exit 1; }
pid_of() { cat "$dir/pids/$1" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
load_state() { [[ -f $dir/state.env ]] || die "no cluster is up (no $dir/state.env)"; source "$dir/state.env"; source "$dir/secrets.env"; }

wait_for() { # description seconds command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 10))); do "$@" && return 0; sleep 0.1; done
  die "$what did not come up within ${seconds}s (logs in $dir/logs)"
}

ready() { curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null; }

# Settings every silo and gateway shares; the secrets come from secrets.env.
cluster_env() {
  echo "DOTNET_ENVIRONMENT=Production"
  echo "Orleans__ClusterId=local"
  echo "Orleans__ServiceId=reservations"
  echo "ConnectionStrings__Redis=$REDIS_THROWAWAY_URL"
  echo "Jwt__SigningKey=$JWT_KEY"
  echo "Webhooks__SigningKey=$WEBHOOK_KEY"
  echo "Admin__Password=$ADMIN_PASSWORD"
  # A call in flight through a silo that dies waits this long before its 503 (docs/scaling.md).
  echo "Orleans__ResponseTimeout=00:00:10"
  echo "Logging__LogLevel__Orleans=Warning"
  echo "Logging__LogLevel__Microsoft.AspNetCore=Warning"
  local setting
  for setting in ${CLUSTER_SETTINGS:-}; do echo "$setting"; done
}

start_silo() {
  local n=$1
  (
    cd "$dir"
    # setsid: the silo outlives this script, and a kill of its process group reaches only it.
    env $(cluster_env) \
      Orleans__Membership=Redis Storage__Provider=Postgres ConnectionStrings__Postgres="$PG_THROWAWAY_URL" \
      Orleans__SiloPort=$((11110 + n)) Orleans__GatewayPort=$((30000 + n)) Urls="http://127.0.0.1:$((5190 + n))" \
      setsid dotnet "$silo_dll" >"$dir/logs/silo-$n.log" 2>&1 </dev/null &
    echo $! >"$dir/pids/silo-$n"
  )
  wait_for "silo $n" 120 port_open $((30000 + n))
  echo "silo $n up (gateway 127.0.0.1:$((30000 + n)), pid $(pid_of "silo-$n"))"
}

start_api() {
  local m=$1 url="http://127.0.0.1:$((5080 + m))"
  (
    cd "$dir"
    env $(cluster_env) Engine__Mode=Gateway Urls="$url" \
      setsid dotnet "$api_dll" >"$dir/logs/api-$m.log" 2>&1 </dev/null &
    echo $! >"$dir/pids/api-$m"
  )
  wait_for "gateway $m" 120 ready "$url"
  echo "gateway $m up at $url (pid $(pid_of "api-$m"))"
}

silo_count() { ls "$dir/pids" | grep -c '^silo-' || true; }
api_urls() { local urls=() f; for f in "$dir"/pids/api-*; do urls+=("http://127.0.0.1:$((5080 + ${f##*-}))"); done; (IFS=,; echo "${urls[*]}"); }

up() {
  local silos=3 apis=2
  while [[ $# -gt 0 ]]; do
    case $1 in
      --silos) silos=$2; shift 2 ;;
      --apis) apis=$2; shift 2 ;;
      *) die "unknown option $1 (up [--silos N] [--apis M])" ;;
    esac
  done
  [[ $silos =~ ^[1-9][0-9]?$ && $apis =~ ^[1-9]$ ]] || die "--silos takes 1-99, --apis 1-9"
  [[ -e $dir/state.env ]] && die "a cluster is already up in $dir (run down first)"
  mkdir -p "$dir/logs" "$dir/pids"

  echo "building src/Silo and src/Api (Release)"
  dotnet build -c Release "$repo/src/Api" >"$dir/logs/build.log" 2>&1 || die "the build failed (see $dir/logs/build.log)"
  dotnet build -c Release "$repo/src/Silo" >>"$dir/logs/build.log" 2>&1 || die "the build failed (see $dir/logs/build.log)"

  PG_THROWAWAY_DURABLE=1 pg_throwaway_start
  redis_throwaway_start
  cat >"$dir/state.env" <<EOF
PG_THROWAWAY_DIR=$PG_THROWAWAY_DIR
PG_THROWAWAY_BIN=$PG_THROWAWAY_BIN
PG_THROWAWAY_PORT=$PG_THROWAWAY_PORT
PG_THROWAWAY_URL="$PG_THROWAWAY_URL"
REDIS_THROWAWAY_DIR=$REDIS_THROWAWAY_DIR
REDIS_THROWAWAY_PORT=$REDIS_THROWAWAY_PORT
REDIS_THROWAWAY_URL=$REDIS_THROWAWAY_URL
CLUSTER_SETTINGS="${CLUSTER_SETTINGS:-}"
EOF
  (umask 077; cat >"$dir/secrets.env" <<EOF
JWT_KEY=$(head -c 48 /dev/urandom | base64 -w0)
WEBHOOK_KEY=$(head -c 48 /dev/urandom | base64 -w0)
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 -w0 | tr '+/' '-_')
EOF
  )
  source "$dir/secrets.env"

  local n m
  for n in $(seq 1 "$silos"); do start_silo "$n"; done
  for m in $(seq 1 "$apis"); do start_api "$m"; done
  echo "cluster up: gateways $(api_urls); admin password in $dir/secrets.env (ADMIN_PASSWORD)"
}

status() {
  load_state
  echo "PostgreSQL 127.0.0.1:$PG_THROWAWAY_PORT, Redis $REDIS_THROWAWAY_URL"
  local f name n
  for f in "$dir"/pids/*; do
    name=${f##*/} n=${name##*-}
    if ! alive "$name"; then
      echo "$name: down"
    elif [[ $name == silo-* ]]; then
      echo "$name: running (pid $(pid_of "$name"), gateway 127.0.0.1:$((30000 + n)), ready: $(ready "http://127.0.0.1:$((5190 + n))" && echo yes || echo no))"
    else
      echo "$name: running (pid $(pid_of "$name"), http://127.0.0.1:$((5080 + n)), ready: $(ready "http://127.0.0.1:$((5080 + n))" && echo yes || echo no))"
    fi
  done
}

signal_silo() {
  local signal=$1 n=${2:-}
  [[ $n =~ ^[0-9]+$ ]] || die "which silo? (kill-silo N / stop-silo N)"
  alive "silo-$n" || die "silo $n is not running"
  local pid; pid=$(pid_of "silo-$n")
  kill "-$signal" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  echo "silo $n ($pid) ended by SIG$signal"
}

add_silo() { load_state; start_silo $(( $(silo_count) + 1 )); }

down() {
  [[ -d $dir ]] || { echo "no cluster in $dir"; return 0; }
  local f pid
  for f in "$dir"/pids/api-* "$dir"/pids/silo-*; do
    [[ -e $f ]] || continue
    pid=$(cat "$f")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for f in "$dir"/pids/*; do
    [[ -e $f ]] || continue
    pid=$(cat "$f")
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ -f $dir/state.env ]]; then
    source "$dir/state.env"
    pg_throwaway_stop
    redis_throwaway_stop
  fi
  rm -rf "$dir"
  echo "cluster down"
}

case ${1:-} in
  up) shift; up "$@" ;;
  status) status ;;
  kill-silo) load_state; signal_silo KILL "${2:-}" ;;
  stop-silo) load_state; signal_silo TERM "${2:-}" ;;
  add-silo) add_silo ;;
  urls) load_state; api_urls ;;
  down) down ;;
  *) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
